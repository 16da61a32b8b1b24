"""Where two of the newer cues stop: a threat written without "your", and a duty to sign on.

Both were read from round 40 after its measurement; the look-alikes are letters an independent review
wrote against the first version of each cue, which it got wrong.
"""

from __future__ import annotations

import pytest
from written import KENDAL

from analyser.nlp.read import cue_spans


def live(sentence: str) -> set[str]:
    return {s.label_ for s in cue_spans(sentence) if s._.why_not is None}


@pytest.mark.parametrize(
    ("sentence", "threat"),
    [
        # Round 40 F-064: a table cell's clipped threat.
        ("Attendance is compulsory - failure without good cause may affect benefit", True),
        ("If you do not take part without a good reason, we may reduce payment.", True),
        # The same words as information, or about something else than a benefit (review).
        ("Tell us about any changes straight away. Changes could affect benefit.", False),
        ("Working more hours will reduce payment. Other income may reduce benefit.", False),
        (
            "Claiming childcare costs could affect payment of Universal Credit, so it is worth checking.",
            False,
        ),
        ("Missed repayments could affect credit rating.", False),
        ("We will pause payment while we check your new bank details.", False),
    ],
)
def test_a_threat_without_your_needs_a_failure_before_it(sentence: str, threat: bool) -> None:
    assert ("sanction" in live(sentence)) is threat


@pytest.mark.parametrize(
    ("sentence", "duty"),
    [
        # Round 40 A-041: signing on is going to the Jobcentre.
        ("From Tuesday 3 June you must sign on for Jobseeker's Allowance every week.", True),
        ("You will need to continue to sign on at your usual time.", True),
        ("Reminder: you must sign on tomorrow 14/05 at 10:40 at Walsall Jobcentre.", True),
        ("You need to sign on.", True),
        # Signing something, signing on for another claim one day, or as a claims guide's step (review).
        ("When you arrive you need to sign at reception.", False),
        ("You will need to sign every page of the printed copy.", False),
        ("You must sign on the consent form before the assessment.", False),
        (
            "If your ESA stops and you claim Jobseeker's Allowance, you will need to sign on every fortnight.",
            False,
        ),
        ("You must sign on to claim Jobseeker's Allowance.", False),
        ("You do not need to sign on any more.", False),
    ],
)
def test_a_duty_to_sign_on_is_a_duty_to_go(sentence: str, duty: bool) -> None:
    assert ("mandatory" in live(sentence)) is duty


def test_a_meeting_letter_mentioning_what_earnings_do_to_payment_is_no_summons_under_threat() -> None:
    found = KENDAL.letter(
        "Please come to a meeting with your work coach at Kendal Jobcentre on Monday 9 July 2018 at 9:20am to "
        "talk about the hours you are working. Earnings from work will reduce payment of Universal Credit "
        "gradually, by 55p for every £1 you earn."
    )
    assert (found["attendance"], found["sanction_language"]) == ("unclear", False)
