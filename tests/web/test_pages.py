"""The upload page in a real browser: upload, answer, read the verdict; errors, keyboard, accessibility."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_check import violations

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def choose_situation(
    page,
    benefit: str = "Employment and Support Allowance (ESA)",
    group: str = "Yes, I am in the support group",
) -> None:
    page.get_by_label(benefit, exact=True).check()
    page.get_by_label(group, exact=True).check()


def submit_letter(page, server: str, letter: Path | None, **situation: str) -> None:
    page.goto(f"{server}/?mode=adviser")
    if letter is not None:
        page.set_input_files("#letter", str(letter))
    choose_situation(page, **situation)
    page.get_by_role("button", name="Check my letter").click()
    page.wait_for_load_state()


def fits_width(page) -> bool:
    """Nothing on the page is wider than the viewport (no sideways scrolling, WCAG 1.4.10)."""
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("kind", ["pdf", "scan-pdf"])
def test_an_esa_support_group_summons_is_likely_wrongful(page, server, letters, kind):
    submit_letter(page, server, letters[kind])

    # The letter is from 2014: its date has passed, so the answer is in the past tense.
    assert page.title().startswith("You probably did not have to go to this interview")
    assert page.locator("h1").inner_text() == "You probably did not have to go to this interview"
    assert "Likely wrongful" in page.locator("#verdict-title").inner_text()
    assert page.locator(".app-reasons a[href*='legislation.gov.uk']").count() >= 1
    threat = page.locator("mark", has_text="Threatens your benefit")
    assert threat.count() >= 1
    assert "reduced" in threat.first.inner_text()
    assert page.locator("mark", has_text="Says you must go").count() >= 1


def test_the_result_page_reads_well_and_passes_axe(page, server, letters, axe_source, artifacts):
    submit_letter(page, server, letters["pdf"])
    page.screenshot(path=artifacts / "result-1280.png", full_page=True)
    assert violations(page, axe_source) == []

    page.set_viewport_size({"width": 375, "height": 812})
    page.screenshot(path=artifacts / "result-375.png", full_page=True)
    page.set_viewport_size({"width": 320, "height": 640})
    assert fits_width(page)
    assert violations(page, axe_source) == []


def test_the_form_passes_axe_and_fits_a_small_screen(page, server, axe_source, artifacts):
    page.goto(f"{server}/?mode=adviser")
    assert violations(page, axe_source) == []
    page.set_viewport_size({"width": 320, "height": 640})
    assert fits_width(page)
    page.screenshot(path=artifacts / "form-320.png", full_page=True)


def test_no_file_shows_the_error_summary_and_keeps_the_answers(page, server, axe_source, artifacts):
    submit_letter(page, server, None)

    assert page.title().startswith("Error: ")
    summary = page.get_by_role("alert")
    assert "There is a problem" in summary.inner_text()
    link = summary.locator("a[href='#letter']")
    assert link.inner_text() == "Select the file of your letter"
    assert page.locator("#letter-error").inner_text().startswith("Error:")
    assert page.get_by_label("Employment and Support Allowance (ESA)", exact=True).is_checked()
    assert page.get_by_label("Yes, I am in the support group", exact=True).is_checked()
    # The summary takes focus, and its link takes the reader to the field.
    assert page.evaluate("() => document.activeElement.getAttribute('role')") == "alert"
    link.click()
    assert page.evaluate("() => document.activeElement.id") == "letter"
    page.screenshot(path=artifacts / "form-error-1280.png", full_page=True)
    assert violations(page, axe_source) == []


def test_no_benefit_links_to_the_benefit_question(page, server, letters):
    page.goto(f"{server}/?mode=adviser")
    page.set_input_files("#letter", str(letters["pdf"]))
    page.get_by_role("button", name="Check my letter").click()

    assert page.title().startswith("Error: ")
    assert page.get_by_role("alert").locator("a[href='#benefit']").count() == 1


@pytest.mark.parametrize(("bad", "message"), [("empty", "The file is empty"), ("fake", "damaged")])
def test_a_bad_file_shows_the_error_summary(page, server, letters, bad, message):
    submit_letter(page, server, letters[bad])

    assert page.title().startswith("Error: ")
    assert message in page.get_by_role("alert").locator("a[href='#letter']").inner_text()
    assert message in page.locator("#letter-error").inner_text()


def test_the_form_can_be_completed_with_the_keyboard_alone(page, server, letters):
    page.goto(f"{server}/?mode=adviser")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Skip to main content"

    tab_to(page, "#letter")
    with page.expect_file_chooser(timeout=15_000) as chooser:
        page.locator("#letter").press("Space")  # the focused file input, as a keyboard user opens it
    chooser.value.set_files(str(letters["pdf"]))
    tab_to(page, "#benefit")  # the first benefit: ESA
    page.keyboard.press("Space")
    tab_to(page, "#esa_group")  # shown once ESA is chosen; its first answer is the support group
    page.keyboard.press("Space")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}/check")

    assert "Likely wrongful" in page.locator("#verdict-title").inner_text()


def tab_to(page, selector: str, most: int = 40) -> None:
    """Press Tab until the element is focused, checking that every stop on the way shows its focus."""
    for _ in range(most):
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUS_IS_VISIBLE), f"no visible focus on {page.evaluate(ACTIVE_ELEMENT)}"
    pytest.fail(f"Tab never reached {selector}")


ACTIVE_ELEMENT = "() => document.activeElement.outerHTML.slice(0, 120)"
# A focus indicator: an outline or box shadow on the element, or (custom radios) on its label's circle.
FOCUS_IS_VISIBLE = """() => {
    const el = document.activeElement;
    const shown = s => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'
        || s.backgroundColor === 'rgb(255, 221, 0)';
    if (el.type === 'radio') {
        return shown(getComputedStyle(document.querySelector(`label[for="${el.id}"]`), '::before'));
    }
    return shown(getComputedStyle(el));
}"""


def test_the_page_works_without_javascript(browser, server, letters):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{server}/?mode=adviser")
        # Every question shows when nothing can reveal them.
        assert page.locator("#esa_group").is_visible()
        assert page.locator("#child_age").is_visible()
        submit_letter(page, server, letters["pdf"])
        assert "Likely wrongful" in page.locator("#verdict-title").inner_text()
    finally:
        context.close()


def test_the_draft_letter_and_the_json_download(page, server, letters):
    submit_letter(page, server, letters["pdf"])
    page.get_by_label("Your full name").fill("Jo Example")
    page.get_by_label("National Insurance number (optional)").fill("qq 12 34 56 c")
    with page.expect_download() as pdf_download:
        page.get_by_role("button", name="Download the draft challenge letter").click()
    pdf = Path(pdf_download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert pdf_download.value.suggested_filename == "challenge-letter.pdf"

    with page.expect_download() as json_download:
        page.get_by_role("button", name="Download the result as JSON").click()
    result = json.loads(Path(json_download.value.path()).read_text(encoding="utf-8"))
    assert result["check"]["verdict"] == "likely_wrongful"
    assert result["pages"] is None


def test_a_draft_without_a_name_asks_for_one(page, server, letters):
    submit_letter(page, server, letters["pdf"])
    assert page.get_by_label("Your full name").input_value() == "Test Person"  # filled from the letter
    page.get_by_label("Your full name").fill("")
    page.get_by_role("button", name="Download the draft challenge letter").click()

    assert page.title().startswith("Error: ")
    assert page.get_by_role("alert").locator("a[href='#name']").inner_text() == "Enter your name"
    assert "Likely wrongful" in page.locator("#verdict-title").inner_text()


@pytest.mark.parametrize("path", ["/privacy", "/accessibility", "/feedback"])
def test_the_information_pages_pass_axe_on_a_phone_and_a_desktop(page, server, axe_source, path):
    page.goto(f"{server}{path}")
    assert page.get_by_role("heading", level=1).count() == 1
    for width, height in ((390, 844), (1280, 900)):
        page.set_viewport_size({"width": width, "height": height})
        assert violations(page, axe_source) == [], (path, width)
        assert fits_width(page), (path, width)
