"""The HTTP API: results for good letters, the contract's error shape for every bad request, never a 500."""

from __future__ import annotations

import asyncio
import html
import io
import json
import logging
import re
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from PIL import Image

from analyser import api
from analyser.api import ServerConfig, app, get_settings
from analyser.ingest.limits import Limits
from samples.rendering import render_letter

SUPPORT_GROUP = json.dumps({"benefit": "esa", "group": "support_group"})


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    """The app with its lifespan run (model loaded, analysis threads started)."""
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def limits() -> Iterator[callable]:
    """Set the server's limits for one test, through the get_settings dependency."""

    def set_limits(**values: int) -> None:
        app.dependency_overrides[get_settings] = lambda: ServerConfig(limits=Limits(**values), workers=1)

    yield set_limits
    app.dependency_overrides.pop(get_settings, None)


@pytest.fixture(scope="module")
def letter(wfi_text: str) -> bytes:
    """The shared WFI letter (tests/conftest.py) as an uploaded text file."""
    return wfi_text.encode("utf-8")


@pytest.fixture(scope="module")
def letter_pdf(rendered: dict[str, Path]) -> bytes:
    return rendered["pdf"].read_bytes()


def assert_error_shape(response: httpx.Response, status: int, error_type: str) -> str:
    """The contract's error: the status, and a JSON body of exactly {"error": {"type", "message"}}."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"type", "message"}
    assert body["error"]["type"] == error_type
    assert body["error"]["message"].strip()
    return body["error"]["message"]


def analyse(client: TestClient, data: bytes, name: str = "letter.txt", **form: str) -> httpx.Response:
    return client.post("/api/analyse", files={"file": (name, data)}, data=form)


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


# ---- the page's form posts (the browser tests in tests/web drive the same routes) ----------------------


def test_the_form_without_a_file_is_shown_again_with_errors(client):
    response = client.post(
        "/check", data={"benefit": "esa", "esa_group": "support_group"}, files={"letter": ("", b"")}
    )

    assert response.status_code == 422
    assert "<title>Error: " in response.text
    assert 'href="#letter"' in response.text
    assert 'value="support_group" checked' in response.text


def test_a_form_post_far_over_the_limit_gets_the_form_with_a_413(client, limits):
    limits(max_bytes=1000)

    response = client.post("/check", files={"letter": ("l.txt", b"x" * (api.FORM_OVERHEAD_BYTES + 10_000))})

    assert response.status_code == 413
    assert "<title>Error: " in response.text
    assert "the limit is 1 KB" in response.text


def test_the_form_shows_the_libraries_error_with_its_status(client):
    response = client.post("/check", data={"benefit": "esa"}, files={"letter": ("a.docx", b"PK\x03\x04xxxx")})

    assert response.status_code == 415
    assert "Word document" in response.text


def sealed_result(client: TestClient, letter: bytes) -> dict[str, str]:
    """The result and its seal as the result page carries them into its draft form."""
    page = client.post(
        "/check", data={"benefit": "esa", "esa_group": "support_group"}, files={"letter": ("l.txt", letter)}
    ).text
    found = dict(re.findall(r'name="(result|result_token)" value="([^"]*)"', page))
    return {key: html.unescape(value) for key, value in found.items()}


def test_a_draft_letter_comes_back_as_text_or_pdf(client, letter):
    form = {
        **sealed_result(client, letter),
        "kind": "challenge",
        "name": "Jo Example",
        "reference": "ESA/WFI/0042",
    }

    text = client.post("/draft", data={**form, "format": "txt"})
    assert text.status_code == 200
    assert text.headers["content-disposition"] == 'attachment; filename="challenge-letter.txt"'
    assert "Jo Example" in text.text and "ESA/WFI/0042" in text.text
    pdf = client.post("/draft", data={**form, "format": "pdf"})
    assert pdf.content.startswith(b"%PDF-")


def test_a_draft_that_does_not_fit_the_verdict_is_refused(client, letter):
    response = client.post(
        "/draft", data={**sealed_result(client, letter), "kind": "deferral", "name": "Jo Example"}
    )

    assert response.status_code == 422
    assert 'href="#kind"' in response.text


def test_a_damaged_result_is_a_400(client):
    assert_error_shape(
        client.post("/draft", data={"result": "{}", "kind": "challenge", "name": "Jo"}), 400, "BadRequest"
    )


def test_the_json_download_is_the_api_result(client, letter):
    result = analyse(client, letter, situation=SUPPORT_GROUP).json()
    response = client.post("/result.json", data={"result": json.dumps(result)})

    assert response.headers["content-disposition"] == 'attachment; filename="letter-analysis.json"'
    assert response.json() == result


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
