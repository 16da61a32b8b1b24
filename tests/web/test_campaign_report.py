"""The campaign report in a real browser: axe finds nothing, and it reads on a phone."""

from __future__ import annotations

import pytest
from axe_check import violations

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_campaign_report_passes_axe_and_fits_a_phone(
    browser, campaign_batch, axe_source, artifacts, width
):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(campaign_batch["report"].as_uri())
        assert violations(page, axe_source) == []
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        assert page.get_by_role("main").count() == 1 and page.get_by_role("heading", level=1).count() == 1
        page.screenshot(path=artifacts / f"campaign-report-{width}.png", full_page=width == 390)
    finally:
        context.close()
