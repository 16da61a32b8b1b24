"""Compile readable cue phrases ("you [must|need to] attend") into spaCy token patterns."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

import spacy

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
        "come",
        "go",
        "participate",
        "meet",
        "join",
        "visit",
        "be",
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

_TOKEN = re.compile(r"\[[^\]]*\]|\{[A-Z_]+\}|\*\d|<[a-z]+>|[^\s\[\]]+")


@lru_cache(maxsize=1)
def _tokenizer():
    return spacy.blank("en").tokenizer


def _words(text: str) -> list[str]:
    return [token.lower_ for token in _tokenizer()(text)]


def compile_phrase(phrase: str) -> list[list[dict]]:
    """Token patterns for one phrase.

    Grammar: plain words match case-insensitively; `[a|b c|]` is a choice of word sequences
    (an empty choice makes it optional); `{NAME}` is one word of a WORD_CLASSES list; `*N`
    is up to N words of anything; `<punct>` is one punctuation mark.
    """
    slots: list[list[list[dict]]] = []
    for piece in _TOKEN.findall(phrase):
        if piece.startswith("["):
            options = []
            for alternative in piece[1:-1].split("|"):
                options.append([{"LOWER": word} for word in _words(alternative)])
            if all(len(option) == 1 for option in options):
                options = [[{"LOWER": {"IN": [option[0]["LOWER"] for option in options]}}]]
            elif all(len(option) <= 1 for option in options):
                words = [option[0]["LOWER"] for option in options if option]
                options = [[{"LOWER": {"IN": words}, "OP": "?"}]]
            slots.append(options)
        elif piece.startswith("{"):
            slots.append([[{"LOWER": {"IN": WORD_CLASSES[piece[1:-1]]}}]])
        elif piece.startswith("*"):
            slots.append([[{"IS_SENT_START": False, "OP": "{0," + piece[1:] + "}"}]])
        elif piece == "<punct>":
            slots.append([[{"IS_PUNCT": True}]])
        else:
            slots.append([[{"LOWER": word} for word in _words(piece)]])
    return [sum(choice, []) for choice in itertools.product(*slots)]


def patterns_for(rows: list[dict]) -> list[dict]:
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
