"""Shared request handling: read an upload within its limit, parse the situation, analyse on the worker threads."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
import traceback
from functools import partial

from fastapi import Request
from starlette.datastructures import UploadFile as StarletteUploadFile

from analyser import analyse_bytes, analyse_uploads
from analyser.api.errors import too_large
from analyser.api.settings import Settings
from analyser.errors import AnalyserError, InternalError, InvalidSituation, TooLarge
from analyser.result import AnalysisResult, Situation

log = logging.getLogger("analyser.api")

CHUNK_BYTES = 64 * 1024


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
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise InvalidSituation(
            f"Invalid situation: not valid JSON ({error.msg} at character {error.pos})."
        ) from None
    if not isinstance(data, dict):
        raise InvalidSituation(
            'Invalid situation: expected a JSON object such as {"benefit": "esa", "group": "support_group"}.'
        )
    return Situation.parse(data)


async def analyse_upload_file(
    request: Request,
    upload: StarletteUploadFile,
    situation: Situation | None,
    settings: Settings,
    include_text: bool,
) -> AnalysisResult:
    """Read an upload and analyse it on the analysis threads, so the event loop keeps serving meanwhile."""
    return await analyse_upload_files(request, [upload], situation, settings, include_text)


async def analyse_upload_files(
    request: Request,
    uploads: list[StarletteUploadFile],
    situation: Situation | None,
    settings: Settings,
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
    settings: Settings,
    include_text: bool,
) -> AnalysisResult:
    executor = getattr(request.app.state, "executor", None)
    started = time.perf_counter()
    size = sum(len(data) for data, _ in files)
    if len(files) == 1:
        job = partial(analyse_bytes, *files[0], situation, limits=settings.limits, include_text=include_text)
    else:
        job = partial(analyse_uploads, files, situation, limits=settings.limits, include_text=include_text)
    try:
        result = await asyncio.get_running_loop().run_in_executor(executor, job)
    except AnalyserError as error:
        log.info("refused: %s, %d bytes, %.2fs", error.type, size, time.perf_counter() - started)
        raise
    except Exception as error:
        # Messages can quote the letter: log where it failed (files and lines, not even source), never what it said.
        log.error(
            "analysis failed: %s, %d bytes\n%s",
            type(error).__name__,
            size,
            "".join(
                f"  {frame.filename}:{frame.lineno} in {frame.name}\n"
                for frame in traceback.extract_tb(error.__traceback__)
            ),
        )
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


def chosen_file(value: object) -> StarletteUploadFile | None:
    """The file a form field holds, or None when the field was left empty."""
    # A file input left empty still posts a part, with no file name and no bytes.
    if isinstance(value, StarletteUploadFile) and (value.filename or value.size):
        return value
    return None
