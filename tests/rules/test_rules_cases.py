"""The named cases in cases.yaml: each situation and letter, at each date, gives the expected verdict and reasons."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from analyser.result import Evidence, Letter, Situation
from analyser.rules import check, letter_warnings
from analyser.rules.rulebook import load_rulebook

CASES_FILE = Path(__file__).with_name("cases.yaml")
CASES: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))["cases"]
EXPECTATIONS = ("verdict", "reasons", "effective_group", "warnings_include", "conflicts", "reasons_say")


def period_dates(period: dict[str, Any]) -> list[date]:
    """The dates a period is judged at: its first day and the day after (on, just after), its last day."""
    dates = []
    if "from" in period:
        dates += [period["from"], period["from"] + timedelta(days=1)]
    if "until" in period:
        dates.append(period["until"])
    return dates


def runs(case: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(id, letter, expectations) for each date a case is judged at: one run, or one per period date."""
    expected = {key: case[key] for key in EXPECTATIONS if key in case}
    if "periods" not in case:
        yield case["name"], case["letter"], expected
        return
    for period in case["periods"]:
        for day in period_dates(period):
            letter = {**case["letter"], "letter_date": day.isoformat()}
            yield (
                f"{case['name']} @{day}",
                letter,
                {**expected, **{k: period[k] for k in EXPECTATIONS if k in period}},
            )


RUNS = [run for case in CASES for run in runs(case)]


def test_case_names_are_unique_sentences() -> None:
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names))
    assert all(name.endswith(".") for name in names)


SITUATIONS = {case["name"]: case["situation"] for case in CASES}


@pytest.mark.parametrize(("name", "letter", "expected"), RUNS, ids=[run[0] for run in RUNS])
def test_case(name: str, letter: dict[str, Any], expected: dict[str, Any]) -> None:
    situation = SITUATIONS[name.split(" @")[0]]
    result = check(Letter.model_validate(letter), Situation.parse(situation))

    assert result.verdict == expected["verdict"]
    if "reasons" in expected:
        assert sorted(reason.code for reason in result.reasons) == sorted(expected["reasons"])
    if "effective_group" in expected:
        assert result.effective_group == expected["effective_group"]
    for fragment in expected.get("warnings_include", ()):
        assert any(fragment in warning for warning in result.warnings), (fragment, result.warnings)
    if "conflicts" in expected:
        assert [conflict.code for conflict in result.conflicts] == expected["conflicts"]
    for fragment in expected.get("reasons_say", ()):
        assert any(fragment in reason.text for reason in result.reasons), (fragment, result.reasons)
    assert all(reason.text and reason.source for reason in result.reasons)
    assert all("{" not in reason.text for reason in result.reasons), "every placeholder is filled in"
    if result.verdict != "not_applicable" or "reasons" in expected:
        assert result.next_steps, "every judged letter comes with something to do"


def test_every_requirement_row_is_exercised_by_a_case() -> None:
    expected = {code for _, _, run in RUNS for code in run.get("reasons", ())}
    rows = {row.code for row in load_rulebook().requirements}
    assert rows - expected == set()


def test_every_not_applicable_row_is_exercised_by_a_case() -> None:
    expected = {code for _, _, run in RUNS for code in run.get("reasons", ())}
    assert {row.code for row in load_rulebook().not_applicable} - expected == set()


def test_hedged_rules_say_so_in_the_reason_text() -> None:
    # legal.md: UNCONFIRMED law "must stay visibly hedged" in the reasons the product gives.
    result = check(
        Letter(type="wfi", attendance="mandatory", sanction_language=True),
        Situation(benefit="housing_benefit"),
    )
    assert "check with an adviser" in result.reasons[0].text


def test_a_rule_that_holds_for_some_readings_says_which() -> None:
    result = check(
        Letter(type="wfi", attendance="mandatory", sanction_language=True), Situation(benefit="esa")
    )
    texts = {reason.code: reason.text for reason in result.reasons}
    assert texts["ESA_SUPPORT_GROUP_NO_WFI"].startswith("If you are in the support group: ")
    assert texts["ESA_WRAG_WFI"].startswith("If you are in the work-related activity group: ")
    # What the letter says holds whoever reads it: no "If".
    assert texts["LETTER_MAKES_IT_COMPULSORY"].startswith("Your letter")


def test_the_letter_is_quoted_in_its_own_words() -> None:
    letter = Letter(
        type="wfi",
        attendance="mandatory",
        sanction_language=True,
        evidence=[Evidence(label="sanction", text="your ESA\n could be reduced", page=1, start=10, end=36)],
    )
    result = check(letter, Situation(benefit="esa", group="support_group"))
    note = next(reason for reason in result.reasons if reason.code == "LETTER_MAKES_IT_COMPULSORY")
    assert note.text.endswith('It says: "your ESA could be reduced"')
    assert note.source == "Your letter" and note.href is None


def test_a_voluntary_group_is_told_the_threat_is_for_others() -> None:
    letter = Letter(
        type="wfi",
        attendance="unclear",
        sanction_language=True,
        attendance_by_group={"support_group": "voluntary", "wrag": "mandatory"},
    )
    result = check(letter, Situation(benefit="esa", group="support_group"))
    note = next(reason for reason in result.reasons if reason.code == "LETTER_STATES_ATTENDANCE_FOR_GROUP")
    assert "for people in the support group attendance is voluntary" in note.text
    assert "for other groups" in note.text


@pytest.mark.parametrize(
    ("benefits", "verdict"),
    [
        # "If you have LCWRA you do not need to come": the NLP stage records that answer as the support
        # group's (the guide's mapping of LCWRA), and it is the no work-related requirements group's own.
        (["universal_credit"], "no_concern"),
        # An ESA letter's support group is not a UC claimant's group: the letter names no answer for them.
        (["esa"], "likely_wrongful"),
    ],
)
def test_a_universal_credit_letters_lcwra_answer_is_the_no_work_related_requirements_groups(
    benefits: list[str], verdict: str
) -> None:
    letter = Letter(
        type="wfi",
        attendance="unclear",
        sanction_language=True,
        benefits_mentioned=benefits,
        attendance_by_group={"support_group": "voluntary", "wrag": "mandatory"},
    )
    result = check(letter, Situation(benefit="universal_credit", group="no_work_related_requirements"))
    assert result.verdict == verdict
    if verdict == "no_concern":  # the reason names the person's group, not an ESA one
        said = next(r.text for r in result.reasons if r.code == "LETTER_STATES_ATTENDANCE_FOR_GROUP")
        assert "no work-related requirements group attendance is voluntary" in said


class TestNextSteps:
    """The next steps follow RULES.md "Reasons and next steps" for each verdict."""

    demand = Letter(type="wfi", attendance="mandatory", sanction_language=True)

    def test_likely_wrongful_says_phone_keep_reconsider_and_advice(self) -> None:
        steps = " ".join(check(self.demand, Situation(benefit="esa", group="support_group")).next_steps)
        for needed in (
            "do not simply stay away",
            "confirm in writing",
            "keep the letter",
            "within one month",
        ):
            assert needed in steps
        assert "Citizens Advice" in steps and "draft challenge letter" in steps
        assert "Carers UK" not in steps

    def test_carers_are_pointed_to_carers_uk(self) -> None:
        situation = Situation(benefit="income_support", flags={"gets_carers_allowance": True})
        steps = " ".join(check(self.demand, situation).next_steps)
        assert "Carers UK" in steps and "trigger point" in steps

    def test_an_unknown_group_asks_the_reader_to_check_it(self) -> None:
        steps = " ".join(check(self.demand, Situation(benefit="universal_credit")).next_steps)
        assert "which group you are in" in steps

    def test_a_lawful_mandatory_esa_interview_offers_deferral_with_its_regulations(self) -> None:
        steps = " ".join(check(self.demand, Situation(benefit="esa", group="wrag")).next_steps)
        for needed in (
            "rearrange",
            "Good cause",
            "hospital",
            "regs 59-60",
            "SI 2000/1926 regs 5-6",
            "by phone",
        ):
            assert needed in steps

    def test_a_lawful_mandatory_uc_interview_has_no_deferral_regulations(self) -> None:
        situation = Situation(benefit="universal_credit", group="all_work_related_requirements")
        steps = " ".join(check(self.demand, situation).next_steps)
        assert "good reason" in steps and "regs 59-60" not in steps

    def test_a_voluntary_meeting_says_it_is_your_choice(self) -> None:
        letter = Letter(type="wfi", attendance="voluntary")
        steps = check(letter, Situation(benefit="esa", group="support_group")).next_steps
        assert steps == [step.text for step in load_rulebook().next_steps if step.attendance == ["voluntary"]]

    def test_a_wca_says_go_or_rearrange(self) -> None:
        letter = Letter(type="wca", attendance="mandatory", sanction_language=True)
        steps = " ".join(check(letter, Situation(benefit="esa", group="support_group")).next_steps)
        assert "assessment" in steps and "rearrange" in steps


class TestLetterWarnings:
    """A letter that states an exempt group yet demands attendance contradicts itself."""

    def test_support_group_stated_with_a_threat_is_a_contradiction(self) -> None:
        letter = Letter(
            type="wfi", attendance="mandatory", sanction_language=True, esa_group_stated="support_group"
        )
        (warning,) = letter_warnings(letter)
        assert (
            "support group" in warning
            and "says you must" in warning
            and "benefit could be affected" in warning
        )

    def test_support_group_stated_with_only_a_threat_is_a_contradiction(self) -> None:
        letter = Letter(
            type="wfi", attendance="unclear", sanction_language=True, esa_group_stated="support_group"
        )
        (warning,) = letter_warnings(letter)
        assert "says you must" not in warning and "benefit could be affected" in warning

    def test_programme_referral_of_the_support_group_is_a_contradiction(self) -> None:
        letter = Letter(type="programme_referral", attendance="mandatory", esa_group_stated="support_group")
        (warning,) = letter_warnings(letter)
        assert "take part in an employment programme" in warning

    @pytest.mark.parametrize(
        "letter",
        [
            Letter(type="wfi", attendance="voluntary", esa_group_stated="support_group"),
            Letter(
                type="wfi",
                attendance="unclear",
                sanction_language=True,
                esa_group_stated="support_group",
                attendance_by_group={"support_group": "voluntary", "wrag": "mandatory"},
            ),
            Letter(type="wfi", attendance="mandatory", sanction_language=True, esa_group_stated="wrag"),
            Letter(
                type="wca", attendance="mandatory", sanction_language=True, esa_group_stated="support_group"
            ),
            Letter(type="wfi", attendance="mandatory", sanction_language=True),
            # The assessment-phase programme exemption is hedged law: not enough to call it a contradiction.
            Letter(type="programme_referral", attendance="mandatory", esa_group_stated="assessment_phase"),
        ],
        ids=["voluntary", "voluntary-for-its-group", "wrag", "wca", "no-group", "hedged-exemption"],
    )
    def test_consistent_letters_have_no_warning(self, letter: Letter) -> None:
        assert letter_warnings(letter) == []
