"""The campaign report in a real browser: axe finds nothing, and it reads on a phone."""

from __future__ import annotations

import itertools

import pytest
from axe_check import violations

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Every chart word the reader can see: its box on the screen, and whether it lies inside its chart.
CHART_TEXT_BOXES = """() => [...document.querySelectorAll('svg.chart text')]
  .filter(t => getComputedStyle(t).display !== 'none')
  .map(t => { const b = t.getBoundingClientRect(), s = t.ownerSVGElement.getBoundingClientRect();
    return {text: t.textContent, height: b.height, left: b.left, right: b.right, y: Math.round(b.top),
            inside: b.left >= s.left - 0.5 && b.right <= s.right + 0.5}; })"""


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
        # The chart's words are read on a phone too: no smaller than 10 px, none overlapping, none cut off.
        boxes = page.evaluate(CHART_TEXT_BOXES)
        assert boxes and all(box["height"] >= 10 for box in boxes), boxes
        for row in {box["y"] for box in boxes}:
            line = sorted((b for b in boxes if b["y"] == row), key=lambda b: b["left"])
            assert all(a["right"] <= b["left"] for a, b in itertools.pairwise(line)), line
        assert all(box["inside"] for box in boxes), boxes
        page.screenshot(path=artifacts / f"campaign-report-{width}.png", full_page=width == 390)
    finally:
        context.close()
