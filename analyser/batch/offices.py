"""Office names as a campaign counts them: one canonical name per office, never a phone number or heading."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from rapidfuzz import fuzz

__all__ = ["office_key", "office_display", "cluster_offices", "region", "UNKNOWN_OFFICE", "UNKNOWN_REGION"]

UNKNOWN_OFFICE = "office not found"
UNKNOWN_REGION = "area not found"
# Words that say what kind of place it is, not which one: "Sunderland Jobcentre Plus" is Sunderland.
_GENERIC = re.compile(r"(?i)\b(?:job\s*centre|jobcentre|jcp|plus|office|the|freepost|dwp)\b")
# Where a line read as the office carries something else after it: a column gap, "(DWP)", "on behalf of".
_TAIL = re.compile(r"(?i)\s{3,}.*$|\s*\(.*?\)|\s+on behalf of\b.*$")
# Characters and words of web pages, breadcrumbs, barcodes and Markdown, never of an office's name.
_NOT_A_NAME = re.compile(r"(?i)[<>|#*]|https?:|www\.|\.(?:gov|uk|com|org|invalid)\b")
# Words of a heading or a page of an online account, not of a place.
_HEADING_WORDS = re.compile(
    r"\b(?:journal|statement|messages?|notice|meeting|your|ending|move to|reminder|decision|about|letter)\b"
)
# A benefit's name alone is what the letter is about, not who sent it.
_BENEFITS = frozenset(
    {"personal independence payment", "disability living allowance", "universal credit", "pension credit",
     "employment and support allowance", "jobseeker s allowance", "income support", "attendance allowance",
     "carer s allowance", "housing benefit"}
)  # fmt: skip
# Scanners read letters as look-alike digits inside words: Sunder1and, B0lton, 5windon.
_DIGIT_AS_LETTER = str.maketrans({"0": "o", "1": "l", "5": "s", "8": "b", "|": "l"})
_POSTCODE = re.compile(r"\b([A-Z]{1,2})\d[A-Z\d]?\s*\d[A-Z]{2}\b")
# Lines a reader can mistake for the office: the letter's own headings and the department's name.
_HEADINGS = frozenset(
    {
        "work focused interview", "appointment", "important", "dear", "your appointment", "department for work and pensions",
        "dwp", "universal credit", "employment and support allowance", "to", "from", "date", "our ref", "your ref",
        "telephone", "phone", "address", "private and confidential", "reply", "notice", "letter", "interview",
        # A service's name with no place: which of its many centres sent the letter is not said.
        "medical services", "atos healthcare medical services", "benefit delivery centre", "benefit centre",
        "service centre", "contact centre", "pension service", "pension centre", "disability benefit centre",
        "health assessment advisory service", "centre for health and disability assessments",
        "debt management", "child maintenance service", "universal credit service centre",
    }
)  # fmt: skip
_ADDRESS_WORDS = re.compile(
    r"(?i)\b(?:road|rd|street|st|avenue|lane|terrace|close|drive|way|court|place|crescent|gardens|square|"
    r"floor|house|building|po box)\b"
)
SIMILAR = 88  # rapidfuzz ratio at or above which two office keys are the same office misread


def office_key(raw: str | None) -> str | None:
    """The comparable form of an office name, or None when what was read is not an office name."""
    if not raw:
        return None
    text = _TAIL.sub("", raw.strip())
    if (
        _NOT_A_NAME.search(text)
        or sum(c.isdigit() for c in text) >= 3  # a phone number or a street number and postcode
        or "@" in text
        or _POSTCODE.search(text.upper())
        or re.match(r"^\d", text)  # "14 High Street": an address line
        or len(text.split()) > 7  # a sentence, not a name
    ):
        return None
    key = _GENERIC.sub(" ", text.lower().translate(_DIGIT_AS_LETTER))
    key = " ".join(re.sub(r"[^a-z]+", " ", key).split())
    if (
        len(key.replace(" ", "")) < 3
        or key in _HEADINGS
        or key in _BENEFITS
        or _HEADING_WORDS.search(key)
        or (_ADDRESS_WORDS.search(key) and len(key.split()) <= 2)
    ):
        return None
    # Scanners read "m" as "rn" and "w" as "vv": both spellings get one key (the name shown is as written).
    return key.replace("rn", "m").replace("vv", "w")


def office_display(raw: str) -> str:
    """A raw office name without the words every office shares: 'Sunderland Jobcentre Plus.' -> 'Sunderland'."""
    words = _GENERIC.sub(" ", _TAIL.sub("", raw.strip()))
    words = re.sub(r"[^\w' -]+", " ", words)
    # Shouted names ("SUNDERLAND") are shown in title case; "and", "of" and "DWP" are left as written.
    return " ".join(w.capitalize() if w.isupper() and len(w) > 3 else w for w in words.split())


def cluster_offices(raws: Iterable[str | None]) -> dict[str, str]:
    """Each valid raw spelling -> its office's canonical name, misreadings of one office clustered together.

    Deterministic for the same spellings in any order: the most common key of a cluster (then the
    alphabetically first) is its centre; the centre's most common clean spelling is its name.
    """
    present: list[str] = [r for r in raws if r]
    keys = Counter(k for k in map(office_key, present) if k)
    centre_of: dict[str, str] = {}
    centres: list[str] = []
    for key, _ in sorted(keys.items(), key=lambda kv: (-kv[1], kv[0])):
        match = next((c for c in centres if fuzz.ratio(key, c) >= SIMILAR), None)
        centre_of[key] = match or key
        if match is None:
            centres.append(key)
    spellings: dict[str, Counter[str]] = {}
    for raw in present:
        if found := office_key(raw):
            spellings.setdefault(centre_of[found], Counter())[office_display(raw)] += 1
    name_of = {
        centre: min(counts, key=lambda s: (-counts[s], any(c.isdigit() for c in s), s))
        for centre, counts in spellings.items()
    }
    return {raw: name_of[centre_of[k]] for raw in present if (k := office_key(raw))}


def region(office_address: Iterable[str] | None) -> str | None:
    """The postcode area of the office's address ('SR' for Sunderland), or None when it has no postcode."""
    for line in office_address or []:
        found = _POSTCODE.search(line.upper())
        if found:
            return found.group(1)
    return None


def region_in_text(text: str, office: str | None) -> str | None:
    """The postcode area of the office's address block in the letter: the lines from its name to a blank line.

    Only that block is looked at: the recipient's own postcode is in another block and is never taken.
    """
    if not office:
        return None
    lines = text.splitlines()
    wanted = office.strip().lower()
    start = next((i for i, line in enumerate(lines) if wanted in line.lower()), None)
    if start is None:
        return None
    for line in lines[start : start + 8]:
        if not line.strip():
            break
        found = _POSTCODE.search(line.upper())
        if found:
            return found.group(1)
    return None
