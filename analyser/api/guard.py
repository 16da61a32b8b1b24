"""The upload size guard: refuse a request body past the upload limit as it streams in."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from analyser import web
from analyser.api.errors import error_response, is_api, too_large
from analyser.api.settings import current_settings
from analyser.errors import TooLarge

# Room in a request body for multipart boundaries and the small form fields beside the file
# (the draft form posts a result, which carries the letter's text, up to Starlette's 1 MB per field).
FORM_OVERHEAD_BYTES = 1_100_000


class UploadSizeGuard:
    """Refuse a request body past the upload limit as it streams in, before it is parsed or spooled.

    The routes also count the file's bytes exactly; this catches bodies far too big to be worth
    receiving (a declared Content-Length over the limit is refused before a byte is read).
    """

    def __init__(
        self, app: ASGIApp, limit: Callable[[], int], refuse: Callable[[Scope, int], Response]
    ) -> None:
        self.app = app
        self.limit = limit
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        cap = self.limit() + FORM_OVERHEAD_BYTES
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > cap:
            await self.refuse(scope, int(declared))(scope, receive, send)
            return
        received = 0
        tripped = started = False

        async def counted_receive() -> Message:
            nonlocal received, tripped
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > cap:
                    tripped = True
                    raise TooLarge("The upload is too large.")
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if tripped:
                return  # the app's reaction to the aborted body; the refusal below answers instead
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except Exception:
            if not tripped:
                raise
        if tripped and not started:
            await self.refuse(scope, received)(scope, receive, send)


def refuse_upload(app: FastAPI, scope: Scope, size: int) -> Response:
    """The answer to an upload over the limit: the JSON error for the API, the form with its error for the page."""
    limit = current_settings(app).max_upload_bytes
    error = too_large(size, limit)
    request = Request(scope)
    if is_api(request):
        return error_response(error.http_status, error.type, error.message)
    errors = web.FormErrors()
    errors.add("letter", error.message)
    return web.page(
        request, "form.html", error.http_status, errors=errors, max_upload=web.describe_size(limit)
    )
