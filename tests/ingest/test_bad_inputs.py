"""Every kind of bad file gives its typed error quickly, made here by a fixture generator (no blobs)."""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from fpdf import FPDF
from PIL import Image

from analyser.errors import CorruptFile, EncryptedPdf, NoTextFound, TooLarge, UnsupportedFileType
from analyser.ingest import Limits, ingest_path
from samples.rendering import text_pdf

LETTER = "Dear Ms Example\nYou must attend a work focused interview on 4 May 2015 at 10am.\n" * 3


def _pdf(
    pages: int = 1, text: str | None = LETTER, size: str | tuple = "A4", password: str | None = None
) -> bytes:
    pdf = FPDF(format=size)
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    pdf.set_font("Helvetica", size=10)
    for _ in range(pages):
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 5, text)
    return bytes(pdf.output())


def _image(fmt: str, size=(800, 400), mode="L") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, 255).save(buffer, format=fmt)
    return buffer.getvalue()


def _zip(member: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, "<w:document/>")
    return buffer.getvalue()


def _tiff_pages(count: int) -> bytes:
    buffer = io.BytesIO()
    frames = [Image.new("L", (200, 100), 255) for _ in range(count)]
    frames[0].save(buffer, format="TIFF", save_all=True, append_images=frames[1:])
    return buffer.getvalue()


# name, file name, bytes maker, expected error, limits
CASES: list[tuple[str, str, Callable[[], bytes], type, Limits | None]] = [
    ("zero-byte pdf", "empty.pdf", lambda: b"", CorruptFile, None),
    ("zero-byte txt", "empty.txt", lambda: b"", CorruptFile, None),
    ("truncated pdf", "cut.pdf", lambda: _pdf()[:300], (CorruptFile, NoTextFound), None),
    ("pdf header then junk", "junk.pdf", lambda: b"%PDF-1.7\n" + bytes(range(256)) * 20, CorruptFile, None),
    ("encrypted pdf", "locked.pdf", lambda: _pdf(password="secret"), EncryptedPdf, None),
    ("docx", "letter.docx", lambda: _zip("word/document.xml"), UnsupportedFileType, None),
    ("docx named pdf", "letter.pdf", lambda: _zip("word/document.xml"), UnsupportedFileType, None),
    ("zip archive", "letters.zip", lambda: _zip("a.txt"), UnsupportedFileType, None),
    ("gif image", "photo.gif", lambda: _image("GIF"), UnsupportedFileType, None),
    (
        "old word document",
        "letter.doc",
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
        UnsupportedFileType,
        None,
    ),
    ("rtf document", "letter.rtf", lambda: b"{\\rtf1\\ansi letter}", UnsupportedFileType, None),
    ("binary named txt", "letter.txt", lambda: bytes(range(256)) * 8, UnsupportedFileType, None),
    ("500-page pdf", "long.pdf", lambda: _pdf(pages=500, text=None), TooLarge, None),
    ("page limit is configurable", "three.pdf", lambda: _pdf(pages=3), TooLarge, Limits(max_pages=2)),
    ("decompression bomb png", "bomb.png", lambda: _image("PNG", (30000, 30000), "1"), TooLarge, None),
    (
        "pixel limit is configurable",
        "big.png",
        lambda: _image("PNG", (2000, 2000)),
        TooLarge,
        Limits(max_pixels=1_000_000),
    ),
    ("blank pdf: no text, no images", "blank.pdf", lambda: _pdf(text=None), NoTextFound, None),
    ("huge file over size limit", "huge.pdf", lambda: _pdf(), TooLarge, Limits(max_bytes=500)),
    ("huge page to render", "poster.pdf", lambda: _pdf(text=None, size=(5000, 5000)), TooLarge, None),
    ("truncated png", "cut.png", lambda: _image("PNG")[:60], CorruptFile, None),
    ("truncated jpeg", "cut.jpg", lambda: _image("JPEG")[:200], CorruptFile, None),
    ("tiff with too many pages", "many.tif", lambda: _tiff_pages(4), TooLarge, Limits(max_pages=3)),
    ("whitespace-only text", "blank.txt", lambda: b"   \n\n \t \n", NoTextFound, None),
    ("blank white photo", "white.png", lambda: _image("PNG"), NoTextFound, None),
]


@pytest.mark.parametrize(("name", "filename", "make", "expected", "limits"), CASES, ids=[c[0] for c in CASES])
def test_bad_file_gives_typed_error_quickly(tmp_path: Path, name, filename, make, expected, limits) -> None:
    path = tmp_path / filename
    path.write_bytes(make())
    started = time.monotonic()
    with pytest.raises(expected) as raised:
        ingest_path(path, limits or Limits())
    # A guard against hangs, not a benchmark: the issue promises an answer within 10 s.
    assert time.monotonic() - started < 10
    assert raised.value.message and "Traceback" not in raised.value.message


def test_missing_file_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(CorruptFile, match="cannot be opened"):
        ingest_path(tmp_path / "nowhere.pdf")


def test_png_named_pdf_is_read_by_content(tmp_path: Path) -> None:
    image = Image.new("L", (1200, 300), 255)
    from PIL import ImageDraw

    ImageDraw.Draw(image).text((20, 100), "YOU MUST ATTEND THIS INTERVIEW", fill=0, font_size=48)
    path = tmp_path / "photo.pdf"
    image.save(path, format="PNG")
    document = ingest_path(path)
    assert document.media_type == "image/png"
    assert "ATTEND" in document.pages[0].text.upper()


def test_text_encodings(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeffYou must attend – it is a condition of your benefit £".encode())
    (tmp_path / "win.txt").write_bytes(
        "You must attend – it is a condition of your benefit £".encode("cp1252")
    )
    for name in ("bom.txt", "win.txt"):
        text = ingest_path(tmp_path / name).pages[0].text
        assert text.startswith("You must attend - it is") and text.endswith("£")


def test_text_pdf_pages_have_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    path.write_bytes(text_pdf(LETTER + "\f"))
    document = ingest_path(path)
    assert document.text_source == "pdf_text"
    assert "work focused interview" in document.pages[0].text
