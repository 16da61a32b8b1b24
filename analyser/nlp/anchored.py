"""An anchored span ruler: each group of token patterns runs only near a word it cannot match without.

spaCy's Matcher tries every pattern at every token, and `IN` word lists are checked in Python, so
a ruler of a few hundred patterns costs more than the rest of the pipeline together. Almost every
cue needs some uncommon word ("mandatory", "sanction", "attend"), so the ruler indexes patterns
by that word and runs each pattern group's Matcher only on the windows around its occurrences.
The matches are exactly those of one Matcher over the whole doc: a match holds its anchor token,
so it lies inside the window of as many tokens as the pattern can hold before and after it.
Which word is rarest is learnt: `initialize` counts how often each word occurs in the training
letters (saved beside the patterns), so "work", frequent in letters though not in English, is
not chosen over "requirement". Without counts, a short list of function words is avoided.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy
import srsly
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.training import Example

PATTERNS_FILE = "patterns.jsonl"
RATES_FILE = "word_rates.json"

# Words too frequent in letters to be worth anchoring on while a pattern has a rarer one.
COMMON_WORDS = frozenset(
    "a an and are as at be been by can could do for from has have i if in is it may might must "
    "not of on or our shall should that the this to us we will with would you your".split()
)
_REPEAT = re.compile(r"\{(\d*),(\d+)\}")


def spec_length(spec: dict[str, Any]) -> int | None:
    """The most tokens one token spec can match, or None when its operator is unbounded."""
    op = spec.get("OP", "")
    if op in ("", "?", "1", "!"):
        return 1  # counting "!" as a token can only widen a window, never miss a match
    repeat = _REPEAT.fullmatch(op)
    return int(repeat.group(2)) if repeat else None  # "*" and "+" are unbounded


def anchor(
    pattern: list[dict[str, Any]], rates: dict[str, float] | None = None
) -> tuple[frozenset[str], int, int] | None:
    """The cheapest set of lower-case words one of which every match must hold, with how many
    tokens a match can have before and after that word; None when there is no such bound.
    A set costs the occurrences per letter of its words (`rates`), or without rates a count
    that avoids function words."""
    lengths: list[int] = []
    for spec in pattern:
        length = spec_length(spec)
        if length is None:
            return None
        lengths.append(length)
    best: tuple[float, int] | None = None  # (cost, index)
    for index, spec in enumerate(pattern):
        value = spec.get("LOWER")
        if spec.get("OP", "") not in ("", "1") or set(spec) - {"LOWER", "OP", "IS_SENT_START"}:
            continue
        if not isinstance(value, str) and (not isinstance(value, dict) or set(value) != {"IN"}):
            continue
        words = [value] if isinstance(value, str) else value["IN"]
        cost = sum(_cost(word, rates) for word in words)
        if words and (best is None or cost < best[0]):
            best = (cost, index)
    if best is None:
        return None
    index = best[1]
    value = pattern[index]["LOWER"]
    words = frozenset([value] if isinstance(value, str) else value["IN"])
    return words, sum(lengths[:index]), sum(lengths[index + 1 :])


def _cost(word: str, rates: dict[str, float] | None) -> float:
    if rates is None:
        return 50 if word in COMMON_WORDS else 1
    # The small constant breaks ties between unseen words in favour of shorter lists.
    return rates.get(word, 0.0) + 0.001


def word_rates(docs: Iterable[Doc], words: Iterable[str]) -> dict[str, float]:
    """How many times per doc each of `words` occurs (lower-cased), over `docs`."""
    wanted = set(words)
    counts = dict.fromkeys(wanted, 0)
    total = 0
    for doc in docs:
        total += 1
        for token in doc:
            if token.lower_ in wanted:
                counts[token.lower_] += 1
    return {word: round(count / max(total, 1), 4) for word, count in sorted(counts.items()) if count}


def pattern_words(patterns: Iterable[dict[str, Any]]) -> set[str]:
    """Every lower-case word the patterns name, the candidates for anchors."""
    words: set[str] = set()
    for entry in patterns:
        for spec in entry["pattern"]:
            value = spec.get("LOWER")
            if isinstance(value, str):
                words.add(value)
            elif isinstance(value, dict):
                words.update(value.get("IN", []))
    return words


class _Group:
    """Patterns sharing one anchor set, with their own Matcher and how far a match can reach
    before and after the anchor word."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        self.before = 0
        self.after = 0


class AnchoredSpanRuler:
    """A span ruler for {"label", "pattern", "id"} token patterns, anchored as the module says."""

    def __init__(self, nlp: Language, name: str, spans_key: str) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.labels: dict[str, tuple[str, str]] = {}  # match key -> (label, id)
        self._groups: list[_Group] = []
        self._by_anchor: dict[frozenset[str] | None, _Group] = {}
        # Anchor words by the hash spaCy stores for a token's lower case, so a doc's anchors are
        # found from one array of hashes without building a Token object per word.
        self._index: dict[int, list[_Group]] = {}
        self._anchors = numpy.zeros(0, dtype=numpy.uint64)
        self._everywhere: list[_Group] = []
        self.patterns: list[dict[str, Any]] = []  # as added, so to_disk saves what from_disk rebuilds
        self.rates: dict[str, float] | None = None

    def initialize(
        self,
        get_examples: Callable[[], Iterator[Example]] | None = None,
        *,
        nlp: Language | None = None,
        patterns: Iterable[dict[str, Any]] | None = None,
    ) -> None:
        """Start over with `patterns` (from [initialize.components] in the config), as spaCy's rulers
        do, anchoring them by word counts over the training letters when there are any."""
        self.clear()
        patterns = list(patterns or [])
        if get_examples is not None:
            self.rates = word_rates(
                (example.reference for example in get_examples()), pattern_words(patterns)
            )
        self.add_patterns(patterns)

    def clear(self) -> None:
        self.labels.clear()
        self._groups.clear()
        self._by_anchor.clear()
        self._index.clear()
        self._anchors = numpy.zeros(0, dtype=numpy.uint64)
        self._everywhere.clear()
        self.patterns = []
        self.rates = None

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        for entry in patterns:
            number = len(self.patterns)
            self.patterns.append(entry)
            anchored = anchor(entry["pattern"], self.rates)
            words = anchored[0] if anchored else None
            group = self._by_anchor.get(words)
            if group is None:
                group = self._by_anchor[words] = _Group(Matcher(self.nlp.vocab, validate=False))
                self._groups.append(group)
                if words is None:
                    self._everywhere.append(group)
                else:
                    for word in words:
                        self._index.setdefault(self.nlp.vocab.strings.add(word), []).append(group)
            if anchored:
                group.before = max(group.before, anchored[1])
                group.after = max(group.after, anchored[2])
            key = f"{self.name}:{number}"
            self.labels[key] = (entry["label"], entry.get("id", ""))
            group.matcher.add(key, [entry["pattern"]])
        self._anchors = numpy.fromiter(self._index, dtype=numpy.uint64)

    def __call__(self, doc: Doc) -> Doc:
        found: set[tuple[int, int, int]] = set()
        for group in self._everywhere:
            found.update(group.matcher(doc))
        for group, windows in self._windows(doc).items():
            for start, end in windows:
                # A Matcher run on a Span answers in offsets from the span's start.
                found.update(
                    (key, start + first, start + last) for key, first, last in group.matcher(doc[start:end])
                )
        strings = self.nlp.vocab.strings
        spans = []
        for match_key, start, end in found:
            if start != end:
                label, span_id = self.labels[strings[match_key]]
                spans.append(Span(doc, start, end, label=label, span_id=span_id))
        doc.spans[self.spans_key] = sorted(set(spans))
        return doc

    def _windows(self, doc: Doc) -> dict[_Group, list[tuple[int, int]]]:
        """For each group whose anchor occurs, the merged token windows its matches could lie in."""
        windows: dict[_Group, list[tuple[int, int]]] = {}
        length = len(doc)
        lowers = doc.to_array(LOWER)
        for position in numpy.flatnonzero(numpy.isin(lowers, self._anchors)).tolist():
            for group in self._index[int(lowers[position])]:
                start, end = max(0, position - group.before), min(length, position + group.after + 1)
                spans = windows.setdefault(group, [])
                if spans and start <= spans[-1][1]:
                    spans[-1] = (spans[-1][0], end)
                else:
                    spans.append((start, end))
        return windows

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / PATTERNS_FILE, self.patterns)
        if self.rates is not None:
            srsly.write_json(path / RATES_FILE, self.rates)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> AnchoredSpanRuler:
        path = Path(path)
        self.clear()
        self.rates = srsly.read_json(path / RATES_FILE) if (path / RATES_FILE).exists() else None
        self.add_patterns(srsly.read_jsonl(path / PATTERNS_FILE))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        text: str = srsly.json_dumps({"patterns": self.patterns, "rates": self.rates})
        return text.encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> AnchoredSpanRuler:
        saved = srsly.json_loads(data)
        self.clear()
        self.rates = saved["rates"]
        self.add_patterns(saved["patterns"])
        return self


@Language.factory("anchored_span_ruler", default_config={"spans_key": "cues"}, assigns=["doc.spans"])
def make_anchored_span_ruler(nlp: Language, name: str, spans_key: str) -> AnchoredSpanRuler:
    """An empty ruler: its patterns come from `initialize` when built, or from disk when loaded."""
    return AnchoredSpanRuler(nlp, name, spans_key)
