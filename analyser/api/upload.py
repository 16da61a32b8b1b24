"""Shared request handling: read an upload within its limit, parse the situation, analyse on the worker threads."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
import time
from collections.abc import Sequence
from functools import partial

from fastapi import Request
from starlette.datastructures import UploadFile as StarletteUploadFile

from analyser import analyse_uploads
from analyser.api.errors import too_large
from analyser.api.guard import frames
from analyser.api.settings import ServerConfig
from analyser.errors import AnalyserError, InternalError, InvalidSituation, TooLarge
from analyser.result import AnalysisResult, Situation
from analyser.workers import Job, WorkerCrashed, WorkerPool

log = logging.getLogger("analyser.api")

CHUNK_BYTES = 64 * 1024
# A situation is a benefit, a group and a handful of flags: a few hundred characters.
MAX_SITUATION_CHARS = 10_000


async def read_upload(upload: StarletteUploadFile, max_bytes: int) -> bytes:
    """The upload's bytes, read in chunks, refusing it with TooLarge as soon as it passes max_bytes."""
    chunks, size = [], 0
    while chunk := await upload.read(CHUNK_BYTES):
        size += len(chunk)
        if size > max_bytes:
            raise too_large(size, max_bytes)
        chunks.append(chunk)
    return b"".join(chunks)


def parse_situation(raw: str | None) -> Situation | None:
    """The situation form field (a JSON object) as a Situation; None when it is absent or blank."""
    if raw is None or not raw.strip():
        return None
    if len(raw) > MAX_SITUATION_CHARS:
        raise InvalidSituation("Invalid situation: it is far longer than any situation can be.")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise InvalidSituation(
            f"Invalid situation: not valid JSON ({error.msg} at character {error.pos})."
        ) from None
    except (ValueError, RecursionError):  # a number of thousands of digits, or nesting past Python's stack
        raise InvalidSituation(
            "Invalid situation: it holds a number or nesting far too big to read."
        ) from None
    if not isinstance(data, dict):
        raise InvalidSituation(
            'Invalid situation: expected a JSON object such as {"benefit": "esa", "group": "support_group"}.'
        )
    return Situation.parse(data)


async def analyse_upload_files(
    request: Request,
    uploads: Sequence[StarletteUploadFile],
    situation: Situation | None,
    settings: ServerConfig,
    include_text: bool,
) -> AnalysisResult:
    """Several uploads (one photo per page, say) read in order as the pages of one letter."""
    if len(uploads) > settings.limits.max_pages:
        raise TooLarge(
            f"{len(uploads)} files were sent; the limit is {settings.limits.max_pages}, one per page."
        )
    # Only a few letters are read into memory at once; the rest wait in the request parser's spool.
    async with getattr(request.app.state, "admission", contextlib.nullcontext()):
        files, room = [], settings.max_upload_bytes
        for upload in uploads:
            data = await read_upload(upload, room)
            room -= len(data)  # the limit is for the letter, however many files it comes in
            files.append((data, upload.filename or "letter"))
        return await _analyse(request, files, situation, settings, include_text)


async def _analyse(
    request: Request,
    files: list[tuple[bytes, str]],
    situation: Situation | None,
    settings: ServerConfig,
    include_text: bool,
) -> AnalysisResult:
    pool: WorkerPool | None = getattr(request.app.state, "pool", None)
    executor = getattr(request.app.state, "executor", None)
    started = time.perf_counter()
    size = sum(len(data) for data, _ in files)
    try:
        if pool is not None:
            # One file or several photos of one letter's pages: a worker the server can kill either way.
            job = Job(tuple(files), situation, settings.limits, include_text)
            result = await pool.run(job, request.is_disconnected)
        else:
            cancel = threading.Event()
            call = partial(
                analyse_uploads,
                files,
                situation,
                limits=settings.limits,
                include_text=include_text,
                cancel=cancel,
            )
            result = await _unless_gone(
                asyncio.get_running_loop().run_in_executor(executor, call), request, cancel
            )
    except AnalyserError as error:
        log.info("refused: %s, %d bytes, %.2fs", error.type, size, time.perf_counter() - started)
        raise
    except WorkerCrashed as error:
        log.error("analysis failed: %s, %d bytes\n%s", error.kind, size, error.frames)
        raise InternalError() from None
    except Exception as error:
        # Messages can quote the letter: log where it failed (files and lines, not even source), never what it said.
        log.error("analysis failed: %s, %d bytes\n%s", type(error).__name__, size, frames(error))
        raise InternalError() from None
    log.info(
        "analysed: %s, %d bytes, %d pages, %s, %.2fs",
        result.source.media_type,
        size,
        result.source.pages,
        result.check.verdict if result.check else "no situation",
        time.perf_counter() - started,
    )
    return result


async def _unless_gone(
    work: asyncio.Future[AnalysisResult], request: Request, cancel: threading.Event
) -> AnalysisResult:
    """Wait for work on a thread, raising its cancel flag (checked between pages) if the client disconnects."""
    while True:
        done, _ = await asyncio.wait({work}, timeout=0.25)
        if done:
            return work.result()
        if not cancel.is_set() and await request.is_disconnected():
            cancel.set()


def chosen_file(value: object) -> StarletteUploadFile | None:
    """The file a form field holds, or None when the field was left empty."""
    # A file input left empty still posts a part, with no file name and no bytes.
    if isinstance(value, StarletteUploadFile) and (value.filename or value.size):
        return value
    return None
