"""Remove personal details (names, addresses, NI, phone and reference numbers) from results before they leave."""

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

_TITLE = r"(?:Mrs|Mr|Ms|Miss|Mx|Dr)\.?"
# A name is up to three capitalised words or initials ("Jane", "P", "O'Neill", "Smith-Jones").
_NAME_WORDS = r"(?:[A-Z][A-Za-z'\-]*\.?)(?:[ \t]+[A-Z][A-Za-z'\-]*\.?){0,2}"
# The addressee block: a line opening with a title and name, then the address lines up to a blank line.
_ADDRESSEE_BLOCK = re.compile(
    rf"(?m)^([ \t]*){_TITLE}[ \t]+{_NAME_WORDS}[ \t]*\n((?:[ \t]*\S[^\n]*\n?){{1,6}})"
)
_TITLED_NAME = re.compile(rf"\b{_TITLE}[ \t]+{_NAME_WORDS}")
# "Dear Sir or Madam" and "Dear Customer" name nobody.
_GREETING = re.compile(rf"\b(Dear|Name:?)[ \t]+(?!(?:Sir|Madam|Customer|Claimant|Colleague)\b){_NAME_WORDS}")
_STREET = re.compile(
    r"\b\d+[A-Za-z]?,?[ \t]+(?:[A-Z][a-z']+[ \t]+){1,3}"
    r"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Terrace|Close|Drive|Way|Court|Place|Crescent|Gardens|Grove"
    r"|Hill|Park|Row|Square|Walk|View|Mews|Rise|Parade|Green|Gate|Vale|Wharf)\b\.?"
)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b")
# Any two letters: the examples DWP prints (QQ 12 34 56 C) use prefixes that real numbers never get.
_NI_NUMBER = re.compile(r"\b[A-Z]{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?[A-D]?\b")
_PHONE = re.compile(r"(?:\+44[ \t]?(?:\(0\)[ \t]?)?|\b0)\d{2,4}(?:[ \t\-]?\d{3,4}){1,2}\b")
_EMAIL = re.compile(r"\b[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+\b")
_LABELLED_REFERENCE = re.compile(
    r"(?i)\b((?:our|your|claim|customer|case)?[ \t]*ref(?:erence)?(?:[ \t]*(?:no|number))?\.?[ \t]*[:\-]?[ \t]*)"
    r"(?-i:[A-Z0-9][A-Z0-9/\-]*\d[A-Z0-9/\-]*)"
)
_LONG_NUMBER = re.compile(r"\b\d{6,}\b")

# Keys whose values are identifiers or public facts, never personal: an office is not a person.
_KEEP_KEYS = frozenset({"sha256", "office", "href", "schema"})


def redact_text(text: str) -> str:
    """The text with names, addresses, postcodes, NI, phone, reference numbers and emails replaced by labels."""
    text = _ADDRESSEE_BLOCK.sub(_redact_block, text)
    text = _EMAIL.sub(EMAIL, text)
    text = _NI_NUMBER.sub(NI_NUMBER, text)
    text = _POSTCODE.sub(POSTCODE, text)
    text = _PHONE.sub(PHONE, text)
    text = _LABELLED_REFERENCE.sub(lambda m: m.group(1) + REFERENCE, text)
    text = _LONG_NUMBER.sub(REFERENCE, text)
    text = _STREET.sub(ADDRESS, text)
    text = _TITLED_NAME.sub(NAME, text)
    return _GREETING.sub(lambda m: f"{m.group(1)} {NAME}", text)


def _redact_block(match: re.Match[str]) -> str:
    indent = match.group(1)
    lines = match.group(2).splitlines(keepends=True)
    # A line indented far past the name belongs to the right-hand column (date, reference): not the address.
    count = next((i for i, line in enumerate(lines) if _indent(line) > len(indent) + 8), len(lines))
    return f"{indent}{NAME}\n" + "".join(map(_blank_line, lines[:count])) + "".join(lines[count:])


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _blank_line(line: str) -> str:
    return line[: _indent(line)] + ADDRESS + ("\n" if line.endswith("\n") else "")


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
    redacted: dict[str, Any] = _walk(record, original_base, new_name)
    if new_name is not None:
        redacted["source"]["name"] = new_name
    return redacted


def _walk(value: Any, original_base: str | None, new_name: str | None, key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: _walk(v, original_base, new_name, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(item, original_base, new_name, key) for item in value]
    if isinstance(value, str) and key not in _KEEP_KEYS:
        if original_base and new_name:
            value = value.replace(original_base, new_name)
        return redact_text(value)
    return value
