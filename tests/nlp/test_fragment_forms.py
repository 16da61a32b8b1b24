"""Forms fragments put things in: table rows, notes naming what they copy, costs that point back, OCR'd names.

Each was read from rounds 39 F and 41 after their measurement (with the one letter form beside them: a group's
component); the look-alikes are letters an independent review wrote against the first version of each mend.
"""

from __future__ import annotations

import pytest
from written import KENDAL

from analyser import analyse_text
from analyser.nlp.read import cue_spans

MEETING = "Appointment details\nWhen        | 14/05/2019 10:00\nWhere       | Kendal Jobcentre Plus\n"


@pytest.mark.parametrize(
    ("row", "mandatory"),
    [
        # Round 39 F-018: an appointment table whose row says it is mandatory.
        ("Mandatory   |  YES", True),
        ("Attendance compulsory: Y", True),
        ("Mandatory: Yes", True),
        ("Mandatory   |  NO", False),
        ("Mandatory reconsideration requested: Yes", False),
        # A blank choice, and a yes to a negated label (review).
        ("Mandatory (Y/N)   | N", False),
        ("Mandatory   | Y/N - N", False),
        ("Mandatory   | Yes / No  (your work coach will tell you)", False),
        ("Non-mandatory | Yes", False),
        ("Non-compulsory: yes", False),
    ],
)
def test_a_table_row_saying_the_appointment_is_mandatory_is_a_duty(row: str, mandatory: bool) -> None:
    assert (KENDAL.letter(MEETING + row)["attendance"] == "mandatory") is mandatory


@pytest.mark.parametrize(
    "note",
    [
        # Round 39 F-004: a note that says whose letter it saw and which part it copied.
        "Supervision note 3/3/16. Client showed me the letter from Wigan JCP dated 29/02/16. Part copied: "
        '"You are required to attend an interview with your adviser at this office on 14/03/2016 at 10.40. If you '
        "fail to attend without good reason your Jobseeker's Allowance may be sanctioned.\" He works a shift that "
        "morning - told him to phone them first.",
        'Drop-in, 12 June. Mr K showed us his letter (page 2 only). Paragraph copied: "You must take part in this '
        'work-focused interview. If you do not, your Employment and Support Allowance may be reduced." '
        "He thinks he is in the support group; we will check.",
        # A first paragraph that retells the letter is the letter's demand, not a sender's note (review).
        "Client showed me the letter she received. It says she must attend a work focused interview at Wigan "
        "Jobcentre on 14 May 2019 at 10:00 and that her ESA may be reduced if she does not go without good "
        "reason.\n\nAction: helped her arrange a taxi. Will check in after the appointment.",
        "My son showed me this letter last night. He's been told he has to go to a meeting at the Jobcentre on "
        "14 May at 10am, and if he doesn't go his JSA might be stopped. Does he really have to go?\n\nThanks, Sue",
    ],
)
def test_a_note_saying_which_letter_it_retells_or_copies_makes_its_demand(note: str) -> None:
    found = analyse_text(note).letter
    assert (found.attendance, found.sanction_language) == ("mandatory", True)


@pytest.mark.parametrize(
    "note",
    [
        # An earlier letter copied under the same lead-in is still switched off (review).
        'Advice note 10 May 2019. Ms B showed me a letter from the Jobcentre in 2017. Bit copied: "You must '
        'attend or your benefit may stop." That was years ago. The letter she has now, dated 8 May 2019, is a '
        "voluntary invitation to a Restart information session on 20 May 2019 - it says she does not have to come.",
        "Advice note 10 May 2019. Ms B showed me a letter she was sent in 2017, when she was on JSA. Part copied: "
        '"You must attend this interview. If you fail to attend without good reason your benefit may be '
        'sanctioned." Her current letter (8 May 2019) is from the ESA support group team and says she does not '
        "need to attend any interviews.",
    ],
)
def test_an_earlier_letter_copied_under_a_notes_lead_in_makes_no_demand(note: str) -> None:
    found = analyse_text(note).letter
    assert found.attendance != "mandatory" and found.sanction_language is False


@pytest.mark.parametrize(
    ("before", "after", "a_cost_of_going"),
    [
        # Round 39 F-060: "If you don't" points back at the call it is the cost of.
        ("It is really important that you answer the call.", "If you don't, we will", True),
        ("Please make sure you keep this appointment.", "Otherwise we will", True),
        # The cost of a form not sent back asks the reader to go nowhere, even one sent before the call (review).
        (
            "Please fill in the enclosed questionnaire and send it back by 1 March.",
            "If you don't, we will",
            False,
        ),
        ("Please return the enclosed consent form before the assessment.", "If you don't, we will", False),
        # A condition of its own, after a sentence saying the reader need not go (review).
        (
            "There is no need for you to attend an interview.",
            "If you don't have a good reason, we will",
            False,
        ),
    ],
)
def test_a_cost_that_points_back_takes_its_subject_from_the_sentence_before(
    before: str, after: str, a_cost_of_going: bool
) -> None:
    body = (
        "...due to coronavirus, your PIP assessment will take place over the phone. Our assessor will call you "
        f"on 17 February 2021 at 11:00. {before} {after} send your claim back to the Department for Work and Pensions."
    )
    # The rules' reading: whether the cost is one of not going (how the classifier then weighs the letter
    # as a whole is its own, and moves with each retraining).
    cost = max((s for s in cue_spans(body) if s.id_ == "decide-without-you"), key=len)  # the one weighed
    assert (cost._.why_not is None) is a_cost_of_going
    if a_cost_of_going:
        assert analyse_text(body).letter.attendance == "mandatory"  # a fragment, as round 39 F-060


@pytest.mark.parametrize(
    "box",
    [
        # Round 39 F-017 and F-083: an appointment box whose labels are a table's ("Date | ...") or share one
        # line with a time and a place ("Date: ...     Time: ...     Location: ...").
        "Appointment type   |  Work search review\nDate               |  14/05/2024\nTime               |  09:50\n"
        "Location           |  Sittingbourne Jobcentre, 1st floor\nWith               |  Work coach - K. Osei",
        "Work coach appointment\nDate: 14/05/24     Time: 09:50     Location: Sittingbourne Jobcentre\n"
        "You have been booked to see your work coach about your claim.",
    ],
)
def test_an_appointment_box_in_a_fragment_is_the_appointment_not_the_letter_date(box: str) -> None:
    found = analyse_text(box).letter
    assert (found.letter_date, found.appointment.date, found.appointment.time) == (
        None,
        "2024-05-14",
        "09:50",
    )
    assert found.attendance == "unclear"  # booked, with nothing said about whether it is compulsory


@pytest.mark.parametrize(
    "head",
    [
        # A time stamp on the date's line is the message's or the print's, not an appointment (review).
        "Universal Credit journal\nMessage from your work coach\nDate: 03/05/2019     Time: 14:05\n\n",
        "Universal Credit\n\nDate: 3 May 2019      Time: 14:05      Page 1 of 2\n\nDear Ms Patel\n\n",
    ],
)
def test_a_time_stamp_beside_the_letter_date_is_no_appointment(head: str) -> None:
    found = analyse_text(
        head + "You need to attend an appointment with your work coach at Bolton Jobcentre on 14 May 2019 at "
        "10:00. If you do not attend without good reason your Universal Credit may be sanctioned."
    ).letter
    assert (found.letter_date, found.appointment.date, found.appointment.time) == (
        "2019-05-03",
        "2019-05-14",
        "10:00",
    )


def test_the_readers_address_in_a_details_table_is_not_the_meeting_place() -> None:
    found = analyse_text(
        "Bolton Jobcentre Plus\nDate: 3 May 2019\n\nDear Mr Hughes\n\nYour details\nName      | Mr D Hughes\n"
        "Address   | 12 Mill Lane, Bolton BL1 2AB\nNI number | AB123456C\n\nYou must attend an interview on 14 May "
        "2019 at 10:00. If you fail to attend without good reason your benefit may be sanctioned."
    ).letter
    assert found.appointment.date == "2019-05-14" and found.appointment.place is None


@pytest.mark.parametrize(
    ("words", "group"),
    [
        # Round 41 F-065 and F-003 (after its measurement): OCR broke a word of the group's or the benefit's name.
        (
            "As you are in the work-related activ ity group you must take part in work-focused interviews.",
            "wrag",
        ),
        (
            "While we assess your claim for Employment and Suppo rt Allowance we would like you to talk to a work "
            "coach.",
            "assessment_phase",
        ),
    ],
)
def test_a_name_broken_by_ocr_still_states_the_group(words: str, group: str) -> None:
    found = analyse_text(f"{words} Your interview is on Tuesday 16 November 2010 at 11.15am.").letter
    assert found.esa_group_stated == group


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        # Round 41 B-036 (after its measurement): the component named with "group" in it, said of the reader.
        ("You get the support group component and your payments will carry on as normal.", "support_group"),
        (
            "From 4 April 2024 you will get the support group component instead of the work-related activity group "
            "component.",
            "support_group",
        ),
        (
            "You will now be paid the work-related activity group component rather than the support group component.",
            "wrag",
        ),
        # Said of others, of a rate, of a change or in a table, it states no group (review).
        ("If you are in the support group you get the support group component.", None),
        ("The support group component is higher than the work-related activity group component.", None),
        ("Members of the support group get the support group component.", None),
        ("From 4 April 2024 you no longer get the support group component.", None),
        ("You have lost the support group component.", None),
        ("You will get ESA without the support group component.", None),
        ("Your partner gets the support group component.", None),
        ("Work-related activity group component   £30.60\nSupport group component   £47.70", None),
    ],
)
def test_a_groups_component_states_the_group_only_when_the_reader_gets_it(
    sentence: str, group: str | None
) -> None:
    assert (
        analyse_text(f"Thank you for telling us your new address. {sentence}").letter.esa_group_stated
        == group
    )
