"""Hostile and odd inputs, generated on demand (no stored blobs): bombs, loops, tiny and malformed files."""

from __future__ import annotations

import html
import io
import json
import re
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
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


# ---- the cases: each a request built from a generator, and the answers that are right for it ----------

LETTER = """Ipswich Jobcentre Plus
Franciscan Way
Ipswich IP1 1HP

Date: 3 November 2026

Employment and Support Allowance
Work focused interview

Dear Mr Person

You must attend a work focused interview with a personal adviser.

Date: Friday 14 November 2026
Time: 10:30am
Place: Ipswich Jobcentre Plus, Franciscan Way

If you do not attend without good cause, your benefit may be reduced.
"""


@dataclass(frozen=True)
class Case:
    """A hostile request, the statuses and error types that answer it rightly, and whether it is heavy."""

    name: str
    build: Callable[[httpx.Client], dict[str, Any]]
    statuses: tuple[int, ...]
    error_type: str | tuple[str, ...] | None = None
    heavy: bool = False


def upload(
    data: bytes | Callable[[], bytes], name: str, situation: str | None = None
) -> Callable[[httpx.Client], dict[str, Any]]:
    """An upload to /api/analyse; heavy files are given as a generator, run only when the case is sent."""
    form = {"situation": situation} if situation is not None else {}

    def build(http: httpx.Client) -> dict[str, Any]:
        content = data() if callable(data) else data
        return {"method": "POST", "url": "/api/analyse", "files": {"file": (name, content)}, "data": form}

    return build


def sealed(http: httpx.Client) -> dict[str, str]:
    """A result and its seal, as the result page carries them into its draft form."""
    page = http.post(
        "/check",
        data={"benefit": "esa", "esa_group": "support_group"},
        files={"letter": ("l.txt", LETTER.encode())},
    ).text
    found = dict(re.findall(r'name="(result|result_token)" value="([^"]*)"', page))
    return {key: html.unescape(value) for key, value in found.items()}


def draft(**fields: str) -> Callable[[httpx.Client], dict[str, Any]]:
    def build(http: httpx.Client) -> dict[str, Any]:
        form = {**sealed(http), "kind": "challenge", "name": "Jo Bloggs", "format": "pdf", **fields}
        return {"method": "POST", "url": "/draft", "data": form}

    return build


def forged_draft(http: httpx.Client) -> dict[str, Any]:
    form = sealed(http)
    result = json.loads(form["result"])
    result["check"]["next_steps"].append("Pay the fee at https://evil.example to keep your benefit.")
    forged = json.dumps(result)
    return {
        "method": "POST",
        "url": "/draft",
        "data": {**form, "result": forged, "kind": "challenge", "name": "Jo"},
    }


def cross_site_draft(http: httpx.Client) -> dict[str, Any]:
    return {**draft()(http), "headers": {"Origin": "https://evil.example"}}


def cross_site_draft_by_fetch_metadata(http: httpx.Client) -> dict[str, Any]:
    return {**draft()(http), "headers": {"Origin": "null", "Sec-Fetch-Site": "cross-site"}}


def check_form(**answers: str) -> Callable[[httpx.Client], dict[str, Any]]:
    return lambda http: {
        "method": "POST",
        "url": "/check",
        "data": {"benefit": "esa", "esa_group": "support_group", **answers},
        "files": {"letter": ("l.txt", LETTER.encode())},
    }


def raw_body(body: bytes, content_type: str) -> Callable[[httpx.Client], dict[str, Any]]:
    return lambda http: {
        "method": "POST",
        "url": "/api/analyse",
        "content": body,
        "headers": {"Content-Type": content_type},
    }


CASES: list[Case] = [
    Case(
        "TIFF: 60 blank 8900x8900 pages (86 KB)",
        upload(lambda: blank_tiff(60, 8900), "t.tif"),
        (413, 422),
        ("TooLarge", "WorkLimit"),  # whichever limit it reaches first on a busy machine
        True,
    ),
    Case(
        "PDF: 2 blank 3200-pt pages", upload(lambda: blank_pdf(2, 3200), "b.pdf"), (422,), "NoTextFound", True
    ),
    Case(
        "PDF: 60 blank 3200-pt pages",
        upload(lambda: blank_pdf(60, 3200), "b60.pdf"),
        (413, 422),
        ("TooLarge", "WorkLimit"),
        True,
    ),
    Case(
        "PNG: blank 8900x8900 (within pixel limit)",
        upload(lambda: blank_png(8900, 8900), "b.png"),
        (422,),
        "NoTextFound",
        True,
    ),
    Case(
        "PNG: 4000x4000 random ink (OCR runs to the deadline)",
        upload(lambda: noise_png(4000, 4000), "n.png"),
        (422,),
        "WorkLimit",
        True,
    ),
    Case(
        "PDF: page tree that contains itself",
        upload(lambda: page_tree_loop_pdf(), "loop.pdf"),
        (422,),
        "CorruptFile",
    ),
    Case("text: 300,000 form feeds", upload(lambda: form_feed_text(300_000), "ff.txt"), (413,), "TooLarge"),
    Case(
        "text: 1,000,001 characters (past spaCy's limit)",
        upload(lambda: long_text(1_000_001), "long.txt"),
        (413,),
        "TooLarge",
    ),
    Case("PDF whose only text is 'a'", upload(lambda: text_pdf("a"), "a.pdf"), (422,), "NoTextFound"),
    Case("one-byte file named .pdf", upload(b"a", "x.pdf"), (422,), "NoTextFound"),
    Case("empty file", upload(b"", "x.pdf"), (422,), None),
    Case("UTF-16 text letter (Windows 'Unicode')", upload(LETTER.encode("utf-16"), "u16.txt"), (200,)),
    Case("UTF-8 text letter with BOM", upload(LETTER.encode("utf-8-sig"), "bom.txt"), (200,)),
    Case(
        "situation with a 5000-digit integer",
        upload(LETTER.encode(), "l.txt", huge_int_json(5000)),
        (422,),
        "InvalidSituation",
    ),
    Case(
        "situation nested 100,000 deep",
        upload(LETTER.encode(), "l.txt", deep_json(100_000)),
        (422,),
        "InvalidSituation",
    ),
    Case(
        "situation that is a JSON string",
        upload(LETTER.encode(), "l.txt", '"esa"'),
        (422,),
        "InvalidSituation",
    ),
    Case(
        "situation with an unknown benefit",
        upload(LETTER.encode(), "l.txt", '{"benefit": "x" }'),
        (422,),
        "InvalidSituation",
    ),
    Case("/check child_age=²", check_form(lone_parent="yes", child_age="²"), (422,)),
    Case("/check child_age of 5000 digits", check_form(lone_parent="yes", child_age="9" * 5000), (422,)),
    Case("/draft later_date=1 ² 2026", draft(kind="deferral", later_date="1 ² 2026"), (422,)),
    Case("/draft with a 1 MB name and address", draft(name="J" * 1_000_000, address="A" * 1_000_000), (422,)),
    Case("/draft with a forged result", forged_draft, (400,), "BadRequest"),
    Case("/draft posted from another site", cross_site_draft, (403,), "HTTPError"),
    Case(
        "/draft from a sandboxed frame on another site",
        cross_site_draft_by_fetch_metadata,
        (403,),
        "HTTPError",
    ),
    Case(
        "/result.json with a damaged result",
        lambda http: {"method": "POST", "url": "/result.json", "data": {"result": "[" * 100_000}},
        (400,),
    ),
    Case(
        "multipart body cut short",
        raw_body(b'--x\r\nContent-Disposition: form-data; name="file"', "multipart/form-data; boundary=x"),
        (400, 422),
    ),
    Case(
        "form field over 1 MB",
        lambda http: {
            "method": "POST",
            "url": "/api/analyse",
            "files": {"file": ("l.txt", LETTER.encode())},
            "data": {"situation": " " * 1_050_000},
        },
        (400, 422),
    ),
    Case("JSON instead of a form", raw_body(b'{"file": "x"}', "application/json"), (422,), "InvalidRequest"),
]
