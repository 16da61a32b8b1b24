"""Whole sentences around evidence spans, so a quote reads as the letter says it, not as a clause."""

from __future__ import annotations

import re

# A sentence ends at . ! or ? before whitespace, or at a blank line (letters' headings have no full stop).
SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n")
LONGEST_QUOTE = 400


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the sentence holding text[start:end] begins and ends (whitespace trimmed); None if too long."""
    if not 0 <= start <= end <= len(text):
        return None
    begin = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    finish = next((m.end() for m in SENTENCE_END.finditer(text, end)), len(text))
    while begin < start and text[begin].isspace():
        begin += 1
    while finish > end and text[finish - 1].isspace():
        finish -= 1
    return (begin, finish) if 0 < finish - begin <= LONGEST_QUOTE else None
