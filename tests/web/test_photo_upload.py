"""Several phone photos of one letter chosen together on the upload page give one result."""

from __future__ import annotations

import pytest
from test_pages import choose_situation

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_three_photos_of_one_letter_give_one_result(page, server, phone_photos):
    page.goto(f"{server}/?mode=adviser")  # the one-page form: the upload without the questions first
    assert page.locator("#letter").get_attribute("multiple") is not None
    page.set_input_files("#letter", [str(phone_photos[name]) for name in ("part1", "part2", "part3")])
    choose_situation(page)
    page.get_by_role("button", name="Check my letter").click()
    page.wait_for_load_state()

    assert page.locator("h1").inner_text() == "You probably did not have to go to this interview"
    assert "Likely wrongful" in page.locator("#verdict-title").inner_text()
    # The sanction warning is on the second photo: the pages were read as one letter.
    assert "reduced" in page.locator("mark", has_text="Threatens your benefit").first.inner_text()
