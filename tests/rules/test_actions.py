"""check.actions: the office's number, act-by dates in working days with each nation's bank holidays,
the missed-appointment route once the date has passed, and the reconsideration month for decisions."""

from __future__ import annotations

from datetime import date

import pytest

from analyser.analyse import check
from analyser.result import Appointment, Letter, Situation
from analyser.rules.calendar import add_months, add_working_days, nation_of

SUPPORT = Situation(benefit="esa", group="support_group")


def wfi(day: str, address: list[str] | None = None, phone: str | None = "0345 604 3719") -> Letter:
    return Letter(
        type="wfi",
        attendance="mandatory",
        sanction_language=True,
        letter_date="2026-03-20",
        appointment=Appointment(date=day, time="14:15"),
        office_phone=phone,
        office_address=address,
    )


def test_a_wrongful_demand_says_phone_before_the_day_with_the_number():
    actions = check(wfi("2026-04-07"), SUPPORT, today=date(2026, 3, 25)).actions

    first = actions[0]
    assert first.code == "PHONE_TO_CANCEL"
    assert first.text.startswith("Phone the office on 0345 604 3719 before Tuesday 7 April 2026.")
    assert "in the ESA support group" in first.text
    # The working day before Tuesday 7 April 2026 skips Easter Monday (6 April) and the weekend.
    assert first.by == "2026-04-02" and first.phone == "0345 604 3719"


def test_bank_holidays_differ_by_nation():
    # 2 January is a bank holiday in Scotland only; St Patrick's Day in Northern Ireland only.
    assert add_working_days(date(2026, 1, 1), 1, "england_wales") == date(2026, 1, 2)
    assert add_working_days(date(2026, 1, 1), 1, "scotland") == date(2026, 1, 5)
    assert add_working_days(date(2026, 3, 16), 1, "northern_ireland") == date(2026, 3, 18)
    assert nation_of(["Glasgow G5 9JZ"]) == "scotland"
    assert nation_of(["Belfast BT1 1AA"]) == "northern_ireland"
    assert nation_of(["Ipswich IP1 1HP"]) == "england_wales"


def test_the_good_cause_deadline_counts_working_days_in_the_offices_nation():
    glasgow = ["Glasgow Laurieston Jobcentre Plus", "Glasgow G5 9JZ"]
    # Appointment Wed 31 Dec 2025, read on 2 Jan 2026: 5 working days in Scotland skip 1 and 2 January.
    actions = check(wfi("2025-12-31", glasgow), SUPPORT, today=date(2026, 1, 2)).actions

    missed = next(a for a in actions if a.code == "MISSED_GOOD_CAUSE")
    assert missed.by == "2026-01-09"
    assert "by Friday 9 January 2026" in missed.text
    assert not any(a.code == "PHONE_TO_CANCEL" for a in actions)


def test_an_old_appointment_read_years_later_gets_the_missed_route_not_phone_before():
    actions = check(wfi("2017-03-14"), SUPPORT, today=date(2026, 3, 25)).actions

    codes = [a.code for a in actions]
    assert "PHONE_TO_CANCEL" not in codes and "MISSED_WRONGFUL" in codes
    missed = next(a for a in actions if a.code == "MISSED_GOOD_CAUSE")
    assert missed.by is None and missed.text.startswith("The date has passed.")


@pytest.mark.parametrize(
    "kind, situation, cited",
    [
        ("wfi", SUPPORT, "ESA Regulations 2008 reg 61"),
        ("wfi", Situation(benefit="universal_credit"), "Universal Credit Regulations 2013 regs 104-105"),
        ("wfi", Situation(benefit="jsa"), "Jobseekers Act 1995"),
        ("wca", SUPPORT, "ESA Regulations 2008 reg 23"),
        ("wca", Situation(benefit="universal_credit"), "Universal Credit Regulations 2013 reg 44"),
        ("pip_assessment", Situation(benefit="pip"), "PIP Regulations 2013 reg 9"),
    ],
)
def test_a_missed_appointment_cites_the_law_for_what_was_missed_and_the_benefit(kind, situation, cited):
    # An ESA rule on missed work-focused interviews is the wrong law for a missed UC meeting or a WCA.
    letter = wfi("2026-03-10").model_copy(update={"type": kind})
    actions = check(letter, situation, today=date(2026, 3, 25)).actions

    missed = next(a for a in actions if a.code == "MISSED_GOOD_CAUSE")
    assert missed.source is not None and missed.source.startswith(cited)


def test_a_decision_gets_one_month_to_ask_for_a_reconsideration():
    letter = Letter(type="decision_notice", attendance="none", letter_date="2026-01-31")
    actions = check(letter, SUPPORT, today=date(2026, 2, 3)).actions

    assert [(a.code, a.by) for a in actions] == [("RECONSIDERATION", "2026-02-28")]
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("situation", "phrase"),
    [
        (
            Situation(benefit="income_support", flags={"caring_35_hours": True}),
            "a carer for 35 hours a week or more",
        ),
        (
            Situation(benefit="universal_credit", group="no_work_related_requirements"),
            "in the Universal Credit group with no work-related requirements",
        ),
    ],
)
def test_the_person_is_told_what_to_say_they_rely_on(situation, phrase):
    actions = check(wfi("2026-04-07"), situation, today=date(2026, 3, 25)).actions

    assert phrase in actions[0].text


def test_without_a_number_on_the_letter_it_says_where_to_find_one():
    first = check(wfi("2026-04-07", phone=None), SUPPORT, today=date(2026, 3, 25)).actions[0]

    assert "on the number on the letter" in first.text and first.phone is None


def test_without_a_date_the_step_says_as_soon_as_you_can_and_a_journal_message_points_to_the_journal():
    # "phone the office on 0845 604 3719 by as soon as you can" was seen on a letter with no date.
    letter = Letter(
        type="wfi", attendance="mandatory", sanction_language=True, benefits_mentioned=["universal_credit"]
    )
    actions = check(letter, Situation(benefit="jsa"), today=date(2026, 3, 25)).actions

    step = next(a for a in actions if a.code == "GO_OR_REARRANGE")
    assert "by as soon" not in step.text and "as soon as you can" in step.text
    assert "reply in your journal" in step.text


def test_when_the_letter_states_another_group_the_steps_say_to_check_it_first():
    # A reviewer's claimant said "support group" to a letter saying WRAG; the steps said flatly
    # "Say you are in the ESA support group", which the letter in their hand contradicts.
    letter = wfi("2026-04-07").model_copy(update={"esa_group_stated": "wrag", "benefits_mentioned": ["esa"]})
    actions = check(letter, SUPPORT, today=date(2026, 3, 25)).actions

    first = actions[0]
    assert first.code == "CHECK_YOUR_GROUP"
    assert "This letter says you are in the ESA work-related activity group" in first.text
    assert "You told us you are in the ESA support group" in first.text
    assert [a.code for a in actions[1:3]] == ["PHONE_TO_CANCEL", "SEND_CHALLENGE"]


def test_when_the_letter_agrees_there_is_nothing_to_check_first():
    letter = wfi("2026-04-07").model_copy(
        update={"esa_group_stated": "support_group", "benefits_mentioned": ["esa"]}
    )
    assert check(letter, SUPPORT, today=date(2026, 3, 25)).actions[0].code == "PHONE_TO_CANCEL"
