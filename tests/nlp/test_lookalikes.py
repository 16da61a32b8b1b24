"""Cue look-alikes, in wording written here: forwarded letters, topic duties, informing, plain entitlement threats."""

from __future__ import annotations

import pytest
from written import WIGAN

from analyser import analyse_text
from analyser.nlp.read import cue_spans

HEAD = WIGAN.head
TAIL = WIGAN.tail
letter = WIGAN.letter


@pytest.mark.parametrize(
    "extra",
    [
        "You won't have to talk about your medical history unless you want to.",
        "You don't have to bring any payslips this time.",
    ],
)
def test_a_denied_duty_about_what_to_say_or_bring_leaves_the_meeting_unclear(extra: str) -> None:
    found = letter(
        "We would like you to come and see a work coach at Wigan Jobcentre on 16 May 2019 at 11am to talk "
        f"about the support on offer. {extra}"
    )
    assert found["attendance"] == "unclear"
    assert found["sanction_language"] is False


def test_a_need_to_change_the_meeting_is_no_duty_to_go() -> None:
    # Round 26 A (after its measurement): "you need to change the visit" was read as a duty to go.
    reading = WIGAN.reading(
        "A healthcare professional will visit you on Tuesday 23 January 2018 between 1pm and 3pm. If the "
        "weather is bad on the day, or you need to change the visit, please call us as early as you can."
    )
    assert reading.votes.rule == "unclear"
    assert reading.letter.attendance == "unclear"


def test_no_need_to_come_in_because_the_meeting_is_by_phone_is_not_an_offer() -> None:
    found = letter(
        "You do not need to come into the Jobcentre\n\nYour appointment on 16 May 2019 will now be a phone "
        "call instead. Your work coach will ring you at 2pm."
    )
    assert found["attendance"] == "unclear"


def test_you_need_not_attend_with_nothing_else_asked_asks_nothing() -> None:
    found = letter(
        "Our letter of 2 May asked you to attend a work focused interview on 20 May 2019. You do not need to "
        "attend that interview now, because you have told us you are caring for your father full time."
    )
    assert found["attendance"] == "none"


def test_information_about_an_optional_scheme_asks_nothing() -> None:
    found = letter(
        "We would like to tell you about the Sector Skills Academy. It is a voluntary scheme that offers short "
        "training and a guaranteed interview with a local employer."
    )
    assert found["attendance"] == "none"


@pytest.mark.parametrize(
    "threat",
    [
        "If you miss this interview and have no good reason, we may decide you are not entitled to Jobseeker's "
        "Allowance.",
        "If you do not come, we won't be able to deal with your claim.",
    ],
)
def test_a_plain_entitlement_threat_is_sanction_language(threat: str) -> None:
    found = letter(f"Please come to Wigan Jobcentre on 16 May 2019 at 9.20am to see a work coach. {threat}")
    assert found["attendance"] == "mandatory"
    assert found["sanction_language"] is True


def test_a_letter_retyped_in_quotes_under_a_note_is_read_as_the_letter() -> None:
    found = analyse_text(
        "Can someone help, my husband got this and he is in the support group.\n\n"
        '"Dear Mr Sample, you must attend a work focused interview at Wigan Jobcentre on 16 May 2019 at '
        "10am. If you do not attend without good cause, your Employment and Support Allowance may be reduced. "
        'Wigan Jobcentre, 9 May 2019"'
    ).letter
    assert found.attendance == "mandatory"
    assert found.sanction_language is True
    assert found.esa_group_stated is None  # the group is in the husband's note, not in the letter


def test_a_note_above_a_forwarded_letter_states_no_group() -> None:
    found = analyse_text(
        "Forwarding the letter below for advice - my client says she is in the work-related activity group.\n\n"
        + HEAD
        + "We have booked you an appointment with a work coach at Wigan Jobcentre on 16 May 2019 at 10am."
        + TAIL
    ).letter
    assert found.esa_group_stated is None
    assert found.attendance == "unclear"


def test_a_quotation_from_an_earlier_letter_is_still_switched_off() -> None:
    found = letter(
        'Our letter of 2 May said "you must attend an interview on 20 May or your benefit may be reduced". '
        "That interview has been cancelled and you do not need to do anything."
    )
    assert found["sanction_language"] is False


def test_a_threat_that_takes_effect_later_is_still_a_threat_and_effect_misspelt_is_no_threat() -> None:
    # "effect" for "affect" is a common misspelling in letters typed by hand ("it wont effect your ESA"),
    # but "will not come into effect until ..." says when a threat starts, not that there is none.
    reading = WIGAN.reading(
        "You must attend Wigan Jobcentre on 16 May 2019 at 11am. If you do not attend, your ESA may be "
        "reduced, but this will not come into effect until we have written to you."
    )
    assert (reading.votes.rule, reading.votes.path) == ("mandatory", "threat")
    reading = WIGAN.reading(
        "Please come to Wigan Jobcentre on 16 May 2019 at 11am. Coming is voluntery and it wont effect your ESA "
        "if you do not come."
    )
    assert (reading.votes.rule, reading.votes.path) == ("voluntary", "offer")
    assert reading.letter.sanction_language is False


def test_a_benefit_that_has_ended_sets_the_scene_and_a_sanction_that_ended_it_is_still_one() -> None:
    # Round 34 F (after its measurement): a carer's trigger-point interview read as a threat.
    found = letter(
        "We understand that your Carer's Allowance has ended. As you are still getting Income Support, we "
        "would like you to come in for a work focused interview on 16 May 2019 at 10am at Wigan Jobcentre."
    )
    assert found["sanction_language"] is False
    assert found["attendance"] == "unclear"
    for sanction in (
        "Your Income Support has ended because you did not attend your interview on 3 May 2019.",
        "Your Employment and Support Allowance has ended. This is because you did not attend on 3 May 2019.",
    ):
        assert letter(sanction)["sanction_language"] is True


@pytest.mark.parametrize(
    ("threat", "words"),
    [
        # Round 35 (after its measurement): each a threat the cues did not hear.
        ("You must take part to keep getting your JSA.", "to keep getting your JSA"),
        (
            "You must be available to take the call. If you miss it your payments may be afected.",
            "payments may be afected",
        ),
        (
            "If you do not attend without good reason, we will return your claim to the Department, who may "
            "disallow it.",
            "may disallow it",
        ),
        ("If you dont come and dont have a good reasen your UC can get sanctoined.", "sanctoined"),
        (
            "People in the work-related activity group must attend, and could have their Employment and "
            "Support Allowance reduced if they do not attend without good cause.",
            "Support Allowance reduced",
        ),
    ],
)
def test_threats_in_plain_or_misspelt_words_are_heard(threat: str, words: str) -> None:
    body = f"Your appointment is at Wigan Jobcentre on 16 May 2019 at 11am. {threat}"
    assert letter(body)["sanction_language"] is True
    # Heard by a cue, not only guessed by the classifiers (which already caught some of these).
    cues = [
        s
        for s in cue_spans(HEAD + body + TAIL)
        if s.label_ == "sanction" and s._.why_not in (None, "conditional")
    ]
    assert any(words in s.text or s.text in words for s in cues)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        # A purpose, not a denial: "so that you do not have your ... reduced" still threatens.
        (
            "You must attend an appointment at Wigan Jobcentre on 16 May 2019 at 11am. Please make sure you "
            "attend so that you do not have your Universal Credit reduced.",
            "Universal Credit reduced",
        ),
    ],
)
def test_a_threat_worded_as_a_purpose_is_still_a_threat(body: str, words: str) -> None:
    found = letter(body)
    assert found["sanction_language"] is True
    assert any(e["label"] == "sanction" and words in " ".join(e["text"].split()) for e in found["evidence"])


@pytest.mark.parametrize(
    "body",
    [
        "We would like to see you at Wigan Jobcentre on 16 May 2019 at 11am to talk about your travel claim. If "
        "you cannot show a receipt for a journey, the decision maker may disallow it.",
        "We would like to see you at Wigan Jobcentre on 16 May 2019 at 11am. Your work coach will explain what "
        "you must do to keep getting your Universal Credit.",
        "We would like to see you at Wigan Jobcentre on 16 May 2019 at 11am. You must be aged 16 or over to "
        "continue getting this support.",
    ],
)
def test_look_alikes_of_the_new_threat_cues_are_no_threat(body: str) -> None:
    live = [s for s in cue_spans(HEAD + body + TAIL) if s._.why_not is None]
    assert not [s.text for s in live if s.label_ == "sanction"]


def test_a_benefit_that_cannot_be_reduced_is_no_threat_to_the_group_it_names() -> None:
    found = letter(
        "Our records show you are in the support group. We would like to invite you to a meeting at Wigan "
        "Jobcentre on 16 May 2019 at 11am. This is an invitation, not a requirement. People in the support "
        "group cannot have their Employment and Support Allowance reduced for missing this kind of meeting."
    )
    assert found["sanction_language"] is False
    assert found["attendance"] == "voluntary"
    assert found["attendance_by_group"] is None


def test_a_case_note_quoting_the_letter_it_is_about_reads_the_quotation_as_the_letter() -> None:
    # Round 35 F (after its measurement): the letter's own paragraphs, quoted in a case note, were
    # switched off as if quoted from an earlier letter.
    note = (
        "CASE NOTE - client brought in a letter from Wigan Jobcentre dated 7 May 2014. She thought she was in "
        "the support group. Paras 2 and 3 of the letter copied below:\n\n"
        '"As you are in the work-related activity group of Employment and Support Allowance, you must take part '
        "in a work-focused interview. Your interview will be at Wigan Jobcentre on 20 May 2014 at 10.15am.\n\n"
        "If you do not take part and you cannot show good cause within 5 working days, your Employment and "
        'Support Allowance may be reduced."\n\nTo do: ring the ESA line to check her group before the 20th. '
        "Ask her to bring the appeal decision from last year, her fit notes and any letters from the tribunal "
        "service. Book an interpreter for the next session if her son cannot come with her this time."
    )
    found = analyse_text(note).letter
    assert (found.attendance, found.sanction_language, found.esa_group_stated) == ("mandatory", True, "wrag")


@pytest.mark.parametrize(
    "body",
    [
        # A review's letters: a journal message that names the letter it passes on is that letter's demand,
        # not a sender's note above it.
        "Hi Sam, I have looked into this for you. The letter from the Health Assessment Advisory Service says "
        "you need to go to an assessment on 4 May at 10am. You must attend, otherwise your Universal Credit "
        "could be stopped.\n\nThanks\nKaren, Work Coach",
        "Hello Sam, I have checked your account. The letter from the Jobcentre states that you must attend your "
        "work-focused interview on 4 May at 10am or your benefit may be sanctioned.\n\nKind regards\nKaren",
    ],
)
def test_a_message_passing_on_a_letters_demand_makes_it(body: str) -> None:
    found = analyse_text(body).letter
    assert (found.attendance, found.sanction_language) == ("mandatory", True)


@pytest.mark.parametrize(
    "body",
    [
        # A reply quoting the letter it answers: "That letter said:" (rounds 34 A and 37 B).
        "Thank you for your letter about the appointment letter we sent you on 25 June.\n"
        'That letter said: "You must attend a work focused interview on 10 July 2018. If you do not attend, '
        'your ESA may be reduced." I am sorry; it should not have been sent. Our records confirm that you are '
        "in the support group, so you do not have to take part in work focused interviews.",
        # A correction quoting the sender's own earlier letter: the quotation is not this letter's demand.
        "We are writing about the letter we sent you on 2 May 2014. Here is what it said:\n\n"
        '"You must take part in a work-focused interview on 20 May 2014. If you do not, your Employment and '
        'Support Allowance may be reduced."\n\nThat letter was sent to you by mistake. You are in the support '
        "group, so you do not have to take part in work-focused interviews.",
        # A claimant's email quoting an older letter.
        "Email to the clinic: this letter says the meeting on 16 May is voluntary and I can choose not to go. "
        "But last year I got a letter that said:\n\n"
        '"You must take part in a work-focused interview. If you do not, your Employment and Support '
        'Allowance may be reduced."\n\nCan they do that? I am in the support group and have been for years now.',
    ],
)
def test_an_earlier_letter_quoted_under_a_lead_in_is_still_switched_off(body: str) -> None:
    found = analyse_text(body).letter
    assert found.sanction_language is False
    assert found.attendance != "mandatory"


@pytest.mark.parametrize(
    "reason",
    [
        "As you are in the work-related activity group for Employment and Support Allowance, you must attend a "
        "work focused interview with our Disability Employment Adviser.",
        "Because you are in the work-related activity group, meeting with me is a condition of getting your ESA, "
        "so please do come along.",
    ],
)
def test_a_group_given_as_the_reason_for_a_duty_is_no_group_condition(reason: str) -> None:
    # Round 39 B-001 and B-104 (after its measurement): the classifier read "unclear" (turns on the group).
    found = letter(
        f"Work focused interview\nDear Mr Ellwood\n\n{reason}\n\n  Wednesday 12 February 2014\n  11.40am\n"
        "  Kendal Jobcentre\n\nWe will talk about the Access to Work scheme and local employers.\n\n"
        "Please phone 01748 829 550 if you need to change the appointment."
    )
    assert found["attendance"] == "mandatory"


def test_a_group_given_as_the_reason_for_a_choice_leaves_the_classifier_free() -> None:
    # A second review's letter: the rules read "need to attend" as a duty; the classifier may still say otherwise.
    found = letter(
        "We would like to invite you to a work-focused interview on 12 March 2024 at 10:30am at Wigan Jobcentre. "
        "As you are in the support group, you only need to attend if you choose to."
    )
    assert found["attendance"] != "mandatory"
