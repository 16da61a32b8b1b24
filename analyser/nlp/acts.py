"""What each sentence does: a trained multi-label classifier of sentences (arranges a meeting, imposes a duty...).

Letter labels say what a whole letter asks; a bag of words over the whole letter cannot tell
"you must attend" from "you must attend interviews when asked" three lines apart. Writers also
labelled the sentences of some letters with what each one does (samples/sentences, the labels in
ACTS). This component is spaCy's multi-label text categorizer applied to each sentence of a letter
instead of to the letter: it learns from the labelled sentences only (a letter without sentence
labels teaches it nothing, rather than teaching that none of its sentences does anything), and it
writes, for each act, the highest score any sentence got into the letter's `doc.cats` as
`act_<name>` (which the attendance weighing reads, nlp/combine.py) and the sentences it is sure of
into `doc.spans["acts"]`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline.textcat_multilabel import MultiLabel_TextCategorizer
from spacy.tokens import Doc, Span
from spacy.training import Example
from thinc.api import Model, Optimizer

from analyser.nlp import bow  # noqa: F401  (registers the model's architecture)
from analyser.nlp.components import letter_sentences
from analyser.nlp.vetoes import within

# The acts, as writers label them (samples/sentences/README.md defines each).
ACTS = (
    "arranges",
    "must_attend",
    "optional",
    "threat",
    "no_threat",
    "general_duty",
    "cancels",
    "form_only",
    "group_support",
    "group_wrag",
    "group_assessment",
    "by_group",
)
ACT_CATS = {act: f"act_{act}" for act in ACTS}
ACTS_KEY = "acts"  # doc.spans key: the sentences scored at or above the threshold, labelled with the act
# Where a letter's labelled sentences travel from train.py to update(): (start_char, end_char, acts)
# in the reference Doc's user_data. A letter without the key has no sentence labels.
LABELLED_KEY = "labelled_acts"


# The acts whose sentences show a finding's words, best first (nlp/read.py uses them where no cue does).
SHOWING = {
    "mandatory": ("must_attend", "threat"),
    "voluntary": ("optional", "no_threat"),
    "sanction": ("threat",),
}


def speaking_for(doc: Doc, finding: str, outside: Sequence[tuple[int, int]] = ()) -> list[Span]:
    """The first sentence the classifier found doing what a finding says ("mandatory": a duty, else a
    threat), or none; never one inside the `outside` character ranges (quotations of other letters)."""
    found = doc.spans[ACTS_KEY] if ACTS_KEY in doc.spans else []
    for act in SHOWING.get(finding, ()):
        for span in found:
            if span.label_ == ACT_CATS[act] and not within(span, outside):
                return [span]
    return []


class SentenceActs(MultiLabel_TextCategorizer):
    """The sentence_acts component (module doc)."""

    def predict(self, docs: Iterable[Doc]) -> list[tuple[list[tuple[int, int]], numpy.ndarray]]:
        """For each doc, its sentences' token bounds and a (sentences x acts) array of scores."""
        docs = list(docs)
        bounds = [_bounds(doc) for doc in docs]
        flat = [words for doc, group in zip(docs, bounds, strict=True) for words in _words(doc, group)]
        scores = numpy.asarray(super().predict(flat)) if flat else numpy.zeros((0, len(self.labels)))  # type: ignore[arg-type]
        found, start = [], 0
        for group in bounds:
            found.append((group, scores[start : start + len(group)]))
            start += len(group)
        return found

    def set_annotations(
        self, docs: Iterable[Doc], scores: list[tuple[list[tuple[int, int]], numpy.ndarray]]
    ) -> None:
        threshold = self.cfg["threshold"]
        for doc, (bounds, by_sentence) in zip(docs, scores, strict=True):
            spans = []
            for j, label in enumerate(self.labels):
                column = by_sentence[:, j]
                doc.cats[label] = float(column.max()) if len(column) else 0.0
                spans += [Span(doc, *bounds[i], label=label) for i in numpy.flatnonzero(column >= threshold)]
            doc.spans[ACTS_KEY] = sorted(spans, key=lambda span: (span.start, span.label_))

    def update(
        self,
        examples: Iterable[Example],
        *,
        drop: float = 0.0,
        sgd: Optimizer | None = None,
        losses: dict[str, float] | None = None,
    ) -> dict[str, float]:
        """Learn from the labelled sentences of the letters that have them."""
        sentences = [sentence for eg in examples for sentence in self._sentence_examples(eg)]
        if not sentences:
            losses = {} if losses is None else losses
            losses.setdefault(self.name, 0.0)
            return losses
        return super().update(sentences, drop=drop, sgd=sgd, losses=losses)

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        # Letters carry no act cats to score against; the acts are measured through the findings.
        return {}

    def _sentence_examples(self, eg: Example) -> Iterator[Example]:
        labelled = eg.reference.user_data.get(LABELLED_KEY)
        if labelled is None:
            return
        letter_sentences(eg.predicted)  # a training Doc is bare tokens; the pipeline sets these first
        for start, end in _bounds(eg.predicted):
            sentence = eg.predicted[start:end]
            acts = sentence_acts(sentence, labelled)
            doc = _alone(sentence)
            gold = doc.copy()
            gold.cats = {ACT_CATS[act]: float(act in acts) for act in ACTS}
            yield Example(doc, gold)


def sentence_acts(sentence: Span, labelled: list[tuple[int, int, list[str]]]) -> set[str]:
    """The acts of the labelled passages that cover most of this sentence, or most of which it holds
    (a writer's sentence may be two of ours, "Date: 4 May\\nTime: 10:30", or half of one)."""
    acts: set[str] = set()
    for start, end, names in labelled:
        overlap = min(end, sentence.end_char) - max(start, sentence.start_char)
        if overlap > 0 and overlap * 2 >= min(len(sentence.text), end - start):
            acts.update(names)
    return acts


def _bounds(doc: Doc) -> list[tuple[int, int]]:
    """Each sentence's (start, end) token offsets, read off the sentence starts in one array (making
    a Span per sentence, as doc.sents does, cost more than classifying them). A line break standing
    alone between two sentences is not one."""
    if not len(doc):
        return []
    if not doc.has_annotation("SENT_START"):
        raise ValueError(
            "sentence_acts needs the sentences letter_sentences sets (pipeline.cfg puts it first)"
        )
    array = doc.to_array([SENT_START, IS_SPACE]).astype("int64")
    starts = [int(i) for i in numpy.flatnonzero(array[:, 0] == 1)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    words = numpy.concatenate([[0], numpy.cumsum(array[:, 1] == 0)])  # words before each token
    ends = [*starts[1:], len(doc)]
    return [(start, end) for start, end in zip(starts, ends, strict=True) if words[end] > words[start]]


class _Words:
    """A sentence as the bag-of-words model reads it (len and to_array), cut from its letter's array.

    Building a Doc per sentence cost more than the rest of the pipeline; the model needs only this.
    The letter's array is made once per attribute list and shared by its sentences."""

    def __init__(self, doc: Doc, start: int, end: int, arrays: dict[tuple[int, ...], numpy.ndarray]) -> None:
        self.doc, self.start, self.end, self.arrays = doc, start, end, arrays

    def __len__(self) -> int:
        return self.end - self.start

    def to_array(self, attrs: list[int]) -> numpy.ndarray:
        key = tuple(attrs)
        if key not in self.arrays:
            self.arrays[key] = self.doc.to_array(list(attrs)).reshape(len(self.doc), len(key))
        found = self.arrays[key][self.start : self.end]
        return found[:, 0] if len(key) == 1 else found  # as Doc.to_array answers a list of one


def _words(doc: Doc, bounds: list[tuple[int, int]]) -> list[_Words]:
    arrays: dict[tuple[int, ...], numpy.ndarray] = {}
    return [_Words(doc, start, end, arrays) for start, end in bounds]


def _alone(sentence: Span) -> Doc:
    # Only the words: Span.as_doc would also copy the letter's span groups, for every sentence.
    return Doc(
        sentence.doc.vocab,
        words=[token.text for token in sentence],
        spaces=[bool(token.whitespace_) for token in sentence],
    )


@Language.factory(
    "sentence_acts",
    requires=["token.is_sent_start"],
    assigns=["doc.cats", "doc.spans"],
    default_config={"threshold": 0.5},  # the model is pipeline.cfg's, the one place it is set
    default_score_weights={},
)
def make_sentence_acts(nlp: Language, name: str, model: Model[Any, Any], threshold: float) -> SentenceActs:
    return SentenceActs(nlp.vocab, model, name, threshold=threshold, scorer=None)
