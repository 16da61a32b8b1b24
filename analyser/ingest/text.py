"""Plain-text letters: decode UTF-8 (with or without BOM) or Windows-1252, split pages on form feeds."""

from __future__ import annotations

from analyser.errors import UnsupportedFileType
from analyser.result import Page


def decode_text(data: bytes) -> str:
    """Bytes of a text file to str, trying UTF-8 (BOM or not) then Windows-1252."""
    if b"\x00" in data:
        raise UnsupportedFileType("This file is not plain text (it contains binary data).")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnsupportedFileType("This text file is in an encoding that cannot be read; save it as UTF-8.")


def read_text(data: bytes) -> list[Page]:
    """A text file as pages: a form feed starts a new page."""
    text = decode_text(data)
    return [Page(number=n, text=part, text_source="text") for n, part in enumerate(text.split("\f"), 1)]
