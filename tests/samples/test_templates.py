"""The templated letters regenerate byte for byte from samples/templates/ (fixed seed)."""

from __future__ import annotations

import json

from samples.templates import OUT, generate


def test_the_templates_regenerate_the_corpus_byte_for_byte() -> None:
    written = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in generate())
    assert written == OUT.read_text(encoding="utf-8")
    assert len(written.splitlines()) == 160
