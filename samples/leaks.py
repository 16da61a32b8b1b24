"""Find a sample letter that copies a dev letter: whole, in part, or lightly reworded.

Two measures on normalised words (lower case, digits as 0): containment of 5-word shingles (the
share of the shorter letter's shingles found in the other: catches copies and half-letters) and,
for pairs that share enough 3-word shingles to be worth it, rapidfuzz's partial ratio (catches a
letter with words swapped or sentences reordered, which breaks long shingles but not the text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

SHINGLE_WORDS = 5
MAX_CONTAINMENT = 0.5  # of the shorter letter's 5-word shingles
CANDIDATE_CONTAINMENT = 0.25  # of 3-word shingles, before the slower fuzzy comparison
MAX_PARTIAL_RATIO = 85.0


def words(text: str) -> list[str]:
    """The text's words, lower case, every digit as 0 (dates and amounts change between copies)."""
    return re.findall(r"[a-z0']+", re.sub(r"\d", "0", text.lower()))


def shingles(tokens: list[str], size: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def containment(ours: set[tuple[str, ...]], theirs: set[tuple[str, ...]]) -> float:
    return len(ours & theirs) / max(1, min(len(ours), len(theirs)))


@dataclass(frozen=True)
class Letter:
    """A letter's id with its words and shingles, worked out once."""

    id: str
    text: str
    long: frozenset[tuple[str, ...]]
    short: frozenset[tuple[str, ...]]

    @classmethod
    def of(cls, letter_id: str, text: str) -> Letter:
        tokens = words(text)
        return cls(
            letter_id,
            " ".join(tokens),
            frozenset(shingles(tokens, SHINGLE_WORDS)),
            frozenset(shingles(tokens, 3)),
        )


def copied(sample: Letter, dev: Letter) -> str | None:
    """Why `sample` looks copied from `dev`, or None."""
    shared = containment(set(sample.long), set(dev.long))
    if shared > MAX_CONTAINMENT:
        return f"shares {shared:.0%} of its {SHINGLE_WORDS}-word shingles"
    if containment(set(sample.short), set(dev.short)) < CANDIDATE_CONTAINMENT:
        return None
    shorter, longer = sorted((sample.text, dev.text), key=len)
    ratio = fuzz.partial_ratio(shorter, longer)
    if ratio > MAX_PARTIAL_RATIO:
        return f"matches {ratio:.0f}% of its text fuzzily"
    return None


def leaks(samples: list[tuple[str, str]], dev: list[tuple[str, str]]) -> list[str]:
    """One line per (sample, dev letter) pair that looks copied."""
    ours = [Letter.of(letter_id, text) for letter_id, text in samples]
    found = []
    for dev_id, dev_text in dev:
        theirs = Letter.of(dev_id, dev_text)
        for sample in ours:
            why = copied(sample, theirs)
            if why:
                found.append(f"{sample.id} {why} with dev letter {dev_id}")
    return found
