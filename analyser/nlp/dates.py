"""Find dates and times in letter text in every common UK format, resolving year-less dates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from analyser.result import MONTH_NAMES
from analyser.typography import lowered

# Full names, their three-letter abbreviations, and "sept" (September's four-letter one, in use).
MONTHS = {
    spelling: number
    for number, name in enumerate(MONTH_NAMES, start=1)
    for spelling in {name, name[:3], *((name[:4],) if number == 9 else ())}
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)"  # a weekday, whole or shortened
_DAYNAME = rf"(?:{_DAY}(?:day)?,?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
_WEEKDAYS = {name: number for number, name in enumerate(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])}
_YEAR = r"(?P<year>(?:19|20)\d\d|'?\d\d)"
# After a month name, on the same line, and not the hour of a time: "Tuesday 30 January, 10:15am".
_WORD_DATE_YEAR = r"(?:,?[ \t]+(?P<year>(?:19|20)\d\d|'\d\d)(?![:.]\d|\s*[ap]\.?m\b))?\b"

_BARE_DAY_MONTH = re.compile(r"\b(?P<day>[0-3]?\d)/(?P<num_month>[01]?\d)\b(?![/.\-]\d)")
# In lower case, searched in the lowered text (see typography.lowered).
_PATTERNS = [
    # Tuesday 14 May 2013 / 14th of May, 2013 / 14 May
    re.compile(_DAYNAME + r"(?P<day>[0-3]?\d)" + _ORD + r"\s+(?:of\s+)?" + _MONTH + _WORD_DATE_YEAR),
    # May 14, 2013 / Tuesday, May 14th
    re.compile(_DAYNAME + _MONTH + r"\s+(?P<day>[0-3]?\d)" + _ORD + _WORD_DATE_YEAR),
    # 14/05/2013, 14.5.13, 14-05-2013
    re.compile(r"\b(?P<day>[0-3]?\d)[/.\-](?P<num_month>[01]?\d)[/.\-]" + _YEAR + r"\b"),
    # Thu 13/03: day and month only, trusted when a weekday names it, "on" or "Date:" leads to
    # it, or a time follows ("09/04 at 9:45"); a bare 1/2 is a fraction
    re.compile(_DAYNAME.removesuffix("?") + r"(?P<day>[0-3]?\d)/(?P<num_month>[01]?\d)\b(?![/.\-]\d)"),
    _BARE_DAY_MONTH,
    # Friday 24th: the month is the next one, from the letter's date, where the 24th is a Friday
    re.compile(
        rf"\b(?P<weekday>{_DAY})(?:day)?\s+(?:the\s+)?"
        r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b",
    ),
    # 2013-05-14
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<num_month>[01]\d)-(?P<day>[0-3]\d)\b"),
]

_BARE_LEAD = re.compile(r"(?:\bon|date\s*[:\-]|when\s*[:\-])\s*$", re.I)
_BARE_TAIL = re.compile(r",?\s+(?:at|from|between)\s+\d")

_TIME = re.compile(
    r"\b(?P<hour>[012]?\d)(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?![a-z])"
    r"|\b(?P<hour24>[012]?\d)[:.](?P<minute24>[0-5]\d)(?:\s*(?:hrs|hours|h))?\b(?![./]\d)"
    r"|\b(?P<noon>noon|midday)\b",
    re.I,
)
# A time of day ("10am", "2.15pm", "10:30") or a weekday named in full: a meeting may be booked even
# where no whole date is found ("your next appointment is on Tuesday at 10am").
_WHEN = re.compile(rf"\b\d{{1,2}}(?:[.:]\d{{2}})?\s?(?:am|pm)\b|\b\d{{1,2}}:\d{{2}}\b|\b{_DAY}day\b", re.I)
_WORD_TIME = re.compile(r"\b(?P<how>half past|quarter past|quarter to)\s+(?P<hour>[a-z]+)\b", re.I)
_NUMBER_WORDS = {
    w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
}


@dataclass(frozen=True)
class FoundDate:
    value: date | None  # None when the year is missing and nothing resolved it yet
    start: int
    end: int
    day: int
    month: int  # 0 when only a weekday and a day were given ("Friday 24th")
    year: int | None
    weekday: int | None = None  # Monday is 0, as date.weekday()

    def with_year(self, year: int) -> FoundDate:
        return FoundDate(
            _safe_date(year, self.month, self.day), self.start, self.end, self.day, self.month, year
        )


@dataclass(frozen=True)
class FoundTime:
    value: str  # HH:MM, 24-hour
    start: int
    end: int


def _safe_date(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    raw = raw.lstrip("'")
    number = int(raw)
    return number if number > 99 else 2000 + number if number < 70 else 1900 + number


def find_dates(text: str) -> list[FoundDate]:
    """Every date in the text, in order of position, without overlaps."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    low = lowered(text)
    for pattern in _PATTERNS:
        for match in pattern.finditer(low):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            groups = match.groupdict()
            if pattern is _BARE_DAY_MONTH and not (
                _BARE_LEAD.search(text, max(0, match.start() - 12), match.start())
                or _BARE_TAIL.match(text, match.end())
            ):
                continue
            if groups.get("weekday"):
                weekday = _WEEKDAYS[groups["weekday"][:3].lower()]
                found.append(
                    FoundDate(None, match.start(), match.end(), int(groups["day"]), 0, None, weekday)
                )
                taken.append((match.start(), match.end()))
                continue
            month = MONTHS.get((groups.get("month") or "").lower().rstrip(".")) or int(
                groups.get("num_month") or 0
            )
            day = int(groups["day"])
            year = _year(groups.get("year"))
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            if year is None and match.group(0).lower().startswith("may"):
                continue  # "may 14 people" is not a date; "14 May" and "Monday 22 May" are
            found.append(
                FoundDate(_safe_date(year, month, day), match.start(), match.end(), day, month, year)
            )
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda d: d.start)


def resolve_year(found: FoundDate, letter_date: date | None) -> FoundDate:
    """Give a year-less date the year that puts it on or after the letter's date (and a month-less
    one the first month from the letter's on which its day falls on its weekday)."""
    if found.year is not None or letter_date is None:
        return found
    if found.month == 0:
        for ahead in range(3):
            year, month = divmod(letter_date.month - 1 + ahead, 12)
            day = _safe_date(letter_date.year + year, month + 1, found.day)
            if day and day >= letter_date and day.weekday() == found.weekday:
                return FoundDate(day, found.start, found.end, found.day, month + 1, day.year, found.weekday)
        return found
    candidate = found.with_year(letter_date.year)
    if (
        candidate.value is not None
        and candidate.value < letter_date
        and (letter_date - candidate.value).days > 60
    ):
        candidate = found.with_year(letter_date.year + 1)
    return candidate


def find_times(text: str) -> list[FoundTime]:
    """Every clock time in the text as HH:MM (24-hour)."""
    times = []
    for match in _TIME.finditer(text):
        groups = match.groupdict()
        if groups.get("noon"):
            times.append(FoundTime("12:00", match.start(), match.end()))
            continue
        if groups.get("hour") is not None:
            hour, minute = int(groups["hour"]), int(groups.get("minute") or 0)
            pm = groups["ampm"].lower().startswith("p")
            if hour > 12:
                continue
            hour = (hour % 12) + (12 if pm else 0)
        else:
            hour, minute = int(groups["hour24"]), int(groups["minute24"])
            if hour > 23 or (hour < 7 and not groups["hour24"].startswith("0")):
                continue  # "2.30" in running text is more often money or a section than 02:30
        times.append(FoundTime(f"{hour:02d}:{minute:02d}", match.start(), match.end()))
    for match in _WORD_TIME.finditer(text):
        spoken = _NUMBER_WORDS.get(match.group("hour").lower())
        if spoken is None:
            continue
        hour = spoken
        how = match.group("how").lower()
        minute = {"half past": 30, "quarter past": 15, "quarter to": 45}[how]
        hour = hour - 1 if how == "quarter to" else hour
        hour = hour + 12 if hour < 8 else hour  # office hours: "half past two" is 14:30
        times.append(FoundTime(f"{hour:02d}:{minute:02d}", match.start(), match.end()))
    return sorted(times, key=lambda t: t.start)


def names_a_time_or_weekday(text: str) -> bool:
    """Whether the text gives a time of day or names a weekday in full (see _WHEN)."""
    return _WHEN.search(text) is not None
