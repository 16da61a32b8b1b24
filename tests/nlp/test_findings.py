"""What the NLP stage finds in letters written here: the hard cases the rules must get right."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from written import ASHFORD

from analyser import analyse_text
from analyser.ingest.cleanup import clean_text, mend_ocr_confusions
from analyser.nlp.dates import find_dates, find_times, resolve_year
from analyser.nlp.train import train
from analyser.result import LETTER_TYPES

letter = ASHFORD.letter


def test_negated_threats_in_a_voluntary_invitation() -> None:
    found = letter(
        "Employment and Support Allowance\nWe would like to invite you to a meeting with a personal adviser about "
        "work and training on Tuesday 26 March at 2pm. Taking part is voluntary. You will not be sanctioned and "
        "your benefit will not be affected if you choose not to come."
    )
    assert found["type"] == "wfi" and found["attendance"] == "voluntary"
    assert found["sanction_language"] is False
    assert found["appointment"]["date"] == "2019-03-26" and found["appointment"]["time"] == "14:00"


def test_attendance_that_depends_on_the_group() -> None:
    found = letter(
        "Employment and Support Allowance: work focused interview on 28/03/2019 at 10.15 am.\n"
        "If you are in the support group, you do not have to attend this interview.\n"
        "If you are in the work-related activity group, you must attend. If you do not attend without good "
        "cause, your ESA may be reduced."
    )
    assert found["attendance"] == "unclear"
    assert found["attendance_by_group"] == {"support_group": "voluntary", "wrag": "mandatory"}
    assert found["sanction_language"] is True


def test_a_meeting_about_work_is_a_wfi_even_without_the_word_interview() -> None:
    found = letter(
        "Universal Credit\nPlease come to the Jobcentre to meet your work coach on Friday 22 March 2019 at 11:40. "
        "We will talk about the work you are looking for and update your claimant commitment."
    )
    assert found["type"] == "wfi" and found["is_wfi_summons"] is True
    assert found["attendance"] == "unclear" and found["sanction_language"] is False


def test_a_work_capability_assessment_full_of_work_is_not_a_wfi() -> None:
    found = letter(
        "Work Capability Assessment\nThe Centre for Health and Disability Assessments has arranged a face-to-face "
        "assessment of your capability for work and work-related activity on 2 April 2019 at 9:30am. This is not "
        "a work-focused interview. If you do not attend without good cause, your Employment and Support "
        "Allowance may stop."
    )
    assert found["type"] == "wca" and found["is_wfi_summons"] is False
    assert found["attendance"] == "mandatory" and found["sanction_language"] is True


def test_furniture_is_not_a_threat() -> None:
    found = letter(
        "Universal Credit statement\nYour payment this month is £412.80. You must tell us about any changes in "
        "your circumstances or you may be paid the wrong amount. You could be prosecuted if you give false "
        "information. If you disagree with this decision you can ask for a mandatory reconsideration."
    )
    assert found["attendance"] == "none" and found["sanction_language"] is False


def test_an_announced_sanction_asks_nothing_but_threatens() -> None:
    found = letter(
        "Jobseeker's Allowance - our decision\nWe have decided that you did not have a good reason for missing "
        "your appointment on 1 March 2019. Your Jobseeker's Allowance will be reduced for 4 weeks."
    )
    assert found["type"] == "decision_notice"
    assert found["attendance"] == "none" and found["sanction_language"] is True


def test_a_quoted_threat_in_a_letter_that_cancels_it() -> None:
    found = letter(
        'Your complaint\nOur letter of 1 March said: "You must attend a work focused interview. If you do not '
        'attend, your Employment and Support Allowance may be reduced." That letter was sent in error because '
        "you are in the support group. You do not need to come to any interviews and your ESA has not been "
        "reduced."
    )
    assert found["sanction_language"] is False


def test_evidence_backs_every_finding() -> None:
    found = letter(
        "Employment and Support Allowance\nYou must attend a work focused interview on 20 March 2019 at 10am. "
        "If you do not attend, your benefit could be reduced."
    )
    labels = {item["label"] for item in found["evidence"]}
    assert {"mandatory", "sanction", "type:wfi"} <= labels


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday 14 May 2013", "2013-05-14"),
        ("14/05/2013", "2013-05-14"),
        ("14.5.13", "2013-05-14"),
        ("14th of May, 2013", "2013-05-14"),
        ("May 14, 2013", "2013-05-14"),
        ("2013-05-14", "2013-05-14"),
        ("Mon 20 Feb", "2012-02-20"),
        ("Monday 20 February", "2012-02-20"),
        ("Thu 23/02", "2012-02-23"),
        ("Friday 24th", "2012-02-24"),
        ("Tuesday 28 February, 10:15am", "2012-02-28"),
        ("Wed 7th March, 12:30", "2012-03-07"),
    ],
)
def test_dates_in_common_formats(text: str, expected: str) -> None:
    found = resolve_year(find_dates(f"on {text} at the office")[0], date(2012, 2, 6))
    assert found.value.isoformat() == expected


def test_a_weekday_and_day_that_never_meet_are_no_date() -> None:
    found = resolve_year(find_dates("on Sunday 23rd at the office")[0], date(2012, 2, 6))
    assert found.value is None


def test_the_appointment_is_the_new_one_not_the_one_it_replaces() -> None:
    found = letter(
        "Your work focused interview has moved.\n"
        "Old appointment:   Thursday 21 March 2019 at 9.00am - this will no longer take place\n"
        "New appointment:   Tuesday 26 March 2019 at 11.30am\n"
        "You must attend. If you do not, your benefit may be reduced."
    )
    assert found["appointment"]["date"] == "2019-03-26" and found["appointment"]["time"] == "11:30"
    moved = letter(
        "We have had to move the meeting with your work coach that was booked for Friday 15 March.\n"
        "Your work coach will now phone you at 14:15 on Wed 20 March. You must be available."
    )
    assert moved["appointment"]["date"] == "2019-03-20" and moved["appointment"]["phone"] is True


def test_scanner_digit_confusions_are_mended_in_dates_and_times() -> None:
    found = analyse_text(
        "Bolton Jobcentre Plus        Date : l2/O3/2Ol9\n\nDear Mr Reader\n\nW0RK F0CUSED INTERVIEW\n"
        "DATE :   Tuesday 26 March 2Ol9\nTIME :   ll.l5am\nY0u must attend this interview."
    ).letter
    assert found.letter_date == "2019-03-12"
    assert found.appointment.date == "2019-03-26" and found.appointment.time == "11:15"


def test_a_journal_message_opening_with_hi_has_its_date_at_the_top() -> None:
    found = analyse_text(
        "Universal Credit\nJournal\n\n4 March 2019 10:00\nFrom: your work coach\n\nHi Sam,\n\n"
        "I've booked you a work search review.\nYour appointment\nDate:   14.3.19\nTime:   10:45am\n"
        "You must attend this appointment."
    ).letter
    assert found.letter_date == "2019-03-04" and found.appointment.date == "2019-03-14"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10:40am", "10:40"),
        ("10.30 am", "10:30"),
        ("2pm", "14:00"),
        ("14:15", "14:15"),
        ("half past ten", "10:30"),
        ("noon", "12:00"),
    ],
)
def test_times_in_common_formats(text: str, expected: str) -> None:
    assert find_times(f"at {text} please")[0].value == expected


def test_train_rebuilds_a_working_model(tmp_path: Path) -> None:
    corpus = Path(__file__).resolve().parents[2] / "samples" / "corpus"
    scores = train(corpus, tmp_path / "letter_type")
    assert scores["train"] > 200
    assert scores["scores"]["cats_macro_f"] > 0.8
    import spacy

    model = spacy.load(tmp_path / "letter_type")
    doc = model("Personal Independence Payment: your consultation with a health professional from IAS.")
    assert max(LETTER_TYPES, key=doc.cats.__getitem__) == "pip_assessment"


@pytest.mark.parametrize(
    "body",
    [
        "Employment and Support Allowance\nWe wrote to you on 1 March about a work focused interview. "
        "The letter said that if you did not go, your ESA might be reduced. You are in the support group, "
        "so you did not need to go, and we have cancelled the interview. Your ESA has not been affected.",
        # Round 36 A-095 (read after its measurement): "We wrote ... and said that ..." in one sentence.
        "Your compliance interview\nWe wrote to you on 22 May asking you to attend a compliance interview on "
        "12 June and said that if you did not attend your benefit may be suspended.\nYour wife has sent us the "
        "information we needed. You do not need to attend the interview on 12 June and it has been cancelled.",
    ],
)
def test_a_threat_reported_from_an_earlier_letter_is_not_made_again(body: str) -> None:
    found = letter(body)
    assert found["sanction_language"] is False and found["attendance"] == "none"


def test_threats_in_plain_words_are_threats() -> None:
    for threat in (
        "If you do not join the call without a good reason, this could mean you get less money.",
        "If you do not send the form back, this could affect how much Universal Credit you get.",
        "If you miss it, the amount of Universal Credit payable to you may be reduced.",
    ):
        found = letter(
            f"Universal Credit\nYour work coach will call you on Tuesday 26 March at 10am. {threat}"
        )
        assert found["sanction_language"] is True, threat


def test_furniture_about_changes_and_payment_details_is_not_a_threat() -> None:
    found = letter(
        "Universal Credit\nWe would like to invite you to a meeting with your work coach on Tuesday 26 March "
        "at 10am. This is optional. Tell us straight away about any change that might affect your Universal "
        "Credit. We pay into your account ending 4471. Your next payment is due on 2 April."
    )
    assert found["sanction_language"] is False and found["attendance"] == "voluntary"


@pytest.mark.parametrize(
    "conditions",
    [
        (
            "If your youngest child is still under 1 on that day\nThe appointment is optional.\n"
            "If your youngest child has turned 1 by then\nYou must attend this appointment."
        ),
        # The child by name or pronoun (round 23, after its measurement: read as mandatory for everyone).
        (
            "- If Ollie has turned 1 by the appointment, you must attend.\n"
            "- If he is still under 1 on that date, you don't need to come, but you're welcome to."
        ),
    ],
)
def test_duty_and_offer_that_turn_on_the_readers_circumstances_are_unclear(conditions: str) -> None:
    reading = ASHFORD.reading(
        "Universal Credit\nWe have booked an appointment with your work coach on Tuesday 26 March at 10am.\n"
        f"{conditions}\nIf you do not attend and do not have a good reason, your Universal Credit could be "
        "reduced.\nWe will talk about what you need to do to keep getting Universal Credit."
    )
    # The rules read it so, not only the weighing.
    assert (reading.votes.rule, reading.votes.path) == ("unclear", "circumstances")
    assert reading.letter.attendance == "unclear" and reading.letter.sanction_language is True


def test_a_one_read_as_i_between_consonants() -> None:
    assert mend_ocr_confusions("Y0u must attend or y0ur benef1t wi1l st0p. P1ease s1gn") == (
        "You must attend or your benefit will stop. Please sign"
    )


def test_a_capital_i_read_for_an_l_inside_a_word() -> None:
    # Round 25 B (after its measurement): the WRAG a scan states was lost to "work-reIated".
    assert mend_ocr_confusions("Ernployment and Support AIIowance: work-reIated activity. IF YOU") == (
        "Ernployment and Support Allowance: work-related activity. IF YOU"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("your review is on 09/04 at 9:45", "2012-04-09"),
        ("Date:    12/03\nTime:    10:00", "2012-03-12"),
        ("come in on 16/03 between 9.30am and noon", "2012-03-16"),
    ],
)
def test_day_and_month_alone_when_a_label_or_a_time_vouches_for_them(text: str, expected: str) -> None:
    found = resolve_year(find_dates(text)[0], date(2012, 2, 6))
    assert found.value.isoformat() == expected


def test_a_fraction_is_not_a_date() -> None:
    assert find_dates("about 1/2 of people and 3/4 of the time") == []


def test_an_appointment_box_above_the_letter_date_is_not_the_letter_date() -> None:
    found = analyse_text(
        "Assessment Centre\n\n| Date:   Monday 25 March 2019   |\n| Time:   8:45am                |\n\n"
        "Ms A Reader\n2 Hill Road\n\n12 March 2019\n\nDear Ms Reader\n\nYou must attend your work capability "
        "assessment at the time shown above."
    ).letter
    assert found.letter_date == "2019-03-12" and found.appointment.date == "2019-03-25"
    labelled = analyse_text(
        "Your telephone assessment\nDate:      26/03/2019\nTime:      09:00\nLetter date: 12 March 2019\n\n"
        "Dear Ms Reader\n\nA health professional will phone you at the time above. You must take the call."
    ).letter
    assert labelled.letter_date == "2019-03-12" and labelled.appointment.date == "2019-03-26"


def test_a_wrapped_lines_indent_is_layout() -> None:
    cleaned = clean_text(
        "If you do not come and you cannot show good cause within five working days,\n      your ESA"
    )
    assert (
        cleaned.text == "If you do not come and you cannot show good cause within five working days, your ESA"
    )
    assert cleaned.origin[-8] == len(
        "If you do not come and you cannot show good cause within five working days,\n      "
    )


def test_every_finding_on_every_blind_letter_shows_its_words() -> None:
    # CONTRACT.md: every true/mandatory/voluntary finding has at least one span. The classifiers
    # could still answer "mandatory" for a page of /proc/cpuinfo, with nothing of it to show.
    import glob
    import json as json_

    from analyser import analyse_text

    rows = [
        json_.loads(line)
        for path in sorted(glob.glob("samples/blind/round1[67]_*.jsonl"))
        for line in open(path)
    ]
    texts = [row["text"] for row in rows[::5]] + [
        open("/proc/cpuinfo").read()[:3000],
        "lorem ipsum dolor " * 200,
    ]
    for text in texts:
        found = analyse_text(text).letter
        labels = {item.label for item in found.evidence}
        if found.attendance == "mandatory":
            assert labels & {"mandatory", "sanction"}, text[:200]
        if found.attendance == "voluntary":
            assert labels & {"voluntary", "neg_sanction"}, text[:200]
        if found.sanction_language:
            assert "sanction" in labels, text[:200]


def test_a_letter_from_no_benefit_sender_says_so() -> None:
    # A new user's building-society letter came back "does not ask you to go to anything" and nothing
    # more: the page should say it does not look like a letter this analyser reads.
    from analyser import analyse_text
    from analyser.nlp.read import NOT_FROM_A_BENEFIT_SENDER

    bank = (
        "Northshire Building Society\n12 High Street\nLeeds LS1 4AB\n\n20 November 2026\n\nDear Ms Hart\n\n"
        "Your savings account\n\nWe are writing to tell you that the interest rate on your Easy Saver account "
        "will change from 1 January 2027. You do not need to do anything. If you have questions, please call "
        "us on 0113 496 0000.\n\nYours sincerely\nCustomer Services"
    )
    assert NOT_FROM_A_BENEFIT_SENDER in analyse_text(bank).letter.uncertain
    dwp = bank.replace("Northshire Building Society", "Jobcentre Plus")
    assert NOT_FROM_A_BENEFIT_SENDER not in analyse_text(dwp).letter.uncertain
