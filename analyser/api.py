"""The HTTP API and the upload page: requests in, analyse_bytes in a worker pool, one JSON error shape out."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import time
import traceback
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, Form, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ValidationError
from spacy.language import Language
from starlette.datastructures import FormData
from starlette.datastructures import UploadFile as StarletteUploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from analyser import __version__, analyse_bytes, web
from analyser.errors import AnalyserError, InvalidSituation, TooLarge
from analyser.ingest.limits import Limits
from analyser.nlp import load_pipeline
from analyser.result import AnalysisResult, Situation

log = logging.getLogger(__name__)

DEFAULT_MAX_UPLOAD_BYTES = 20_000_000
CHUNK_BYTES = 64 * 1024
# Room in a request body for multipart boundaries and the small form fields beside the file
# (the draft form posts a result, which carries the letter's text, up to Starlette's 1 MB per field).
FORM_OVERHEAD_BYTES = 1_100_000
# Letters read into memory per analysis thread: one being analysed and one ready to go.
ADMITTED_PER_WORKER = 2


# ---- settings and dependencies ----------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """What a server run is configured with: the input limits and how many letters it analyses at once."""

    limits: Limits
    workers: int

    @property
    def max_upload_bytes(self) -> int:
        return self.limits.max_bytes

    @classmethod
    def from_env(cls) -> Settings:
        """Limits.from_env() with uploads capped at ANALYSER_MAX_UPLOAD_BYTES (20 MB); ANALYSER_WORKERS threads."""
        limits = Limits.from_env()
        upload = int(os.environ.get("ANALYSER_MAX_UPLOAD_BYTES") or DEFAULT_MAX_UPLOAD_BYTES)
        workers = int(os.environ.get("ANALYSER_WORKERS") or _cores())
        return cls(limits=replace(limits, max_bytes=min(limits.max_bytes, upload)), workers=max(1, workers))


def _cores() -> int:
    # The cores this process may run on, not the machine's: containers often pin fewer.
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@lru_cache
def get_settings() -> Settings:
    """The server's settings, read from the environment once (tests override this dependency)."""
    return Settings.from_env()


def get_pipeline() -> Language:
    """The spaCy pipeline, loaded once per process (lifespan loads it before the first request)."""
    return load_pipeline()


def current_settings(app: FastAPI) -> Settings:
    """get_settings as the routes see it, overrides included, for code outside dependency injection."""
    return app.dependency_overrides.get(get_settings, get_settings)()


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Load the model and start the analysis threads before serving; stop the threads after."""
    settings = current_settings(app)
    await asyncio.to_thread(load_pipeline)
    # A pool of its own, sized to the cores: analysis is CPU-bound, and each thread keeps its own
    # Tesseract engine, so long-lived threads beat anyio's, which retire when idle.
    app.state.executor = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="analyse")
    app.state.admission = asyncio.Semaphore(ADMITTED_PER_WORKER * settings.workers)
    log.info(
        "ready: %d analysis threads, uploads up to %s",
        settings.workers,
        web.describe_size(settings.max_upload_bytes),
    )
    try:
        yield
    finally:
        app.state.executor.shutdown(wait=False, cancel_futures=True)


# ---- errors -----------------------------------------------------------------------------------------


class InternalError(AnalyserError):
    """Something broke on our side: answered as a 500 in the usual shape, never with the details."""

    http_status = 500

    def __init__(self) -> None:
        super().__init__(
            "Something went wrong while reading this letter. Please try again, or try another copy."
        )


class ErrorDetail(BaseModel):
    type: str
    message: str


class ErrorBody(BaseModel):
    """Every error the API returns: {"error": {"type", "message"}}."""

    error: ErrorDetail


def error_response(status: int, error_type: str, message: str) -> JSONResponse:
    """The contract's error shape."""
    return JSONResponse(
        {"error": {"type": error_type, "message": message}},
        status_code=status,
        headers={"Cache-Control": "no-store"},
    )


def _error_example(status: int, error_type: str, message: str, description: str) -> dict[str, Any]:
    return {
        "model": ErrorBody,
        "description": description,
        "content": {"application/json": {"example": {"error": {"type": error_type, "message": message}}}},
    }


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    413: _error_example(
        413, "TooLarge", "This file is over the 20 MB limit.", "Over the size, page or pixel limit"
    ),
    415: _error_example(
        415,
        "UnsupportedFileType",
        "This looks like a Word document or ZIP archive. Please upload "
        "the letter as a PDF, a photo (PNG, JPEG, TIFF) or a plain text file.",
        "Not a type we read",
    ),
    422: _error_example(
        422,
        "EncryptedPdf",
        "This PDF is password-protected ...",
        "Unreadable (CorruptFile, EncryptedPdf, NoTextFound), a bad situation (InvalidSituation) "
        "or a malformed request (InvalidRequest, e.g. no file)",
    ),
    500: _error_example(500, "InternalError", InternalError().message, "A fault on our side"),
}

EXAMPLE_RESULT = {
    "schema": "letter-analysis/1",
    "source": {
        "name": "letter.pdf",
        "sha256": "9f2c…",
        "media_type": "application/pdf",
        "pages": 1,
        "text_source": "pdf_text",
        "ocr_confidence": None,
    },
    "letter": {
        "type": "wfi",
        "type_confidence": 0.97,
        "is_wfi_summons": True,
        "attendance": "mandatory",
        "attendance_by_group": None,
        "sanction_language": True,
        "benefits_mentioned": ["esa"],
        "esa_group_stated": None,
        "office": "Ipswich Jobcentre Plus",
        "letter_date": "2014-11-03",
        "appointment": {
            "date": "2014-11-14",
            "time": "10:30",
            "place": "Ipswich Jobcentre Plus",
            "phone": False,
        },
        "evidence": [
            {"label": "mandatory", "text": "You must attend", "page": 1, "start": 412, "end": 427},
            {"label": "sanction", "text": "your benefit may be reduced", "page": 1, "start": 501, "end": 528},
        ],
    },
    "check": {
        "situation": {"benefit": "esa", "group": "support_group", "flags": {}},
        "verdict": "likely_wrongful",
        "effective_group": "support_group",
        "reasons": [
            {
                "code": "ESA_SUPPORT_GROUP_NO_WFI",
                "text": "People in the ESA support group cannot be required to take part in a work-focused "
                "interview.",
                "source": "ESA Regulations 2008 reg 54(2)(b)",
                "href": "https://www.legislation.gov.uk/uksi/2008/794/regulation/54",
            }
        ],
        "next_steps": ["Phone the office on the letter and say you are in the support group."],
        "warnings": [],
    },
    "warnings": [],
    "pages": None,
}


def _validation_message(error: RequestValidationError) -> str:
    # Built from where and what, never from the input itself, which may be the letter.
    parts = []
    for problem in error.errors():
        where = ".".join(str(part) for part in problem.get("loc", ())[1:]) or "request"
        if where == "file" and problem.get("type") == "missing":
            parts.append("No letter was sent: upload it as the multipart form field 'file'.")
        else:
            parts.append(f"{where}: {problem.get('msg', 'invalid')}")
    return " ".join(parts)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def analyser_error_handler(request: Request, error: Exception) -> Response:
    assert isinstance(error, AnalyserError)
    return error_response(error.http_status, error.type, error.message)


async def validation_error_handler(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    return error_response(422, "InvalidRequest", _validation_message(error))


async def http_error_handler(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    name = {400: "BadRequest", 404: "NotFound", 405: "MethodNotAllowed"}.get(error.status_code, "HTTPError")
    if _is_api(request) or request.method != "GET":
        return error_response(error.status_code, name, str(error.detail))
    return web.page(
        request,
        "error.html",
        error.status_code,
        title="Page not found" if error.status_code == 404 else "Something went wrong",
        message=str(error.detail),
    )


# ---- the upload size guard --------------------------------------------------------------------------


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


def _refuse_upload(scope: Scope, size: int) -> Response:
    limit = current_settings(app).max_upload_bytes
    error = _too_large(size, limit)
    request = Request(scope)
    if _is_api(request):
        return error_response(error.http_status, error.type, error.message)
    errors = web.FormErrors()
    errors.add("letter", error.message)
    return web.page(
        request, "form.html", error.http_status, errors=errors, max_upload=web.describe_size(limit)
    )


def _too_large(size: int, limit: int) -> TooLarge:
    return TooLarge(
        f"This file is over {web.describe_size(size)}; the limit is {web.describe_size(limit)}. "
        "Try saving it at a lower resolution, or upload only the pages of the letter."
    )


# ---- shared request handling ------------------------------------------------------------------------


async def read_upload(upload: StarletteUploadFile, max_bytes: int) -> bytes:
    """The upload's bytes, read in chunks, refusing it with TooLarge as soon as it passes max_bytes."""
    chunks, size = [], 0
    while chunk := await upload.read(CHUNK_BYTES):
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(size, max_bytes)
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
    # Only a few letters are read into memory at once; the rest wait in the request parser's spool.
    async with getattr(request.app.state, "admission", contextlib.nullcontext()):
        data = await read_upload(upload, settings.max_upload_bytes)
        return await _analyse(request, data, upload.filename or "letter", situation, settings, include_text)


async def _analyse(
    request: Request,
    data: bytes,
    name: str,
    situation: Situation | None,
    settings: Settings,
    include_text: bool,
) -> AnalysisResult:
    executor = getattr(request.app.state, "executor", None)
    started = time.perf_counter()
    job = partial(analyse_bytes, data, name, situation, limits=settings.limits, include_text=include_text)
    try:
        result = await asyncio.get_running_loop().run_in_executor(executor, job)
    except AnalyserError as error:
        log.info("refused: %s, %d bytes, %.2fs", error.type, len(data), time.perf_counter() - started)
        raise
    except Exception as error:
        # Messages can quote the letter: log where it failed (files and lines, not even source), never what it said.
        log.error(
            "analysis failed: %s, %d bytes\n%s",
            type(error).__name__,
            len(data),
            "".join(
                f"  {frame.filename}:{frame.lineno} in {frame.name}\n"
                for frame in traceback.extract_tb(error.__traceback__)
            ),
        )
        raise InternalError() from None
    log.info(
        "analysed: %s, %d bytes, %d pages, %s, %.2fs",
        result.source.media_type,
        len(data),
        result.source.pages,
        result.check.verdict if result.check else "no situation",
        time.perf_counter() - started,
    )
    return result


def _chosen_file(value: object) -> StarletteUploadFile | None:
    # A file input left empty still posts a part, with no file name and no bytes.
    if isinstance(value, StarletteUploadFile) and (value.filename or value.size):
        return value
    return None


# ---- the app ----------------------------------------------------------------------------------------

app = FastAPI(
    title="Letter analyser",
    version=__version__,
    summary="Reads a Jobcentre / DWP letter: is it a work-focused interview, must you go, is the demand wrongful?",
    description="Upload a letter (PDF, scan, photo, TIFF or text) with an optional situation (benefit, group, "
    "circumstances) and get the analysis described in CONTRACT.md. Letters are read in memory and never kept.",
    lifespan=lifespan,
)
app.add_exception_handler(AnalyserError, analyser_error_handler)
app.add_exception_handler(RequestValidationError, validation_error_handler)
app.add_exception_handler(StarletteHTTPException, http_error_handler)
app.add_middleware(
    UploadSizeGuard, limit=lambda: current_settings(app).max_upload_bytes, refuse=_refuse_upload
)
app.mount("/static", StaticFiles(directory=web.STATIC_DIR), name="static")

SITUATION_EXAMPLE = '{"benefit": "esa", "group": "support_group", "flags": {"gets_carers_allowance": false}}'


@app.post(
    "/api/analyse",
    response_model=AnalysisResult,
    responses={200: {"content": {"application/json": {"example": EXAMPLE_RESULT}}}, **ERROR_RESPONSES},
    summary="Analyse a letter",
    tags=["api"],
)
async def analyse_upload(
    request: Request,
    response: Response,
    file: Annotated[
        UploadFile, File(description="The letter: PDF (text or scanned), PNG, JPEG, TIFF or plain text.")
    ],
    settings: Annotated[Settings, Depends(get_settings)],
    _pipeline: Annotated[Language, Depends(get_pipeline)],
    situation: Annotated[
        str | None,
        Form(
            description="The person's situation as a JSON object (see CONTRACT.md); leave out for no check.",
            examples=[SITUATION_EXAMPLE],
        ),
    ] = None,
    include_text: Annotated[
        bool, Query(description="Also return each page's text (`pages`), which evidence offsets point into.")
    ] = False,
) -> AnalysisResult:
    """Analyse one uploaded letter; with a situation, also judge whether its demand is wrongful."""
    parsed = parse_situation(situation)
    response.headers["Cache-Control"] = "no-store"
    return await analyse_upload_file(request, file, parsed, settings, include_text)


class Health(BaseModel):
    status: str
    version: str


@app.get("/api/health", response_model=Health, tags=["api"], summary="Is the server up?")
async def health() -> Health:
    """Liveness: answers once the model is loaded."""
    return Health(status="ok", version=__version__)


# ---- the page ---------------------------------------------------------------------------------------


@app.get("/", include_in_schema=False)
async def upload_page(request: Request, settings: Annotated[Settings, Depends(get_settings)]) -> Response:
    """The upload form."""
    return web.page(request, "form.html", max_upload=web.describe_size(settings.max_upload_bytes))


@app.post("/check", include_in_schema=False)
async def check_page(
    request: Request,
    settings: Annotated[Settings, Depends(get_settings)],
    _pipeline: Annotated[Language, Depends(get_pipeline)],
) -> Response:
    """The form's target: the result page, or the form again with its errors and the answers kept."""
    # The context closes the uploaded file's buffer as soon as the page is built.
    async with request.form() as form:
        answers = web.read_answers(form)
        errors = web.FormErrors()
        upload = _chosen_file(form.get("letter"))
        if upload is None:
            errors.add("letter", "Select the file of your letter")
        situation = web.situation_from_answers(answers, errors)
        status = 422
        if not errors and upload is not None:
            try:
                result = await analyse_upload_file(request, upload, situation, settings, include_text=True)
                return web.page(request, "result.html", **web.result_context(result))
            except AnalyserError as error:
                errors.add("letter", error.message)
                status = error.http_status
    return web.page(
        request,
        "form.html",
        status,
        errors=errors,
        answers=answers,
        max_upload=web.describe_size(settings.max_upload_bytes),
    )


def _posted_result(form: FormData) -> AnalysisResult:
    raw = form.get("result")
    try:
        return AnalysisResult.model_validate_json(raw if isinstance(raw, str) else "")
    except ValidationError:
        raise StarletteHTTPException(
            400, "The result was missing or damaged. Please check your letter again."
        ) from None


@app.post("/draft", include_in_schema=False)
async def draft_letter(request: Request) -> Response:
    """A draft challenge or deferral letter, as PDF or text, from the result the page posted back."""
    from analyser.rules.drafts import PersonDetails, draft_pdf, draft_text

    form = await request.form()
    result = _posted_result(form)
    answers = web.read_answers(form)
    errors = web.FormErrors()
    details = web.person_details(answers, errors)
    kind = answers.get("kind", "")
    if kind not in web.draft_kinds(result):
        errors.add("kind", "This kind of letter does not fit your result")
    if not errors:
        try:
            text = draft_text(result, kind, PersonDetails.model_validate(details))
        except ValueError:  # pydantic's ValidationError included
            errors.add("kind", "We could not write that letter for this result")
    if errors:
        return web.page(
            request, "result.html", 422, errors=errors, answers=answers, **web.result_context(result)
        )
    if answers.get("format") == "txt":
        return _download(text.encode("utf-8"), "text/plain; charset=utf-8", f"{kind}-letter.txt")
    pdf = await asyncio.to_thread(draft_pdf, text)
    return _download(pdf, "application/pdf", f"{kind}-letter.pdf")


@app.post("/result.json", include_in_schema=False)
async def download_result(request: Request) -> Response:
    """The analysis as the API returns it, as a file to keep."""
    result = _posted_result(await request.form())
    return _download(
        json.dumps(web.result_for_download(result), ensure_ascii=False, indent=2).encode("utf-8"),
        "application/json",
        "letter-analysis.json",
    )


def _download(content: bytes, media_type: str, filename: str) -> Response:
    return Response(
        content,
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )
