"""The letter's contact details: the office's phone and address, its reference, and who it is addressed to."""

from __future__ import annotations

import re

from analyser.ingest.cleanup import COLUMN_GAP
from analyser.result import Recipient

_SALUTATION = re.compile(r"^\s*(?:dear|hi|hello)\b", re.I | re.M)
_PERSON = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z]", re.I)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
# A UK number: 0 and 9 or 10 more digits, spaced as letters print them.
_NUMBER = r"(0\d(?:[ \-]?\d){8,9})(?!\d)"
_PHONE = re.compile(
    r"(?<!text)(?<!minicom )(?:tele)?phone(?:\s+(?:us|number|no\.?))?|\btel\b\.?|\bring(?:\s+us)?(?:\s+on)?|\bcall(?:\s+us)?\s+on"
    r"|contact\s+us\s+on|questions?,?\s+(?:ring|call|phone)",
    re.I,
)
_REFERENCE = re.compile(
    r"\b(?:our\s+ref(?:erence)?|your\s+ref(?:erence)?|reference(?:\s+(?:number|no\.?))?|ref\.?|please\s+quote)"
    r"[ \t]*[:\-]?[ \t]*(?P<value>[A-Z0-9][A-Z0-9/\-]*(?: [A-Z0-9/\-]+){0,4})",
    re.I,
)
_NI_NUMBER = re.compile(r"\b([A-Z]{2})\s?(\d{2})\s?(\d{2})\s?(\d{2})\s?([A-D])\b")
# A header line that is a labelled field, not an address line.
_FIELD = re.compile(
    r"^(?:date|our ref|your ref|ref|reference|national insurance|ni\b|phone|telephone|tel\b|textphone|fax|email"
    r"|e-mail|www|website|please quote|if you have|opening|lines are|freepost|customer)",
    re.I,
)
_GENERIC = re.compile(r"jobcentre plus|department for work and pensions|dwp", re.I)
_BOX = re.compile(r"^[|+\-\s]+|[|+\-\s]+$")
LONGEST_LINE = 60


def header(text: str) -> str:
    """The letter's text before its salutation ("Dear …"): letterhead, address and reference boxes."""
    salutation = _SALUTATION.search(text)
    return text[: salutation.start()] if salutation else text[:800]


def office_phone(text: str) -> str | None:
    """The number to ring: the first labelled phone number, in the letterhead first, else anywhere."""
    for part in (header(text), text):
        for line in part.splitlines():
            for label in _PHONE.finditer(line):
                number = re.match(r"[^\d\n]{0,20}?" + _NUMBER, line[label.end() :])
                if number:
                    return " ".join(number.group(1).replace("-", " ").split())
    return None


def reference(text: str) -> str | None:
    """The reference the letter asks to be quoted ("Our ref: ESA/WFI/77312")."""
    for line in header(text).splitlines() + text.splitlines():
        match = _REFERENCE.search(_BOX.sub("", line))
        if match and re.search(r"\d", match.group("value")):
            return match.group("value").strip()
    return None


def ni_number(text: str) -> str | None:
    """The person's National Insurance number, spaced as on their card ('JT 41 26 83 B')."""
    match = _NI_NUMBER.search(header(text)) or _NI_NUMBER.search(text)
    return " ".join(match.groups()) if match else None


def _blocks(text: str) -> list[list[str]]:
    """The header's blocks of lines, each column of a two-column letterhead read on its own."""
    columns: dict[int, list[list[str]]] = {0: [[]], 1: [[]]}
    for raw in header(text).splitlines():
        line = _BOX.sub("", raw.rstrip())
        indent = len(raw) - len(raw.lstrip()) if line else 0
        seen: set[int] = set()
        position = indent
        for piece in COLUMN_GAP.split(line.strip()):
            column = 0 if position < 30 and not seen else 1
            position += len(piece) + 4
            if piece.strip():
                seen.add(column)
                columns[column][-1].append(" ".join(piece.split()))
        for column in (0, 1):
            if column not in seen and columns[column][-1]:
                columns[column].append([])
    return [block for column in (0, 1) for block in columns[column] if block]


def _address_lines(block: list[str]) -> list[str]:
    lines = []
    for line in block:
        if _FIELD.match(line) or len(line) > LONGEST_LINE:
            break
        lines.append(line.rstrip(","))
    return lines


def recipient(text: str) -> Recipient | None:
    """Who the letter is to: the header block that starts with a title and a name, and their NI number."""
    for block in _blocks(text):
        # A text layer can lose the blank line before the name: the name starts the address wherever it is.
        start = next(
            (i for i, line in enumerate(block) if _PERSON.match(line) and len(line) <= LONGEST_LINE), None
        )
        if start is not None:
            lines = _address_lines(block[start:])
            postcode = next((i for i, line in enumerate(lines) if i and _POSTCODE.search(line)), None)
            lines = lines[: postcode + 1] if postcode else lines  # an address ends at its postcode
            return Recipient(name=lines[0], address=lines[1:], ni_number=ni_number(text))
    number = ni_number(text)
    return Recipient(ni_number=number) if number else None


def office_address(text: str, office: str | None) -> list[str] | None:
    """The office's postal address: the letterhead block with a postcode that is not the person's."""
    candidates = [
        _address_lines(block)
        for block in _blocks(text)
        if not _PERSON.match(block[0]) and any(_POSTCODE.search(line) for line in block)
    ]
    for lines in candidates:
        postcode = next((i for i, line in enumerate(lines) if _POSTCODE.search(line)), None)
        if postcode is None:
            continue
        lines = lines[: postcode + 1]
        # The office's name stands for the letterhead's generic lines ("Jobcentre Plus", "DWP").
        lines = [line for line in lines if not _GENERIC.fullmatch(line)]
        if office and not any(office.lower() in line.lower() for line in lines):
            lines.insert(0, office)
        return lines
    return None
