"""The limits that keep a hostile or mistaken upload from exhausting the machine."""

from __future__ import annotations

import os
from dataclasses import dataclass


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def _env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value else default


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 60
    max_pixels: int = 80_000_000  # per page or image: about an A4 page at 900 dpi
    ocr_dpi: int = 200
    # Across all pages of one file: 60 A4 pages scanned at 300 dpi, or a handful of big photos.
    max_total_pixels: int = 500_000_000
    # Sixty full pages of text; spaCy refuses 1,000,000 characters, so this is checked well before.
    max_chars: int = 300_000
    max_seconds: float = 60.0

    @classmethod
    def from_env(cls) -> Limits:
        """Defaults, overridden by ANALYSER_MAX_BYTES / _MAX_PAGES / _MAX_PIXELS / _OCR_DPI /
        _MAX_TOTAL_PIXELS / _MAX_CHARS / _MAX_SECONDS."""
        return cls(
            max_bytes=_env_int("ANALYSER_MAX_BYTES", cls.max_bytes),
            max_pages=_env_int("ANALYSER_MAX_PAGES", cls.max_pages),
            max_pixels=_env_int("ANALYSER_MAX_PIXELS", cls.max_pixels),
            ocr_dpi=_env_int("ANALYSER_OCR_DPI", cls.ocr_dpi),
            max_total_pixels=_env_int("ANALYSER_MAX_TOTAL_PIXELS", cls.max_total_pixels),
            max_chars=_env_int("ANALYSER_MAX_CHARS", cls.max_chars),
            max_seconds=_env_float("ANALYSER_MAX_SECONDS", cls.max_seconds),
        )
