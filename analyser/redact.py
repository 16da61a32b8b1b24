"""Remove personal details (names, addresses, NI, phone and reference numbers) from results before they leave.

`redact_result` is the one call every output makes (JSONL, SQLite, CSV, HTML, drafts); `redact_text`
does the work on one string. Patterns favour removing too much over leaving a detail behind: an
office's street may go, a claimant's postcode may not. Tested against a generated corpus of
personal-data forms (tests/redaction/redaction_corpus.py).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

NAME = "[name]"
ADDRESS = "[address]"
POSTCODE = "[postcode]"
NI_NUMBER = "[NI number]"
PHONE = "[phone]"
REFERENCE = "[reference]"
EMAIL = "[email]"
DATE_OF_BIRTH = "[date of birth]"

# Capital and small letters of every Latin script a UK name is written in (Welsh ŵ ŷ, Irish á, Polish ł...).
_UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper()) + "ŴŶẀẂẄỲ"
_LETTER = r"[^\W\d_]"
_NAME_WORD = rf"(?:[{_UPPER}](?:{_LETTER}|['’\-]{_LETTER})*\.?)"
# Welsh, Irish and continental particles written in lower case inside a name ("Rhys ap Gruffydd").
_PARTICLE = r"(?:ap|ab|ferch|verch|de|del|della|van|von|der|den|du|da|le|la|bin|binti|al|el|Ó|Ní|Nic|Uí|Mac)"
_NAME_WORDS = rf"{_NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_NAME_WORD}){{0,3}}"
# Titles as written, in capitals or (typed in a hurry) in small letters; "miss" alone is a verb.
_TITLE = r"(?:Mrs|Mr|Ms|Miss|Mx|Dr|Master|Mister|Sir|Lady|Lord|Rev|Prof|MRS|MR|MS|MISS|MX|DR|mrs|mr|ms|mx)\.?"
_TITLED_NAME = re.compile(rf"\b{_TITLE}[ \t]+{_NAME_WORDS}")
# A greeting or label names someone on the rest of its line ("Dear jo bloggs,", "Customer name: Siôn Llŷr").
_NOBODY = r"(?:Sir|Madam|Customer|Claimant|Colleague|Friend|Applicant|Parent|Carer|Sir or Madam|Sir/Madam)\b"
_GREETING = re.compile(rf"\b(Dear)[ \t]+(?!{_NOBODY})[^\n,]*[^\s,]", re.IGNORECASE)
_NAME_LABEL = re.compile(
    r"(?im)\b((?:full[ \t]+|customer(?:'s)?[ \t]+|claimant(?:'s)?[ \t]+|your[ \t]+|applicant(?:'s)?[ \t]+)?"
    r"(?:name|claimant|addressee|for the attention of|fao|attn|signed|print name)[ \t]*:[ \t]*)[^\n]*\S"
)
_ADDRESS_LABEL = re.compile(r"(?im)\b((?:home[ \t]+|postal[ \t]+|your[ \t]+)?address[ \t]*:[ \t]*)[^\n]*\S")
_BIRTH_LABEL = re.compile(
    r"(?im)\b(date[ \t]+of[ \t]+birth|d\.?[ \t]?o\.?[ \t]?b\.?|born(?:[ \t]+on)?|birth[ \t]*date)"
    r"([ \t]*[:\-]?[ \t]*)(\d{1,2}(?:st|nd|rd|th)?[ \t./\-]+(?:\d{1,2}|[A-Za-z]{3,9})\.?[ \t./\-,]+\d{2,4}"
    r"|\d{4}-\d{2}-\d{2})"
)
_STREET_WORDS = (
    r"Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Terrace|Close|Drive|Dr|Way|Court|Ct|Place|Pl|Crescent|Gardens"
    r"|Grove|Hill|Park|Row|Square|Walk|View|Mews|Rise|Parade|Green|Gate|Vale|Wharf|Yard|Boulevard|Circus"
    r"|Embankment|Esplanade|Approach|Broadway|Chase|Croft|Fields|Meadow|Meadows|Wynd|Brae|Loan|Path"
)
_WELSH_STREET = r"(?:Heol|Ffordd|Stryd|Lôn|Lon|Rhodfa|Cilgant|Maes|Clos|Llys|Stryt|Teras|Cwrt|Ffordd|Bryn)"
_PLACE_WORD = rf"(?:[{_UPPER}]{_LETTER}*['’]?{_LETTER}*|y|yr|ar|of|the|upon|on|under|le)"
_NUMBERED_STREET = re.compile(
    rf"(?i:\b\d+[A-Za-z]?(?:[ \t]*-[ \t]*\d+)?)(?:,)?[ \t]+"
    rf"(?:(?:{_PLACE_WORD}[ \t]+){{1,3}}(?:{_STREET_WORDS})\b\.?"
    rf"|{_WELSH_STREET}(?:[ \t]+{_PLACE_WORD}){{1,3}}\b)"
)
# Without a house number only the unmistakable street words count: "Church Road", not "County Court".
_BARE_STREET = re.compile(
    rf"\b(?:[{_UPPER}]{_LETTER}+[ \t]+){{1,2}}"
    r"(?:Road|Street|Avenue|Lane|Terrace|Close|Drive|Crescent|Gardens|Grove|Mews|Parade|Rd|Ave)\b\.?"
    rf"|\b{_WELSH_STREET}[ \t]+(?:y[ \t]+|yr[ \t]+)?[{_UPPER}]{_LETTER}+"
)
_DWELLING = re.compile(
    rf"(?i:\b(?:flat|apartment|apt|unit|room|maisonette|studio|suite|plot)\.?[ \t]*(?:no\.?[ \t]*)?[0-9]+[A-Za-z]?\b)"
    rf"|\b(?:[{_UPPER}]{_LETTER}+[ \t]+){{1,3}}"
    r"(?:House|Cottage|Cottages|Farm|Farmhouse|Lodge|Barn|Villa|Mill|Manor|Hall|Bungalow|Mansions|Flats"
    r"|Tower|Heights|Buildings|Grange|Rectory|Vicarage|Chambers|Barns|Dene|Nook|Bwthyn|Tŷ|Ty)\b"
)
_POSTCODE = re.compile(r"(?i)\b[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b")
# Any two letters, any case, spaced, hyphened or dotted: QQ123456C, qq 12 34 56 c, QQ-12-34-56-C.
_NI_NUMBER = re.compile(r"(?i)\b[A-Z]{2}[ \t\-.]?\d{2}[ \t\-.]?\d{2}[ \t\-.]?\d{2}(?:[ \t\-.]?[A-D])?\b")
_PHONE = re.compile(
    r"(?:(?:\+44[ \t]?(?:\(0\)[ \t]?)?|\b0)\d{2,4}|\(0\d{2,4}\))(?:[ \t\-]?\d{3,4}){1,2}\b"
    r"(?:[ \t]*(?i:ext|extn|extension|x)\.?[ \t]*\d{1,5}\b)?"
)
_EXTENSION = re.compile(r"(?i)\b(?:ext|extn|extension)\.?[ \t]*:?[ \t]*\d{1,6}\b")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_LABELLED_REFERENCE = re.compile(
    r"(?i)\b((?:our|your|claim|customer|case|payment|crn)?[ \t]*ref(?:erence)?(?:[ \t]*(?:no|number))?\.?"
    r"[ \t]*[:\-]?[ \t]*)"
    r"([A-Z0-9][A-Z0-9/\-]*\d[A-Z0-9/\-]*)"
)
_LONG_NUMBER = re.compile(r"\b\d{6,}\b")
# The lines of an address block: 2-7 short lines ending with a line holding a postcode.
_ADDRESS_BLOCK = re.compile(
    r"(?m)^([ \t]*)(\S[^\n]{0,60})\n((?:[ \t]*\S[^\n]{0,60}\n){0,5}?[ \t]*[^\n]{0,40}"
    r"(?i:\b[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b)[^\n]{0,20}$)"
)
_KEEP_BLOCK_LINE = re.compile(
    r"(?i)jobcentre|job centre|\bdwp\b|department for work|benefit centre|service centre"
)

# Capitalised words a cue can point at that are not names ("Dear Jobcentre Plus", "Name: Universal Credit").
_NOT_NAMES = frozenset(
    "Jobcentre Plus Job Centre DWP Department Work Pensions Universal Credit Employment Support Allowance"
    " Personal Independence Payment Benefit Centre Service Customer Claimant Sir Madam The Your Our Date"
    " Address Office Team Manager Adviser Advisor Work Coach".split()
)

# Keys whose values are identifiers or public facts, never personal: an office is not a person.
_KEEP_KEYS = frozenset({"sha256", "office", "href", "schema"})


def names_in(text: str) -> set[str]:
    """The words of the names a cue points at (title, greeting, name label, addressee line)."""
    found: set[str] = set()
    spans = [m.group(0) for m in _TITLED_NAME.finditer(text)]
    spans += [m.group(0)[len(m.group(1)) :] for m in _GREETING.finditer(text)]
    spans += [m.group(0)[len(m.group(1)) :] for m in _NAME_LABEL.finditer(text)]
    spans += [m.group(2) for m in _ADDRESS_BLOCK.finditer(text) if not re.search(r"\d", m.group(2))]
    for span in spans:
        found.update(re.findall(_NAME_WORD, span))
    return {word.rstrip(".") for word in found if len(word.rstrip(".")) > 1} - _NOT_NAMES


def redact_text(text: str, names: set[str] | None = None) -> str:
    """The text with names, addresses, postcodes, NI, phone, reference numbers, emails and births replaced.

    `names`: name words found elsewhere in the same record (`names_in`), removed wherever they stand.
    """
    names = (names or set()) | names_in(text)
    text = _ADDRESS_BLOCK.sub(_redact_block, text)
    text = _EMAIL.sub(EMAIL, text)
    text = _BIRTH_LABEL.sub(lambda m: m.group(1) + m.group(2) + DATE_OF_BIRTH, text)
    text = _NAME_LABEL.sub(lambda m: m.group(1) + NAME, text)
    text = _ADDRESS_LABEL.sub(lambda m: m.group(1) + ADDRESS, text)
    text = _NI_NUMBER.sub(NI_NUMBER, text)
    text = _POSTCODE.sub(POSTCODE, text)
    text = _PHONE.sub(PHONE, text)
    text = _EXTENSION.sub(PHONE, text)
    text = _LABELLED_REFERENCE.sub(lambda m: m.group(1) + REFERENCE, text)
    text = _LONG_NUMBER.sub(REFERENCE, text)
    text = _DWELLING.sub(ADDRESS, text)
    text = _NUMBERED_STREET.sub(ADDRESS, text)
    text = _BARE_STREET.sub(ADDRESS, text)
    text = _TITLED_NAME.sub(NAME, text)
    text = _GREETING.sub(lambda m: f"{m.group(1)} {NAME}", text)
    return _known_names(text, names)


def _known_names(text: str, names: set[str]) -> str:
    if not names:
        return text
    # Longest first, so "Ellis-Jones" goes whole before "Ellis" could.
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    text = re.sub(rf"(?<!\w)(?:{alternatives})(?!\w)", NAME, text)
    # "[name] Ó [name]": initials and particles between two name words are part of the name.
    return re.sub(rf"\[name\](?:[ \t]+(?:{_PARTICLE}|[{_UPPER}]\.?))*[ \t]+\[name\]", NAME, text)


def _redact_block(match: re.Match[str]) -> str:
    """An address block: the first line (a name, or the first address line) and the address lines."""
    indent, first, rest = match.group(1), match.group(2), match.group(3)
    lines = [first, *rest.split("\n")]
    if any(_KEEP_BLOCK_LINE.search(line) for line in lines):
        return match.group(0)  # the office's own address: public, and what the report groups by
    # A line indented far past the first belongs to the right-hand column (date, reference): not the address.
    if any(_indent(line) > len(indent) + 8 for line in lines[1:]):
        return match.group(0)
    label = NAME if not re.search(r"\d", first) else ADDRESS
    return f"{indent}{label}\n" + "\n".join(_blank_line(line) for line in lines[1:])


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _blank_line(line: str) -> str:
    return line[: _indent(line)] + ADDRESS


def redacted_name(name: str, sha256: str | None) -> str:
    """A file name that says nothing about its owner: the content hash's first 12 digits and the extension."""
    path, _, fragment = name.partition("#")
    stem = (sha256 or "unknown")[:12]
    return stem + PurePosixPath(path).suffix.lower() + (f"#{fragment}" if fragment else "")


def redact_result(record: dict[str, Any]) -> dict[str, Any]:
    """A copy of a result or error record with personal details removed from every string and the name hashed."""
    source = record.get("source") or {}
    name = source.get("name")
    new_name = redacted_name(name, source.get("sha256")) if name else None
    # Error messages quote the file's own name ("The file jane_smith.pdf cannot be opened").
    original_base = PurePosixPath(name.partition("#")[0]).name if name else None
    names: set[str] = set()
    _strings(record, names)
    redacted = _walk(record, original_base, new_name, names)
    if new_name is not None:
        redacted["source"]["name"] = new_name
    return redacted


def _strings(value: Any, names: set[str], key: str | None = None) -> None:
    """Gather the names any string of the record points at: a name in the page text is also one in the evidence."""
    if isinstance(value, dict):
        for k, v in value.items():
            _strings(v, names, k)
    elif isinstance(value, list):
        for item in value:
            _strings(item, names, key)
    elif isinstance(value, str) and key not in _KEEP_KEYS:
        names.update(names_in(value))


def _walk(
    value: Any, original_base: str | None, new_name: str | None, names: set[str], key: str | None = None
) -> Any:
    if isinstance(value, dict):
        return {k: _walk(v, original_base, new_name, names, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(item, original_base, new_name, names, key) for item in value]
    if isinstance(value, str) and key not in _KEEP_KEYS:
        if original_base and new_name:
            value = value.replace(original_base, new_name)
        return redact_text(value, names)
    if isinstance(value, str) and key == "office":
        return _known_names(value, names)  # an office is public, unless the reader took a name for one
    return value
