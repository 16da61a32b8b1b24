"""Failure classes of issue 14, in wording written here: negations, offers, forms, general duties, groups."""

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
    "body,group",
    [
        (
            "Employment and Support Allowance - decision\nWe have decided you have limited capability for work. "
            "We have also decided you do not have limited capability for work-related activity.",
            "wrag",
        ),
        (
            "Employment and Support Allowance\nYou have limited capability for work but not limited capability "
            "for work-related activity, so you will get the work-related activity component.",
            "wrag",
        ),
        (
            "Universal Credit - work capability assessment\nWe've decided you have limited capability for work "
            "and work-related activity (LCWRA) from 3 May 2018.",
            "support_group",
        ),
        (
            "Appeal decision\nThe tribunal allowed your appeal in part. It found that you have limited "
            "capability for work. It was not satisfied that you have limited capability for work-related "
            "activity.",
            "wrag",
        ),
        (
            "Universal Credit - work capability assessment\nWe've decided that you have LCW. This means you "
            "need to prepare for work.",
            "wrag",
        ),
        (
            "Employment and Support Allowance\nAfter your reassessment you have moved from the support group to "
            "the Employment and Support Allowance work-related activity group.",
            "wrag",
        ),
        (
            "Universal Credit\nYour payment this month\nStandard allowance £400.14\nLCWRA element £423.27\n"
            "Housing element £512.00",
            "support_group",
        ),
        (
            "Employment and Support Allowance\nYou are still in the assessment phase of your claim while we "
            "wait for your assessment.",
            "assessment_phase",
        ),
        # An appointee's letter names the claimant instead of "you".
        ("Your son's benefit\nWe can confirm Tomasz is in the work-related activity group.", "wrag"),
        (
            "Your son's benefit\nTomasz gets Universal Credit and has limited capability for work and "
            "work-related activity, so there is nothing he needs to do.",
            "support_group",
        ),
        # A polite "would like" asks; it does not make the sentence hypothetical.
        (
            "Keeping in touch\nWe would like to keep in touch while you are in the work-related activity group.",
            "wrag",
        ),
        (
            "Employment and Support Allowance\nUntil your assessment is finished you stay in the assessment "
            "phase and get the basic rate.",
            "assessment_phase",
        ),
        # The assessment rate is the assessment phase's (round 22, then held out); a component outweighs it.
        (
            "Fit notes\nYour Employment and Support Allowance will continue to be paid at the assessment rate.",
            "assessment_phase",
        ),
        (
            "Employment and Support Allowance\nYour ESA will be paid at the assessment rate plus the "
            "work-related activity component.",
            "wrag",
        ),
        (
            "Appeal decision\nThe tribunal found that you have limited capability for work and limited "
            "capability for work-related activity.",
            "support_group",
        ),
        (
            "Re: your Employment and Support Allowance - support group\nThank you for your call.",
            "support_group",
        ),
        ("Universal Credit\nYour LCWRA means you do not have to look for work.", "support_group"),
        # A phone photo's OCR lost the negation (rounds 20 and 22, photos): the "but" still denies it.
        (
            "Mandatory reconsideration notice\nYou have limited capability for work, but we've decided ye rah "
            "have limited capability for work and work-related activity.",
            "wrag",
        ),
        (
            "Mandatory reconsideration notice\nYou said you should be in the support group. You still have "
            "limited capability for work, but you iva iene limited capability for work-related activity.",
            "wrag",
        ),
        # The same contrast with the negation whole, and a "but ... also" that adds rather than denies.
        (
            "Mandatory reconsideration notice\nYou have limited capability for work, but we've decided you "
            "don't have limited capability for work and work-related activity.",
            "wrag",
        ),
        (
            "Appeal decision\nYou have limited capability for work, but the tribunal also found that you "
            "have limited capability for work-related activity.",
            "support_group",
        ),
        # A Universal Credit statement's line (rounds 23 and 24, after their measurement: no group read).
        (
            "Universal Credit statement\nHow we worked this out\nStandard allowance £409.89\nLimited capability "
            "for work and work-related activity amount £343.63\nSanction deduction £0.00",
            "support_group",
        ),
        (
            "Universal Credit - work capability assessment result\nYou have been found to have limited "
            "capability for work. You do not need to look for work.",
            "wrag",
        ),
        # Rounds 8, 9 and 25 (after their measurement): no group read.
        ("Universal Credit\nYou are getting Universal Credit with limited capability for work.", "wrag"),
        ("Your WCA result\nYou have been assessed as having limited capability for work.", "wrag"),
        (
            "Dear Mrs B\nI've booked you in to see me about the help we can offer now your on the WRAG.",
            "wrag",
        ),
        (
            "Employment and Support Allowance\nWhile we decide whether you have limited capability for work, "
            "your claim is in the assessment phase.",
            "assessment_phase",
        ),
        ("Your payment\nLimited capability for work and work-related activity   £390.06", "support_group"),
        # Rounds 21 and 24 (after their measurement): the statement's line wraps in its table.
        (
            "Your Universal Credit payment\nStandard allowance          £317.82\nLimited capability for work and\n"
            "  work-related activity amount         £336.20\nTotal          £654.02",
            "support_group",
        ),
        # Round 26 (after its measurement): the reader named after the group; "while we are deciding whether".
        (
            "Work Programme\nAs an Employment and Support Allowance customer in the work-related activity group, "
            "you have been referred to the Work Programme.",
            "wrag",
        ),
        (
            "Employment and Support Allowance\nWhile we are deciding whether you have limited capability for work "
            "your claim is in the assessment phase.",
            "assessment_phase",
        ),
    ],
)
def test_the_stated_group_is_read_through_negation_with_its_words(body: str, group: str) -> None:
    found = letter(body)
    assert found["esa_group_stated"] == group
    spans = [e for e in found["evidence"] if e["label"] == f"group:{group}"]
    assert spans and spans[0]["text"].strip()
    assert 0.5 <= found["confidence"]["esa_group_stated"] <= 1.0


@pytest.mark.parametrize(
    "body",
    [
        "If you are in the support group you do not have to come. People in the work-related activity group "
        "must take part.",
        "We will decide whether you have limited capability for work-related activity.",
        "To be placed in the support group you need to score enough points.",
        "Until we have your assessment result, we cannot say whether you will be in the support group.",
        "Most people in the work-related activity group have to take part.",
        "You would likely be placed in the support group.",
        "Employment and Support Allowance is paid at a higher rate in the support group.",
        "Until your assessment is complete, people like you stay in the assessment phase.",
        "If you appeal, you may be able to get ESA at the assessment rate until your appeal is decided.",
        # A fit-for-work decision states no group (round 23, after its measurement: read as the WRAG).
        "Our decision\nWe have decided that you do not have limited capability for work. This means you are "
        "not entitled to Employment and Support Allowance.\nYou scored 6 points. You need 15 points to have "
        "limited capability for work.",
        "You scored 9 points. You need 15 points to be treated as having limited capability for work.",
        "When we get it we will carry on treating you as having limited capability for work.",
        "The requirements differ depending on whether you are in the assessment phase or the support group.",
        "Who must take part:\n- Employment and Support Allowance - support group: you can choose to take part.",
        # Round 25 F (after its measurement): the items of a list an "if:" opens are conditions.
        "You do not have to come to this interview if:\n- you are in the support group, or\n- you care for a "
        "severely disabled person for 35 hours a week or more.\nEveryone else must take part.",
        # Round 28 (after its measurement): a bracket after a group's name says who is in that group.
        "Do I need to go?\n - Work preparation group (you have limited capability for work): yes, you must go."
        "\n - No work-related requirements group: no.",
        "| No work-related requirements (for example   | You don't need to come, but you're |\n"
        "| you have LCWRA, or you care for a severely  | welcome to if you'd like help.     |",
        # Round 31's photos (after its measurement): OCR lost the "If" of "If your health has got worse".
        "got worse you should tell us, as you may be placed in the support group.",
    ],
)
def test_groups_named_in_general_are_not_stated(body: str) -> None:
    found = letter("Employment and Support Allowance\n" + body)
    assert found["esa_group_stated"] is None


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
