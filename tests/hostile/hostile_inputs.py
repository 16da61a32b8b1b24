"""Hostile and odd requests, each with the answers that are right for it; the files come from hostile_files."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from hostile_files import (
    blank_pdf,
    blank_png,
    blank_tiff,
    deep_json,
    form_feed_text,
    huge_int_json,
    long_text,
    noise_png,
    page_tree_loop_pdf,
    text_pdf,
)

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
