"""Every ANALYSER_* setting is read in one module, documented in the README, and typed on the way in."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from analyser.settings import PREFIX, Settings

ROOT = Path(__file__).resolve().parents[1]
VARIABLES = {PREFIX + field.name.upper() for field in dataclasses.fields(Settings)}


def test_each_variable_overrides_its_setting() -> None:
    settings = Settings.from_env(
        {
            "ANALYSER_MAX_BYTES": "1000",
            "ANALYSER_WORKERS": "3",
            "ANALYSER_MODEL": "/m",
            "ANALYSER_OCR_DPI": "",
        }
    )
    assert (settings.max_bytes, settings.workers, settings.model_dir) == (1000, 3, Path("/m"))
    assert settings.ocr_dpi == Settings.ocr_dpi and settings.tessdata == ""
    assert Settings.from_env({"ANALYSER_MAX_SECONDS": "2.5"}).max_seconds == 2.5


def test_a_setting_that_is_not_a_number_says_which() -> None:
    with pytest.raises(ValueError, match="ANALYSER_MAX_PAGES"):
        Settings.from_env({"ANALYSER_MAX_PAGES": "lots"})


def test_every_setting_is_documented_and_none_is_read_elsewhere() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert VARIABLES <= set(re.findall(r"`(ANALYSER_[A-Z_]+)`", readme))
    assert len(VARIABLES) == 17
    for path in (ROOT / "analyser").rglob("*.py"):
        if path.name != "settings.py":
            assert "os.environ" not in path.read_text(encoding="utf-8"), path
