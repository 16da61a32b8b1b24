"""Browser fixtures: a real server on a free port, Debian's Chromium driven by Playwright, axe-core from npm."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.serving import ServerDidNotStart, serving

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ARTIFACTS = REPO / "tests" / "artifacts"

CHROMIUM = Path(os.environ.get("ANALYSER_CHROMIUM", "/usr/bin/chromium"))
# Headless as root in a container, and quiet: this machine's network refuses Chromium's background calls.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SERVER_START_SECONDS = 120

# axe-core comes from the npm registry, pinned by version and by the hash of the file we inject.
# A copy at tests/web/axe.min.js wins; otherwise `npm pack` fetches it once into the user's cache.
AXE_VERSION = "4.14.1"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"
AXE_VENDORED = HERE / "axe.min.js"
AXE_CACHE = (
    Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    / "letter-analyser"
    / f"axe-core-{AXE_VERSION}"
)


def unavailable(reason: str) -> None:
    """Skip a browser test on a developer's machine that lacks a tool; fail in CI, where they must run."""
    if os.environ.get("CI"):
        pytest.fail(
            f"{reason}. Browser tests never skip in CI: `make test` installs chromium.", pytrace=False
        )
    pytest.skip(reason)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`analyser serve` in a process of its own on a free port; yields its base URL."""
    try:
        with serving(tmp_path_factory.mktemp("server"), start_seconds=SERVER_START_SECONDS) as served:
            yield served.url
    except ServerDidNotStart as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless, launched by Playwright (which never downloads a browser of its own)."""
    if not CHROMIUM.exists():
        unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set ANALYSER_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A fresh desktop-sized page; slow scans get a generous timeout."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.set_default_timeout(90_000)
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go for people to look at (gitignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def letters(rendered: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The shared WFI letter as a text PDF and a degraded scan (tests/conftest.py), plus two broken uploads."""
    folder = tmp_path_factory.mktemp("bad-letters")
    made = {"pdf": rendered["pdf"], "scan-pdf": rendered["scan-pdf"]}
    made["empty"] = folder / "empty.pdf"
    made["empty"].write_bytes(b"")
    made["fake"] = folder / "fake.pdf"
    made["fake"].write_bytes(b"%PDF-1.7\nthis is not really a PDF\n")
    return made


@pytest.fixture(scope="session")
def axe_source() -> str:
    """The axe-core script to inject into pages."""
    if AXE_VENDORED.exists():
        return AXE_VENDORED.read_text(encoding="utf-8")
    cached = AXE_CACHE / "axe.min.js"
    if not cached.exists():
        _fetch_axe(cached)
    data = cached.read_bytes()
    if hashlib.sha256(data).hexdigest() != AXE_SHA256:
        pytest.fail(
            f"{cached} is not axe-core {AXE_VERSION} as pinned; delete it to fetch it again", pytrace=False
        )
    return data.decode("utf-8")


def _fetch_axe(target: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        unavailable(f"npm is needed once to fetch axe-core {AXE_VERSION} (or put axe.min.js in {HERE})")
    target.parent.mkdir(parents=True, exist_ok=True)
    packed = subprocess.run(
        [npm, "pack", f"axe-core@{AXE_VERSION}", "--pack-destination", str(target.parent), "--silent"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if packed.returncode != 0:
        unavailable(f"npm pack axe-core@{AXE_VERSION} failed: {packed.stderr.strip()[-500:]}")
    tarball = target.parent / packed.stdout.strip().splitlines()[-1]
    with tarfile.open(tarball) as archive:
        member = archive.extractfile("package/axe.min.js")
        assert member is not None
        target.write_bytes(member.read())
    tarball.unlink()
