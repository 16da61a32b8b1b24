"""Scans and photos: OCR reads them, upright or turned, and pages keep their order and offsets."""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF
from PIL import Image

from analyser.ingest import ingest_path
from analyser.ingest.cleanup import clean_text
from samples.rendering import Degradation, save_scan, scan_images, text_pdf

BODY = "Dear Mr Example\nYou must attend a work focused interview.\nIf you do not attend, your benefit may be reduced.\n"


def _page_images(text: str = BODY, **degrade) -> list[Image.Image]:
    return scan_images(text_pdf(text), Degradation(dpi=200, **degrade))


def test_scanned_pdf_is_ocred_with_confidence(rendered: dict[str, Path]) -> None:
    document = ingest_path(rendered["scan-pdf"])
    assert document.text_source == "ocr"
    assert document.ocr_confidence and document.ocr_confidence > 0.8
    text = " ".join(page.text for page in document.pages)
    assert "work focused interview" in text and "benefit may be reduced" in text


def test_rotated_photo_is_turned_upright(tmp_path: Path) -> None:
    image = _page_images()[0].rotate(90, expand=True)
    path = tmp_path / "sideways.png"
    image.save(path)
    text = ingest_path(path).pages[0].text
    assert "benefit may be reduced" in text


def test_skewed_noisy_scan_is_read(tmp_path: Path) -> None:
    images = _page_images(skew_degrees=2.0, noise_sigma=10.0, blur_radius=0.6, jpeg_quality=60)
    path = tmp_path / "skewed.jpg"
    path.write_bytes(save_scan(images, "jpeg", 200))
    assert "must attend" in ingest_path(path).pages[0].text


def test_jpeg_exif_orientation_is_honoured(tmp_path: Path) -> None:
    upright = _page_images()[0]
    stored = upright.rotate(-90, expand=True)  # how a phone stores a photo taken in portrait
    exif = Image.Exif()
    exif[0x0112] = 8  # "rotate 90 CW to view": the viewer turns it back upright
    buffer = io.BytesIO()
    stored.save(buffer, format="JPEG", exif=exif.tobytes(), quality=90)
    path = tmp_path / "phone.jpg"
    path.write_bytes(buffer.getvalue())
    assert "work focused interview" in ingest_path(path).pages[0].text


def test_multipage_tiff_gives_pages_in_order(tmp_path: Path) -> None:
    first = _page_images("Page one says you must attend on Monday.\n")[0]
    second = _page_images("Page two says your benefit may be reduced.\n")[0]
    path = tmp_path / "letter.tif"
    path.write_bytes(save_scan([first, second], "tiff", 200))
    document = ingest_path(path)
    assert [page.number for page in document.pages] == [1, 2]
    assert "one" in document.pages[0].text and "two" in document.pages[1].text


def test_mixed_pdf_ocrs_only_the_page_without_text(tmp_path: Path) -> None:
    scan = _page_images("This scanned page says your benefit may be reduced.\n")[0]
    scan_path = tmp_path / "scan.png"
    scan.save(scan_path)
    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 5, "This typed page says you must attend a work focused interview. " * 3)
    pdf.add_page()
    pdf.image(str(scan_path), x=0, y=0, w=210)
    path = tmp_path / "mixed.pdf"
    path.write_bytes(bytes(pdf.output()))
    document = ingest_path(path)
    assert document.text_source == "mixed"
    assert [page.text_source for page in document.pages] == ["pdf_text", "ocr"]
    assert "benefit may be reduced" in document.pages[1].text


def _sidebar_letter() -> bytes:
    """A Universal Credit-like page: a right-hand column of helplines beside the body."""
    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    body = (
        "You must attend an appointment with your work coach on 4 May 2021 at 10am. "
        "If you do not attend, your Universal Credit payment could be reduced. "
    ) * 4
    pdf.set_xy(20, 40)
    pdf.multi_cell(110, 5, body)
    pdf.set_xy(145, 40)
    pdf.multi_cell(
        45,
        5,
        "Other ways we can communicate with you\nUniversal Credit helpline\n0800 328 5644\n"
        "Textphone 0800 328 1344\nRelay UK 18001\nWelsh language 0800 328 1744\n" * 2,
    )
    return bytes(pdf.output())


def _assert_body_before_sidebar(text: str) -> None:
    flat = " ".join(text.split())
    assert "payment could be reduced" in flat
    assert flat.index("communicate with you") > flat.rindex("could be reduced")


def test_sidebar_does_not_interleave_with_body_in_text_pdf(tmp_path: Path) -> None:
    path = tmp_path / "uc.pdf"
    path.write_bytes(_sidebar_letter())
    _assert_body_before_sidebar(ingest_path(path).pages[0].text)


def test_sidebar_does_not_interleave_with_body_in_scan(tmp_path: Path) -> None:
    path = tmp_path / "uc.png"
    path.write_bytes(
        save_scan(scan_images(_sidebar_letter(), Degradation(dpi=200, skew_degrees=0.5)), "png", 200)
    )
    _assert_body_before_sidebar(ingest_path(path).pages[0].text)


def test_cleanup_mends_ocr_and_keeps_offsets() -> None:
    raw = "lf you do not attend y0ur appoint-\nment, your benefit\nmay be st0pped.\nDate: 10am"
    cleaned = clean_text(raw)
    assert cleaned.text == "If you do not attend your appointment, your benefit may be stopped.\nDate: 10am"
    assert len(cleaned.origin) == len(cleaned.text)
    for index in (cleaned.text.index("benefit"), cleaned.text.index("Date")):
        assert raw[cleaned.origin[index]] == cleaned.text[index]
