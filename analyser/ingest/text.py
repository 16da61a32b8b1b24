"""Plain-text letters: decode UTF-8 (BOM or not), UTF-16/32 (Windows "Unicode") or Windows-1252; pages on form feeds."""

from __future__ import annotations

import codecs

from analyser.errors import TooLarge, UnsupportedFileType
from analyser.ingest import budget
from analyser.ingest.limits import Limits
from analyser.result import Page

# Longest first: the UTF-32 little-endian mark starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def unicode_encoding(head: bytes) -> str | None:
    """The encoding of a text file that says (BOM) or shows (every other byte zero) it is UTF-16/32."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    sample = head[:512] if len(head) % 2 == 0 else head[: min(512, len(head) - 1)]
    if len(sample) >= 8 and b"\x00" in sample:
        # Text saved as UTF-16 without a mark: mostly ASCII, so one half of the bytes is all zeros.
        odd, even = sample[1::2], sample[0::2]
        if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
            return "utf-16-le"
        if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
            return "utf-16-be"
    return None


def decode_text(data: bytes) -> str:
    """Bytes of a text file to str, trying a Unicode mark first, then UTF-8, then Windows-1252."""
    encoding = unicode_encoding(data[:1024])
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            raise UnsupportedFileType(
                "This text file says it is Unicode but is damaged; save it again as UTF-8."
            ) from None
    if b"\x00" in data:
        raise UnsupportedFileType("This file is not plain text (it contains binary data).")
    for name in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(name)
        except UnicodeDecodeError:
            continue
    raise UnsupportedFileType("This text file is in an encoding that cannot be read; save it as UTF-8.")


def read_text(data: bytes, limits: Limits | None = None) -> list[Page]:
    """A text file as pages: a form feed starts a new page; refused past the page or character limit."""
    limits = limits or Limits()
    text = decode_text(data).rstrip("\f\r\n\t ")
    # Counted before splitting: 300,000 form feeds must not become 300,001 pages first.
    count = text.count("\f") + 1
    if count > limits.max_pages:
        raise TooLarge(
            f"This text file has {count:,} pages (form feeds); the limit is {limits.max_pages}. "
            "Upload only the letter."
        )
    budget.spend_chars(len(text))
    return [Page(number=n, text=part, text_source="text") for n, part in enumerate(text.split("\f"), 1)]
