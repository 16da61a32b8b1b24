"""Letter types the letter names in terms: employment programmes by name, Scotland's devolved ones too."""

from __future__ import annotations

import pytest
from written import KENDAL

letter = KENDAL.letter


@pytest.mark.parametrize(
    "body",
    [
        # Round 34 A (after its measurement): Scotland's devolved programmes read as work-focused interviews.
        "Dear Mr Hogg\n\nWork Able Scotland\n\nYou can now get support from Work Able Scotland, a service from "
        "the Scottish Government for people with a health condition who would like to move towards work. A "
        "Work Able Scotland provider can meet you on 12 June 2018 at 10am at Kendal Jobcentre. Taking part is "
        "your choice.",
        "Dear Ms Reid\n\nJob Entry: Targeted Support (JETS)\n\nYour work coach has put you forward for JETS, which gives you "
        "six months of tailored help to find work. Your first JETS appointment is on 12 June 2021 at 10am.",
    ],
    ids=["work-able-scotland", "jets"],
)
def test_a_letter_about_an_employment_programme_by_name_is_a_programme_referral(body: str) -> None:
    assert letter(body)["type"] == "programme_referral"
