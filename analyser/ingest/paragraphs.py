"""A page's lines of text joined into text, with a blank line where the page leaves a paragraph's space.

Neither pdfplumber's text nor Tesseract's (one block per column) marks paragraphs reliably: the
first never does, the second sometimes. A typed letter, and every letter the classifiers learnt
from, has a blank line between paragraphs, and the classifiers read whitespace as part of their
n-grams: without the blank lines a PDF or a scan of a letter scored differently from its text (one
letter's sanction score 0.94 as text, 0.25 as a PDF). So both paths rebuild the paragraphs from
how far apart the lines' baselines sit.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

# Baselines this many times the page's usual line spacing apart have a paragraph's space between
# them: a blank line doubles the spacing. Baselines, not boxes: a scanned line's ink box grows with
# the page's skew and shrinks on a line without capitals ("group."), its baseline does neither.
PARAGRAPH_SPACING = 1.5
# Single spacing is at most this many line heights, so a letter whose every line is its own
# paragraph (all of them double-spaced) is not taken for single-spaced.
MOST_SINGLE_SPACING = 1.4


class Line(NamedTuple):
    text: str
    baseline: float  # the y of the line's baseline at its left end (or a point a fixed height off it)
    height: float  # the height of its letters (a PDF's font size; a scan's ink)


def join_lines(lines: Sequence[Line]) -> str:
    """The lines in reading order, one per line, a blank line between paragraphs."""
    if not lines:
        return ""
    heights = sorted(line.height for line in lines)
    usual = MOST_SINGLE_SPACING * heights[len(heights) // 2]
    steps = [line.baseline - above.baseline for above, line in pairwise(lines)]
    forward = sorted(step for step in steps if step > 0)
    if forward:  # most lines of a letter (addresses, wrapped sentences) follow the line above
        usual = min(usual, forward[len(forward) // 4])
    parts = [lines[0].text]
    for line, step in zip(lines[1:], steps, strict=True):
        # A line above the last one (the next column of a letterhead) starts no paragraph by spacing.
        parts.append("\n\n" if usual > 0 and step > PARAGRAPH_SPACING * usual else "\n")
        parts.append(line.text)
    return "".join(parts)
