"""Pull the facts out of a letter: benefits, ESA group, office, letter date and the appointment."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analyser.ingest.cleanup import COLUMN_GAP
from analyser.nlp.dates import FoundDate, find_dates, find_times, resolve_year
from analyser.typography import line_around, lowered

# In lower case, searched in the lowered text (see typography.lowered).
BENEFIT_NAMES: dict[str, re.Pattern[str]] = {
    "esa": re.compile(r"employment\s+and\s+sup\s?p\s?o\s?r\s?t\s+allowance|\besa\b|\bnsesa\b"),
    "income_support": re.compile(r"income\s+support"),
    "universal_credit": re.compile(r"universal\s+credit|\buc\b(?!\s*50)"),
    "jsa": re.compile(r"job\s?seeker'?s'?\s+allowance|\bjsa\b"),
    "pension_credit": re.compile(r"pension\s+credit"),
    "carers_allowance": re.compile(r"carer'?s'?\s+allowance"),
    "pip": re.compile(r"personal\s+independence\s+payment|\bpip\b"),
    "dla": re.compile(r"disability\s+living\s+allowance|\bdla\b"),
    "attendance_allowance": re.compile(r"attendance\s+allowance"),
    "housing_benefit": re.compile(r"housing\s+benefit"),
}
_OFFICE = re.compile(
    r"job\s?cent(?:re|er)(?:\s+plus)?|benefits?\s+(?:delivery\s+)?centre|service\s+centre|contact\s+centre"
    r"|assessment\s+centre|medical\s+(?:examination\s+)?centre|pension\s+centre|benefit\s+office"
    r"|council|universal\s+credit\s+(?:full\s+)?service|\bDWP\b|department\s+for\s+work"
    r"|centre\s+for\s+health\s+and\s+disability|health\s+assessment\s+advisory|independent\s+assessment\s+services"
    r"|atos\s+healthcare|medical\s+services|functional\s+assessment\s+service",
    re.I,
)
_SALUTATION = re.compile(r"^\s*(?:dear|hi|hello)\b", re.I | re.M)
# What ends a label: a colon or a dash, or a text table's bar ("Date: ...", "Time - ...", "Date | ...").
_LABEL_MARK = r"[:\-|]"
_LETTER_DATE_LABEL = re.compile(
    rf"(?:^|\n)\s*(?:date(?: of (?:this )?letter)?|dated|issued|letter date)\s*{_LABEL_MARK}?\s*", re.I
)
_PLACE_LABEL = re.compile(
    r"(?:^|\n)[ \t]*(?:(?:place|where|address|venue|location|at)\s*[:\-]|(?:place|where|venue|location)\s*\|)"
    r"\s*(?P<place>[^\n]+)",
    re.I,
)
_PHONE_APPOINTMENT = re.compile(
    r"(?:tele)?phone\s+(?:appointment|interview|call|assessment|consultation|meeting)|by\s+(?:tele)?phone"
    r"|over\s+the\s+(?:tele)?phone|(?:we|adviser|coach|assessor|professional|someone)\s+will\s+(?:phone|call|ring|telephone)\s+you"
    r"|(?:will|we'll)\s+(?:now\s+|also\s+)?(?:phone|call|ring|telephone)\s+you|phone\s+you\s+on|call\s+you\s+on|ring\s+you\s+on",
    re.I,
)
# Words just before a date that make it a deadline or a past date, not an appointment's.
_DEADLINE_WORDS = (
    *("by", "before", r"no\s+later\s+than", r"return(?:ed)?\s+(?:it|this|the form)?\s*(?:to us\s+)?by"),
    *("within", "until", "from", "since", "dated", r"letter\s+of", r"on\s+or\s+before"),
)
_NOT_APPOINTMENT = re.compile(
    "|".join([*(rf"{words}\s+$" for words in _DEADLINE_WORDS), r"payment\s+(?:on|date)\s*[:|]?\s*$"]), re.I
)
# Words near a date that make it an appointment's rather than a deadline's.
_APPOINTMENT_WORDS = re.compile(
    "|".join(
        (
            *"appointment interview meeting assessment consultation attend come".split(),
            *(r"\bcall\b", "phone you", "ring you", "see you", "on:", "date:", "when:"),
            *"review session visit examination arranged booked adviser".split(),
            *("work coach", r"sign(?:ing)? on", r"\bmeet\b", r"\bslot\b", "jobcentre"),
        )
    ),
    re.I,
)
# A date the letter replaces or cancels: "Old appointment: Monday 10 June - this will no longer take
# place", "the appointment that was booked for Friday 5 April".
_SUPERSEDED_BEFORE = re.compile(
    r"(?:old|previous|original|earlier|cancelled)\s+(?:appointment|interview|meeting|date)\b[^\n]*$"
    r"|was\s+(?:booked|arranged|due)\s+(?:for\s+)?$|(?:moved|changed)\s+(?:it\s+)?from\s+$|instead\s+of\s+$",
    re.I,
)
_SUPERSEDED_AFTER = re.compile(
    r"(?:[^\n.]|\.\d)*?\b(?:no longer (?:take place|go ahead|happen)|(?:has|have) been cancelled|is cancelled|will not take place)",
    re.I,
)
# A date whose next line holds a "Time:" label (or a table's "Time |"), or whose own line goes on to a time
# and a place ("Date: 04/08/16     Time: 09:00     Location: ..."), belongs to an appointment box, not to
# the letterhead. A time alone on the date's line is a time stamp ("Date: 03/05/2019     Time: 14:05").
_APPOINTMENT_BLOCK = re.compile(
    rf"[^\n]*\n\W*time\s*{_LABEL_MARK}"
    rf"|[^\n]*?[ \t]{{2,}}time\s*{_LABEL_MARK}[^\n]*?\b(?:location|place|where|venue)\s*{_LABEL_MARK}",
    re.I,
)
# A date's own label just before it: "Date: ", "When | ", "Appointment - ".
_DATE_LABEL_BEFORE = re.compile(rf"(date|when|on|appointment)\s*{_LABEL_MARK}\s*$", re.I)
# Labels of a date that is an appointment, not the letter's own: "Next signing date:", "Interview:".
_APPOINTMENT_LABEL = re.compile(
    r"(?:appointment|interview|signing|meeting|assessment|visit|next|new|when|attend)\b[^\n]*$", re.I
)


def _line_before(text: str, position: int) -> str:
    return text[line_around(text, position)[0] : position]


@dataclass
class AppointmentFound:
    date: str | None
    time: str | None
    place: str | None
    phone: bool
    date_span: tuple[int, int] | None


def benefits_mentioned(text: str) -> list[str]:
    """The benefits the letter names, in the contract's order."""
    low = lowered(text)
    return [benefit for benefit, pattern in BENEFIT_NAMES.items() if pattern.search(low)]


# Who sends the letters this product reads, and what they are about: a letter naming none of these
# (a bank's, a utility's) is not one the findings were made for.
_BENEFIT_SENDER = re.compile(
    r"\b(dwp|department for work|job ?cent(?:re|er)|jcp|work coach|adviser|advisor|benefits?|claim"
    r"|pension service|disability service centre|health assessment|hass|maximus|atos|capita"
    r"|independent assessment services|chda|ingeus|seetec|reed|g4s|a4e|shaw trust|serco|fedcap|remploy"
    r"|work programme|restart|work and health programme|work choice|jobseeker|claimant commitment"
    r"|work capability|esa50|uc50|sanction|universal credit|journal|limited capability|support group"
    r"|work-related activity|work[- ]focused|mandatory reconsideration|tribunals?|pip\d?|assessment provider)\b"
)


def names_a_benefit_sender(text: str) -> bool:
    """Whether the text names the DWP, a Jobcentre or a provider they use, or their business (a
    letter naming a benefit is one too: see benefits_mentioned)."""
    return bool(_BENEFIT_SENDER.search(lowered(text)))


def letter_date(text: str) -> FoundDate | None:
    """The date the letter was written: a labelled date, else the first date before 'Dear'."""
    salutation = _SALUTATION.search(text)
    header = text[: salutation.start()] if salutation else text[:800]
    # Only the letterhead: a "Date:" line in the body is the appointment's.
    # "Letter date:" beats a plain "Date:", which may head an appointment box ("Date: ... Time: ...").
    labels = [
        label
        for label in _LETTER_DATE_LABEL.finditer(header)
        if not _APPOINTMENT_BLOCK.match(header, label.end())
    ]
    labelled = next((label for label in labels if "letter" in label.group(0).lower()), None) or next(
        iter(labels), None
    )
    if labelled:
        dates = find_dates(text[labelled.end() : labelled.end() + 40])
        if dates and dates[0].start == 0 and dates[0].value:
            first = dates[0]
            return FoundDate(
                first.value,
                first.start + labelled.end(),
                first.end + labelled.end(),
                first.day,
                first.month,
                first.year,
            )
    for found in find_dates(header):
        # What precedes the date in its own column: a header line may hold several label/value pairs.
        columns = COLUMN_GAP.split(_line_before(header, found.start))
        line_before = next((column for column in reversed(columns) if column.strip()), "")
        if (
            found.value
            and not re.search(r"(born|birth|dob)\W*$", line_before, re.I)
            and not _APPOINTMENT_LABEL.search(line_before)
            and not _APPOINTMENT_BLOCK.match(header, found.start)
        ):
            return found
    return None


_NAMED_JOBCENTRE = re.compile(r"\b((?:[A-Z][\w'&-]+ ){1,3}Job\s?cent(?:re|er)(?: Plus)?)")
_GENERIC_SENDER = re.compile(
    r"^(?:freepost\b.*|universal credit(?: full service)?|jobcentre plus(?: / .*)?|dwp|department for work.*)$",
    re.I,
)


def office(text: str) -> str | None:
    """The office the letter comes from: the letterhead's, or for a letter from a central address
    (Universal Credit, FREEPOST) the Jobcentre the body names, so reports can count by office."""
    sender = _letterhead_office(text)
    if sender is None or _GENERIC_SENDER.match(sender):
        named = _NAMED_JOBCENTRE.search(text)
        if named and not _NOT_PLACE & set(named.group(1).split()):
            return named.group(1)
    return sender


def _letterhead_office(text: str) -> str | None:
    """The sending office as the letterhead names it (the lines before 'Dear')."""
    salutation = _SALUTATION.search(text)
    header_lines = [
        line.strip() for line in (text[: salutation.start()] if salutation else text[:600]).splitlines()
    ]
    # A Markdown heading ("# My letter from the jobcentre") is the title someone gave the file, not a letterhead.
    header_lines = [line for line in header_lines if line and not line.startswith("#")]
    for index, line in enumerate(header_lines[:25]):
        if (
            not _OFFICE.search(line)
            or len(line) > 70
            or re.search(r"\b(dear|phone|tel|email|www|fax)\b", line, re.I)
        ):
            continue
        if re.fullmatch(
            r"(?:department for work (?:and|&) pensions|dwp|jobcentre plus|job centre plus)", line, re.I
        ):
            following = _before_person(header_lines[index + 1]) if index + 1 < len(header_lines) else ""
            if (
                following
                and not re.search(r"\d", following)
                and len(following) < 50
                and not _OFFICE.search(following)
            ):
                return f"{following} {line}" if "jobcentre" in line.lower() else following
            continue
        return _office_name(line)
    # No office named in the usual words: a provider or service heads its own letters.
    first = header_lines[0] if header_lines else ""
    if first and len(first) <= 60 and not re.search(r"\d|@|www", first) and not _PERSON.search(first):
        return first.rstrip(",")
    return None


_PERSON = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s", re.I)
_NOT_PLACE = {"From", "To", "Your", "Our", "The", "Dear", "Work", "Coach", "Adviser", "Team", "Office"}


def _before_person(line: str) -> str:
    """The part of a line before an addressee's name: scans can set two columns on one line."""
    person = _PERSON.search(line)
    return line[: person.start()].strip(" ,") if person else line


def _office_name(line: str) -> str:
    """'From: Rhian (Work Coach), Llandudno Jobcentre' -> 'Llandudno Jobcentre'."""
    line = _before_person(line).rstrip(",")
    match = _OFFICE.search(line)
    if not match or match.start() == 0:
        return line
    prefix = line[: match.start()]
    place: list[str] = []
    for word in reversed(prefix.split()):
        if not re.fullmatch(r"\(?[A-Z][\w'&-]*\)?", word) or word in _NOT_PLACE or len(place) == 3:
            break
        place.insert(0, word)
    return " ".join([*place, line[match.start() :].strip()])


def appointment(text: str, sent: FoundDate | None) -> AppointmentFound | None:
    """The appointment the letter asks the reader to keep: the first plausible date after 'Dear'
    (or in a 'Date:' line) that is not a reply-by date, with the time and place next to it."""
    salutation = _SALUTATION.search(text)
    body_start = salutation.start() if salutation else 0
    sent_date = sent.value if sent else None
    candidates = []
    for found in find_dates(text):
        if sent is not None and found.start == sent.start:
            continue  # the letter's own date
        found = resolve_year(found, sent_date)
        if found.value is None or found.value == sent_date:
            continue  # the letter's date again (a journal entry's time stamp, a footer)
        before = text[max(0, found.start - 40) : found.start]
        line_before = _line_before(text, found.start)
        if (
            _NOT_APPOINTMENT.search(before)
            or _SUPERSEDED_BEFORE.search(line_before)
            or _SUPERSEDED_AFTER.match(text, found.end, found.end + 120)
        ):
            continue
        if sent_date and (found.value < sent_date or (found.value - sent_date).days > 200):
            continue
        context = text[max(0, found.start - 160) : found.end + 120]
        if not _APPOINTMENT_WORDS.search(context):
            continue
        labelled = _DATE_LABEL_BEFORE.search(before) is not None
        if found.start < body_start and not labelled:
            continue
        candidates.append((not labelled, found.start, found))
    if not candidates:
        return None
    found = min(candidates, key=lambda c: (c[0], c[1]))[2]
    near = text[found.start : found.end + 160]
    times = find_times(near) or find_times(text[max(0, found.start - 80) : found.start])
    place = _PLACE_LABEL.search(text[max(0, found.start - 200) : found.end + 400])
    is_phone = bool(_PHONE_APPOINTMENT.search(text[max(0, found.start - 600) : found.end + 600]))
    if re.search(r"video\s+(?:call|appointment|assessment)", text, re.I):
        is_phone = False
    return AppointmentFound(
        date=found.value.isoformat() if found.value else None,
        time=times[0].value if times else None,
        place=place.group("place").strip().rstrip(",.") if place else None,
        phone=is_phone,
        date_span=(found.start, found.end),
    )
