"""The fast tokenizer and the anchored ruler must find exactly what spaCy's own would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from analyser.nlp.anchored import AnchoredSpanRuler, anchor
from analyser.nlp.components import default_cue_rows
from analyser.nlp.phrases import patterns_for
from analyser.nlp.tokenizer import LineTokenizer

CORPUS = Path(__file__).resolve().parents[2] / "samples" / "corpus"
AWKWARD = [
    "",
    " ",
    "\n",
    "\n\nDear Ms Reader",
    "Yours sincerely\n",
    "word \n next",
    "a\n \n b\n\n",
    "don't\nMr Smith's\nwe'll ",
    "  x  \n\t y",
    "Windows\r\nline ends",
]


def corpus_texts() -> list[str]:
    texts = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text().splitlines() if line.strip()]
    return texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return corpus_texts() + AWKWARD


def test_line_tokenizer_gives_spacys_tokens(texts: list[str]) -> None:
    spacy_tokenizer = spacy.blank("en").tokenizer
    lines = LineTokenizer(spacy.blank("en").tokenizer)
    for text in texts:
        expected = [(t.text, t.whitespace_) for t in spacy_tokenizer(text)]
        assert [(t.text, t.whitespace_) for t in lines(text)] == expected, text[:60]


def test_anchored_ruler_finds_what_the_span_ruler_finds(texts: list[str]) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("letter_sentences")
    patterns = patterns_for(default_cue_rows())
    reference = nlp.add_pipe("span_ruler", config={"spans_key": "reference", "validate": False})
    reference.add_patterns(patterns)
    anchored = nlp.add_pipe("anchored_span_ruler", config={"spans_key": "anchored"})
    anchored.add_patterns(patterns)
    found = 0
    for doc in nlp.pipe(texts[::3]):
        expected = {(s.start, s.end, s.label_, s.id_) for s in doc.spans["reference"]}
        assert {(s.start, s.end, s.label_, s.id_) for s in doc.spans["anchored"]} == expected
        found += len(expected)
    assert found > 500


def test_anchor_is_the_rarest_required_word_with_its_reach() -> None:
    pattern = [
        {"LOWER": "you"},
        {"LOWER": {"IN": ["must", "should"]}, "OP": "?"},
        {"IS_SENT_START": False, "OP": "{0,3}"},
        {"LOWER": {"IN": ["attend", "come"]}},
        {"IS_PUNCT": True},
    ]
    assert anchor(pattern) == (frozenset({"attend", "come"}), 5, 1)
    assert anchor([{"LOWER": "you"}, {"OP": "+"}, {"LOWER": "attend"}]) is None


def test_patterns_without_an_anchor_still_match_everywhere() -> None:
    nlp = spacy.blank("en")
    ruler = AnchoredSpanRuler(nlp, "ruler", "found")
    ruler.add_patterns(
        [
            {"label": "any", "pattern": [{"LOWER": "must"}, {"OP": "+"}, {"LOWER": "attend"}], "id": "a"},
            {"label": "rare", "pattern": [{"LOWER": "sanction"}], "id": "b"},
        ]
    )
    doc = ruler(nlp("You must, without fail, attend. A sanction follows."))
    assert [(s.text, s.label_, s.id_) for s in doc.spans["found"]] == [
        ("must, without fail, attend", "any", "a"),
        ("sanction", "rare", "b"),
    ]
