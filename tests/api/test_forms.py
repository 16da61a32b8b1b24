"""The page's form posts and downloads: a form with errors shown again, draft letters, the JSON download."""

from __future__ import annotations

import html
import json
import re

from api_calls import SUPPORT_GROUP, analyse, assert_error_shape
from fastapi.testclient import TestClient

from analyser import api


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
