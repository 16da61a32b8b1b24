"""PDF pages to text: the text layer where it is sound, OCR of the rendered page where it is not."""

from __future__ import annotations

import io
import logging
import re
import zlib
from collections.abc import Iterator
from operator import itemgetter
from typing import Any

import numpy as np
import pdfplumber
import pypdfium2 as pdfium
from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1
from PIL import Image

from analyser.errors import CorruptFile, EncryptedPdf, TooLarge
from analyser.ingest import budget
from analyser.ingest.limits import Limits
from analyser.ingest.pageimage import read_page_image
from analyser.ingest.paragraphs import Line, join_lines
from analyser.ingest.photo import has_camera_exif
from analyser.result import Page

log = logging.getLogger(__name__)

# A right-hand column must cover this share of the page's text height to be read as a sidebar.
SIDEBAR_MIN_HEIGHT = 0.25
_LETTER = re.compile(r"[^\W\d_]")  # letters (and a few number signs such as ½), counted at C speed
# A typed letter's page draws in 5-50 kB of instructions; past this it is built to stall the reader.
MAX_CONTENT_BYTES = 4_000_000
GUTTER_MIN_WIDTH = 9.0  # points: narrower gaps are spaces between words, not between columns
_X0, _X1 = itemgetter("x0"), itemgetter("x1")


def read_pdf(data: bytes, limits: Limits) -> list[Page]:
    """Every page of a PDF as text, in reading order; OCR only the pages without a sound text layer."""
    document = _open(data)
    try:
        count = len(document)
        if count == 0:
            raise CorruptFile("This PDF has no pages.")
        if count > limits.max_pages:
            raise TooLarge(
                f"This PDF has {count} pages; the limit is {limits.max_pages}. Upload the letter's pages only."
            )
        return list(_pages(data, document, limits))
    except pdfium.PdfiumError as error:
        # A page tree that loops or points nowhere: pdfium notices and refuses the page.
        raise CorruptFile("This PDF is damaged (its list of pages is broken) and cannot be read.") from error
    finally:
        document.close()


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise EncryptedPdf(
                "This PDF is protected by a password. Open it, print it to a new PDF without a "
                "password (or scan the paper letter), and upload that."
            ) from error
        raise CorruptFile(
            "This PDF is damaged and cannot be read. Try saving or scanning it again."
        ) from error


def _pages(data: bytes, document: pdfium.PdfDocument, limits: Limits) -> Iterator[Page]:
    try:
        plumber = pdfplumber.open(io.BytesIO(data))
        text_pages = plumber.pages
    except Exception as error:  # pdfminer raises many types for broken files; pdfium may still render
        log.info("text layer unreadable (%s); falling back to OCR", type(error).__name__)
        plumber, text_pages = None, None
    try:
        for index in range(len(document)):
            budget.spend_pages()
            text = ""
            if text_pages is not None:
                try:
                    page = text_pages[index]
                    if content_bytes(page, MAX_CONTENT_BYTES) > MAX_CONTENT_BYTES:
                        raise TooLarge(
                            f"Page {index + 1} of this PDF holds far more drawing instructions than a letter "
                            "(a file built to stall readers). Scan or photograph the paper letter instead."
                        )
                    text = page_text(page)
                    page.close()  # frees pdfplumber's per-page caches: long PDFs stay small in memory
                except TooLarge:
                    raise
                except Exception as error:
                    log.info("page %d text layer unreadable (%s)", index + 1, type(error).__name__)
                    text = ""
            if is_sound_text(text):
                yield Page(number=index + 1, text=text, text_source="pdf_text")
            else:
                yield _ocr_page(document, index, limits, only_page=len(document) == 1)
    finally:
        if plumber is not None:
            plumber.close()


def content_bytes(page: pdfplumber.page.Page, cap: int) -> int:
    """The size of a page's drawing instructions, decompressed no further than just past `cap`.

    pdfminer parses a page in one go, so the time budget (checked between pages) cannot stop a page
    of millions of instructions: 226 kB of PDF took 270 s and 7.5 GB. Their size, measured first, can.
    """
    total = 0
    try:
        streams = [resolve1(ref) for ref in page.page_obj.contents]
    except Exception:  # a broken content list: the text layer's own reading fails and OCR takes over
        return 0
    for stream in streams:
        if not isinstance(stream, PDFStream):
            continue
        raw = stream.rawdata if stream.rawdata is not None else (stream.data or b"")
        filters = [name for name, _ in stream.get_filters()]
        if len(filters) == 1 and filters[0] in LITERALS_FLATE_DECODE:
            try:
                total += len(zlib.decompressobj().decompress(raw, cap - total + 1))
            except zlib.error:
                continue  # pdfminer will fail on it too, and the page goes to OCR
        else:
            total += len(raw)
        if total > cap:
            break
    return total


def _ocr_page(document: pdfium.PdfDocument, index: int, limits: Limits, only_page: bool) -> Page:
    page = document[index]
    camera = False
    try:
        image = _single_picture(page, index, limits)
        if image is not None:
            camera = has_camera_exif(image)
        else:
            image = _render(page, index, limits)
    finally:
        page.close()
    return read_page_image(image, index + 1, dpi=limits.ocr_dpi, camera=camera, only_page=only_page)


def _render(page: pdfium.PdfPage, index: int, limits: Limits) -> Image.Image:
    width, height = page.get_size()
    # A huge page (a phone photo saved at 72 dpi is 3024 x 4032 points) is drawn at a lower
    # resolution that fits the pixel limit, rather than refused.
    scale = min(limits.ocr_dpi / 72, (limits.max_pixels / max(width * height, 1.0)) ** 0.5)
    if scale < 1.0:  # under one pixel per point: a poster, not a letter's page
        raise TooLarge(f"Page {index + 1} is too large to read ({width:.0f} x {height:.0f} points).")
    budget.spend_pixels(int(width * height * scale * scale))
    try:
        image: Image.Image = page.render(scale=scale, grayscale=True).to_pil()
        return image
    except pdfium.PdfiumError as error:
        raise CorruptFile(f"Page {index + 1} of this PDF cannot be drawn.") from error


def _single_picture(page: pdfium.PdfPage, index: int, limits: Limits) -> Image.Image | None:
    """The picture itself when a page is one photo (no text objects), at its own resolution."""
    pictures, others = [], 0
    for item in page.get_objects(max_depth=2):
        if isinstance(item, pdfium.PdfImage):
            pictures.append(item)
        elif item.type == pdfium.raw.FPDF_PAGEOBJ_TEXT:
            others += 1
    if len(pictures) != 1 or others:
        return None
    picture = pictures[0]
    left, bottom, right, top = picture.get_bounds()
    width, height = page.get_size()
    if (right - left) * (top - bottom) < 0.6 * width * height:
        return None
    pixels = picture.get_px_size()
    if pixels[0] * pixels[1] > limits.max_pixels:
        raise TooLarge(f"The picture on page {index + 1} has too many pixels to read safely.")
    budget.spend_pixels(pixels[0] * pixels[1])
    try:
        if picture.get_filters() == ["DCTDecode"]:
            # The JPEG as the phone wrote it, EXIF and all.
            return Image.open(io.BytesIO(picture.get_data(decode_simple=False)))
        bitmap: Image.Image = picture.get_bitmap(render=False).to_pil()
        return bitmap
    except (pdfium.PdfiumError, OSError) as error:
        log.info("page %d picture unreadable (%s); drawing the page instead", index + 1, type(error).__name__)
        return None


def page_text(page: pdfplumber.page.Page) -> str:
    """A page's text layer in reading order: the body first, then any right-hand sidebar."""
    chars = page.chars
    if not chars:
        return ""
    gutter = find_gutter(chars, float(page.width))
    if gutter is None:
        return text_with_paragraphs(page)
    body = text_with_paragraphs(page.crop((0, 0, gutter, page.height)))
    sidebar = text_with_paragraphs(page.crop((gutter, 0, page.width, page.height)))
    return f"{body}\n\n{sidebar}"


def text_with_paragraphs(page: pdfplumber.page.Page) -> str:
    """pdfplumber's lines of text (the same text map as extract_text), with the letter's paragraphs."""
    lines = page.extract_text_lines(return_chars=False)
    return join_lines([Line(line["text"], line["bottom"], line["bottom"] - line["top"]) for line in lines])


def find_gutter(chars: list[dict[str, Any]], width: float) -> float | None:
    """The x of an empty vertical strip between the body and a tall right-hand column, if any."""
    step = 3.0
    start, end = int(width * 0.5 // step), int(width * 0.82 // step)
    if end <= start or not chars:
        return None
    # Which 3-point strips of the middle of the page any character covers, at numpy speed: this
    # runs on every page of every text PDF.
    first = np.fromiter(map(_X0, chars), float, len(chars)) // step
    last = np.fromiter(map(_X1, chars), float, len(chars)) // step
    inside = (last >= start) & (first < end)
    edges = np.zeros(end - start + 1, dtype=np.int64)
    np.add.at(edges, np.maximum(first[inside], start).astype(np.int64) - start, 1)
    np.add.at(edges, np.minimum(last[inside], end - 1).astype(np.int64) - start + 1, -1)
    empty = np.cumsum(edges[:-1]) == 0
    need = int(np.ceil(GUTTER_MIN_WIDTH / step))
    runs = np.convolve(empty, np.ones(need, dtype=np.int64), "valid") == need
    if not runs.any():
        return None
    best = (start + int(np.argmax(runs)) + need - 1 - need // 2) * step  # the middle of the first run
    right = [c for c in chars if c["x0"] >= best]
    if not right:
        return None
    tops = [c["top"] for c in chars]
    text_height = (max(tops) - min(tops)) or 1.0
    right_height = max(c["top"] for c in right) - min(c["top"] for c in right)
    return best if right_height >= SIDEBAR_MIN_HEIGHT * text_height else None


def is_sound_text(text: str) -> bool:
    """Whether a text layer is real text rather than empty, glyph ids, or scanner junk."""
    visible = "".join(text.split())
    if len(visible) < 40 or text.count("(cid:") > 5:
        return False
    letters = len(_LETTER.findall(visible))
    return letters / len(visible) >= 0.55
