"""The ESA group a letter states, read through negation and in its many wordings; groups named in general are not stated."""

from __future__ import annotations

import pytest
from written import KENDAL

letter = KENDAL.letter


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
        # Round 37 A-022 (read after its measurement): "as someone in" the group is the reader.
        (
            "Employment and Support Allowance\nAs someone in the work-related activity group, you need to come "
            "and see your personal adviser.",
            "wrag",
        ),
        # Round 36 A-019 (read after its measurement): a payment letter's "This is the assessment rate."
        (
            "Employment and Support Allowance - your payments\nYou will get £64.30 a week. This is the "
            "assessment rate.",
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
        # Round 33 F's phone photo (after its measurement): OCR read "and" as "ant ;" at a line's end.
        (
            "Universal Credit journal\nI can see your assessment found you have limited capability for work ant ;\n"
            "work-related activity, so there's nothing you need to do for us in terms of work.",
            "support_group",
        ),
        # Round 36 B's phone photo (after its measurement): "and" read as "ts".
        (
            "Universal Credit Journal\nYour work capability assessment has found that you have limited capability "
            "for work ts work-related activity. That means you don't have any work-related requirements.",
            "support_group",
        ),
        # ... but a word that divides or introduces keeps them apart.
        (
            "Your assessment found that you have limited capability for work but not for work-related activity.",
            "wrag",
        ),
        (
            "We have decided that you have limited capability for work (the work-related activity group).",
            "wrag",
        ),
        (
            "You have limited capability for work, so work-related activity will be part of your claim.",
            "wrag",
        ),
        # Round 34 B (after its measurement): "(ESA)" between the benefit's name and its group's.
        (
            "Work Programme\nThis is because you are in the Employment and Support Allowance (ESA) work-related "
            "activity group.",
            "wrag",
        ),
        (
            "Employment and Support Allowance\nWhile we are deciding whether you have limited capability for work "
            "your claim is in the assessment phase.",
            "assessment_phase",
        ),
        # Round 36 (after its measurement): an ESA claim "while we assess it" is in the assessment phase.
        (
            "While we assess your claim for Employment and Support Allowance, you need to take part in a health "
            "and work conversation with a work coach.",
            "assessment_phase",
        ),
        (
            "You have claimed Employment and Support Allowance and we are still assessing your\nclaim. We'd like "
            "you to have a health and work conversation.",
            "assessment_phase",
        ),
        ("You are in the Employment and Support Allowance work related activity grp.", "wrag"),
        # Misspelt and OCR'd names (rounds 21, 25, 27 and 37, after their measurement: no group read).
        ("We can see from our recods that you are in the Suport Group.", "support_group"),
        ("As you are in the Work Related Activty Group you must atend an interveiw.", "wrag"),
        ("As you are in the work reIated actvity group you must come in.", "wrag"),
        ("Your adviser has told us that you are in the work-related activit y group.", "wrag"),
        ("You are in the work-re1ated activity qroup. This means you must attend.", "wrag"),
        # A possibility after the statement follows from it (rounds 10, 19, 20 and 23, after their measurement).
        ("As you have LCWRA this would be entirely voluntary.", "support_group"),
        (
            "You do not have to come because you are in the support group, but we would still like to see you.",
            "support_group",
        ),
        # A second review's letters: a possibility after the statement, "this group" said of a heading.
        (
            "You have been placed in the work-related activity group, so you will need to take part in "
            "activities such as work-focused interviews.",
            "wrag",
        ),
        (
            "Following your assessment, you have been placed in the Support Group, which means you would not be "
            "asked to attend work-focused interviews.",
            "support_group",
        ),
        (
            "Our records show that you are in the support group, so you would only need to come in if you want to.",
            "support_group",
        ),
        ("Work-related activity group\nYou are in this group until we look at your claim again.", "wrag"),
        (
            "Support group\nYou are in this group, so you do not have to take part in work-related activity unless "
            "you want to.",
            "support_group",
        ),
        (
            "Support group\nYou are in this group from when your assessment phase ended on 1 February 2024.",
            "support_group",
        ),
        (
            "Your ESA includes the work-related activity component of £35.75 a week. You have asked us to look "
            "again at your claim. While we assess your claim, your payments will stay the same.",
            "wrag",
        ),
        # Round 37 B-108 (read after its measurement): "this group" is the one the sentence before names.
        (
            "Important changes\nWe are writing to everyone in the Employment and Support Allowance "
            "work-related activity group. Our records show that you are in this group.",
            "wrag",
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
        # A second review's letters: a comparison with someone in a group, and a rate described.
        "Your payments stay the same as someone in the work-related activity group, so you need to come to an "
        "interview on 12 June 2018 at 10am.",
        "ESA rates\nThe assessment rate is paid for the first 13 weeks of a new claim.",
        # Round 37 F-108 (read after its measurement): denied either way, no group.
        "Universal Credit\nThis means your Universal Credit will not include the LCW or LCWRA amount.",
        "If you are in the support group you do not have to come. People in the work-related activity group "
        "must take part.",
        "We will decide whether you have limited capability for work-related activity.",
        "To be placed in the support group you need to score enough points.",
        "Until we have your assessment result, we cannot say whether you will be in the support group.",
        "Most people in the work-related activity group have to take part.",
        # A review's letters: "this group" defined, and a group supposed ("would" after "should", "had", "when").
        "If you are in the work-related activity group you must attend. You are in this group if we decided you "
        "have limited capability for work.",
        "You asked whether you could be moved to the support group. You are in that group only if a decision "
        "maker decides you should be.",
        "Support group\nYou are in this group if your illness means you cannot do any work-related activity.",
        "Should you be placed in the support group, you would not need to attend.",
        "Had you been placed in the support group, you would not have needed to attend.",
        "When you are placed in the support group you would no longer have to attend interviews.",
        "In the event that you are placed in the support group, you would not need to come.",
        # A second review's letters: another benefit's claim assessed, in a letter that names ESA in passing.
        "You have claimed New Style Jobseeker's Allowance. You told us you used to get Employment and Support "
        "Allowance. While we assess your claim, you must come to an interview.",
        "You have claimed Income Support as a lone parent. You told us your partner gets Employment and Support "
        "Allowance. While we assess your claim, you need to take part in a work-focused interview.",
        # ... but not where the letter names another benefit whose claim is assessed.
        "You get Employment and Support Allowance and have claimed Personal Independence Payment. While we "
        "assess your claim, we may ask you to go to a consultation.",
        # ... but not under an "if", nor after a sentence naming two groups.
        "People in the work-related activity group must come. If you are in this group, phone us.",
        "The support group and the work-related activity group are different. You are in this group now.",
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
    "body",
    [
        "Your DLA will carry on being paid while we assess your claim for PIP. We will write to you.",
        "While we assess your claim for Personal Independence Payment, you will keep getting your ESA.",
        "While we assess your claim for Universal Credit, your ESA will continue to be paid.",
    ],
)
def test_a_claim_assessed_for_another_benefit_states_no_esa_phase(body: str) -> None:
    assert letter(body)["esa_group_stated"] is None
