"""Typographic punctuation (curly quotes, dashes, thin spaces) and the plain characters it stands for,
lower case that keeps offsets, the line around a position, and counts of things in words."""

from __future__ import annotations

# One character for one, so text offsets hold wherever these are replaced.
PLAIN_PUNCTUATION: dict[str, str] = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u2009": " ",
}


def lowered(text: str) -> str:
    """The text in lower case one character for one, so offsets in it are offsets in `text`
    (str.lower turns a few characters, such as "\u0130", into two). Patterns written in lower case
    and searched here without re.I run two to three times faster, which counts on every letter."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def line_around(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """Where the line (or lines) holding text[start:end] begins and ends, the line break excluded."""
    line_end = text.find("\n", start if end is None else end)
    return text.rfind("\n", 0, start) + 1, line_end if line_end >= 0 else len(text)


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """'1 letter', '2 letters'; `plural` replaces the last word ('summons' -> 'summonses')."""
    if number == 1:
        return f"1 {noun}"
    head, _, last = noun.rpartition(" ")
    return f"{number} {head + ' ' if head else ''}{plural or last + 's'}"
