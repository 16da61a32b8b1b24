"""The answer and what to do, for every verdict, read at a reading age of 9 or under (Flesch-Kincaid grade + 5)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
import textstat

from analyser import web
from analyser.analyse import check
from analyser.result import AnalysisResult, Appointment, Letter, Situation, Source

READING_AGE = 9
TODAY = date(2026, 3, 2)
ATTENDANCES = ("mandatory", "voluntary", "unclear")
# One situation per verdict on a WFI letter, and a WCA and a decision for not_applicable.
CASES = {
    "likely_wrongful": ("wfi", Situation(benefit="esa", group="support_group")),
    "possibly_wrongful": ("wfi", Situation(benefit="esa")),
    "no_concern": ("wfi", Situation(benefit="jsa")),
    "not_applicable": ("wca", Situation(benefit="esa", group="support_group")),
    "decision": ("decision_notice", Situation(benefit="esa", group="support_group")),
}


def reading_age(text: str) -> float:
    """The UK reading age: the US school grade Flesch-Kincaid gives, plus 5 years."""
    return textstat.flesch_kincaid_grade(text) + 5


def page_text(
    letter_type: str, attendance: str, situation: Situation, days_ahead: int, stated: str | None = None
) -> tuple[str, str]:
    letter = Letter(
        esa_group_stated=stated,
        type=letter_type,
        attendance=attendance,
        sanction_language=attendance != "voluntary",
        letter_date=(TODAY - timedelta(days=3)).isoformat(),
        appointment=Appointment(date=(TODAY + timedelta(days=days_ahead)).isoformat(), time="14:15"),
        office_phone="0345 604 3719",
    )
    result = AnalysisResult(
        source=Source(name="l.txt", sha256="0", media_type="text/plain", pages=1, text_source="text"),
        letter=letter,
        check=check(letter, situation, today=TODAY),
    )
    context = web.result_context(result)
    steps = " ".join(action.text for action, _ in context["actions"])
    return result.check.verdict, f"{context['heading']}. {context['answer'].why} {steps}"


@pytest.mark.parametrize(
    ("case", "attendance", "days_ahead"), list(itertools.product(CASES, ATTENDANCES, (10, -400)))
)
def test_the_answer_and_next_steps_read_at_age_9(case, attendance, days_ahead):
    letter_type, situation = CASES[case]
    verdict, text = page_text(letter_type, attendance, situation, days_ahead)

    age = reading_age(text)
    print(f"{case:18} {verdict:18} {attendance:10} {days_ahead:5} reading age {age:4.1f}")
    assert age <= READING_AGE, text


@pytest.mark.parametrize("days_ahead", (10, -400))
def test_the_steps_when_the_letter_states_another_group_read_at_age_9(days_ahead):
    situation = Situation(benefit="esa", group="support_group")
    verdict, text = page_text("wfi", "mandatory", situation, days_ahead, stated="wrag")

    assert "This letter says you are in the ESA work-related activity group" in text
    assert reading_age(text) <= READING_AGE, text
