"""What the API tests send and check: an upload, and the contract's error shape."""

from __future__ import annotations

import json

import httpx
from fastapi.testclient import TestClient

SUPPORT_GROUP = json.dumps({"benefit": "esa", "group": "support_group"})


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
