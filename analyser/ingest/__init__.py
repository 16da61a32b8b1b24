"""Ingest: a file (path or bytes) becomes a Document of cleaned pages of text, OCR where needed."""

from __future__ import annotations

from analyser.ingest.document import LOW_OCR_CONFIDENCE, MIN_LETTERS, Document, ingest_bytes, ingest_path
from analyser.ingest.limits import Limits

__all__ = ["Document", "Limits", "ingest_bytes", "ingest_path", "LOW_OCR_CONFIDENCE", "MIN_LETTERS"]
