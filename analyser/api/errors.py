"""The API's one error shape, {"error": {"type", "message"}}, and the exception handlers that answer with it."""

from __future__ import annotations

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from analyser import web
from analyser.errors import AnalyserError, TooLarge


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


def too_large(size: int, limit: int) -> TooLarge:
    """The refusal of an upload of `size` bytes over the `limit`, in words the uploader can act on."""
    return TooLarge(
        f"This file is over {web.describe_size(size)}; the limit is {web.describe_size(limit)}. "
        "Try saving it at a lower resolution, or upload only the pages of the letter."
    )


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


def is_api(request: Request) -> bool:
    """Whether a request is for the JSON API (answered in JSON) rather than the pages (answered in HTML)."""
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
    if is_api(request) or request.method != "GET":
        return error_response(error.status_code, name, str(error.detail))
    return web.page(
        request,
        "error.html",
        error.status_code,
        title="Page not found" if error.status_code == 404 else "Something went wrong",
        message=str(error.detail),
    )
