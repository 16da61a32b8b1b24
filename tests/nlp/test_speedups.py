"""The fast tokenizer and the anchored ruler must find exactly what spaCy's own would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.training import Example

from analyser.nlp.anchored import AnchoredSpanRuler, anchor, word_rates
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
        doc = lines(text)
        assert doc.text == text
        expected = [(t.text, t.whitespace_) for t in spacy_tokenizer(text)]
        if any("|" in word and word.strip("|") for word, _ in expected):
            # A border typed against a word is split on purpose (the next test): the words between
            # the borders are still spaCy's.
            words = [t.text for t in doc if "|" not in t.text and t.text.strip()]
            assert words == [t.text for t in spacy_tokenizer(text.replace("|", " ")) if t.text.strip()], text[
                :60
            ]
            continue
        assert [(t.text, t.whitespace_) for t in doc] == expected, text[:60]


def test_a_table_border_typed_against_a_word_is_a_token_of_its_own() -> None:
    lines = LineTokenizer(spacy.blank("en").tokenizer)
    doc = lines("| Yes. Your ESA can be reduced.|\n|No|")
    assert [t.text for t in doc] == [
        "|",
        "Yes",
        ".",
        "Your",
        "ESA",
        "can",
        "be",
        "reduced",
        ".",
        "|",
        "\n",
        "|",
        "No",
        "|",
    ]
    assert doc.text == "| Yes. Your ESA can be reduced.|\n|No|"


@pytest.mark.parametrize("counted", [False, True], ids=["function-words", "counted-words"])
def test_anchored_ruler_finds_what_the_span_ruler_finds(texts: list[str], counted: bool) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("letter_sentences")
    patterns = patterns_for(default_cue_rows())
    reference = nlp.add_pipe("span_ruler", config={"spans_key": "reference", "validate": False})
    reference.add_patterns(patterns)
    anchored = nlp.add_pipe("anchored_span_ruler", config={"spans_key": "anchored"})
    if counted:
        # As `analyser train` does: the word counts come from the training letters.
        examples = [Example(doc, doc) for doc in map(nlp.make_doc, texts[1::3])]
        anchored.initialize(lambda: iter(examples), patterns=patterns)
        assert anchored.rates and anchored.rates["work"] > anchored.rates["attend"]
    else:
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


def test_counted_words_move_the_anchor_off_a_word_frequent_in_letters(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    pattern = [{"LOWER": "work"}, {"LOWER": "focused"}, {"LOWER": "interview"}]
    letters = [nlp.make_doc("Work search: your work coach will review your work. Attend your interview.")] * 3
    rates = word_rates(letters, ["work", "focused", "interview"])
    assert rates == {"work": 3.0, "interview": 1.0}
    assert anchor(pattern)[0] == frozenset({"work"})  # no counts: the first uncommon word
    assert anchor(pattern, rates)[0] == frozenset({"focused"})  # never seen in the letters
    ruler = AnchoredSpanRuler(nlp, "ruler", "found")
    ruler.initialize(
        lambda: iter(Example(d, d) for d in letters), patterns=[{"label": "wfi", "pattern": pattern}]
    )
    ruler.to_disk(tmp_path)
    loaded = AnchoredSpanRuler(nlp, "ruler", "found").from_disk(tmp_path)
    assert loaded.rates == ruler.rates == rates
    assert AnchoredSpanRuler(nlp, "ruler", "found").from_bytes(ruler.to_bytes()).rates == rates
    doc = loaded(nlp("Please come to a work focused interview on Monday."))
    assert [s.text for s in doc.spans["found"]] == ["work focused interview"]


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
