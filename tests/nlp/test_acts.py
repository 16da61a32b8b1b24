"""What each sentence does: the sentence classifier's training data, its letter-level scores, and the shipped model."""

from __future__ import annotations

from importlib import resources

import spacy
from spacy.training import Example
from thinc.api import Config

from analyser.ingest.cleanup import clean_text
from analyser.nlp.acts import ACT_CATS, ACTS, ACTS_KEY, LABELLED_KEY, sentence_acts, speaking_for
from analyser.nlp.read import load_pipeline
from analyser.nlp.train import labelled_sentences, to_docbin
from samples.validate import problems_of

LETTER = (
    "Dear Ms Patel\n\nWe have booked you an appointment with your work coach on 4 May 2015 at 10:30.\n"
    "You must attend this interview. If you do not go, your benefit may be stopped.\n"
)


def labelled(text: str, sentences: list[tuple[str, list[str]]]) -> dict:
    """A letter as samples/ holds it, with its sentence labels."""
    return {
        "id": "t-1",
        "source": "handwritten",
        "text": text,
        "letter_type": "wfi",
        "is_wfi_summons": True,
        "attendance": "mandatory",
        "attendance_by_group": None,
        "sanction_language": True,
        "benefits_mentioned": ["universal_credit"],
        "esa_group_stated": None,
        "appointment": None,
        "office": None,
        "letter_date": None,
        "hard": False,
        "notes": "",
        "sentences": [{"text": words, "labels": acts} for words, acts in sentences],
    }


def pipeline_config() -> Config:
    return Config().from_str(resources.files("analyser.nlp").joinpath("pipeline.cfg").read_text())


def pipe() -> object:
    nlp = spacy.blank("en")
    model = pipeline_config()["components"]["sentence_acts"]["model"]
    component = nlp.add_pipe("sentence_acts", config={"model": model})
    component.add_label(ACT_CATS["must_attend"])
    return component


def test_a_labelled_sentence_is_found_in_the_cleaned_text_the_classifier_reads() -> None:
    # Ingest joins a wrapped line and mends the ligature "ﬁ": offsets move, the sentence must not.
    text = "Dear Ms Patel\n\nThis is a con\ufb01rmation that you must attend\nthe interview on 4 May. Bye.\n"
    letter = labelled(text, [("you must attend\nthe interview on 4 May.", ["must_attend"])])
    cleaned = clean_text(text)
    [(start, end, acts)] = labelled_sentences(letter, cleaned.origin)
    assert cleaned.text[start:end].replace("\n", " ") == "you must attend the interview on 4 May."
    assert acts == ["must_attend"]


def test_a_sentence_takes_the_acts_of_the_passage_covering_it_not_of_a_neighbour_it_touches() -> None:
    doc = spacy.blank("en")("Date: 4 May. You must attend. Bye now.")
    date, duty, bye = [doc[0:4], doc[4:8], doc[8:11]]
    passages = [(0, duty.end_char, ["arranges"]), (duty.start_char, duty.end_char, ["must_attend"])]
    assert sentence_acts(date, passages) == {"arranges"}
    assert sentence_acts(duty, passages) == {"arranges", "must_attend"}
    assert sentence_acts(bye, [(duty.start_char, bye.start_char + 1, ["must_attend"])]) == set()


def test_only_letters_with_sentence_labels_teach_the_sentence_classifier() -> None:
    # A letter without sentence labels would otherwise teach that none of its sentences does anything.
    unlabelled = labelled(LETTER, [])
    del unlabelled["sentences"]
    letters = [labelled(LETTER, [("You must attend this interview.", ["must_attend"])]), unlabelled]
    with_labels, without = list(to_docbin(letters).get_docs(spacy.blank("en").vocab))
    assert LABELLED_KEY in with_labels.user_data and LABELLED_KEY not in without.user_data
    component = pipe()
    taught = list(component._sentence_examples(Example(with_labels.copy(), with_labels)))
    duty = [eg for eg in taught if eg.reference.cats[ACT_CATS["must_attend"]] == 1.0]
    assert [eg.reference.text.strip() for eg in duty] == ["You must attend this interview."]
    assert len(taught) > len(duty)  # the other sentences are taught as doing none of the acts
    assert list(component._sentence_examples(Example(without.copy(), without))) == []


def test_the_shipped_model_tells_a_duty_from_an_offer_and_from_a_general_condition() -> None:
    nlp = load_pipeline()

    def acts(text: str) -> dict[str, float]:
        return {act: nlp(text).cats[cat] for act, cat in ACT_CATS.items()}

    duty = acts("You must attend this interview. If you do not, your benefit may be stopped.")
    offer = acts("This meeting is voluntary. You do not have to come and your benefit will not be affected.")
    general = acts("You must attend work-focused interviews when we ask you to.")
    assert duty["must_attend"] > 0.5 > offer["must_attend"]
    assert offer["optional"] > 0.5 > duty["optional"]
    assert duty["threat"] > 0.5 and offer["no_threat"] > 0.5 > offer["threat"]
    assert general["general_duty"] > general["must_attend"] or general["must_attend"] < 0.5
    doc = nlp(LETTER)
    assert {span.label_ for span in doc.spans[ACTS_KEY]} >= {ACT_CATS["arranges"], ACT_CATS["must_attend"]}


def test_the_labelling_check_reports_a_sentence_that_is_not_in_its_letter() -> None:
    letter = labelled(LETTER, [("You must attend the meeting.", ["must_attend"]), (LETTER[:13], ["duty"])])
    found = problems_of(letter)
    assert any("not in the letter" in problem for problem in found)
    assert any("sentence labels ['duty']" in problem for problem in found)
    assert len(ACTS) == len(ACT_CATS) == 12


def test_the_pipeline_config_names_every_act_once() -> None:
    # The acts are spelled in analyser/nlp/acts.py; the config's label list and output width follow it.
    config = pipeline_config()
    assert config["initialize"]["components"]["sentence_acts"]["labels"] == list(ACT_CATS.values())
    assert config["components"]["sentence_acts"]["model"]["nO"] == len(ACTS)


def test_the_joined_ngram_pass_gives_each_sentence_exactly_its_own_ngrams() -> None:
    from collections import Counter

    from analyser.nlp.bow import attribute_bow

    model = attribute_bow(nO=2, ngram_size=3, length=1024, attrs=["LOWER", "SHAPE"])
    extract = model.layers[0]
    doc = spacy.blank("en")("You must attend. Date: 4 May 2015\nOK\n\nIf you do not go, we may stop it.")
    texts = [doc[0:4], doc[4:4], doc[4:9], doc[9:10], doc[10:]]
    (keys, values, lengths), _ = extract(texts, is_train=False)
    assert list(lengths) == [len(extract([text], is_train=False)[0][0]) for text in texts]
    assert len(keys) == len(values) == sum(lengths)
    start = 0
    for text, length in zip(texts, lengths, strict=True):
        alone = extract([text], is_train=False)[0][0]
        assert Counter(keys[start : start + length].tolist()) == Counter(alone.tolist())
        start += length
    # Two words, each with its lower form and shape: 2 + 2 unigrams, 1 + 1 bigrams, no trigram.
    assert len(extract([doc[0:2]], is_train=False)[0][0]) == 6


def test_the_sentence_that_does_what_a_finding_says_can_be_shown_as_its_evidence() -> None:
    doc = load_pipeline()(LETTER)
    assert [span.text for span in speaking_for(doc, "mandatory")] == ["You must attend this interview."]
    assert [span.text for span in speaking_for(doc, "sanction")] == [
        "If you do not go, your benefit may be stopped."
    ]
    assert speaking_for(doc, "voluntary") == []


def test_a_sentence_quoted_from_another_letter_is_never_shown_as_evidence() -> None:
    doc = load_pipeline()(LETTER)
    duty = doc.text.index("You must attend this interview.")
    threat = doc.text.index("If you do not go")
    # The duty quoted: the letter's own threat is shown instead; both quoted: nothing.
    assert [span.start_char for span in speaking_for(doc, "mandatory", [(duty, duty + 10)])] == [threat]
    assert speaking_for(doc, "mandatory", [(duty, len(doc.text))]) == []


def test_a_sentence_labelled_twice_teaches_each_copy_in_order() -> None:
    # A quoted earlier threat and the letter's own: the writer's second label is the second copy.
    text = "Dear Ms Patel\n\nYou must attend. We wrote: You must attend.\n"
    letter = labelled(text, [("You must attend.", ["must_attend"]), ("You must attend.", ["general_duty"])])
    first, second = labelled_sentences(letter, clean_text(text).origin)
    assert first[0] < second[0] and (first[2], second[2]) == (["must_attend"], ["general_duty"])
