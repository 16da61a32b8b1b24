"""The question flow in a real browser: answers -> check your answers -> upload -> the answer first.

Eight-plus situations, with and without JavaScript, at 390 px (phone) and 1280 px; axe on every page state."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from axe_check import violations

from analyser.rules.calendar import add_working_days, long_date

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "docs" / "screenshots"
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 900}
APPOINTMENT = add_working_days(date.today() + timedelta(days=20), 1)  # a working day three weeks on
PHONE_NUMBER = "0345 604 3719"

LETTER = """{office}
Franciscan Way
Ipswich
IP1 1HP
Phone: {phone}

Ms Ann Example
1 Example Road
Ipswich IP4 1AA

Date: {sent}
Our ref: ESA/WFI/2/0413
National Insurance number: QQ 12 34 56 C

{benefit}
{title}

Dear Ms Example

{group_line}You must {what}.

Date: {day}
Time: 2:15pm
Place: {office}, Franciscan Way

If you do not {verb} without good cause, your benefit may be reduced.

Yours sincerely

J Adviser
"""


def letter(folder: Path, name: str, when: date = APPOINTMENT, **fields: str) -> Path:
    words = {
        "office": "Ipswich Jobcentre Plus",
        "phone": PHONE_NUMBER,
        "sent": (when - timedelta(days=14)).strftime("%-d %B %Y"),
        "day": when.strftime("%A %-d %B %Y"),
        "benefit": "Employment and Support Allowance",
        "title": "Work focused interview",
        "group_line": "",
        "what": "attend a work focused interview with a personal adviser",
        "verb": "attend",
    } | fields
    path = folder / f"{name}.txt"
    path.write_text(LETTER.format(**words), encoding="utf-8")
    return path


# (name, answers as the labels clicked in order, letter fields, expected <h1>, expects "phone before")
UC = {"benefit": "Universal Credit"}
CASES = [
    (
        "esa-support",
        ["Employment and Support Allowance (ESA)", "Yes, I am in the support group"],
        {},
        "You probably do not have to go to this interview",
        True,
    ),
    (
        "esa-wrag",
        [
            "Employment and Support Allowance (ESA)",
            "No, I am in the work-related activity group",
            "No",
            "Old-style ESA",
            "No",
            "No",
            "No",
        ],
        {},
        "You have to go to this interview",
        True,
    ),
    (
        "esa-unknown-letter-says-support",
        [
            "Employment and Support Allowance (ESA)",
            "I don't know",
            "No",
            "I don't know",
            "No",
            "No",
            "No",
            "No",
        ],
        {
            "group_line": "Our records show you are in the support group of Employment and Support Allowance.\n"
        },
        "You probably do not have to go to this interview",
        True,
    ),
    (
        "uc-lcwra",
        ["Universal Credit", "Yes, I have LCWRA"],
        UC,
        "You probably do not have to go to this interview",
        True,
    ),
    (
        "uc-all-requirements",
        ["Universal Credit", "No", "No", "No", "No", "No", "All work-related requirements"],
        UC,
        "You have to go to this interview",
        True,
    ),
    (
        "is-lone-parent-baby",
        ["Income Support", "No", "No", ("Yes", "0")],
        {"benefit": "Income Support"},
        "You probably do not have to go to this interview",
        True,
    ),
    (
        "jsa",
        ["Jobseeker's Allowance (JSA)"],
        {"benefit": "Jobseeker's Allowance"},
        "You have to go to this interview",
        True,
    ),
    (
        "esa-support-wca",
        ["Employment and Support Allowance (ESA)", "Yes, I am in the support group"],
        {
            "title": "Work Capability Assessment",
            "what": "attend a Work Capability Assessment with a healthcare professional",
            "office": "Ipswich Medical Examination Centre",
        },
        "You probably have to go to this assessment",
        True,
    ),
    (
        "esa-support-missed",
        ["Employment and Support Allowance (ESA)", "Yes, I am in the support group"],
        {"_when": "past"},
        "You probably did not have to go to this interview",
        False,
    ),
]


def answer_questions(
    page, server: str, clicks: list, axe_source: str, shots: bool, name: str, checked: set[str]
) -> None:
    page.goto(f"{server}/")
    for step, click in enumerate(["Start now", *clicks]):
        # Each page state once: the same question page looks the same whichever situation reaches it.
        heading = page.locator("h1").inner_text()
        if heading not in checked:
            checked.add(heading)
            assert violations(page, axe_source) == [], page.url
            page.set_viewport_size(DESKTOP)
            assert violations(page, axe_source) == [], page.url
            page.set_viewport_size(PHONE)
        if click == "Start now":
            if shots:
                page.screenshot(path=SCREENSHOTS / "start.png", full_page=True)
            page.get_by_role("button", name="Start now").click()
            continue
        if shots and step == 1:
            page.screenshot(path=SCREENSHOTS / "question.png", full_page=True)
        label, age = (click, None) if isinstance(click, str) else click
        page.get_by_label(label, exact=True).check()
        if age is not None:
            page.get_by_label("How old is your youngest child?").fill(age)
        page.get_by_role("button", name="Continue").click()
    assert page.locator("h1").inner_text() == "Check your answers", name
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        assert violations(page, axe_source) == [], name


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_question_flow_answers_first(browser, server, axe_source, tmp_path, javascript):
    shots = javascript and bool(os.environ.get("UPDATE_SCREENSHOTS"))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=PHONE)
    context.set_default_timeout(int(os.environ.get("FLOW_TIMEOUT_MS", "60000")))
    if not javascript:
        # Without the page's JavaScript: its only script is refused, so every page is the plain HTML.
        # (A context with JavaScript switched off could not run axe, which is itself a script.)
        context.route("**/*.js*", lambda route: route.abort())
    page = context.new_page()
    checked: set[str] = set()
    try:
        for name, clicks, fields, heading, phone_before in CASES:
            fields = dict(fields)
            when = date(2017, 3, 14) if fields.pop("_when", None) else APPOINTMENT
            answer_questions(page, server, clicks, axe_source, shots and name == "esa-wrag", name, checked)
            if shots and name == "esa-wrag":
                page.screenshot(path=SCREENSHOTS / "check-answers.png", full_page=True)
            page.set_input_files("#letter", str(letter(tmp_path, name, when, **fields)))
            page.get_by_role("button", name="Check my letter").click()
            page.wait_for_load_state()

            assert page.locator("h1").inner_text() == heading, name
            if name == "esa-unknown-letter-says-support":  # "I don't know" shows the words it relied on
                assert (
                    "Your letter says you are in the ESA support group" in page.locator("main").inner_text()
                )
                assert "Our records show you are in the support group" in page.locator("main").inner_text()
            first_action = page.locator(".app-actions__item").first
            if phone_before:
                said = first_action.inner_text()
                assert PHONE_NUMBER in said, name
                # Wrongful: "phone before <the day>"; lawful: "go on <the day> … phone by <the working day before>".
                assert f"before {long_date(APPOINTMENT)}" in said or (
                    f"Go on {long_date(APPOINTMENT)}" in said
                    and f"by {long_date(add_working_days(APPOINTMENT, -1))}" in said
                ), name
            else:
                assert "The date has passed" in first_action.inner_text(), name
            # On a phone the answer and the first action are in the first screen.
            box = first_action.bounding_box()
            assert box and box["y"] + box["height"] <= PHONE["height"], (name, box)
            assert violations(page, axe_source) == [], name
            page.set_viewport_size(DESKTOP)
            assert violations(page, axe_source) == [], name
            if shots:
                page.screenshot(path=SCREENSHOTS / f"result-{name}-1280.png")
            page.set_viewport_size(PHONE)
            if shots:
                page.screenshot(path=SCREENSHOTS / f"result-{name}-390.png")
    finally:
        context.close()


def test_a_conflict_leads_the_page(page, server, axe_source, tmp_path):
    page.set_viewport_size(PHONE)
    page.goto(f"{server}/questions?benefit=pip&asked=benefit")
    page.set_input_files("#letter", str(letter(tmp_path, "conflict")))
    page.get_by_role("button", name="Check my letter").click()
    assert page.locator("h1").inner_text() == "Your answers and the letter do not match"
    assert page.locator("#conflict").bounding_box()["y"] < 300
    # What it means for each reading: the person's answers, and the letter's.
    readings = page.locator("#conflict dt").all_inner_texts()
    assert readings == ["If your answers are right", "If the letter is right"]
    assert violations(page, axe_source) == []
    if os.environ.get("UPDATE_SCREENSHOTS"):
        page.screenshot(path=SCREENSHOTS / "result-conflict-390.png")
    page.set_viewport_size(DESKTOP)
    assert violations(page, axe_source) == []
