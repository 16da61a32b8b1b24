"""Compile readable cue phrases ("you [must|need to] attend") into spaCy token patterns."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import Any

import spacy
from spacy.tokenizer import Tokenizer

# Named word lists a phrase can use as {NAME}: kept here so every pattern spells them the same.
WORD_CLASSES: dict[str, list[str]] = {
    "BENEFIT": [
        "benefit",
        "benefits",
        "payment",
        "payments",
        "esa",
        "allowance",
        "jsa",
        "credit",
        "support",
        "money",
        "claim",
        "award",
        "pip",
        "dla",
        "entitlement",
        "uc",
    ],
    "MODAL": ["may", "might", "could", "will", "would", "can", "shall", "is", "are", "has", "have", "be"],
    "CUT": [
        "reduced",
        "stopped",
        "suspended",
        "affected",
        "sanctioned",
        "cut",
        "withdrawn",
        "ended",
        "end",
        "stop",
        "lowered",
        "lost",
        "reduce",
        "affect",
        "afected",  # a common misspelling of "affected" in texts and retyped letters
        "suspend",
        "disallowed",
        "closed",
        "terminated",
        "withheld",
        "paused",
        "removed",
        "refused",
    ],
    "CUT_VERB": [
        "reduce",
        "stop",
        "suspend",
        "end",
        "cut",
        "withdraw",
        "sanction",
        "affect",
        "close",
        "withhold",
        "lower",
        "terminate",
        "pause",
        "reducing",
        "stopping",
        "suspending",
        "ending",
        "affecting",
        "reduces",
        "stops",
        "affects",
        "reduced",
        "stopped",
        "suspended",
        "ended",
        "disallow",
        "refuse",
    ],
    "ATTEND": [
        "attend",
        "atend",  # misspelt in letters typed up by hand or by volunteers
        "come",
        "go",
        "participate",
        "meet",
        "join",
        "visit",
        "keep",
        "answer",
        "take",
        "speak",
        "talk",
        "engage",
        "turn",
    ],
    "NOT": ["not", "n't", "never"],
}

_TOKEN = re.compile(r"\[[^\]]*\]|\{[A-Z_]+\}|\*\d+|<[a-z]+>|[^\s\[\]]+")


@lru_cache(maxsize=1)
def _tokenizer() -> Tokenizer:
    return spacy.blank("en").tokenizer


def _words(text: str) -> list[str]:
    return [token.lower_ for token in _tokenizer()(text)]


def compile_phrase(phrase: str) -> list[list[dict[str, Any]]]:
    """Token patterns for one phrase.

    Grammar: plain words match case-insensitively; `[a|b c|]` is a choice of word sequences
    (an empty choice makes it optional); `{NAME}` is one word of a WORD_CLASSES list; `*N`
    is up to N words of anything; `<punct>` is one punctuation mark; `<marks>` is up to three tokens
    that are not words (spaces, punctuation, a table's bars: "Mandatory   |  YES").
    """
    slots: list[list[list[dict[str, Any]]]] = []
    for piece in _TOKEN.findall(phrase):
        if piece.startswith("["):
            slots.append(_choice(piece[1:-1].split("|")))
        elif piece.startswith("{"):
            slots.append([[{"LOWER": {"IN": WORD_CLASSES[piece[1:-1]]}}]])
        elif piece.startswith("*"):
            slots.append([[{"IS_SENT_START": False, "OP": "{0," + piece[1:] + "}"}]])
        elif piece == "<punct>":
            slots.append([[{"IS_PUNCT": True}]])
        elif piece == "<marks>":
            slots.append([[{"IS_ALPHA": False, "IS_DIGIT": False, "OP": "{0,3}"}]])
        else:
            slots.append([[{"LOWER": word} for word in _words(piece)]])
    return [_within_a_sentence(sum(choice, [])) for choice in itertools.product(*slots)]


def _within_a_sentence(pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A cue never runs on into the next sentence: "...ending 4471. Your next payment" is no threat."""
    return [spec if index == 0 else {**spec, "IS_SENT_START": False} for index, spec in enumerate(pattern)]


def _choice(alternatives: list[str]) -> list[list[dict[str, Any]]]:
    """Token sequences for a choice of word sequences, merged by length to keep patterns few.

    "[need to|have to|are required to|will need to]" becomes two sequences, [need|have] [to] and
    [are|will] [required|need] [to]: a few nonsense combinations ("will required to") are
    allowed in exchange for a matcher that is ten times faster, and they never occur in letters.
    """
    by_length: dict[int, list[list[str]]] = {}
    for alternative in alternatives:
        words = _words(alternative)
        by_length.setdefault(len(words), []).append(words)
    options = []
    for length, sequences in sorted(by_length.items()):
        if length == 0:
            continue
        options.append([{"LOWER": {"IN": sorted({seq[i] for seq in sequences})}} for i in range(length)])
    if 0 in by_length:
        if all(len(option) == 1 for option in options):
            merged = sorted({word for option in options for word in option[0]["LOWER"]["IN"]})
            return [[{"LOWER": {"IN": merged}, "OP": "?"}]]
        options.append([])
    return options


def patterns_for(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """SpanRuler patterns from rows of {"label", "phrase"[, "id"]}."""
    compiled = []
    for number, row in enumerate(rows):
        for pattern in compile_phrase(row["phrase"]):
            if pattern:
                compiled.append(
                    {
                        "label": row["label"],
                        "pattern": pattern,
                        "id": row.get("id", f"{row['label']}-{number}"),
                    }
                )
    return compiled
