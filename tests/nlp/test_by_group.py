"""Attendance that turns on the reader's group, in the forms letters give it: sentences, lists, tables, headings."""

from __future__ import annotations

import pytest
from written import ASHFORD

from analyser.nlp.uc_groups import in_uc_terms

letter = ASHFORD.letter


@pytest.mark.parametrize(
    "body",
    [
        # groups heading their own lines
        "Employment and Support Allowance - work focused interview on Tuesday 26 March at 10am.\n"
        "Do you have to come? That depends on your group.\n"
        "* Work-related activity group: you must attend. If you do not, your ESA may be reduced.\n"
        "* Support group: you do not have to attend. It is your choice.",
        # groups heading lines with a dash
        "Work focused interview\nWe have booked a work focused interview for you on 20 Nov 2012 at 10.30am.\n"
        "Support Group customers - you do not have to come to this interview. Your ESA will not be affected.\n"
        "Work Related Activity Group customers - you must take part. If you do not take part and do not "
        "show good cause your ESA may be reduced.",
        # groups named by their ESA component (round 37 F-101, read after its measurement)
        "...If you get the support component of Employment and Support Allowance, you do not need to come to "
        "this interview.\nIf you get the work-related activity component, you must come. If you do not come "
        "and cannot show good cause, your ESA may be reduced.\nInterview: 11 October 2011, 10.30am, Ashford "
        "Jobcentre Plus",
    ],
)
def test_groups_named_in_headings_and_by_component_split_attendance_by_group(body: str) -> None:
    found = letter(body)
    assert found["attendance"] == "unclear"
    assert found["attendance_by_group"] == {"wrag": "mandatory", "support_group": "voluntary"}


def test_two_groups_in_one_sentence_each_get_their_own_answer() -> None:
    # Every cue of the sentence went to every group named in it, so neither group's answer showed.
    found = letter(
        "ESA customers in the work-related activity group must attend their work-focused interviews when "
        "asked; ESA customers in the support group do not need to attend any interviews.\n"
        "Your next appointment is 3 July 2013, 09:20, Boston Jobcentre.\n"
        "Failure to attend may mean your benefit is stopped."
    )
    assert found["attendance"] == "unclear"
    assert found["attendance_by_group"]["support_group"] == "voluntary"


def test_one_groups_offer_in_its_own_sentence_answers_beside_another_groups_duty() -> None:
    # Round 36 F-102 (read after its measurement): the support group's "don't need to" stood alone in
    # its sentence, so it was read as said to everyone and the split was lost.
    body = (
        "Your new style ESA: meeting with your work coach, 7 November 2017, 2.40pm, Craigmillar Jobcentre.\n"
        "People in the work-related activity group must take part in this work-focused interview; if you "
        "don't, and don't have good cause, your new style ESA may be reduced. People in the support group "
        "don't need to attend unless they want to."
    )
    found = letter(body)
    assert found["attendance"] == "unclear"
    assert found["attendance_by_group"] == {"wrag": "mandatory", "support_group": "voluntary"}
    # Said of one group with nothing said to another, it is no split (writers read it as general).
    alone = letter(
        "Your new style ESA: meeting with your work coach, 7 November 2017, 2.40pm, Craigmillar Jobcentre.\n"
        "People in the support group don't need to attend unless they want to."
    )
    assert alone["attendance_by_group"] is None


@pytest.mark.parametrize(
    "groups",
    [
        "If you are in the work-related activity group, you may also have to take part in work-related activity. "
        "People in the support group do not have to take part in work-related activity, but they can if they want to.",
        "If you are in the work-related activity group you will need to attend more interviews after this one. "
        "People in the support group do not have to attend any more interviews after this one.",
    ],
)
def test_a_lone_groups_offer_does_not_split_a_duty_said_to_everyone(groups: str) -> None:
    # An independent review's letters: the groups' sentences are about something else than this interview.
    found = letter(
        "Your work focused interview is on 12 June 2018 at 11.20am at Ashford Jobcentre. You must take part in "
        "this interview. If you do not take part and do not have good cause, your ESA may be reduced. "
        + groups
    )
    assert (found["attendance"], found["attendance_by_group"]) == ("mandatory", None)


@pytest.mark.parametrize(
    "body",
    [
        # a list whose items give the answer first and the group after it
        "Work focused interview\nYour appointment on 26 March 2019 at 11am at Ashford Jobcentre is:\n"
        "- required if you are in the work-related activity group;\n- optional if you are in the support group.\n"
        "If you miss a required appointment your benefit may be cut.",
        # one sentence, answer before each group
        "Appointment with your adviser on 26 March 2019 at 2pm.\nThis appointment is compulsory for people in "
        "the work-related activity group and voluntary for people in the support group.",
        # a table whose columns a text file runs together
        "Employment and Support Allowance - work focused interview\n\nYour group            What to do\n"
        "Support group         Nothing. You can come if you want to.\n"
        "Work-related activity group     Come on 26/03/2019 at 10:20 (you must attend)\n\n"
        "Missing an interview you must attend may lead to a sanction.",
        # each group heading the lines below it
        "Work focused interview on 26 March 2019 at 10am.\n\nSupport group\nYou do not have to come.\n\n"
        "Work-related activity group\nYou must come. If you do not, your ESA could be reduced.",
    ],
    ids=["list-answer-first", "sentence-answer-first", "table", "heading-lines"],
)
def test_lists_and_tables_that_give_each_group_its_own_line_split_attendance_by_group(body: str) -> None:
    # Layout, not grammar, ties these groups to their answers; the sentence reading missed all four,
    # and the table's "(you must attend)" with its sanction read as mandatory for everyone.
    found = letter(body)
    assert found["attendance"] == "unclear"
    assert found["attendance_by_group"] == {"support_group": "voluntary", "wrag": "mandatory"}


def test_a_group_excepted_by_unless_gets_the_other_answer() -> None:
    # Round 30 (after its measurement): read as mandatory for everyone, the support group included.
    found = letter(
        "Your work focused interview is on Tuesday 3 October 2017 at 3.00pm at Ashford Jobcentre Plus.\n\n"
        "Unless you are in the support group, you must attend this interview. If you do not attend and you "
        "do not have good cause, your Employment and Support Allowance may be reduced."
    )
    assert found["attendance"] == "unclear"
    assert found["attendance_by_group"] == {"support_group": "voluntary"}


def test_unless_in_one_sentence_leaves_the_next_sentences_answer_to_its_group() -> None:
    found = letter(
        "You must attend this appointment with your work coach on 11 November 2019 at 10:50am.* If you don't "
        "attend and don't have a good reason, your Universal Credit payments could be affected.\n\n"
        "*Unless we have told you that you have limited capability for work and work-related activity. In "
        "that case this appointment is optional."
    )
    assert found["attendance_by_group"] == {"no_work_related_requirements": "voluntary"}


def test_groups_given_each_its_own_answer_are_conditions_not_the_readers_group() -> None:
    # Round 30 (after its measurement): the later item's group was taken as the reader's own.
    found = letter(
        "Please come to a work focused interview on Friday 9 June 2023 at 11:15am.\n"
        "Do you have to come?\n"
        "  - You receive ESA and are in the support group, or you receive Universal Credit and have\n"
        "    limited capability for work and work-related activity: you can choose whether to come.\n"
        "  - You receive ESA and are in the work-related activity group, or you receive Universal Credit\n"
        "    and have limited capability for work: you must come. If you do not, your benefit may be cut."
    )
    assert found["attendance_by_group"] == {"support_group": "voluntary", "wrag": "mandatory"}
    assert found["esa_group_stated"] is None


def test_a_group_stated_beside_an_answer_for_each_group_is_still_stated() -> None:
    found = letter(
        "You are in the work-related activity group.\n"
        "Please come to a work focused interview on Friday 9 June 2023 at 11:15am.\n"
        "Support group: you do not have to come. Work-related activity group: you must come, or your ESA "
        "may be reduced."
    )
    assert found["esa_group_stated"] == "wrag"


def test_universal_credit_groups_are_groups_too() -> None:
    found = letter(
        "Universal Credit\nWe have booked an appointment with your work coach on Tuesday 26 March at 10am.\n"
        "- Work preparation group or all work-related requirements group: you must attend.\n"
        "- No work-related requirements group (for example, you care for someone for 35 hours a week or\n"
        "  more): you do not have to come.\n"
        "If you should attend and do not, your Universal Credit may be reduced."
    )
    assert found["attendance"] == "unclear"
    assert found["attendance_by_group"] == {
        "work_preparation": "mandatory",
        "all_work_related_requirements": "mandatory",
        "no_work_related_requirements": "voluntary",
    }


def test_limited_capability_for_work_in_a_sentence_is_no_group_heading() -> None:
    found = letter(
        "Your work capability assessment\nWe will then send you a questionnaire called 'Limited capability "
        "for work questionnaire'.\nIf you are in the work-related activity group, you will have to take part "
        "in work-focused interviews. If you do not, your benefit may stop."
    )
    assert found["attendance_by_group"] is None


@pytest.mark.parametrize(
    ("body", "by_group"),
    [
        (
            "Work focused interview\nWe have booked an interview for you on 12 June 2018 at 10am.\nIf you get "
            "Employment and Support Allowance and you have been placed in the Support Group, you do not have to "
            "come to this meeting.\n\nEveryone else must attend. If you do not attend, your benefit may be reduced.",
            {"support_group": "voluntary"},
        ),
        (
            "Universal Credit - your work-related requirements\nIf you have no work-related requirements you do "
            "not need to attend. If you have work-focused interview requirements only, you must attend the "
            "interview on 8 June 2018 at 13:00 at Kendal Jobcentre, or your payment may be reduced.",
            {"no_work_related_requirements": "voluntary", "work_focused_interview_only": "mandatory"},
        ),
        # Answers under "Do I have to come?" (round 19 letters, then held out, read them as mandatory
        # for everyone, or with "Nothing will happen" as voluntary for everyone).
        (
            "Your appointment\nDate: 26 March 2019\nTime: 12:30pm\n\nDo I have to come?\n\n"
            "Your group                        | Do you have to come?\n"
            "All work-related requirements     | Yes\n"
            "No work-related requirements      | No, but you are welcome to\n\n"
            "If you have to come and you don't, your Universal Credit could be reduced.",
            {"all_work_related_requirements": "mandatory", "no_work_related_requirements": "voluntary"},
        ),
        (
            "You have an appointment with a work coach on 26 March 2019 at 3.10pm.\n\nDo I have to come?\n\n"
            "Yes, if you are in the work-related activity group. If you do not take part, your ESA could be "
            "reduced.\n\nNo, if you are in the support group. Nothing will happen to your benefit if you do not come.",
            {"wrag": "mandatory", "support_group": "voluntary"},
        ),
        # Forms from rounds 20 and 21 (after their measurement); each read as mandatory for everyone.
        (
            # an appointee's letter speaks of the claimant in the third person
            "We have arranged a work focused interview for Mr Reader on 26 March 2019 at 1.45pm.\n"
            "If he is in the support group he does not have to come, but if he is in the work-related activity "
            "group he must come, and his ESA could be cut if he does not.",
            {"support_group": "voluntary", "wrag": "mandatory"},
        ),
        (
            # cells that open with the answer; the table is the last thing in the text
            "Your appointment: 26 March 2019, 15:10, Ashford Jobcentre\n\n"
            "Your group                                   Work coach appointments\n"
            "All work-related requirements                Required - missing one can lead to a sanction\n"
            "No work-related requirements                 Not required - optional",
            {"all_work_related_requirements": "mandatory", "no_work_related_requirements": "voluntary"},
        ),
        (
            # a heading, then a line that names another group only as an example, then the answer
            "We have booked you an appointment with your work coach on 26 March 2019 at 10.30am.\n\n"
            "NO WORK-RELATED REQUIREMENTS\n(for example, you have limited capability for work and work-related "
            "activity)\nYou do not have to come.\n\nALL WORK-RELATED REQUIREMENTS\nYou must attend.",
            {"no_work_related_requirements": "voluntary", "all_work_related_requirements": "mandatory"},
        ),
        (
            # Universal Credit's own words for the groups, as headings
            "We have booked a conversation with a work coach for you on 26 March 2019 at 1:50pm.\n\n"
            "If you have limited capability for work and work-related activity (LCWRA)\nThis is your choice. "
            "You can choose to take part.\n\nIf you have limited capability for work (LCW)\nYou must take part. "
            "If you don't, your Universal Credit could be reduced.",
            {"no_work_related_requirements": "voluntary", "work_preparation": "mandatory"},
        ),
        # Round 22 (then held out): UC's "limited capability for work" without "(LCW)", heading a line
        # or opening a table row (in a sentence the words name a decision or a questionnaire).
        (
            "Your appointment: work focused interview\nTuesday 17 April 2018 at 11:30\n\n"
            "If you have limited capability for work\nYou must go to this appointment. If you don't go and "
            "you don't have a good reason, your Universal Credit could be reduced.\n\n"
            "If you have limited capability for work and work-related activity\nYou don't need to go to this "
            "appointment.",
            {"work_preparation": "mandatory", "no_work_related_requirements": "voluntary"},
        ),
        (
            "Restart Scheme - information session on Tuesday 28 April 2026 at 10.00am\nDo you have to go?\n"
            " All work-related requirements:    Yes. This is a mandatory activity.\n"
            " Limited capability for work:      No. You can choose to join Restart.",
            {"all_work_related_requirements": "mandatory", "wrag": "voluntary"},
        ),
        # "This letter is for the WRAG ... if you are in the support group you can ignore this letter"
        # (round 23, after its measurement: read as mandatory for everyone).
        (
            "Work focused interview\nThis letter is for customers in the work-related activity group. You must "
            "take part in a work focused interview on 23 March 2010 at 11.40am. If you do not take part without "
            "good cause, your ESA may be reduced.\n\nIf you are in the support group you can ignore this letter.",
            {"wrag": "mandatory", "support_group": "voluntary"},
        ),
        # Round 23 (after its measurement): a heading per youngest child's age, Universal Credit's groups
        # by another name. Read as mandatory for everyone.
        (
            "Universal Credit - parents' work coach session\nWe have booked you in for Tuesday 3 March 2026, "
            "11:00am.\n\nPARENTS WITH A CHILD UNDER 1\nYou don't have to come. It's a chance to ask about "
            "childcare.\n\nPARENTS WHOSE YOUNGEST CHILD IS AGED 1\nYou must come.\n\n"
            "Youngest child is 3 or over\nYou must come and bring your work search record.\n\nIf you have to "
            "come and you miss the appointment without a good reason, your Universal Credit could be reduced.",
            {
                "no_work_related_requirements": "voluntary",
                "work_focused_interview_only": "mandatory",
                "all_work_related_requirements": "mandatory",
            },
        ),
        # Round 24 (after its measurement): Universal Credit's groups by their everyday names, in a table.
        (
            "Your appointment with your work coach\nDate: Monday 2 December 2024\nTime: 1:40pm\n\n"
            "Do I need to go?\n\n  Your Universal Credit group            What you need to do\n"
            "  Intensive work search                  You must attend\n"
            "  Preparing for work                     You must attend\n"
            "  No work requirements                   You don't have to attend, but you're welcome to come\n\n"
            "If you must attend and you don't go and don't have a good reason, your Universal Credit could be "
            "reduced (a sanction).",
            {
                "all_work_related_requirements": "mandatory",
                "work_preparation": "mandatory",
                "no_work_related_requirements": "voluntary",
            },
        ),
        # Round 26 A (after its measurement): a footnote's "need not attend" was no offer to its group.
        (
            "Employment and Support Allowance - work focused interview**\nYou must take part in a work focused "
            "interview at Ashford Jobcentre on Wednesday 21 July 2010 at 9.30am.\nIf you do not take part and "
            "you do not show good cause, your benefit may be reduced.\n\n** Customers in the support group "
            "need not attend.",
            {"support_group": "voluntary"},
        ),
    ],
    ids=[
        "one-group-and-everyone-else",
        "uc-requirement-groups",
        "yes-no-table",
        "yes-no-paragraphs",
        "third-person",
        "cells-open-with-the-answer",
        "heading-over-an-example",
        "lcw-lcwra-headings",
        "lcw-without-its-initials-heading",
        "lcw-opening-a-row",
        "the-other-group-may-ignore-the-letter",
        "headings-by-the-youngest-childs-age",
        "uc-groups-by-everyday-names",
        "a-footnote-exempting-one-group",
    ],
)
def test_attendance_that_turns_on_the_readers_group_is_unclear_with_each_groups_answer(
    body: str, by_group: dict[str, str]
) -> None:
    found = letter(body)
    assert found["attendance"] == "unclear"
    assert found["attendance_by_group"] == by_group


@pytest.mark.parametrize(
    "body",
    [
        # Writers read "you do not have to ... if you are a lone parent with a child under one" as leaving
        # the letter's duty standing, as they read "if you have reached State Pension age".
        "Work focused interview on 26 March 2019 at 10am at Ashford Jobcentre. You must take part in this "
        "conversation. If you don't take part and you don't show good cause, your ESA may be reduced.\n\n"
        "You do not have to take part if you have reached State Pension age, or if you are a lone parent "
        "with a child under one. If either applies to you, please ring us so we can cancel the appointment.",
        # Round 24 (after its measurement): the request under "if you do" was read as an offer to the
        # support group, set against the duty to everyone.
        "Work capability assessment\nThe assessment is used to help the DWP decide whether you have limited "
        "capability for work and, if you do, whether you also have limited capability for work-related "
        "activity.\n\nYour appointment is on:\nTuesday 16 September 2014 at 2.20pm\n\nYou must attend this "
        "assessment. If you do not attend and the DWP decides you did not have good cause, your Employment "
        "and Support Allowance may stop.",
        # Without "Do I have to come?" a line's "No" is no offer: the group and its duty stand alone.
        "Work focused interview on 26 March 2019 at 10am at Ashford Jobcentre.\n"
        "Is your address still 2 Hill Road?\nNo - tell us your new address when you come.\n"
        "Support group\nYou must attend this interview. If you do not, your ESA may be reduced.",
        # What a group need not do in general ("work focused interviews") is no answer about this one.
        "Work focused interview on 26 March 2019 at 10am at Ashford Jobcentre. You must take part in this "
        "interview. If you do not, your ESA may be reduced.\nPeople in the support group do not have to take "
        "part in work focused interviews.",
    ],
    ids=[
        "a-child-under-one-in-a-sentence-is-an-exemption",
        "groups-an-assessment-decides",
        "yes-no-without-the-question",
        "what-a-group-need-not-do-in-general",
    ],
)
def test_a_duty_to_everyone_stands_where_a_group_is_named_without_its_own_answer(body: str) -> None:
    found = letter(body)
    assert found["attendance"] == "mandatory"
    assert found["attendance_by_group"] is None


def test_a_row_only_group_name_under_an_if_leaves_the_duty_standing() -> None:
    # Universal Credit's everyday group names count as groups only heading a line (by_group.ROW_ONLY_IDS);
    # the cue scope agrees, so under an "if" in a sentence they no longer make the duty conditional.
    reading = ASHFORD.reading(
        "Work focused interview on 26 March 2019 at 10am at Ashford Jobcentre. If you are preparing for "
        "work, you must attend this interview."
    )
    assert (reading.votes.rule, reading.votes.path) == ("mandatory", "duty")


def test_a_duty_and_an_offer_that_turn_on_which_benefit_the_reader_gets_are_unclear() -> None:
    found = letter(
        "Work Focused Interview\nWe have arranged for you to see a personal adviser on 19 June 2018 at 3:10pm.\n"
        "You are getting Carer's Allowance. If you are also getting Income Support as a carer you are required "
        "to attend a work focused interview. If you are not getting Income Support this letter does not apply "
        "to you and you do not need to come.\n\nIf you do not attend when required your benefit may be affected."
    )
    assert found["attendance"] == "unclear"
    assert found["sanction_language"] is True


def test_a_universal_credit_letter_answers_under_uc_group_names() -> None:
    # Universal Credit has no support group or WRAG: "if you have LCWRA" names the no work-related
    # requirements group and "LCW only" the work preparation group (round 35, after its measurement).
    body = (
        "Universal Credit\nYou must attend an appointment with your work coach on 9 March 2022 at 2:05pm at "
        "Ashford Jobcentre. If you don't attend without a good reason, your Universal Credit may be reduced.\n"
        "* If we have decided that you have limited capability for work and work-related activity (LCWRA), "
        "this appointment is optional. If you have limited capability for work (LCW) only, you must still attend."
    )
    assert letter(body)["attendance_by_group"] == {
        "no_work_related_requirements": "voluntary",
        "work_preparation": "mandatory",
    }
    # A letter that speaks of ESA as well keeps the ESA groups.
    esa = letter(
        body.replace("Universal Credit\n", "Universal Credit and Employment and Support Allowance\n")
    )
    assert esa["attendance_by_group"] == {"support_group": "voluntary", "wrag": "mandatory"}


def test_uc_names_keep_an_answer_given_under_the_uc_groups_own_name() -> None:
    answers = {"support_group": "mandatory", "no_work_related_requirements": "voluntary", "wrag": "mandatory"}
    assert in_uc_terms(answers, ["universal_credit"], "If you have LCWRA ...") == {
        "no_work_related_requirements": "voluntary",
        "work_preparation": "mandatory",
    }
    # "... work and work-related activity group" is LCWRA's, not the WRAG named; a local support group is
    # no ESA group.
    text = "Your limited capability for work and work-related activity group. Try a local support group."
    assert in_uc_terms({"wrag": "mandatory"}, ["universal_credit"], text) == {"work_preparation": "mandatory"}
    assert in_uc_terms({"support_group": "voluntary"}, ["universal_credit", "esa"], text) == {
        "support_group": "voluntary"
    }


def test_a_uc_letter_answering_by_lcw_and_lcwra_states_no_group() -> None:
    found = letter(
        "Universal Credit\nWe have booked an appointment with your work coach on 9 March 2022 at 2:05pm.\n"
        "You are in the LCWRA group - this appointment is optional for you.\n"
        "You are in the LCW group - you must go to this appointment. If you do not, your Universal Credit "
        "may be reduced."
    )
    assert found["esa_group_stated"] is None
    assert found["attendance_by_group"] == {
        "no_work_related_requirements": "voluntary",
        "work_preparation": "mandatory",
    }


def test_the_intensive_work_search_group_named_in_a_sentence_gets_its_answer() -> None:
    # Round 35 B (after its measurement): "intensive work search" heads table rows only; "... group" is
    # the group's name anywhere.
    found = letter(
        "Restart Scheme\nYour next appointment with your Employment Coach is on 16 March 2023 at 10:15am.\n"
        "- If you are still in the intensive work search group, you must take part. If you do not, your "
        "Universal Credit could be reduced.\n- If the Jobcentre has decided that you have limited capability "
        "for work and work-related activity, you can choose whether to carry on with Restart."
    )
    assert found["attendance_by_group"] == {
        "all_work_related_requirements": "mandatory",
        "no_work_related_requirements": "voluntary",
    }
