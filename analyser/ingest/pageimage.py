"""One page image to text: a camera photo through the photo path, a scan as it is, then judged."""

from __future__ import annotations

from PIL import Image

from analyser.ingest.ocr import BLANK_ABOVE, recognise
from analyser.ingest.photo import flatten_photo, looks_like_photo
from analyser.ingest.readable import TOO_DARK, ReadPage, assess


def read_page_image(image: Image.Image, number: int, *, dpi: int, camera: bool, only_page: bool) -> ReadPage:
    """OCR one upright page image; photos are found, straightened and evenly lit first."""
    flat = None
    darkest = image.convert("L").getextrema()[0] if image.mode != "L" else image.getextrema()[0]
    if isinstance(darkest, int | float) and darkest >= BLANK_ABOVE:
        # Not a mark on it: nothing to look for, however big (a blank poster page is 79 Mpx).
        return ReadPage(number=number, text="", text_source="ocr", ocr_confidence=0.0)
    if camera or looks_like_photo(image):
        flat = flatten_photo(image, dpi)
        if flat.brightness < TOO_DARK:
            # Flattening a black picture only amplifies its noise into pages of garbage.
            return ReadPage(number=number, text="", text_source="ocr", ocr_confidence=0.0, problem="dark")
        found = recognise(flat.image)
    else:
        found = recognise(image)
    return ReadPage(
        number=number,
        text=found.text,
        text_source="ocr",
        ocr_confidence=round(found.confidence, 3),
        problem=assess(found, flat, only_page),
    )
