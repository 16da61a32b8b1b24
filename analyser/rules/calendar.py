"""Dates as the law and letters count them: working days, UK bank holidays by nation, months, and wording."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

import holidays

from analyser.result import Letter

# The nations whose bank holidays differ, as the `holidays` package names them.
NATIONS = {"england_wales": "ENG", "scotland": "SCT", "northern_ireland": "NIR"}
# Postcode areas wholly or mainly in Scotland; BT is Northern Ireland; everything else England and Wales.
SCOTTISH_AREAS = frozenset("AB DD DG EH FK G HS IV KA KW KY ML PA PH TD ZE".split())
POSTCODE = re.compile(r"\b([A-Z]{1,2})\d[A-Z\d]?\s*\d[A-Z]{2}\b")


def nation_of(address_lines: list[str] | None) -> str:
    """The nation an address is in, from its postcode area (England and Wales when unknown)."""
    for line in reversed(address_lines or []):
        match = POSTCODE.search(line.upper())
        if match:
            area = match.group(1)
            if area == "BT":
                return "northern_ireland"
            return "scotland" if area in SCOTTISH_AREAS else "england_wales"
    return "england_wales"


@lru_cache(maxsize=8)
def _bank_holidays(nation: str, year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("GB", subdiv=NATIONS[nation], years=[year - 1, year, year + 1])


def is_working_day(day: date, nation: str = "england_wales") -> bool:
    """Monday to Friday and not a bank holiday in that nation."""
    return day.weekday() < 5 and day not in _bank_holidays(nation, day.year)


def add_working_days(start: date, count: int, nation: str = "england_wales") -> date:
    """The working day `count` working days after `start` (before it when count is negative)."""
    step = 1 if count >= 0 else -1
    day, left = start, abs(count)
    while left:
        day += timedelta(days=step)
        if is_working_day(day, nation):
            left -= 1
    return day


def add_months(start: date, months: int) -> date:
    """The same day `months` later; the month's last day when it is shorter (31 Jan + 1 month = 28/29 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def parse_day(value: str | None) -> date | None:
    """An ISO date, or None when there is none or it is not one."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def appointment_passed(letter: Letter, today: date | None = None) -> bool:
    """Whether the letter's appointment was before today (False with no date): what to do changes then."""
    day = parse_day(letter.appointment.date if letter.appointment else None)
    return day is not None and day < (today or date.today())


def long_date(value: str | date | None) -> str | None:
    """2014-11-14 as 'Friday 14 November 2014'; anything unparseable as it came."""
    day = value if isinstance(value, date) else parse_day(value)
    if day is None:
        return value if isinstance(value, str) and value else None
    return f"{day:%A} {day.day} {day:%B %Y}"


def day_month_year(value: str | date | None) -> str:
    """A date as people write it in letters ("3 November 2014"), or "" when there is none."""
    day = value if isinstance(value, date) else parse_day(value)
    return f"{day.day} {day:%B %Y}" if day else ""


def clock_time(value: str | None) -> str | None:
    """10:30 as '10:30am', 14:15 as '2:15pm', 14:00 as '2pm' (the GOV.UK style for times)."""
    match = re.fullmatch(r"(\d{1,2})[:.](\d{2})", (value or "").strip())
    if not match:
        return value
    hour, minute = int(match[1]), match[2]
    suffix = "am" if hour < 12 else "pm"
    hour = hour % 12 or 12
    return f"{hour}{'' if minute == '00' else ':' + minute}{suffix}"
