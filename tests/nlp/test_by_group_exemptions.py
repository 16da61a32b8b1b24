"""One group excused and everyone else bound: a PS, a closing line, a threat to all but one group."""

from __future__ import annotations

import pytest
from written import ASHFORD

letter = ASHFORD.letter


@pytest.mark.parametrize(
    ("body", "by_group"),
    [
        # Round 32 F (after its measurement): the exemption in a PS whose answer is the next sentence.
        (
            "Employment and Support Allowance\nWork focused interview\n\nYou must take part in a work focused "
            "interview on Tuesday 12 July 2011 at 9.10am at Ashford Jobcentre. If you do not take part and you "
            "cannot show good cause, your Employment and Support Allowance may be reduced.\n\nPS  If you have "
            "been placed in the support group since we sent you this letter, ring us and we will cancel the "
            "interview. You will not need to attend.",
            {"support_group": "voluntary"},
        ),
        # Round 32 F: a journal message whose only duty is the threat, and whose last line lets one
        # Universal Credit group ignore it.
        (
            "30 January 2024 - Universal Credit - Work coach\nPlease attend a work search review at Ashford "
            "Jobcentre on Tuesday 13 February at 9:40. If you miss it without a good reason your UC may be "
            "reduced.\nIf you've been told you're in the no work-related requirements group, you can ignore "
            "this message.",
            {"no_work_related_requirements": "voluntary"},
        ),
        # The same PS after a bare request: the threat is everyone else's duty.
        (
            "Work focused interview\n\nPlease come to a work focused interview on Tuesday 12 July 2011 at 9.10am "
            "at Ashford Jobcentre. If you do not take part and you cannot show good cause, your Employment and "
            "Support Allowance may be reduced.\n\nPS  If you have been placed in the support group since we "
            "sent you this letter, ring us and we will cancel the interview. You will not need to attend.",
            {"support_group": "voluntary"},
        ),
        # "If you're not in ..." excuses everyone but the group it names.
        (
            "Universal Credit - Work coach\nPlease attend a work search review at Ashford Jobcentre on Tuesday "
            "13 February 2024 at 9:40. If you miss it without a good reason your UC may be reduced.\nIf you're "
            "not in the all work-related requirements group, you can ignore this message.",
            {"all_work_related_requirements": "mandatory"},
        ),
    ],
    ids=[
        "a-ps-excusing-one-group",
        "one-uc-group-may-ignore-the-message",
        "a-ps-after-a-request-and-threat",
        "all-but-one-uc-group-may-ignore-the-message",
    ],
)
def test_one_group_excused_from_a_duty_to_everyone_makes_attendance_turn_on_the_group(
    body: str, by_group: dict[str, str]
) -> None:
    found = letter(body)
    assert found["attendance"] == "unclear"
    assert found["attendance_by_group"] == by_group
    assert found["sanction_language"] is True


def test_a_threat_does_not_bind_everyone_else_where_the_letter_states_the_readers_group() -> None:
    # Writers read the group the letter says the reader is in, and the other group's exemption as an
    # aside (round 13 A; no labelled letter that states the reader's group answers for one group alone).
    found = letter(
        "Work focused interview\nYou are in the work-related activity group of Employment and Support "
        "Allowance. Please come to Ashford Jobcentre on 26 March 2014 at 10am.\n\nIf you are in the support "
        "group, you do not have to attend, and you should let us know.\n\nIf you do not take part in this "
        "interview, and you cannot show good cause within 5 working days, your ESA may be reduced."
    )
    assert found["attendance"] == "mandatory"
    assert found["attendance_by_group"] is None


@pytest.mark.parametrize(
    "body",
    [
        # Threats decide.py does not count as a duty to go now: about a form, once an offer is
        # accepted, about a reduction already made.
        "Universal Credit - Work coach\nThere is a jobs fair at Ashford Jobcentre on 13 February 2024 at 10am. "
        "It is optional.\nIf you've been told you're in the no work-related requirements group, you can ignore "
        "this message.\nIf you do not send us your fit note by 20 February your Universal Credit may be reduced.",
        "Work Programme\nPlease come to Ashford Jobcentre on 13 February 2014 at 10am to find out more about the "
        "Work Programme. If you are in the support group, you can ignore this letter. Once you have joined, if "
        "you do not attend without good cause, your ESA may be reduced.",
        "Universal Credit - Work coach\nPlease come to Ashford Jobcentre on 13 February 2024 at 10am. If you've "
        "been told you're in the no work-related requirements group, you can ignore this message. Your Universal "
        "Credit has been reduced because you did not attend on 2 February.",
    ],
    ids=["a-threat-about-a-form", "a-threat-once-joined", "a-reduction-already-made"],
)
def test_a_threat_that_is_no_duty_to_go_now_does_not_bind_everyone_else(body: str) -> None:
    assert letter(body)["attendance_by_group"] is None
