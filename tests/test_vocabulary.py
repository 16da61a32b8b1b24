"""Vocabulary is spelled once: the page's questions and wording, and the API's examples, follow result.py and the rulebook."""

from __future__ import annotations

import re
from pathlib import Path

from analyser.api.examples import EXAMPLE_LETTER, EXAMPLE_RESULT, EXAMPLE_SITUATION
from analyser.nlp.by_group import GROUP_LABELS
from analyser.nlp.extract import BENEFIT_NAMES
from analyser.result import (
    ATTENDANCES,
    BENEFITS,
    GROUPS,
    GROUPS_BY_BENEFIT,
    LETTER_TYPES,
    MONTH_NAMES,
    VERDICTS,
    AnalysisResult,
    Flags,
)
from analyser.rules import check
from analyser.rules.actions import load_actions
from analyser.rules.rulebook import load_rulebook
from analyser.web import questions, wording

PACKAGE = Path(__file__).resolve().parents[1] / "analyser"


def _values(question: questions.Question) -> set[str]:
    return {option.value for option in question.options} - {questions.UNKNOWN, questions.NO_BENEFIT}


def test_the_form_asks_for_exactly_the_contracts_benefits_and_groups() -> None:
    assert _values(questions.BENEFIT) == set(BENEFITS)
    assert _values(questions.ESA_GROUP) == set(GROUPS_BY_BENEFIT["esa"])
    assert _values(questions.UC_GROUP) == set(GROUPS_BY_BENEFIT["universal_credit"])
    labels = load_rulebook().benefit_labels
    for option in questions.BENEFIT.options:
        if option.value in BENEFITS:
            assert option.label.startswith(labels[option.value])  # type: ignore[index]


def test_the_result_pages_wording_covers_every_value_and_no_other() -> None:
    assert set(wording.LETTER_KINDS) == set(LETTER_TYPES)
    assert set(wording.VERDICT_WORDS) == set(VERDICTS)
    assert set(wording.ATTENDANCE_SAYS) == set(ATTENDANCES)
    assert set(wording.GROUP_NAMES) == set(GROUPS)
    assert set(wording.ANSWERS) == {*VERDICTS, None}
    for by_attendance in wording.ANSWERS.values():
        assert set(by_attendance) in ({"*"}, set(ATTENDANCES))


def test_tables_keyed_by_the_vocabulary_use_its_words() -> None:
    """A table that names a benefit or a group by a misspelt code would silently never match."""
    assert set(BENEFIT_NAMES) == set(BENEFITS)
    assert set(GROUP_LABELS.values()) <= set(GROUPS)
    relies = load_actions().relies_on
    assert set(relies["groups"]) == set(GROUPS)
    assert set(relies["benefits"]) == set(BENEFITS)
    assert set(relies["flags"]) <= set(Flags.model_fields)


def test_month_names_are_spelled_only_in_result_py() -> None:
    spelled = re.compile(r"[\"'](?:jan|january|sep|september|dec|december)[\"']", re.I)
    for path in PACKAGE.rglob("*.py"):
        if path.name != "result.py":
            assert not spelled.search(path.read_text(encoding="utf-8")), path
    assert len(MONTH_NAMES) == 12


def test_the_api_example_is_what_check_returns() -> None:
    example = AnalysisResult.model_validate(EXAMPLE_RESULT)
    assert example.check == check(EXAMPLE_LETTER, EXAMPLE_SITUATION)
    assert example.letter.is_wfi_summons and example.check is not None
    assert example.check.verdict == "likely_wrongful"
