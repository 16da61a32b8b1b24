"""Failure classes of issue 14, in wording written here: negations, offers, forms, general duties, fragments."""

from __future__ import annotations

import pytest
from written import KENDAL

from analyser import analyse_text
from analyser.nlp.read import cue_spans

HEAD = KENDAL.head
TAIL = KENDAL.tail
letter = KENDAL.letter


@pytest.mark.parametrize(
    "body",
    [
        "We'd like to see you on 12 June 2018 at 10am to talk about courses. This is not an appointment you "
        "have to keep, and nothing will happen to your Employment and Support Allowance if you stay away.",
        "A work coach can meet you on 14 June at 2pm. It isn't something you need to come to. The normal rules "
        "about missing appointments do not apply to this meeting.",
        "You have been offered a place at our CV workshop on 20 June 2018 at 1pm. You won't be sanctioned if you "
        "decide not to take part.",
    ],
)
def test_duty_and_sanction_words_inside_a_negation_mean_voluntary(body: str) -> None:
    found = letter(body)
    assert found["attendance"] == "voluntary"
    assert found["sanction_language"] is False


@pytest.mark.parametrize(
    "body",
    [
        "Work Choice\nWork Choice is voluntary - it is your choice whether to join. If you join and then stop "
        "going to the activities you agreed without a good reason, your Jobseeker's Allowance could be reduced.",
        # Round 26 F (after its measurement): "work-related activity" the reader may agree to do was read as
        # the group of that name, and the offer as one group's answer against another's.
        "You do not have to come to this meeting, because you are in the support group. If you do decide to "
        "come and you agree to take part in work-related activity, such as a course, this will be written into "
        "your action plan. Once it is in your action plan you will be expected to do it, and your Employment "
        "and Support Allowance could be reduced if you do not.\nThe meeting is on Tuesday 3 February 2015 at "
        "10.00am at Rotherham Jobcentre Plus.",
    ],
)
def test_consequences_that_start_after_accepting_leave_the_offer_voluntary(body: str) -> None:
    found = letter(body)
    assert found["attendance"] == "voluntary"
    assert found["sanction_language"] is True


@pytest.mark.parametrize(
    "body",
    [
        "Universal Credit - capability for work questionnaire (UC50)\nPlease fill in the enclosed UC50 and send "
        "it back by 2 July 2018. If we do not get the questionnaire back and you have no good reason, your "
        "Universal Credit may be reduced. You do not need to go anywhere at the moment.",
        "Employment and Support Allowance\nWe need proof of your rent. Please upload the documents by 18 June "
        "2018. If you do not provide this evidence, your benefit may stop.",
    ],
)
def test_a_form_or_evidence_threat_asks_nothing_to_attend(body: str) -> None:
    found = letter(body)
    assert found["attendance"] == "none"
    assert found["sanction_language"] is True


def test_a_general_condition_is_not_a_summons() -> None:
    found = letter(
        "Employment and Support Allowance - your group\nThis letter answers your question about interviews. "
        "Because of your group, you are expected to take part in work-focused interviews when asked. We will "
        "write to you with a date."
    )
    assert found["attendance"] in ("none", "unclear")
    assert found["attendance"] != "mandatory"


def test_a_meeting_about_work_that_says_nothing_of_compulsion_is_unclear() -> None:
    result = analyse_text(
        HEAD + "Universal Credit\nYour work coach has booked a meeting with you on 19 June 2018 at 11:20 at "
        "Kendal Jobcentre to talk about jobs and training." + TAIL
    )
    assert result.letter.attendance == "unclear"
    assert "The letter arranges a meeting but does not say whether you must go." in result.warnings


@pytest.mark.parametrize(
    "fragment,letter_type",
    [
        (
            "Hi Dan, reminder: your appointment with your work coach is Tue 12/06 at 9:40 at Kendal Jobcentre. "
            "If you miss it your Universal Credit may be cut.",
            "wfi",
        ),
        (
            "page 2\nThe healthcare professional will ask about how your illness affects your capability for "
            "work. Bring your ESA50 if you still have it. If you do not attend the assessment without good "
            "cause, your Employment and Support Allowance may stop.",
            "wca",
        ),
        (
            "...the assessor from Independent Assessment Services will ask how your condition affects your "
            "daily living and getting around, for your Personal Independence Payment claim.",
            "pip_assessment",
        ),
    ],
)
def test_fragments_without_headings_are_typed_from_their_content(fragment: str, letter_type: str) -> None:
    found = analyse_text(fragment).letter
    assert found.type == letter_type


def test_every_finding_has_a_confidence_between_0_and_1() -> None:
    found = letter("Please come to your work focused interview on 12 June 2018 at 10am. You must attend.")
    assert set(found["confidence"]) == {"type", "attendance", "sanction_language", "esa_group_stated"}
    assert all(0.0 <= value <= 1.0 for value in found["confidence"].values())


@pytest.mark.parametrize(
    "body",
    [
        "Universal Credit\nYour meeting with your work coach on 12 June 2018 has been called off because your "
        "coach is on leave. You do not need to come in. We will be in touch about a new date.",
        "Employment and Support Allowance\nBecause of the strike, your work focused interview on 12 June 2018 "
        "will not go ahead. You do not need to come to the Jobcentre. We will write to you with a new date.",
        "Income Support\nYou told us your youngest child is under 1, so we have decided to postpone your "
        "interview on 12 June 2018. You do not need to attend.",
    ],
)
def test_a_cancelled_or_postponed_appointment_asks_nothing(body: str) -> None:
    assert letter(body)["attendance"] == "none"


def test_a_meeting_that_is_part_of_the_claimant_commitment_is_read_as_a_duty_and_never_as_optional() -> None:
    # The claimant commitment is the condition Universal Credit is paid on: the rules read a meeting it
    # holds as a duty. Writers label such letters both ways when nothing else is said (of the labelled
    # letters naming only the commitment, 4 say mandatory and 6 unclear), so the learned weighing may
    # answer "unclear"; it must never call the meeting optional or say the letter asks nothing.
    for body in (
        "I've booked you a phone appointment with your work coach on 12 June 2018 at 10am. This appointment "
        "is part of your claimant commitment.",
        "Hi, see you at the Jobcentre on Tuesday 12 June at 11:20. Remember it's in your claimant commitment.",
    ):
        assert [s.label_ for s in cue_spans(body) if s.label_ == "mandatory"] == ["mandatory"]
        assert letter(body)["attendance"] in ("mandatory", "unclear")


def test_a_letter_of_another_type_that_names_a_date_to_come_is_read_for_attendance() -> None:
    # Whatever its type (a jobs fair reads as "other"), a letter that gives a date to come and says
    # coming is up to the reader offers something: it does not ask nothing.
    found = letter(
        "We are holding a jobs fair at Kendal Jobcentre on 20 June 2018, 10am to 2pm. Employers will be "
        "there. You don't have to come and it won't affect your benefit."
    )
    assert found["attendance"] == "voluntary"
    assert found["appointment"]["date"] == "2018-06-20"
