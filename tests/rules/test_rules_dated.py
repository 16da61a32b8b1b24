"""The law by date: every dated parameter sourced, used, and tested on, before and after each change."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from test_rules_cases import CASES, RUNS

from analyser.result import Letter, Situation
from analyser.rules import check
from analyser.rules.judged import law_for
from analyser.rules.parameters import load_parameters
from analyser.rules.rulebook import load_rulebook

PARAMETERS = load_parameters()
BOOK = load_rulebook()
TODAY = date(2026, 1, 15)
AS_IT_STOOD = re.compile(r"/(made|enacted)(/|$)|/\d{4}-\d{2}-\d{2}$")
DEMAND = {"type": "programme_referral", "attendance": "mandatory", "sanction_language": True}


def _boundaries(name: str) -> tuple[set[date], set[date]]:
    """(first days, last days) of the periods of the cases that name this parameter."""
    periods = [p for case in CASES if case.get("parameter") == name for p in case["periods"]]
    return {p["from"] for p in periods if "from" in p}, {p["until"] for p in periods if "until" in p}


@pytest.mark.parametrize("name", PARAMETERS)
def test_every_change_has_a_case_on_just_before_and_just_after_it(name: str) -> None:
    starts, ends = _boundaries(name)
    for change in PARAMETERS[name].changes():
        # A period starting on the change is judged on it and the day after; one ending the day before.
        assert change in starts, f"{name}: no case judged on {change} (and the day after)"
        assert change - timedelta(days=1) in ends, f"{name}: no case judged the day before {change}"


def test_cases_name_only_real_parameters() -> None:
    named = {case["parameter"] for case in CASES if "parameter" in case}
    assert named <= set(PARAMETERS)
    assert all("periods" in case for case in CASES if "parameter" in case)


@pytest.mark.parametrize("name", PARAMETERS)
def test_every_parameter_is_used_by_a_rule_or_the_engine(name: str) -> None:
    used = {p for row in BOOK.coded_rows() for p in row.parameter_names()} | {"esa_new_style_exists"}
    assert name in used


@pytest.mark.parametrize("name", PARAMETERS)
def test_every_value_is_sourced_and_old_law_is_cited_as_it_stood(name: str) -> None:
    values = list(PARAMETERS[name].values.items())
    for start, value in values:
        assert value.sources, (name, start)
        for source in value.sources:
            if "legislation.gov.uk" not in source.href:
                assert value.hedge, f"{name} {start}: a source that is not legislation must be hedged"
    # Every value but the latest is law that has since changed: its legislation links are "as made"
    # (or "as enacted", or a point in time), never the latest text.
    for start, value in values[:-1]:
        for source in value.sources:
            if "legislation.gov.uk" in source.href:
                assert AS_IT_STOOD.search(source.href), (name, start, source.href)


def test_the_2015_uc_carer_regression() -> None:
    situation = Situation(benefit="universal_credit", flags={"lone_parent_youngest_child_age": 2})
    in_2015 = check(Letter(**DEMAND, letter_date="2015-06-01"), situation)
    in_2018 = check(Letter(**DEMAND, letter_date="2018-06-01"), situation)
    assert (in_2015.verdict, in_2018.verdict) == ("likely_wrongful", "no_concern")
    rule_2015, rule_2018 = in_2015.reasons[0], in_2018.reasons[0]
    assert rule_2015.text.startswith("In June 2015, a lone parent or lead carer on Universal Credit whose")
    assert "SI 2014/1097" in rule_2015.source and "uksi/2014/1097/regulation/16/made" in (
        rule_2015.href or ""
    )
    assert "Welfare Reform and Work Act 2016 s.17" in rule_2018.source


@pytest.mark.parametrize(
    ("letter", "expected"),
    [
        ({"letter_date": "2015-06-01", "appointment": {"date": "2015-06-20"}}, ("2015-06-01", "letter_date")),
        (
            {"letter_date": "14 Nov", "appointment": {"date": "2015-06-20"}},
            ("2015-06-20", "appointment_date"),
        ),
        ({}, (TODAY.isoformat(), "today")),
    ],
)
def test_judged_at_says_which_date_was_used(letter: dict, expected: tuple[str, str]) -> None:
    result = check(Letter(**DEMAND, **letter), Situation(benefit="esa", group="wrag"), today=TODAY)
    assert result.judged_at is not None
    assert (result.judged_at.date, result.judged_at.from_) == expected
    dumped = result.model_dump(mode="json")["judged_at"]
    assert dumped == {"date": expected[0], "from": expected[1]}


def test_reasons_speak_in_the_past_for_an_old_letter_and_the_present_for_today() -> None:
    situation = Situation(benefit="universal_credit", flags={"lone_parent_youngest_child_age": 1})
    old = check(Letter(**DEMAND, letter_date="2015-06-01"), situation, today=TODAY)
    now = check(Letter(**DEMAND), situation, today=TODAY)
    assert "whose youngest child was 1 could only" in old.reasons[0].text
    assert "whose youngest child is 1 can only" in now.reasons[0].text


def test_a_conflict_about_the_group_says_what_the_letter_would_mean() -> None:
    letter = Letter(**{**DEMAND, "type": "wfi"}, esa_group_stated="wrag", benefits_mentioned=["esa"])
    (conflict,) = check(letter, Situation(benefit="esa", group="support_group")).conflicts
    assert conflict.code == "LETTER_GROUP_DIFFERS"
    assert "you said the support group" in conflict.text
    assert "If the letter is right, they can ask you to do this" in conflict.text


def test_a_benefit_conflict_names_both_benefits() -> None:
    letter = Letter(**{**DEMAND, "type": "wfi"}, benefits_mentioned=["esa"])
    (conflict,) = check(letter, Situation(benefit="pip")).conflicts
    assert (
        "Employment and Support Allowance" in conflict.text
        and "Personal Independence Payment" in conflict.text
    )


def test_the_law_for_a_letter_defaults_to_today() -> None:
    assert law_for(Letter(), today=TODAY).on == TODAY


def test_every_derivation_with_a_reason_is_exercised_by_a_case() -> None:
    seen = {code for _, _, run in RUNS for code in run.get("reasons", ())}
    assert {row.code for row in BOOK.derivations if row.reason} - seen == set()
