"""What the NLP stage finds in letters written here: the hard cases the rules must get right."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from analyser import analyse_text
from analyser.nlp.dates import find_dates, find_times, resolve_year
from analyser.nlp.train import train

HEAD = "Ashford Jobcentre Plus\nCharter House\nAshford TN24 8EZ\n\n12 March 2019\n\nMs A Reader\n2 Hill Road\nAshford\n\nDear Ms Reader\n\n"
TAIL = "\n\nYours sincerely\n\nWork Coach\n"


def letter(body: str) -> dict:
    return analyse_text(HEAD + body + TAIL).letter.model_dump(mode="json")


def test_negated_threats_in_a_voluntary_invitation() -> None:
    found = letter(
        "Employment and Support Allowance\nWe would like to invite you to a meeting with a personal adviser about "
        "work and training on Tuesday 26 March at 2pm. Taking part is voluntary. You will not be sanctioned and "
        "your benefit will not be affected if you choose not to come."
    )
    assert found["type"] == "wfi" and found["attendance"] == "voluntary"
    assert found["sanction_language"] is False
    assert found["appointment"]["date"] == "2019-03-26" and found["appointment"]["time"] == "14:00"


def test_attendance_that_depends_on_the_group() -> None:
    found = letter(
        "Employment and Support Allowance: work focused interview on 28/03/2019 at 10.15 am.\n"
        "If you are in the support group, you do not have to attend this interview.\n"
        "If you are in the work-related activity group, you must attend. If you do not attend without good "
        "cause, your ESA may be reduced."
    )
    assert found["attendance"] == "unclear"
    assert found["attendance_by_group"] == {"support_group": "voluntary", "wrag": "mandatory"}
    assert found["sanction_language"] is True


def test_a_meeting_about_work_is_a_wfi_even_without_the_word_interview() -> None:
    found = letter(
        "Universal Credit\nPlease come to the Jobcentre to meet your work coach on Friday 22 March 2019 at 11:40. "
        "We will talk about the work you are looking for and update your claimant commitment."
    )
    assert found["type"] == "wfi" and found["is_wfi_summons"] is True
    assert found["attendance"] == "unclear" and found["sanction_language"] is False


def test_a_work_capability_assessment_full_of_work_is_not_a_wfi() -> None:
    found = letter(
        "Work Capability Assessment\nThe Centre for Health and Disability Assessments has arranged a face-to-face "
        "assessment of your capability for work and work-related activity on 2 April 2019 at 9:30am. This is not "
        "a work-focused interview. If you do not attend without good cause, your Employment and Support "
        "Allowance may stop."
    )
    assert found["type"] == "wca" and found["is_wfi_summons"] is False
    assert found["attendance"] == "mandatory" and found["sanction_language"] is True


def test_furniture_is_not_a_threat() -> None:
    found = letter(
        "Universal Credit statement\nYour payment this month is £412.80. You must tell us about any changes in "
        "your circumstances or you may be paid the wrong amount. You could be prosecuted if you give false "
        "information. If you disagree with this decision you can ask for a mandatory reconsideration."
    )
    assert found["attendance"] == "none" and found["sanction_language"] is False


def test_an_announced_sanction_asks_nothing_but_threatens() -> None:
    found = letter(
        "Jobseeker's Allowance - our decision\nWe have decided that you did not have a good reason for missing "
        "your appointment on 1 March 2019. Your Jobseeker's Allowance will be reduced for 4 weeks."
    )
    assert found["type"] == "decision_notice"
    assert found["attendance"] == "none" and found["sanction_language"] is True


def test_a_quoted_threat_in_a_letter_that_cancels_it() -> None:
    found = letter(
        'Your complaint\nOur letter of 1 March said: "You must attend a work focused interview. If you do not '
        'attend, your Employment and Support Allowance may be reduced." That letter was sent in error because '
        "you are in the support group. You do not need to come to any interviews and your ESA has not been "
        "reduced."
    )
    assert found["sanction_language"] is False


def test_evidence_backs_every_finding() -> None:
    found = letter(
        "Employment and Support Allowance\nYou must attend a work focused interview on 20 March 2019 at 10am. "
        "If you do not attend, your benefit could be reduced."
    )
    labels = {item["label"] for item in found["evidence"]}
    assert {"mandatory", "sanction", "type:wfi"} <= labels


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday 14 May 2013", "2013-05-14"),
        ("14/05/2013", "2013-05-14"),
        ("14.5.13", "2013-05-14"),
        ("14th of May, 2013", "2013-05-14"),
        ("May 14, 2013", "2013-05-14"),
        ("2013-05-14", "2013-05-14"),
        ("Mon 20 Feb", "2012-02-20"),
    ],
)
def test_dates_in_common_formats(text: str, expected: str) -> None:
    found = resolve_year(find_dates(f"on {text} at the office")[0], date(2012, 2, 6))
    assert found.value.isoformat() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10:40am", "10:40"),
        ("10.30 am", "10:30"),
        ("2pm", "14:00"),
        ("14:15", "14:15"),
        ("half past ten", "10:30"),
        ("noon", "12:00"),
    ],
)
def test_times_in_common_formats(text: str, expected: str) -> None:
    assert find_times(f"at {text} please")[0].value == expected


def test_train_rebuilds_a_working_model(tmp_path: Path) -> None:
    corpus = Path(__file__).resolve().parents[2] / "samples" / "corpus"
    scores = train(corpus, tmp_path / "letter_type")
    assert scores["train"] > 200
    assert scores["scores"]["cats_macro_f"] > 0.8
    import spacy

    model = spacy.load(tmp_path / "letter_type")
    doc = model("Personal Independence Payment: your consultation with a health professional from IAS.")
    assert max(doc.cats, key=doc.cats.get) == "pip_assessment"
