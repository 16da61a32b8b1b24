"""Typographic punctuation (curly quotes, dashes, thin spaces) and the plain characters it stands for."""

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
