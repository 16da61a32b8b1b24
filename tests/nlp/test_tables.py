"""Text tables drawn with | and - borders whose cells wrap: each group's answer, and no stated group."""

from __future__ import annotations

import pytest
from written import ASHFORD

from analyser.ingest.cleanup import clean_text

letter = ASHFORD.letter

# Round 34 B (after its measurement): cells wrapped over two lines hid "work-related activity group"
# from the cues, and the support group's row was read as the reader's group.
BOXED = """Work focused interview: Monday 10 March 2014 at 2.30pm at Ashford Jobcentre

WHO NEEDS TO ATTEND
+------------------------------------------+------------------------------------------+
| You have claimed ESA and are waiting for | You must attend.                         |
| the result of your Work Capability       |                                          |
| Assessment                               |                                          |
+------------------------------------------+------------------------------------------+
| You are in the work-related activity     | You must attend.                         |
| group                                    |                                          |
+------------------------------------------+------------------------------------------+
| You are in the support group             | You do not have to attend. You can come  |
|                                          | if you would like to.                    |
+------------------------------------------+------------------------------------------+

If you must attend and you do not take part without good cause, your ESA may be reduced."""

# Round 34 B: Universal Credit's LCW and LCWRA in an open table, the last row closed by a blank line.
OPEN = """Your appointment with your work coach on Tuesday 24 May 2022 at 10:10am at Ashford Jobcentre

  Your situation                                   | What this means
  -------------------------------------------------+-------------------------------------------------
  You have limited capability for work and         | This meeting is optional. You can choose whether
  work-related activity (LCWRA)                    | to come. It will not affect your payments.
  -------------------------------------------------+-------------------------------------------------
  You have limited capability for work (LCW)       | This is a work-focused interview. If you do not
                                                   | attend and do not have a good reason, your
                                                   | Universal Credit may be reduced.

If you are not sure which applies to you, ask us in your journal."""

# Round 19 B: several one-line rows between two borders, one of them wrapped.
ROWS = """Work focused interview on 12 June 2018 at 10am at Ashford Jobcentre.
+---------------------------------+---------------------------------------------------+
| Your ESA group                  | What this appointment means for you               |
+---------------------------------+---------------------------------------------------+
| Work-related activity group     | Mandatory work focused interview. Missing it      |
|                                 | without good cause may lead to a sanction.        |
| Support group                   | Voluntary. You do not have to attend.             |
| Assessment phase                | You must attend.                                  |
+---------------------------------+---------------------------------------------------+"""

UC_ROWS = """Appointment with your work coach - Monday 17 March 2025, 11:10am, Ashford Jobcentre

Do you need to come? It depends on your group:

   Your group                                   | Do you need to come?
   ---------------------------------------------|-----------------------------------
   No work-related requirements                 | No - but you can choose to
   Work-focused interview only                  | Yes
   Work preparation                             | Yes
   All work-related requirements                | Yes

If the table says you need to come and you do not attend without a good reason, your Universal Credit
could be reduced."""


@pytest.mark.parametrize(
    ("body", "by_group"),
    [
        (BOXED, {"wrag": "mandatory", "support_group": "voluntary"}),
        (OPEN, {"no_work_related_requirements": "voluntary", "work_preparation": "mandatory"}),
        (ROWS, {"wrag": "mandatory", "support_group": "voluntary", "assessment_phase": "mandatory"}),
        # Universal Credit's "Work preparation" without "group" heads a row (round 33 A and 18 more).
        (
            UC_ROWS,
            {
                "no_work_related_requirements": "voluntary",
                "work_focused_interview_only": "mandatory",
                "work_preparation": "mandatory",
                "all_work_related_requirements": "mandatory",
            },
        ),
    ],
    ids=[
        "boxed-cells-wrapped",
        "open-table-uc-groups",
        "rows-between-two-borders",
        "uc-work-preparation-row",
    ],
)
def test_a_table_with_wrapped_cells_gives_each_group_its_answer_and_states_no_group(
    body: str, by_group: dict[str, str]
) -> None:
    found = letter(body)
    assert found["attendance"] == "unclear"
    assert found["attendance_by_group"] == by_group
    assert found["esa_group_stated"] is None


def test_joined_cells_keep_their_place_in_the_letter_and_plain_rows_stay_as_they_are() -> None:
    cleaned = clean_text(BOXED)
    row = next(line for line in cleaned.text.split("\n") if "activity group" in line)
    assert row == "| You are in the work-related activity group | You must attend. |"
    start = cleaned.text.index("group | You must")
    assert BOXED[cleaned.origin[start] : cleaned.origin[start] + 5] == "group"  # evidence maps back
    plain = "Your group        | Do you need to come?\n------------------+---------\nWork preparation  | Yes\nNo work requirements | No"
    assert clean_text(plain).text == plain


def test_every_character_of_a_cleaned_table_points_back_at_itself() -> None:
    for raw in (BOXED, OPEN, ROWS, UC_ROWS, BOXED.replace("\n", "\r\n")):
        cleaned = clean_text(raw)
        assert len(cleaned.text) == len(cleaned.origin)
        for char, where in zip(cleaned.text, cleaned.origin, strict=True):
            assert char.isspace() or raw[where] == char
    assert clean_text(BOXED.replace("\n", "\r\n")).text == clean_text(BOXED).text  # Windows line ends


@pytest.mark.parametrize(
    ("body", "by_group"),
    [
        # A blank cell in a third column is no wrap: the next line is a row of its own.
        (
            "Work focused interview on 12 June 2018 at 10am at Ashford Jobcentre.\n"
            "+------------------------------+--------------------------+------------------+\n"
            "| Your group                   | Do you have to come?     | Notes            |\n"
            "+------------------------------+--------------------------+------------------+\n"
            "| Work-related activity group  | Yes, you must attend.    | Bring your CV.   |\n"
            "| Support group                | No, it is your choice.   |                  |\n"
            "| Assessment phase             | Yes, you must attend.    |                  |\n"
            "+------------------------------+--------------------------+------------------+\n"
            "If you must attend and do not, your ESA may be reduced.",
            {"wrag": "mandatory", "support_group": "voluntary", "assessment_phase": "mandatory"},
        ),
    ],
    ids=["a-blank-cell-is-no-wrap"],
)
def test_rows_that_fit_their_cells_stay_rows(body: str, by_group: dict[str, str]) -> None:
    assert letter(body)["attendance_by_group"] == by_group


def test_a_bar_in_prose_leaves_wrapped_lines_to_be_joined_and_a_stated_group_beside_a_table_stands() -> None:
    # OCR reads "I" as "|": the wrapped line is still prose.
    found = letter(
        "Dear Mr Hill\n| have arranged a work focused interview for you at Ashford Jobcentre and you must\n"
        "attend it on 16 May 2019 at 10am."
    )
    assert found["attendance"] == "mandatory"
    assert (
        letter(BOXED + "\n\nWe have decided that you are in the work-related activity group.")[
            "esa_group_stated"
        ]
        == "wrag"
    )


def test_a_long_border_line_is_read_in_linear_time() -> None:
    import time

    began = time.perf_counter()
    clean_text("-" * 20_000 + "x\n" + "|" + "-" * 20_000 + "|x")
    assert time.perf_counter() - began < 1.0
