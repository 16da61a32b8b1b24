"""NLP: pages of letter text become the `letter` findings, each backed by evidence spans."""

from __future__ import annotations

from analyser.nlp.read import MODEL_DIR, PAGE_SEPARATOR, build_pipeline, cue_spans, load_pipeline, read_letter

__all__ = ["read_letter", "load_pipeline", "build_pipeline", "cue_spans", "MODEL_DIR", "PAGE_SEPARATOR"]
