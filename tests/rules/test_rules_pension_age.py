"""State Pension age from a date of birth, against the Pensions Acts' tables at each cohort's edges."""

from __future__ import annotations

from datetime import date

import pytest

from analyser.rules.calendar import add_months
from analyser.rules.pension_age import load_table, pension_age_date


@pytest.mark.parametrize(
    ("born", "reached"),
    [
        ("1950-04-05", "2010-04-05"),  # 60th birthday (Pensions Act 1995 Sch 4 para 1(2))
        ("1950-04-06", "2010-05-06"),  # table 1, first row
        ("1950-05-06", "2010-07-06"),  # table 1, second row
        ("1953-04-05", "2016-03-06"),  # table 1, last row before the Pensions Act 2011
        ("1953-04-06", "2016-07-06"),  # Pensions Act 2011 s.1(4), first row
        ("1953-12-05", "2018-11-06"),  # s.1(4), last row
        ("1953-12-06", "2019-03-06"),  # s.1(5) table 2, first row
        ("1954-10-05", "2020-09-06"),  # table 2, last row
        ("1954-10-06", "2020-10-06"),  # 66th birthday
        ("1960-04-05", "2026-04-05"),
        ("1960-04-06", "2026-05-06"),  # Pensions Act 2014: 66 and 1 month
        ("1961-03-05", "2028-02-05"),  # 66 and 11 months
        ("1961-03-06", "2028-03-06"),  # 67th birthday
        ("1978-04-06", "2046-04-06"),  # 68th birthday (Pensions Act 2007)
    ],
)
def test_pension_age_at_each_cohort_edge(born: str, reached: str) -> None:
    assert pension_age_date(date.fromisoformat(born))[0] == date.fromisoformat(reached)


def test_every_cohort_has_a_legislation_source() -> None:
    assert all(
        cohort.source.href.startswith("https://www.legislation.gov.uk/") for cohort in load_table().cohorts
    )


def test_a_month_without_the_day_ends_at_its_last_day() -> None:
    assert add_months(date(1960, 8, 31), 66 * 12 + 3) == date(2026, 11, 30)
    assert add_months(date(1956, 2, 29), 66 * 12) == date(2022, 2, 28)
