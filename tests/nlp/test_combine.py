"""The rules and the trained findings classifier weighed together: who wins a disagreement, and when."""

from __future__ import annotations

from analyser import analyse_text
from analyser.nlp.combine import WEIGHTS_KEY, Votes, by_answer, weigh_attendance, weigh_sanction
from analyser.nlp.read import load_pipeline
from analyser.nlp.stacking import chances, fit_weights, load_weights
from analyser.nlp.train import ATTENDANCE_CATS, SANCTION_CAT


def cats(attendance: dict[str, float], sanction: float = 0.5) -> dict[str, float]:
    found = {ATTENDANCE_CATS[value]: attendance.get(value, 0.0) for value in ATTENDANCE_CATS}
    return found | {SANCTION_CAT: sanction}


# Weights as `analyser train` fits them (analyser/nlp/stacking.py), made up here to show each limit.
TRUST_THE_MODEL = {"model_logit": 1.0, "rule": 0.5}


def votes(rule: str, path: str, attendance: dict[str, float], lookalike: str | None = None) -> Votes:
    return Votes(rule, path, cats(attendance), lookalike)


def test_the_likeliest_answer_under_the_weights_wins() -> None:
    weighed = weigh_attendance(
        votes("none", "nothing-to-attend", {"mandatory": 0.9, "none": 0.2}), TRUST_THE_MODEL
    )
    assert (weighed.value, weighed.agreement) == ("mandatory", "overruled")
    weighed = weigh_attendance(
        votes("none", "nothing-to-attend", {"mandatory": 0.5, "none": 0.4}), TRUST_THE_MODEL
    )
    assert (weighed.value, weighed.agreement) == ("none", "kept")


def test_a_path_the_weights_trust_stands_against_a_sure_classifier() -> None:
    trust_offers = TRUST_THE_MODEL | {"answer|voluntary|offer": 15.0}
    weighed = weigh_attendance(votes("voluntary", "offer", {"none": 0.97}), trust_offers)
    assert (weighed.value, weighed.agreement) == ("voluntary", "kept")
    assert weigh_attendance(votes("voluntary", "need-not-go", {"none": 0.97}), trust_offers).value == "none"


def test_answers_per_group_come_from_the_rules_alone() -> None:
    assert (
        weigh_attendance(votes("unclear", "by-group", {"mandatory": 0.99}), TRUST_THE_MODEL).value
        == "unclear"
    )


def test_the_classifier_cannot_win_with_a_look_alike() -> None:
    said = votes("unclear", "request", {"voluntary": 0.99}, lookalike="voluntary")
    assert weigh_attendance(said, TRUST_THE_MODEL).value == "unclear"


def test_the_classifier_cannot_win_with_an_answer_it_scores_low_itself() -> None:
    # Round 38 A-048 (after its measurement): the weights preferred an offer the classifier scored 0.10.
    trust_offers = TRUST_THE_MODEL | {"answer|voluntary|threat": 15.0}
    weighed = weigh_attendance(
        votes("mandatory", "threat", {"voluntary": 0.1, "mandatory": 0.01}), trust_offers
    )
    assert (weighed.value, weighed.agreement) == ("mandatory", "kept")
    weighed = weigh_attendance(
        votes("mandatory", "threat", {"voluntary": 0.6, "mandatory": 0.01}), trust_offers
    )
    assert (weighed.value, weighed.agreement) == ("voluntary", "overruled")


def test_without_the_classifier_or_fitted_weights_the_rules_decide() -> None:
    assert weigh_attendance(Votes("none", "nothing", {}), TRUST_THE_MODEL).value == "none"
    assert weigh_attendance(votes("none", "nothing", {"mandatory": 0.99}), {}).value == "none"
    assert weigh_sanction(True, {}).value is True


def test_fitted_weights_learn_which_side_to_trust() -> None:
    # On these letters the rules' offers are always right and the classifier's sure "none" never is;
    # where the rules found nothing, the classifier is right.
    rows = [(votes("voluntary", "offer", {"none": 0.9, "voluntary": 0.1}), "voluntary")] * 20
    rows += [(votes("none", "nothing-to-attend", {"mandatory": 0.8, "none": 0.2}), "mandatory")] * 20
    weights = fit_weights([(by_answer(said), gold) for said, gold in rows])
    assert weigh_attendance(rows[0][0], weights).value == "voluntary"
    assert weigh_attendance(rows[-1][0], weights).value == "mandatory"
    probability = chances(by_answer(rows[0][0]), weights)
    assert probability["voluntary"] > 0.8 and abs(sum(probability.values()) - 1) < 1e-9


def test_the_shipped_analyser_has_fitted_weights() -> None:
    weights = load_weights(WEIGHTS_KEY)
    assert {"model_logit", "rule"} <= set(weights)


def test_sanction_language_changes_only_when_the_classifier_is_sure_of_the_opposite() -> None:
    assert weigh_sanction(True, cats({}, sanction=0.3)).value is True
    assert weigh_sanction(True, cats({}, sanction=0.03)).value is False
    assert weigh_sanction(False, cats({}, sanction=0.9)).value is True


def test_a_threat_found_in_the_letters_words_needs_near_certainty_to_deny() -> None:
    # Blind round 28's photos: "If you do not, and you cannot show good cause, y' Employment and Support
    # Allowance could be reduced" read as no threat by a classifier 0.9 sure. A missed threat needs less.
    assert weigh_sanction(True, cats({}, sanction=0.1)).value is True
    assert weigh_sanction(False, cats({}, sanction=0.85)).value is True


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


def test_a_letter_that_makes_no_appointment_and_speaks_of_no_going_is_not_weighed() -> None:
    # "If you do not send the proof, your benefit may stop": no meeting, and words cannot overrule.
    silent = votes("none", "not-an-appointment", {"mandatory": 0.99})
    assert weigh_attendance(silent, TRUST_THE_MODEL).value == "none"
    # Any other path is weighed: the rules found nothing to attend, the words say a duty.
    going = votes("none", "nothing-to-attend", {"mandatory": 0.99})
    assert weigh_attendance(going, TRUST_THE_MODEL).value == "mandatory"
