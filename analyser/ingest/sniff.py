"""Decide what a file is from its first bytes, never from its name."""

from __future__ import annotations

from analyser.errors import CorruptFile, UnsupportedFileType
from analyser.ingest.text import unicode_encoding

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
TEXT = "text/plain"

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
)
# Formats people upload by mistake: named so the error can say what the file was.
_KNOWN_UNSUPPORTED: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a Word document or ZIP archive"),
    (b"\xd0\xcf\x11\xe0", "an old Word or Excel document"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a WebP image or other RIFF file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document"),
)


def sniff_media_type(head: bytes) -> str:
    """Return the media type of a file from its first kilobyte, or raise a typed error."""
    if not head:
        raise CorruptFile("The file is empty. Please choose the file of your letter again.")
    # Some PDF writers put junk before the header; readers accept it within the first kilobyte.
    if b"%PDF-" in head[:1024]:
        return PDF
    for signature, media_type in _SIGNATURES:
        if head.startswith(signature):
            return media_type
    for signature, what in _KNOWN_UNSUPPORTED:
        if head.startswith(signature):
            raise UnsupportedFileType(
                f"This looks like {what}. Please upload the letter as a PDF, a photo "
                "(PNG, JPEG, TIFF) or a plain text file."
            )
    if unicode_encoding(head) is not None or _looks_like_text(head):
        return TEXT
    raise UnsupportedFileType(
        "This file is not a PDF, an image (PNG, JPEG, TIFF) or plain text, so it cannot be read."
    )


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return controls <= len(head) * 0.01
