"""The HTTP API: results for good letters, the contract's error shape for every bad request, never a 500."""

from __future__ import annotations

import asyncio
import io
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from api_calls import SUPPORT_GROUP, analyse, assert_error_shape
from PIL import Image

from analyser import api
from analyser.api import app
from samples.rendering import render_letter


def test_health(client):
    response = client.get("/api/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "version": api.__version__}


def test_a_text_letter_without_a_situation_has_no_check(client, letter):
    response = analyse(client, letter)

    assert response.status_code == 200
    result = response.json()
    assert result["schema"] == "letter-analysis/1"
    assert result["source"]["text_source"] == "text"
    assert result["letter"]["type"] == "wfi"
    assert result["letter"]["attendance"] == "mandatory"
    assert result["check"] is None
    assert response.headers["cache-control"] == "no-store"


def test_a_pdf_letter_with_a_situation_is_checked(client, letter_pdf):
    response = analyse(client, letter_pdf, "letter.pdf", situation=SUPPORT_GROUP)

    assert response.status_code == 200
    result = response.json()
    assert result["source"]["media_type"] == "application/pdf"
    assert result["check"]["verdict"] == "likely_wrongful"
    assert result["check"]["situation"]["group"] == "support_group"
    assert result["pages"] is None


def test_include_text_returns_pages_the_evidence_points_into(client, letter_pdf):
    response = client.post("/api/analyse?include_text=true", files={"file": ("letter.pdf", letter_pdf)})

    result = response.json()
    pages = {page["number"]: page["text"] for page in result["pages"]}
    for span in result["letter"]["evidence"]:
        assert pages[span["page"]][span["start"] : span["end"]] == span["text"]


@pytest.mark.parametrize(
    "situation",
    [
        "{not json",
        "[1, 2]",
        '{"benefit": "lottery"}',
        '{"benefit": "universal_credit", "group": "support_group"}',
    ],
)
def test_a_bad_situation_is_invalid_situation(client, letter, situation):
    message = assert_error_shape(analyse(client, letter, situation=situation), 422, "InvalidSituation")
    assert message.startswith("Invalid situation")


def test_no_file_is_a_422(client):
    message = assert_error_shape(
        client.post("/api/analyse", data={"situation": SUPPORT_GROUP}), 422, "InvalidRequest"
    )
    assert "file" in message


@pytest.mark.parametrize(
    ("data", "name", "status", "error_type"),
    [
        (b"PK\x03\x04" + b"\x00" * 200, "letter.docx", 415, "UnsupportedFileType"),
        (b"\x00\x01\x02\x03binary" * 20, "letter.bin", 415, "UnsupportedFileType"),
        (b"%PDF-1.7\nthis is not really a PDF\n", "letter.pdf", 422, "CorruptFile"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "letter.png", 422, "CorruptFile"),
        (b"", "letter.pdf", 422, "CorruptFile"),
    ],
    ids=["word", "binary", "fake-pdf", "truncated-png", "empty"],
)
def test_bad_files_get_the_error_shape(client, data, name, status, error_type):
    assert_error_shape(analyse(client, data, name), status, error_type)


def test_an_upload_over_the_size_limit_is_413(client, limits):
    limits(max_bytes=1000)

    message = assert_error_shape(analyse(client, b"x" * 5000), 413, "TooLarge")
    assert "1 KB" in message


def test_a_body_far_over_the_limit_is_refused_before_it_is_read(client, limits):
    limits(max_bytes=1000)
    body = b"x" * (api.FORM_OVERHEAD_BYTES + 10_000)

    # Declared length: refused up front. Streamed with no length: refused once the count passes the limit.
    assert_error_shape(analyse(client, body), 413, "TooLarge")
    boundary = "letterboundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="l.txt"\r\n\r\n'.encode(),
        body,
        f"\r\n--{boundary}--\r\n".encode(),
    ]
    streamed = client.post(
        "/api/analyse",
        content=iter(parts),
        headers={"content-type": f"multipart/form-data; boundary={boundary}"},
    )
    assert_error_shape(streamed, 413, "TooLarge")


def test_too_many_pages_is_413(client, limits, tmp_path, wfi_text):
    limits(max_pages=1)
    long_letter = render_letter((wfi_text + "\n") * 4, tmp_path / "long", "pdf").read_bytes()

    assert_error_shape(analyse(client, long_letter, "long.pdf"), 413, "TooLarge")


def test_too_many_pixels_is_413(client, limits):
    limits(max_pixels=1_000_000)
    buffer = io.BytesIO()
    Image.new("L", (2000, 2000), 255).save(buffer, format="PNG")

    assert_error_shape(analyse(client, buffer.getvalue(), "photo.png"), 413, "TooLarge")


def test_an_unexpected_failure_is_a_500_that_logs_no_letter_text(client, letter, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("You must attend a work-focused interview")

    monkeypatch.setattr("analyser.api.upload.analyse_uploads", broken)
    monkeypatch.setattr(app.state, "pool", None)  # in this process, where the patch applies
    with caplog.at_level(logging.DEBUG):
        assert_error_shape(analyse(client, letter), 500, "InternalError")

    assert "RuntimeError" in caplog.text
    assert "must attend" not in caplog.text


def test_letter_text_never_reaches_the_logs(client, letter, caplog):
    with caplog.at_level(logging.DEBUG):
        analyse(client, letter, situation=SUPPORT_GROUP)
        analyse(client, b"%PDF-1.7\nYou must attend\n", "fake.pdf")

    assert "analysed" in caplog.text
    for line in ("You must attend", "benefit may be reduced", "Mr Test Person", "1 Example Road"):
        assert line not in caplog.text


def test_damaged_and_blank_letters_are_422(client, letter_pdf):
    buffer = io.BytesIO()
    Image.new("L", (400, 300), 255).save(buffer, format="PNG")

    assert_error_shape(analyse(client, letter_pdf[: len(letter_pdf) // 2], "cut.pdf"), 422, "CorruptFile")
    assert_error_shape(analyse(client, buffer.getvalue(), "blank.png"), 422, "NoTextFound")


def test_unknown_routes_and_methods_get_the_error_shape(client):
    assert_error_shape(client.get("/api/nothing"), 404, "NotFound")
    assert_error_shape(client.get("/api/analyse"), 405, "MethodNotAllowed")


def test_an_unknown_page_is_an_html_404(client):
    response = client.get("/nothing-here")

    assert response.status_code == 404
    assert '<h1 class="app-heading-xl">Page not found</h1>' in response.text


def test_the_openapi_page_documents_the_upload_with_examples(client):
    assert client.get("/docs").status_code == 200
    operation = client.get("/openapi.json").json()["paths"]["/api/analyse"]["post"]
    assert {"200", "413", "415", "422"} <= set(operation["responses"])
    assert operation["responses"]["200"]["content"]["application/json"]["example"]["check"]["verdict"]
    assert (
        operation["responses"]["413"]["content"]["application/json"]["example"]["error"]["type"] == "TooLarge"
    )


def test_analysis_does_not_block_the_event_loop(monkeypatch):
    """While one letter is being read on a worker thread, the server still answers other requests."""
    release = threading.Event()

    def slow(*args, **kwargs):
        release.wait(10)
        raise api.TooLarge("stand-in for a slow letter")

    monkeypatch.setattr("analyser.api.upload.analyse_uploads", slow)
    monkeypatch.setattr(app.state, "pool", None, raising=False)  # in this process, where the patch applies

    async def scenario() -> float:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            upload = asyncio.create_task(http.post("/api/analyse", files={"file": ("l.txt", b"letter")}))
            await asyncio.sleep(0.2)
            started = time.perf_counter()
            health = await http.get("/api/health")
            waited = time.perf_counter() - started
            assert health.status_code == 200 and not upload.done()
            release.set()
            assert (await upload).status_code == 413
            return waited

    # Its own thread and loop: Playwright's sync API leaves a loop running in the main thread when
    # the browser tests run first, and asyncio.run() refuses to start inside it.
    with ThreadPoolExecutor(1) as runner:
        assert runner.submit(asyncio.run, scenario()).result() < 1.0


# ---- a letter in several files (photos of its pages) ------------------------------------------------------


def test_a_letter_in_several_files_is_held_to_one_letters_page_limit(client, limits, tmp_path, wfi_text):
    # Each file was counted apart, so sixty 40-page files got through as one "letter" and ran for minutes.
    limits(max_pages=3)
    two_pages = render_letter((wfi_text + "\n") * 2, tmp_path / "two", "pdf").read_bytes()
    files = [("file", (f"part{n}.pdf", two_pages, "application/pdf")) for n in (1, 2)]

    assert_error_shape(client.post("/api/analyse", files=files), 413, "TooLarge")


def test_an_error_in_the_second_of_several_files_names_that_file(client, letter_pdf):
    files = [
        ("file", ("first.pdf", letter_pdf, "application/pdf")),
        ("file", ("second.pdf", b"%PDF-1.4\n" + b"\x00garbage" * 50, "application/pdf")),
    ]
    message = assert_error_shape(client.post("/api/analyse", files=files), 422, "CorruptFile")
    assert "second.pdf" in message and "first.pdf" not in message
