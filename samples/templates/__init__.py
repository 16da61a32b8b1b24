"""Generate 160 labelled template letters (fixed seed) into samples/corpus/templated.jsonl.

One module per letter family (esa, uc_jsa_is, assessments, programmes, reviews, decisions), built
from shared pools, phrases, formats, layout and asks; output.py plans, labels and writes them.
Run: python -m samples.templates (from the repository's root).
"""

from __future__ import annotations

from .output import OUT, SEED, generate, main, record

__all__ = ["OUT", "SEED", "generate", "main", "record"]
