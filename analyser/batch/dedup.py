"""One letter counted once: exact copies by hash, other renditions (PDF, scan, photo) by content."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from analyser.batch.offices import office_key

__all__ = ["fingerprint", "Deduper", "SIMILAR_TEXT"]

PERMUTATIONS = 64
SHINGLE = 6
_PRIME = (1 << 31) - 1
_RNG = np.random.default_rng(18)  # fixed: fingerprints written by one run must compare with the next's
_A = _RNG.integers(1, _PRIME, PERMUTATIONS, dtype=np.uint64)
_B = _RNG.integers(0, _PRIME, PERMUTATIONS, dtype=np.uint64)
# Estimated Jaccard similarity of two texts' shingles at or above which they are one letter's renditions.
# Measured: renditions of one letter 0.55-1.0, different letters of one template 0.6-0.9 - so the
# letter's own facts (office, dates, recipient, reference) must also agree; text alone never decides.
SIMILAR_TEXT = 0.5
SIMILAR_FIELD = 80  # rapidfuzz ratio for fields a scanner may misread (names, references)


def fingerprint(text: str) -> str:
    """A MinHash of the letter's text as hex: letters only, lower case, so OCR's spacing and digit slips count little.

    It is a one-way summary of the text; it cannot be turned back into the letter.
    """
    letters = re.sub(r"[^a-z]+", "", text.lower())
    shingles = {letters[i : i + SHINGLE] for i in range(max(1, len(letters) - SHINGLE + 1))}
    hashes = np.fromiter((zlib.crc32(s.encode()) for s in shingles), dtype=np.uint64, count=len(shingles))
    mins = ((np.outer(hashes, _A) + _B) % _PRIME).min(axis=0)
    return "".join(f"{int(v):08x}" for v in mins)


def _signature(hex_text: str | None) -> np.ndarray | None:
    if not hex_text or len(hex_text) != PERMUTATIONS * 8:
        return None
    return np.array([int(hex_text[i : i + 8], 16) for i in range(0, len(hex_text), 8)], dtype=np.uint64)


@dataclass
class _Letter:
    name: str
    facts: dict[str, str | None]
    signature: np.ndarray | None


def _facts(record: dict[str, Any]) -> dict[str, str | None]:
    letter = record.get("letter") or {}
    appointment = letter.get("appointment") or {}
    recipient = letter.get("recipient") or {}
    return {
        "office": office_key(letter.get("office")),
        "letter_date": letter.get("letter_date"),
        "appointment_date": appointment.get("date"),
        "appointment_time": appointment.get("time"),
        "reference": letter.get("reference"),
        "recipient": (recipient.get("name") or None) if isinstance(recipient, dict) else None,
    }


class Deduper:
    """Decides, letter by letter in the order written, which earlier letter (if any) a record repeats."""

    def __init__(self) -> None:
        self._by_hash: dict[str, str] = {}
        self._by_date: dict[str | None, list[_Letter]] = {}

    def first_of(self, record: dict[str, Any], name: str) -> str | None:
        """The name of the first letter this record is a copy or rendition of; else None, and it becomes a first."""
        if "error" in record:
            return None
        source = record.get("source") or {}
        # With --split-pages every page carries its file's hash: a page is a copy only of the same page.
        sha = f"{source['sha256']}#{source.get('page') or ''}" if source.get("sha256") else None
        if record.get("duplicate_of"):  # read back from an earlier run's output: keep its decision
            if sha:
                self._by_hash.setdefault(sha, str(record["duplicate_of"]))
            return str(record["duplicate_of"])
        if sha and sha in self._by_hash:
            return self._by_hash[sha]
        letter = _Letter(name, _facts(record), _signature(record.get("fingerprint")))
        first = self._rendition_of(letter)
        if first is not None:
            return first
        if sha:
            self._by_hash[sha] = name
        for date in {letter.facts["letter_date"], letter.facts["appointment_date"]} - {None} or {None}:
            self._by_date.setdefault(date, []).append(letter)
        return None

    def _rendition_of(self, letter: _Letter) -> str | None:
        if letter.signature is None:
            return None
        dates = {letter.facts["letter_date"], letter.facts["appointment_date"]} - {None} or {None}
        # Undated letters are compared only with undated ones: a date in common is what makes it cheap.
        candidates = list(
            {id(c): c for d in sorted(dates, key=str) for c in self._by_date.get(d, [])}.values()
        )
        for candidate in candidates:
            if candidate.signature is None or not _same_facts(letter.facts, candidate.facts):
                continue
            if float(np.mean(letter.signature == candidate.signature)) >= SIMILAR_TEXT:
                return candidate.name
        return None


def _same_facts(a: dict[str, str | None], b: dict[str, str | None]) -> bool:
    """No fact both letters state differs, and they share a date (or neither has one).

    The letter date and the appointment date are compared as a set: a scanner that misses one date
    makes the reader take the other for it, so "letter 21 Feb" and "appointment 21 Feb" agree.
    """
    for field in ("office", "appointment_time", "reference", "recipient"):
        value, other = a[field], b[field]
        if value is None or other is None:
            continue
        if field == "appointment_time":
            if value != other:
                return False
        elif fuzz.ratio(value.lower(), other.lower()) < SIMILAR_FIELD:
            return False
    dates_a = {a["letter_date"], a["appointment_date"]} - {None}
    dates_b = {b["letter_date"], b["appointment_date"]} - {None}
    return bool(dates_a & dates_b) or not (dates_a or dates_b)
