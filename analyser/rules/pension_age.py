"""State Pension age from a date of birth, from the cohort tables in pension_age.yaml."""

from __future__ import annotations

import datetime as dt
from datetime import date
from functools import cache
from importlib.resources import files

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from analyser.rules.calendar import add_months
from analyser.rules.parameters import SourceRef

PENSION_AGE_FILE = "pension_age.yaml"
COHORT_START_DAY = 6  # each month-cohort runs from the 6th of one month to the 5th of the next


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Age(_Row):
    years: int = Field(ge=60, le=70)
    months: int = Field(default=0, ge=0, le=11)


class Cohort(_Row):
    """Women born before `born_before` (and on or after the previous cohort's) and their pension age."""

    born_before: dt.date
    age: Age | None = None
    age_step_months: int = 0
    date: dt.date | None = None
    date_step_months: int = 0
    source: SourceRef
    hedge: str | None = None

    @model_validator(mode="after")
    def _one_rule(self) -> Cohort:
        if (self.age is None) == (self.date is None):
            raise ValueError("a cohort gives either an age or a date")
        return self


class PensionAgeTable(_Row):
    cohorts: list[Cohort] = Field(min_length=1)

    @model_validator(mode="after")
    def _in_order(self) -> PensionAgeTable:
        ends = [cohort.born_before for cohort in self.cohorts]
        if ends != sorted(ends):
            raise ValueError("cohorts must be in order of birth")
        return self


@cache
def load_table() -> PensionAgeTable:
    text = files(__package__).joinpath(PENSION_AGE_FILE).read_text(encoding="utf-8")
    return PensionAgeTable.model_validate(yaml.safe_load(text))


def pension_age_date(born: date) -> tuple[date, Cohort]:
    """The day a woman born on `born` reaches State Pension age, and the table row that says so."""
    cohorts = load_table().cohorts
    index = next(i for i, cohort in enumerate(cohorts) if born < cohort.born_before)
    cohort = cohorts[index]
    start = cohorts[index - 1].born_before if index else None
    step = _months_between(start, born) if start else 0
    if cohort.date is not None:
        return add_months(cohort.date, step * cohort.date_step_months), cohort
    assert cohort.age is not None
    months = cohort.age.years * 12 + cohort.age.months + step * cohort.age_step_months
    return add_months(born, months), cohort


def _months_between(start: date, born: date) -> int:
    """Which month-cohort (6th to 5th) after the one starting on `start` the birthday falls in."""
    months = (born.year - start.year) * 12 + born.month - start.month
    return months - (1 if born.day < COHORT_START_DAY else 0)
