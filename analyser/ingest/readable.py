"""Whether OCR read a page well enough to answer from, and what to tell the person when it did not."""

from __future__ import annotations

from pydantic import Field

from analyser.errors import UnreadableImage
from analyser.ingest.ocr import OcrText
from analyser.ingest.photo import FlatPage
from analyser.result import Page

# Calibrated on generated photos (samples/photo.py) and the scan renditions: readable pages of a
# letter score well above these, unreadable ones below (see benchmarks and tests/ingest).
MIN_WORDS = 3  # fewer on the only page: a scrap, not a letter
MIN_DICTIONARY_SHARE = 0.5  # below: most "words" are misreadings
MIN_CONFIDENCE = 0.45
TOO_DARK = 0.16  # median brightness of the sheet, 0..1
BLURRED = 60.0  # sharpness of the flattened page's strongest edges
CUT_OFF_WORDS = 60  # no sheet edge seen and fewer words than a page holds: part of a page

ADVICE = {
    "dark": "The photo is too dark to read. Take it again in good light, with no shadow over the letter.",
    "blurred": (
        "The photo is blurred. Hold the phone steady above the letter, in good light, "
        "with the whole page in view."
    ),
    "cut_off": (
        "Only part of the page is in the photo. Take it again from a little further away, "
        "with the whole page and its edges in view."
    ),
    "no_text": (
        "No letter could be read in this picture. Check it is a photo of the letter itself: "
        "the whole page, flat, in good light."
    ),
    "unclear": (
        "Too little of this page could be read to say anything safely. Take the photo again "
        "straight above the page, in good light, with the whole page in view, or scan it."
    ),
}


class ReadPage(Page):
    """A page read by OCR, with why it could not be read well (never part of the result)."""

    problem: str | None = Field(default=None, exclude=True)


def assess(found: OcrText, flat: FlatPage | None, only_page: bool) -> str | None:
    """The reason a page cannot be answered from (a key of ADVICE), or None when it reads well."""
    if flat is not None and flat.brightness < TOO_DARK:
        return "dark"
    if found.words == 0 and not found.text.strip():
        # A blank page: fine behind a letter, but a photo of nothing is not a letter.
        if flat is not None and flat.sharpness < BLURRED:
            return "blurred"
        return "no_text" if only_page or flat is not None else None
    poor = found.dictionary_share < MIN_DICTIONARY_SHARE or found.confidence < MIN_CONFIDENCE
    if found.words < MIN_WORDS and (only_page or flat is not None):
        poor = True  # a scrap of text is no letter, however clearly read
    if flat is not None and (flat.cut_off or not flat.page_found) and found.words < CUT_OFF_WORDS:
        return "cut_off" if found.dictionary_share >= MIN_DICTIONARY_SHARE else _why_poor(flat)
    if not poor:
        return None
    return _why_poor(flat) if found.words >= 3 else "no_text"


def _why_poor(flat: FlatPage | None) -> str:
    if flat is not None and flat.sharpness < BLURRED:
        return "blurred"
    return "unclear"


def check_pages(pages: list[Page]) -> list[str]:
    """Raise UnreadableImage when no page reads well; warnings naming the pages that did not."""
    problems = {page.number: page.problem for page in pages if isinstance(page, ReadPage) and page.problem}
    if not problems:
        return []
    if len(problems) == len(pages):
        if set(problems.values()) == {"no_text"} and not any(page.text.strip() for page in pages):
            return []  # nothing at all on any page: ingest says NoTextFound
        first = problems[min(problems)]
        where = "" if len(pages) == 1 else f"None of the {len(pages)} pages could be read well. "
        raise UnreadableImage(where + ADVICE[first])
    return [
        f"page {number} could not be read well ({problem.replace('_', ' ')}): this result comes from "
        f"the other pages only, so check that page yourself"
        for number, problem in sorted(problems.items())
    ]
