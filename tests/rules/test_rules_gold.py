"""The dev set's gold findings, judged by check() at each situation's date, agree with an independent reading of the verdict table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from analyser.result import Letter, Situation
from analyser.rules import check, letter_warnings

DEV_LABELS = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dev" / "letters.jsonl"
KIND_OF_TYPE = {"wfi": "wfi", "programme_referral": "programme"}

# Situations whose answers RULES.md's table states outright: (situation, {kind: can be required}).
SITUATIONS: dict[str, tuple[Situation, dict[str, str]]] = {
    "esa-support-group": (Situation(benefit="esa", group="support_group"), {"wfi": "no", "programme": "no"}),
    "esa-wrag-old-style": (
        Situation(benefit="esa", group="wrag", flags={"esa_style": "old"}),
        {"wfi": "yes", "programme": "yes"},
    ),
    "uc-no-work-related-requirements": (
        Situation(benefit="universal_credit", group="no_work_related_requirements"),
        {"wfi": "no", "programme": "no"},
    ),
    "uc-all-requirements": (
        Situation(benefit="universal_credit", group="all_work_related_requirements"),
        {"wfi": "yes", "programme": "yes"},
    ),
    "jsa": (Situation(benefit="jsa"), {"wfi": "yes", "programme": "yes"}),
    "is-carer": (
        Situation(benefit="income_support", flags={"gets_carers_allowance": True}),
        {"wfi": "trigger_points", "programme": "no"},
    ),
    "pip-only": (Situation(benefit="pip"), {"wfi": "no", "programme": "no"}),
}
# Situations whose answers RULES.md's dated notes state for a date: each dev letter is judged as if
# it were dated then. The 2015 UC carer is the regression (WFI only until April 2017).
UC_CARER_OF_2 = Situation(benefit="universal_credit", flags={"lone_parent_youngest_child_age": 2})
IS_LONE_PARENT_OF_4 = Situation(benefit="income_support", flags={"lone_parent_youngest_child_age": 4})
IS_LONE_PARENT_OF_0 = Situation(benefit="income_support", flags={"lone_parent_youngest_child_age": 0})
DATED: dict[str, tuple[Situation, dict[str, str], str]] = {
    "uc-carer-child-2-in-2015": (UC_CARER_OF_2, {"wfi": "yes", "programme": "no"}, "2015-06-01"),
    "uc-carer-child-2-in-2018": (UC_CARER_OF_2, {"wfi": "yes", "programme": "yes"}, "2018-06-01"),
    "is-lone-parent-child-4-before-2014": (
        IS_LONE_PARENT_OF_4,
        {"wfi": "yes", "programme": "no"},
        "2014-04-27",
    ),
    "is-lone-parent-child-4-from-2014": (
        IS_LONE_PARENT_OF_4,
        {"wfi": "yes", "programme": "yes"},
        "2014-04-28",
    ),
    "is-lone-parent-child-0-before-2011": (
        IS_LONE_PARENT_OF_0,
        {"wfi": "yes", "programme": "no"},
        "2011-10-30",
    ),
    "is-lone-parent-child-0-from-2011": (IS_LONE_PARENT_OF_0, {"wfi": "no", "programme": "no"}, "2011-10-31"),
    "esa-wrag-old-style-in-2010": (
        Situation(benefit="esa", group="wrag", flags={"esa_style": "old"}),
        {"wfi": "yes", "programme": "no"},
        "2010-06-01",
    ),
}


def _gold() -> list[dict[str, Any]]:
    if not DEV_LABELS.exists():
        pytest.skip(
            f"the shared dev set is absent ({DEV_LABELS}); these tests need ../shared next to the repo"
        )
    return [json.loads(line) for line in DEV_LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _letter(label: dict[str, Any], letter_date: str | None = None) -> Letter:
    """The gold label fields as the NLP stage's findings (dated `letter_date` when given)."""
    return Letter(
        letter_date=letter_date,
        type=label["letter_type"],
        attendance=label["attendance"],
        attendance_by_group=label.get("attendance_by_group"),
        sanction_language=label["sanction_language"],
        benefits_mentioned=label["benefits_mentioned"],
        esa_group_stated=label.get("esa_group_stated"),
    )


def _expected_verdict(label: dict[str, Any], situation: Situation, answers: dict[str, str]) -> str:
    """RULES.md "The verdict", written out again by hand: the seven rows plus the not-applicable cases."""
    kind = KIND_OF_TYPE.get(label["letter_type"])
    by_group = label.get("attendance_by_group") or {}
    if kind is None or (label["attendance"] == "none" and not by_group):
        return "not_applicable"
    attendance = by_group.get(situation.group, label["attendance"])
    threat = label["sanction_language"] and not (situation.group in by_group and attendance == "voluntary")
    answer = answers[kind]
    if attendance == "none":
        return "not_applicable"
    if answer == "yes":
        return "no_concern"
    if attendance == "voluntary":
        return "possibly_wrongful" if threat else "no_concern"
    if answer == "trigger_points" or (attendance == "unclear" and not threat):
        return "possibly_wrongful"
    return "likely_wrongful"


@pytest.mark.parametrize("name", SITUATIONS)
def test_check_agrees_with_the_verdict_table_on_every_dev_letter(name: str) -> None:
    situation, answers = SITUATIONS[name]
    disagreements = []
    for label in _gold():
        expected = _expected_verdict(label, situation, answers)
        got = check(_letter(label), situation).verdict
        if got != expected:
            disagreements.append(f"{label['id']}: expected {expected}, got {got}")
    assert not disagreements, disagreements


@pytest.mark.parametrize("name", DATED)
def test_check_agrees_with_the_verdict_table_at_each_date(name: str) -> None:
    situation, answers, letter_date = DATED[name]
    disagreements = []
    for label in _gold():
        expected = _expected_verdict(label, situation, answers)
        got = check(_letter(label, letter_date), situation).verdict
        if got != expected:
            disagreements.append(f"{label['id']} at {letter_date}: expected {expected}, got {got}")
    assert not disagreements, disagreements


def test_the_dev_set_exercises_every_verdict() -> None:
    verdicts = {
        check(_letter(label), situation).verdict for label in _gold() for situation, _ in SITUATIONS.values()
    }
    assert verdicts == {"likely_wrongful", "possibly_wrongful", "no_concern", "not_applicable"}


def test_letters_that_state_the_support_group_and_make_no_demand_raise_no_warning() -> None:
    # d003 (voluntary), d006 (decision), d037 (complaint reply): each states the support group and asks
    # nothing under threat, so none contradicts itself.
    stated = [label for label in _gold() if label.get("esa_group_stated") == "support_group"]
    assert stated
    assert all(letter_warnings(_letter(label)) == [] for label in stated)
