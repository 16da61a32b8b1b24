"""The service's own pages: privacy notice, accessibility statement, feedback, and the offline API docs."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from swagger_ui_bundle import swagger_ui_path

from analyser.web.pages import PAGE_HEADERS, page

router = APIRouter(include_in_schema=False)
# Swagger UI from the installed swagger-ui-bundle package, so /docs works offline and under the CSP.
DOCS_ASSETS = Path(str(swagger_ui_path))
DOCS_PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Letter analyser API</title>
  <link rel="stylesheet" href="/docs-assets/swagger-ui.css">
</head>
<body>
  <main><h1 class="app-visually-hidden">Letter analyser API</h1><div id="swagger-ui"></div></main>
  <script src="/docs-assets/swagger-ui-bundle.js"></script>
  <script src="/static/docs.js"></script>
</body>
</html>
"""


@router.get("/privacy")
async def privacy(request: Request) -> Response:
    """What happens to the letter and the answers."""
    return page(request, "privacy.html")


@router.get("/accessibility")
async def accessibility(request: Request) -> Response:
    """The accessibility statement."""
    return page(request, "accessibility.html")


@router.get("/feedback")
async def feedback(request: Request) -> Response:
    """How to tell us what went wrong or could be better."""
    return page(request, "feedback.html")


@router.get("/docs")
async def api_docs() -> Response:
    """The OpenAPI page, its scripts served from this server."""
    return HTMLResponse(DOCS_PAGE, headers=PAGE_HEADERS)
