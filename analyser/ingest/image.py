"""Photos and scans (PNG, JPEG, multi-page TIFF) to pages of OCR text, upright and within limits."""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from analyser.errors import CorruptFile, TooLarge
from analyser.ingest import budget
from analyser.ingest.limits import Limits
from analyser.ingest.ocr import recognise
from analyser.result import Page


def read_image(data: bytes, limits: Limits) -> list[Page]:
    """OCR every frame of an image file, honouring EXIF orientation."""
    with warnings.catch_warnings():
        # Pillow warns, then raises, on huge images; our own pixel limit decides first.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
        except Image.DecompressionBombError as error:
            raise TooLarge("This image has too many pixels to read safely.") from error
        except (UnidentifiedImageError, OSError) as error:
            raise CorruptFile("This image is damaged and cannot be opened.") from error
        width, height = image.size
        if width * height > limits.max_pixels:
            raise TooLarge(
                f"This image is {width} x {height} pixels; the limit is {limits.max_pixels:,} pixels."
            )
        frames = getattr(image, "n_frames", 1)
        if frames > limits.max_pages:
            raise TooLarge(f"This image has {frames} pages; the limit is {limits.max_pages}.")
        pages = []
        try:
            for number, frame in enumerate(ImageSequence.Iterator(image), 1):
                if frame.size[0] * frame.size[1] > limits.max_pixels:
                    raise TooLarge(f"Page {number} of this image has too many pixels to read safely.")
                budget.spend_pages()
                budget.spend_pixels(frame.size[0] * frame.size[1])
                upright = ImageOps.exif_transpose(frame.copy())
                found = recognise(upright)
                pages.append(
                    Page(
                        number=number,
                        text=found.text,
                        text_source="ocr",
                        ocr_confidence=round(found.confidence, 3),
                    )
                )
        except (OSError, SyntaxError, ValueError) as error:
            raise CorruptFile("This image is damaged or cut short and cannot be read.") from error
        return pages
