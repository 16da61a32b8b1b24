"""Phone photos: found, straightened and evenly lit, read as scans are; unreadable ones refused with advice."""

from __future__ import annotations

import io
import random
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from PIL import Image

from analyser import analyse_file, analyse_files
from analyser.cli import cli
from analyser.errors import NoTextFound, UnreadableImage
from analyser.ingest import ingest_bytes, ingest_path
from analyser.ingest.cleanup import mend_ocr_confusions
from analyser.ingest.ocr import split_columns
from analyser.ingest.photo import flatten_photo, looks_like_photo
from samples.rendering import Degradation, scan_images, text_pdf

REFUSED = (UnreadableImage, NoTextFound)


def test_a_phone_photo_is_read_like_a_scan(phone_photos: dict[str, Path]) -> None:
    result = analyse_file(phone_photos["whole"], include_text=True)
    text = " ".join(page.text for page in result.pages or [])
    assert "work focused interview" in text.lower() and "benefit may be reduced" in text
    assert result.letter.is_wfi_summons and result.letter.attendance == "mandatory"
    assert result.letter.sanction_language
    assert not any("could not be read" in warning for warning in result.warnings)


def test_the_photo_path_finds_and_straightens_the_page(phone_photos: dict[str, Path]) -> None:
    photo = Image.open(phone_photos["whole"])
    assert looks_like_photo(photo)  # this one carries no camera EXIF: the table around it tells
    flat = flatten_photo(photo, dpi=200)
    assert flat.page_found
    assert flat.image.size == (1654, 2339)  # an A4 page at 200 dpi, whatever the photo's size
    paper = np.asarray(flat.image)
    assert np.median(paper) == 255  # the shadow is gone: paper is white all over


def test_a_scan_keeps_the_scan_path(rendered: dict[str, Path]) -> None:
    scan = scan_images(text_pdf("Dear Mr Example\nYou must attend.\n"), Degradation(dpi=200))[0]
    assert not looks_like_photo(scan)


@pytest.mark.parametrize("kind", ["blurred", "dark", "cut_off", "no_text", "not_a_letter"])
def test_an_unreadable_photo_is_refused_with_what_to_do(kind: str, wfi_text: str, photo_tool) -> None:
    photo = photo_tool
    rng = random.Random(f"test:{kind}")
    page = photo.page_images(wfi_text + ("\nPlease bring this letter with you.\n" * 12))[0]
    image = photo.unreadable_photo(kind, page, rng)
    image.thumbnail((1600, 1600))
    with pytest.raises(REFUSED) as refused:
        ingest_bytes(photo.jpeg_bytes(image, rng, camera=True), f"{kind}.jpg")
    advice = {"blurred": "steady", "dark": "light", "cut_off": "whole page"}
    if kind in advice and refused.type is UnreadableImage:
        assert advice[kind] in refused.value.message
    assert refused.value.http_status == 422


def test_several_photos_are_one_letter(phone_photos: dict[str, Path]) -> None:
    parts = [phone_photos[name] for name in ("part1", "part2", "part3")]
    result = analyse_files(parts, include_text=True)
    assert result.source.pages == 3
    assert [page.number for page in result.pages or []] == [1, 2, 3]
    assert "Dear Mr Person" in (result.pages or [])[1].text
    assert result.letter.is_wfi_summons and result.letter.sanction_language


def test_one_unreadable_photo_among_several_is_named(
    phone_photos: dict[str, Path], tmp_path: Path, photo_tool
) -> None:
    blank = tmp_path / "blank.jpg"
    rng = random.Random("blank")
    image = photo_tool.photograph(Image.new("L", (800, 1131), 255), rng, long_side=1600)
    blank.write_bytes(photo_tool.jpeg_bytes(image, rng))
    result = analyse_files([phone_photos["whole"], blank])
    assert result.letter.is_wfi_summons
    assert any(warning.startswith("file 2 could not be read") for warning in result.warnings)


def test_cli_one_letter(phone_photos: dict[str, Path]) -> None:
    parts = [str(phone_photos[name]) for name in ("part1", "part2", "part3")]
    outcome = CliRunner().invoke(cli, ["analyse", "--one-letter", *parts, "--json"])
    assert outcome.exit_code == 0, outcome.output
    assert '"pages": 3' in outcome.output and outcome.output.count('"schema"') == 1


def test_api_takes_repeated_file_parts(phone_photos: dict[str, Path]) -> None:
    from analyser.api import app

    files = [
        ("file", (f"{name}.jpg", phone_photos[name].read_bytes(), "image/jpeg"))
        for name in ("part1", "part2", "part3")
    ]
    with TestClient(app) as client:
        response = client.post("/api/analyse", files=files)
    assert response.status_code == 200, response.text
    assert response.json()["source"]["pages"] == 3
    assert response.json()["letter"]["is_wfi_summons"] is True


def test_heic_is_read(wfi_text: str) -> None:
    import pillow_heif

    page = scan_images(text_pdf(wfi_text), Degradation(dpi=200))[0]
    heif = pillow_heif.from_pillow(page.convert("RGB"))
    buffer = io.BytesIO()
    heif.save(buffer, quality=90)
    document = ingest_bytes(buffer.getvalue(), "IMG_0001.HEIC")
    assert document.media_type == "image/heic"
    assert "benefit may be reduced" in document.pages[0].text


def test_a_phone_photo_saved_as_a_72_dpi_pdf_is_read(tmp_path: Path, wfi_text: str, photo_tool) -> None:
    photo = photo_tool
    rng = random.Random("pdf72")
    image = photo.photograph(photo.page_images(wfi_text)[0], rng, long_side=4032)
    path = tmp_path / "photo.pdf"
    image.save(path, format="PDF", resolution=72)  # Pillow's default: a 3024 x 4032 point page
    document = ingest_path(path)
    assert "benefit may be reduced" in document.pages[0].text


def test_a_dark_strip_at_the_edge_is_not_a_sidebar(wfi_text: str) -> None:
    page = np.array(scan_images(text_pdf(wfi_text), Degradation(dpi=200))[0])
    page[:, -60:] = 30  # the table beside the page, or its shadowed edge
    assert len(split_columns(Image.fromarray(page))) == 1


def test_if_read_as_it_is_mended() -> None:
    assert (
        mend_ocr_confusions("It you do not attend\nIt is important")
        == "If you do not attend\nIt is important"
    )
    # Round 31's photos: "'f you ... are in the work-related activity group" stated the reader's group.
    assert mend_ocr_confusions("'f you are in the support group, no. I'm 'fine'") == (
        "If you are in the support group, no. I'm 'fine'"
    )
