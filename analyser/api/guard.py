"""Request guards: bodies past the upload limit or too slow refused as they stream in; no failure logged as a traceback."""

from __future__ import annotations

import asyncio
import logging
import os
import time
import traceback
from collections.abc import Callable

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.formparsers import MultiPartParser
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from analyser import web
from analyser.api.errors import error_response, is_api, too_large
from analyser.api.settings import current_settings
from analyser.errors import AnalyserError, InternalError, SlowUpload, TooLarge

log = logging.getLogger("analyser.api")

# Room in a request body for multipart boundaries and the small form fields beside the file
# (the draft form posts a result, which carries the letter's text, up to Starlette's 1 MB per field).
FORM_OVERHEAD_BYTES = 1_100_000
# A body must keep arriving: a gap longer than this, or a whole body slower than BODY_SECONDS, is refused
# (a phone on a poor line still sends 20 MB well inside five minutes).
BODY_IDLE_SECONDS = float(os.environ.get("ANALYSER_BODY_IDLE_SECONDS") or 20)
BODY_SECONDS = float(os.environ.get("ANALYSER_BODY_SECONDS") or 300)


def keep_uploads_in_memory() -> None:
    """Never spool an upload to disk: the size guard caps every body far below this, so the spool stays in RAM."""
    MultiPartParser.spool_max_size = 1 << 40


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
        body_done = started = False
        refusal: AnalyserError | None = None
        deadline = time.monotonic() + BODY_SECONDS

        async def counted_receive() -> Message:
            nonlocal received, refusal, body_done
            if body_done:
                return await receive()  # only a disconnect can come now: no deadline on waiting for it
            try:
                wait = min(BODY_IDLE_SECONDS, max(0.0, deadline - time.monotonic()))
                message = await asyncio.wait_for(receive(), wait)
            except TimeoutError:
                refusal = SlowUpload(
                    "The letter stopped arriving before it was complete. Check your connection and try again."
                )
                raise refusal from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                body_done = not message.get("more_body", False)
                if received > cap:
                    refusal = TooLarge("The upload is too large.")
                    raise refusal
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if refusal is not None:
                return  # the app's reaction to the aborted body; the refusal below answers instead
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except Exception:
            if refusal is None:
                raise
        if refusal is not None and not started:
            if isinstance(refusal, TooLarge):
                await self.refuse(scope, received)(scope, receive, send)
            else:
                await error_response(refusal.http_status, refusal.type, refusal.message)(scope, receive, send)


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


class CatchAll:
    """The last guard: a failure no handler answered becomes the usual 500 shape, logged by file and line only."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)  # the lifespan's failures are the operator's to see
            return
        started = False

        async def tracked_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracked_send)
        except ClientDisconnect:
            log.info("client went away before its request was read")
        except Exception as error:
            # Messages can quote the letter: where it failed (files and lines), never what it said.
            log.error("request failed: %s\n%s", type(error).__name__, frames(error))
            if not started:
                problem = InternalError()
                await error_response(500, problem.type, problem.message)(scope, receive, send)


def frames(error: BaseException) -> str:
    """Where an error happened, as file:line lines, without its message (which may quote a letter)."""
    return "".join(
        f"  {frame.filename}:{frame.lineno} in {frame.name}\n"
        for frame in traceback.extract_tb(error.__traceback__)
    )
