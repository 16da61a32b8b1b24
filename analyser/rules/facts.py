"""Facts about a person on the date judged, worked out from their flags (pension age, recent birth...)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from analyser.result import Flags, Reason
from analyser.rules.calendar import add_months, day_month_year
from analyser.rules.pension_age import pension_age_date

if TYPE_CHECKING:  # the rulebook's rows import FACTS from here
    from analyser.rules.rulebook import Rulebook

# The facts rows may test (requirements.yaml `facts:`), each with the rule that fixes its period.
FACTS: tuple[str, ...] = (
    "over_pension_age",  # flag, or reached State Pension age by the date of birth
    "pregnant_or_recent_birth",  # 11 weeks or less before the expected week of confinement, or 15 weeks after it
    "adopted_within_12_months",  # UC Regs 2013 reg 89(1)(d)
    "adopted_within_52_weeks",  # ESA Regs 2013 reg 47(1)(c)
)
PENSION_AGE = "over_pension_age"
PENSION_AGE_CODE = "PENSION_AGE_FROM_DATE_OF_BIRTH"
WEEKS_BEFORE_CONFINEMENT = 11
WEEKS_AFTER_CONFINEMENT = 15


def facts_on(flags: Flags, on: date) -> frozenset[str]:
    """Which of FACTS hold for a person with these flags on the date `on`."""
    held = set()
    if flags.over_pension_age or (
        flags.date_of_birth is not None and on >= pension_age_date(flags.date_of_birth)[0]
    ):
        held.add("over_pension_age")
    if _pregnant_or_recent_birth(flags, on):
        held.add("pregnant_or_recent_birth")
    placed = flags.adoption_placement_date
    if placed is not None and placed <= on < add_months(placed, 12):
        held.add("adopted_within_12_months")
    if placed is not None and placed <= on < placed + timedelta(weeks=52):
        held.add("adopted_within_52_weeks")
    return frozenset(held)


def _pregnant_or_recent_birth(flags: Flags, on: date) -> bool:
    # Without a birth date, a due date that has passed stands in for the birth.
    born = flags.baby_born_on
    due = flags.pregnancy_due_date
    if born is None and due is not None and on > due:
        born = due
    if born is not None and born <= on:
        return on <= born + timedelta(weeks=WEEKS_AFTER_CONFINEMENT)
    if due is None:
        return False
    # The expected week of confinement begins on the Sunday on or before the due date.
    week_start = due - timedelta(days=(due.weekday() + 1) % 7)
    return week_start - timedelta(weeks=WEEKS_BEFORE_CONFINEMENT) <= on


def pension_age_reasons(book: Rulebook, flags: Flags) -> list[Reason]:
    """Why a date of birth means pension age: the day it was reached, by the table that says so."""
    if flags.over_pension_age or flags.date_of_birth is None:
        return []  # the person said so themselves: nothing to show
    reached, cohort = pension_age_date(flags.date_of_birth)
    text = book.messages.pension_age_reached.format(
        born=day_month_year(flags.date_of_birth), reached=day_month_year(reached)
    )
    return [
        Reason(
            code=PENSION_AGE_CODE,
            text=" ".join([text, *([cohort.hedge] if cohort.hedge else [])]),
            source=cohort.source.title,
            href=cohort.source.href,
        )
    ]
