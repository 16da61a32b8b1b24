"""The page's view helpers, without a browser: answers to situations, highlights, plain-English results."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from analyser import web
from analyser.result import (
    LETTER_TYPES,
    AnalysisResult,
    Check,
    Evidence,
    Letter,
    Page,
    Situation,
    Source,
)

ATTENDANCES = ("mandatory", "voluntary", "unclear", "none")
VERDICTS = ("likely_wrongful", "possibly_wrongful", "no_concern", "not_applicable", None)


def situation(**answers: str) -> tuple[Situation | None, dict[str, str]]:
    errors = web.FormErrors()
    return web.situation_from_answers(answers, errors), errors.messages


def test_esa_with_i_dont_know_has_no_group():
    found, errors = situation(benefit="esa", esa_group="unknown")

    assert errors == {}
    assert found.benefit == "esa" and found.group is None


def test_only_the_chosen_benefits_group_counts():
    found, _ = situation(benefit="universal_credit", esa_group="support_group", uc_group="work_preparation")

    assert found.group == "work_preparation"


def test_carer_and_lone_parent_answers_become_flags():
    found, errors = situation(
        benefit="income_support",
        carers_allowance="underlying",
        caring_35_hours="yes",
        lone_parent="yes",
        child_age="0",
    )

    assert errors == {}
    assert found.flags.underlying_carers_allowance and not found.flags.gets_carers_allowance
    assert found.flags.caring_35_hours
    assert found.flags.lone_parent_youngest_child_age == 0


def test_none_of_these_means_no_situation():
    assert situation(benefit="none") == (None, {})


@pytest.mark.parametrize(
    ("answers", "field", "message"),
    [
        ({}, "benefit", "Select which benefit you get, or 'None of these'"),
        ({"benefit": "bitcoin"}, "benefit", "Select which benefit you get, or 'None of these'"),
        ({"benefit": "esa", "lone_parent": "yes"}, "child_age", "Enter the age of your youngest child"),
        (
            {"benefit": "esa", "lone_parent": "yes", "child_age": "two"},
            "child_age",
            "Age of your youngest child must be a whole number of years, like 2",
        ),
        (
            {"benefit": "esa", "lone_parent": "yes", "child_age": "40"},
            "child_age",
            "Age of your youngest child must be 25 or less",
        ),
    ],
)
def test_answers_that_need_fixing(answers, field, message):
    found, errors = situation(**answers)

    assert found is None
    assert errors[field] == message


def test_the_child_age_is_ignored_for_someone_not_a_lone_parent():
    found, errors = situation(benefit="esa", lone_parent="no", child_age="abc")

    assert errors == {} and found.flags.lone_parent_youngest_child_age is None


def span(label: str, text: str, whole: str) -> Evidence:
    start = whole.index(text)
    return Evidence(label=label, text=text, page=1, start=start, end=start + len(text))


def test_highlight_marks_evidence_and_merges_overlaps():
    text = "You must attend or your benefit may be reduced."
    spans = [
        span("sanction", "benefit may be reduced", text),
        span("mandatory", "You must attend", text),
        span("type:wfi", "must attend or", text),
    ]

    segments = web.highlight(text, spans)

    assert "".join(segment.text for segment in segments) == text
    marked = [(segment.text, segment.labels) for segment in segments if segment.labels]
    assert marked == [
        ("You must attend or", ("Says you must go", "What the letter is")),
        ("benefit may be reduced", ("Threatens your benefit",)),
    ]


def test_highlight_skips_spans_that_do_not_match_the_text():
    bad = Evidence(label="mandatory", text="not here", page=1, start=0, end=8)

    assert web.highlight("Some letter text", [bad]) == [web.Segment("Some letter text")]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("27 3 2026", date(2026, 3, 27)),
        ("27/03/2026", date(2026, 3, 27)),
        ("27 March 2026", date(2026, 3, 27)),
        ("2026-03-27", date(2026, 3, 27)),
        ("27 3 26", date(2026, 3, 27)),
        ("31 2 2026", None),
        ("soon", None),
    ],
)
def test_dates_as_people_type_them(typed, expected):
    assert web.parse_date(typed) == expected


def test_times_and_sizes_as_people_say_them():
    assert [web.clock_time(t) for t in ("10:30", "14:00", "00:15", "noon")] == [
        "10:30am",
        "2pm",
        "12:15am",
        "noon",
    ]
    assert [web.describe_size(n) for n in (20_000_000, 1000, 12)] == ["20 MB", "1 KB", "1 KB"]


def make_result(letter_type: str, attendance: str, verdict: str | None, **letter: object) -> AnalysisResult:
    check = (
        Check(
            situation=Situation(benefit="esa", group="support_group"),
            verdict=verdict,
            effective_group="support_group",
        )
        if verdict
        else None
    )
    return AnalysisResult(
        source=Source(name="l.txt", sha256="0", media_type="text/plain", pages=1, text_source="text"),
        letter=Letter(type=letter_type, attendance=attendance, **letter),
        check=check,
        pages=[Page(number=1, text="You must attend.", text_source="text")],
    )


@pytest.mark.parametrize(
    ("letter_type", "attendance", "verdict"), list(itertools.product(LETTER_TYPES, ATTENDANCES, VERDICTS))
)
def test_every_result_has_a_plain_answer(letter_type, attendance, verdict):
    context = web.result_context(make_result(letter_type, attendance, verdict))

    assert context["heading"] == context["answer"].heading and context["answer"].why and context["kind_text"]
    assert "{" not in context["heading"] + context["answer"].why  # every placeholder filled
    assert (context["verdict"] is None) == (verdict is None)


def test_the_letters_own_group_wording_decides_the_answer():
    result = make_result(
        "wfi",
        "unclear",
        "no_concern",
        attendance_by_group={"support_group": "voluntary", "wrag": "mandatory"},
    )

    context = web.result_context(result)

    assert context["heading"] == "You do not have to go to this interview"
    # One message: what it says for each group, not also "it does not say whether you must".
    assert context["says"] == [
        "For people in the support group, it says going is voluntary or up to you.",
        "For people in the work-related activity group, it says you must go or take part.",
    ]
    assert web.draft_kinds(result) == []


@pytest.mark.parametrize(
    ("verdict", "attendance", "kinds"),
    [
        ("likely_wrongful", "mandatory", ["challenge"]),
        ("possibly_wrongful", "unclear", ["challenge"]),
        ("no_concern", "mandatory", ["deferral"]),
        ("no_concern", "unclear", []),
        ("not_applicable", "mandatory", []),
        (None, "mandatory", []),
    ],
)
def test_which_drafts_fit(verdict, attendance, kinds):
    assert web.draft_kinds(make_result("wfi", attendance, verdict)) == kinds


def test_evidence_is_quoted_as_whole_sentences_and_the_draft_is_filled_from_the_letter():
    text = "Dear Ms Ray\n\nYou must attend a work focused interview. If you do not, your benefit may be reduced.\n"
    result = make_result(
        "wfi",
        "mandatory",
        "likely_wrongful",
        evidence=[span("mandatory", "must attend", text), span("sanction", "benefit may be reduced", text)],
        recipient={
            "name": "Ms Ann Ray",
            "address": ["1 High St", "Leeds LS1 1AA"],
            "ni_number": "QQ 12 34 56 C",
        },
        reference="ESA/1",
    )
    result.pages = [Page(number=1, text=text, text_source="text")]

    context = web.result_context(result)

    assert [(q.before, q.marked, q.after) for q in context["quotes"]] == [
        ("You ", "must attend", " a work focused interview."),
        ("If you do not, your ", "benefit may be reduced", "."),
    ]
    assert context["draft_defaults"] == {
        "reference": "ESA/1",
        "name": "Ann Ray",
        "address": "1 High St, Leeds LS1 1AA",
        "ni_number": "QQ 12 34 56 C",
    }


def test_draft_details_are_checked_and_tidied():
    errors = web.FormErrors()
    details = web.person_details(
        {"name": "", "ni_number": "qq 12 34 56 c", "later_date": "next week"}, errors
    )

    assert details["ni_number"] == "QQ123456C"
    assert errors.messages == {
        "name": "Enter your name",
        "later_date": "Enter the date as day, month and year, like 27 3 2026",
    }


@pytest.mark.parametrize("days, before_the_date", [(10, True), (-10, False)])
def test_once_the_date_has_passed_the_page_stops_saying_phone_before_it(days, before_the_date):
    # A support-group claimant reading an old demand was told both "the date has passed" and "phone
    # them before the appointment": the answer and the steps must agree on which side of the date we are.
    from datetime import timedelta

    from analyser.analyse import check
    from analyser.result import Appointment

    today = date.today()
    letter = Letter(
        type="wfi",
        attendance="mandatory",
        sanction_language=True,
        letter_date=(today - timedelta(days=30)).isoformat(),
        appointment=Appointment(date=(today + timedelta(days=days)).isoformat(), time="10:00"),
        office_phone="0345 604 3719",
    )
    result = AnalysisResult(
        source=Source(name="l.txt", sha256="0", media_type="text/plain", pages=1, text_source="text"),
        letter=letter,
        check=check(letter, Situation(benefit="esa", group="support_group")),
    )
    context = web.result_context(result)
    said = " ".join([context["answer"].heading, context["answer"].why, *result.check.next_steps])
    said += " " + " ".join(action.text for action, _ in context["actions"])

    assert ("before the appointment" in said) == before_the_date
    assert ("Phone them first" in said) == before_the_date
    assert ("The date has passed" in said) == (not before_the_date)
    assert result.check.appointment_passed == (not before_the_date)


def test_the_stated_group_is_named_in_plain_words_and_in_uc_terms_on_a_uc_letter():
    # A new user saw "Group:wrag" as an evidence label, and a UC letter's LCWRA called "the support group".
    assert web.views.evidence_label("group:wrag") == "Says you are in the work-related activity group"
    uc = Letter(
        type="other",
        attendance="none",
        esa_group_stated="support_group",
        benefits_mentioned=["universal_credit"],
    )
    result = AnalysisResult(
        source=Source(name="l.txt", sha256="0", media_type="text/plain", pages=1, text_source="text"),
        letter=uc,
    )
    says = " ".join(web.result_context(result)["says"])
    assert "limited capability for work and work-related activity (LCWRA)" in says
    assert "support group" not in says


@pytest.mark.parametrize("sure, hedged", [(0.95, False), (0.6, True)])
def test_the_heading_is_hedged_when_the_analyser_is_not_sure(sure, hedged):
    # A new user read a confident "does not ask you to go to anything" above "we are about 63% sure".
    letter = Letter(type="other", attendance="none", confidence={"type": sure, "attendance": 0.9})
    result = AnalysisResult(
        source=Source(name="l.txt", sha256="0", media_type="text/plain", pages=1, text_source="text"),
        letter=letter,
    )
    heading = web.result_context(result)["heading"]
    assert heading.startswith("This letter does not ask you to go to anything")
    assert heading.endswith("(we are not sure)") == hedged
