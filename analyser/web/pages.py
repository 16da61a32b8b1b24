"""Rendering a page: the templates, the privacy headers every page carries, and sizes in words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from analyser import __version__
from analyser.web.forms import FormErrors
from analyser.web.questions import QUESTIONS

WEB_DIR = Path(__file__).resolve().parent
STATIC_DIR = WEB_DIR / "static"
templates = Jinja2Templates(directory=WEB_DIR / "templates")

# Results hold a person's letter: no cache may keep them, and pages load nothing from elsewhere.
PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render one of the page templates with the shared context and the privacy headers."""
    context.setdefault("errors", FormErrors())
    context.setdefault("answers", {})
    return templates.TemplateResponse(
        request,
        template,
        {"version": __version__, "questions": QUESTIONS, **context},
        status_code=status_code,
        headers=PAGE_HEADERS,
    )


def describe_size(n_bytes: int) -> str:
    """A byte count as people say it: 20 MB, 500 KB."""
    if n_bytes >= 1_000_000:
        return f"{n_bytes / 1_000_000:.0f} MB"
    return f"{max(1, round(n_bytes / 1000))} KB"
