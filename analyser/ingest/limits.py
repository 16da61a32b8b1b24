"""The limits that keep a hostile or mistaken upload from exhausting the machine."""

from __future__ import annotations

from dataclasses import dataclass

from analyser.settings import Settings


@dataclass(frozen=True)
class Limits:
    max_bytes: int = Settings.max_bytes
    max_pages: int = 60
    max_pixels: int = 80_000_000  # per page or image: about an A4 page at 900 dpi
    ocr_dpi: int = 200

    @classmethod
    def from_env(cls) -> Limits:
        """Defaults, overridden by ANALYSER_MAX_BYTES / _MAX_PAGES / _MAX_PIXELS / _OCR_DPI (analyser.settings)."""
        settings = Settings.from_env()
        return cls(
            max_bytes=settings.max_bytes,
            max_pages=settings.max_pages,
            max_pixels=settings.max_pixels,
            ocr_dpi=settings.ocr_dpi,
        )
