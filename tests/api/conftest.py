"""Fixtures of the API tests: the app in a test client with its lifespan run, its limits set per test, letters."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from analyser.api import ServerConfig, app, get_settings
from analyser.ingest.limits import Limits


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    """The app with its lifespan run (model loaded, analysis threads started)."""
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def limits() -> Iterator[Callable[..., None]]:
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
