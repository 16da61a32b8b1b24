"""The limits that keep a hostile or mistaken upload from exhausting the machine."""

from __future__ import annotations

from dataclasses import dataclass, fields

from analyser.settings import Settings


@dataclass(frozen=True)
class Limits:
    max_bytes: int = Settings.max_bytes
    max_pages: int = Settings.max_pages
    max_pixels: int = Settings.max_pixels  # per page or image: about an A4 page at 900 dpi
    ocr_dpi: int = Settings.ocr_dpi
    # Across all pages of one file: 60 A4 pages scanned at 300 dpi, or a handful of big photos.
    max_total_pixels: int = Settings.max_total_pixels
    # Sixty full pages of text; spaCy refuses 1,000,000 characters, so this is checked well before.
    max_chars: int = Settings.max_chars
    max_seconds: float = Settings.max_seconds

    @classmethod
    def from_env(cls) -> Limits:
        """Defaults, overridden by ANALYSER_MAX_BYTES / _MAX_PAGES / _MAX_PIXELS / _OCR_DPI /
        _MAX_TOTAL_PIXELS / _MAX_CHARS / _MAX_SECONDS (analyser.settings)."""
        settings = Settings.from_env()
        return cls(**{field.name: getattr(settings, field.name) for field in fields(cls)})
