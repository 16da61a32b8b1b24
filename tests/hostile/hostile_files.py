"""Hostile files built in memory, with no stored blobs: crafted PDFs, TIFF and PNG bombs, huge texts and JSON."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image, TiffImagePlugin


def pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF from numbered object bodies (1-based), with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    )
    return out.getvalue()


def _stream(content: bytes) -> bytes:
    packed = zlib.compress(content)
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"


def text_pdf(text: str, pages: int = 1, size: tuple[int, int] = (595, 842)) -> bytes:
    """A PDF whose every page shows `text` in Helvetica (one line per line of text)."""
    lines = b"".join(
        b"(%s) Tj 0 -14 Td " % line.encode("latin-1").replace(b"(", b"\\(").replace(b")", b"\\)")
        for line in text.splitlines()
    )
    content = b"BT /F1 11 Tf 60 %d Td " % (size[1] - 80) + lines + b"ET"
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(content),
    ]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    objects += [page % size] * pages
    return pdf(objects)


def instructions_pdf(count: int) -> bytes:
    """One page of `count` tiny text-drawing instructions: a few hundred kB that a PDF parser chews on for minutes."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(b"BT /F1 1 Tf 10 10 Td (a) Tj ET\n" * count),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>",
    ]
    return pdf(objects)


def blank_pdf(pages: int, size_pt: int) -> bytes:
    """A tiny PDF of big blank pages: cheap to send, costly to render and read."""
    return text_pdf("", pages, (size_pt, size_pt))


def page_tree_loop_pdf() -> bytes:
    """A PDF whose page tree contains itself: a naive walk never ends."""
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
            b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>",
        ]
    )


def blank_tiff(frames: int, side: int) -> bytes:
    """A multi-page TIFF of blank bilevel pages, Group 4 compressed, every page sharing one page's strips.

    Pillow takes a minute to compress sixty big pages; written by hand, each page is one more small
    directory pointing at the same compressed strips, so the file is made in a moment.
    """
    one = io.BytesIO()
    Image.new("1", (side, side), 1).save(one, "TIFF", compression="group4")
    page = Image.open(io.BytesIO(one.getvalue()))
    assert isinstance(page, TiffImagePlugin.TiffImageFile)
    offsets, counts = page.tag_v2[273], page.tag_v2[279]
    strips = b"".join(
        one.getvalue()[offset : offset + count] for offset, count in zip(offsets, counts, strict=True)
    )
    strip_at = [8 + sum(counts[:i]) for i in range(len(counts))]
    offsets_at = 8 + len(strips)
    counts_at = offsets_at + 4 * len(counts)
    first_ifd = counts_at + 4 * len(counts)
    entries = [  # tag, type (3 short, 4 long), count, value
        (256, 4, 1, side),
        (257, 4, 1, side),
        (258, 3, 1, 1),
        (259, 3, 1, 4),
        (262, 3, 1, page.tag_v2[262]),
        (273, 4, len(counts), offsets_at if len(counts) > 1 else strip_at[0]),
        (277, 3, 1, 1),
        (278, 4, 1, page.tag_v2[278]),
        (279, 4, len(counts), counts_at if len(counts) > 1 else counts[0]),
    ]
    ifd_size = 2 + 12 * len(entries) + 4
    out = io.BytesIO()
    out.write(b"II*\x00" + struct.pack("<I", first_ifd) + strips)
    out.write(struct.pack(f"<{len(counts)}I", *strip_at) + struct.pack(f"<{len(counts)}I", *counts))
    for number in range(frames):
        following = first_ifd + (number + 1) * ifd_size if number + 1 < frames else 0
        out.write(struct.pack("<H", len(entries)))
        for tag, kind, count, value in entries:
            packed = struct.pack("<HI", value, 0)[:4] if kind == 3 else struct.pack("<I", value)
            out.write(struct.pack("<HHI", tag, kind, count) + packed)
        out.write(struct.pack("<I", following))
    # Pillow refuses directories whose tag data add up to more than the file: pad it to that size.
    out.write(b"\x00" * (frames * 8 * len(counts)))
    return out.getvalue()


def blank_png(width: int, height: int) -> bytes:
    """A blank PNG: a few kilobytes that decode to width x height pixels."""
    out = io.BytesIO()
    Image.new("1", (width, height), 1).save(out, "PNG", optimize=True)
    return out.getvalue()


def noise_png(width: int, height: int, seed: int = 1) -> bytes:
    """A PNG of random ink: not blank, so every cheap shortcut is skipped and OCR runs on it."""
    import numpy as np

    rng = np.random.default_rng(seed)
    out = io.BytesIO()
    Image.fromarray((rng.random((height, width)) > 0.5).astype("uint8") * 255).convert("1").save(out, "PNG")
    return out.getvalue()


def form_feed_text(count: int) -> bytes:
    return b"Dear Jo Bloggs\n" + b"\f" * count + b"You must attend.\n"


def long_text(chars: int) -> bytes:
    words = b"attend interview benefit jobcentre adviser appointment "
    return (words * (chars // len(words) + 1))[:chars]


def deep_json(depth: int) -> str:
    return '{"benefit": "esa", "flags": ' + "[" * depth + "]" * depth + "}"


def huge_int_json(digits: int) -> str:
    return '{"benefit": "esa", "flags": {"child_age": ' + "9" * digits + "}}"
