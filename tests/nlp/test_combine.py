"""The rules and the trained findings classifier weighed together: who wins a disagreement, and when."""

from __future__ import annotations

import pytest

from analyser import analyse_text
from analyser.nlp.combine import weigh_attendance, weigh_sanction
from analyser.nlp.read import load_pipeline
from analyser.nlp.train import ATTENDANCE_CATS, SANCTION_CAT


def cats(attendance: dict[str, float], sanction: float = 0.5) -> dict[str, float]:
    found = {ATTENDANCE_CATS[value]: attendance.get(value, 0.0) for value in ATTENDANCE_CATS}
    return found | {SANCTION_CAT: sanction}


@pytest.mark.parametrize("path", ["nothing-to-attend", "not-an-appointment", "threat"])
def test_a_rule_that_decided_from_missing_evidence_yields_to_a_fairly_sure_classifier(path: str) -> None:
    weighed = weigh_attendance("none", path, cats({"mandatory": 0.6, "none": 0.3}))
    assert (weighed.value, weighed.agreement) == ("mandatory", "overruled")


def test_a_bare_request_needs_a_surer_classifier_to_be_called_compulsory() -> None:
    assert weigh_attendance("unclear", "request", cats({"mandatory": 0.6})).value == "unclear"
    assert weigh_attendance("unclear", "request", cats({"mandatory": 0.8})).value == "mandatory"


@pytest.mark.parametrize("path,rule", [("offer", "voluntary"), ("duty", "mandatory")])
def test_a_rule_with_positive_evidence_stands_unless_the_classifier_is_near_certain(
    path: str, rule: str
) -> None:
    other = "none"
    assert weigh_attendance(rule, path, cats({other: 0.9})).agreement == "kept"
    assert weigh_attendance(rule, path, cats({other: 0.97})).value == other


def test_answers_per_group_come_from_the_rules_alone() -> None:
    assert weigh_attendance("unclear", "by-group", cats({"mandatory": 0.99})).value == "unclear"


def test_without_the_classifier_the_rules_decide() -> None:
    assert weigh_attendance("none", "nothing", {}).value == "none"
    assert weigh_sanction(True, {}).value is True


def test_sanction_language_changes_only_when_the_classifier_is_sure_of_the_opposite() -> None:
    assert weigh_sanction(True, cats({}, sanction=0.3)).value is True
    assert weigh_sanction(True, cats({}, sanction=0.1)).value is False
    assert weigh_sanction(False, cats({}, sanction=0.9)).value is True


def test_a_threat_the_rules_switched_off_stays_off() -> None:
    # Quoted, negated or already past: the cue rules saw the threat and its scope; words alone cannot.
    weighed = weigh_sanction(False, cats({}, sanction=0.95), switched_off=True)
    assert (weighed.value, weighed.agreement) == (False, "kept")


def test_the_shipped_pipeline_scores_every_finding_the_weighing_reads() -> None:
    doc = load_pipeline()("Your work coach has booked an appointment for you. You must attend.")
    assert set(ATTENDANCE_CATS.values()) | {SANCTION_CAT} <= set(doc.cats)


def test_the_confidence_says_when_the_classifier_and_the_rules_disagreed() -> None:
    # A page 2 on its own: no heading, the duty said in words the cue rules may or may not know.
    result = analyse_text(
        "and you will need to bring photo ID with you.\n\nPlease be aware that going to this meeting is part "
        "of the conditions for getting Universal Credit. If you don't go and don't have a good reason, "
        "we could stop some of your payments for a period.\n\nPage 2 of 2\n"
    )
    assert result.letter.attendance == "mandatory"
    assert result.letter.sanction_language is True
    assert 0.0 < result.letter.confidence["attendance"] <= 1.0
