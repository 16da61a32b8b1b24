"""The upload page's routes: the form, its result page, draft letters and the result as a file."""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import Annotated, Any, cast
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import ValidationError
from spacy.language import Language
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException as StarletteHTTPException

from analyser.api.settings import ServerConfig, get_pipeline, get_settings
from analyser.api.upload import analyse_upload_files, chosen_file
from analyser.errors import AnalyserError
from analyser.result import AnalysisResult
from analyser.web.flow import asked, kept, next_question, summary
from analyser.web.forms import FormErrors, person_details, read_answers, situation_from_answers
from analyser.web.pages import describe_size, page
from analyser.web.questions import CHILD_AGE, QUESTIONS
from analyser.web.signing import is_sealed, seal
from analyser.web.views import draft_kinds, result_context, result_for_download

router = APIRouter(include_in_schema=False)
FLOW_CONTROLS = {"asked", "change", "mode"}
QUESTION_ERRORS = {"benefit": "Select which benefit you get, or 'None of these'"}


@router.get("/")
async def upload_page(request: Request, settings: Annotated[ServerConfig, Depends(get_settings)]) -> Response:
    """The start page; `?mode=adviser`: every question and the upload on one page."""
    if request.query_params.get("mode") == "adviser":
        return page(request, "form.html", max_upload=describe_size(settings.max_upload_bytes))
    return page(request, "start.html")


@router.get("/questions")
async def question_page(
    request: Request, settings: Annotated[ServerConfig, Depends(get_settings)]
) -> Response:
    """One question per page (answers travel in the link, nothing is kept), then check your answers."""
    answers = {k: v for k, v in read_answers(request.query_params).items() if k not in FLOW_CONTROLS}
    asked_name = request.query_params.get("asked")
    errors = FormErrors()
    if asked_name and not answers.get(asked_name):
        errors.add(asked_name, QUESTION_ERRORS.get(asked_name, "Select an answer"))
    if asked_name == "lone_parent" and answers.get("lone_parent") == "yes":
        situation_from_answers(
            {**answers, "benefit": answers.get("benefit", "")}, child_errors := FormErrors()
        )
        if CHILD_AGE in child_errors.messages:
            errors.add(CHILD_AGE, child_errors.messages[CHILD_AGE])
    answers = kept(answers)
    change = request.query_params.get("change")
    question = next((q for q in QUESTIONS if q.name == (asked_name if errors else change)), None)
    question = question or next_question(answers)
    if question is None:
        return _check_answers(request, answers, errors, settings)
    hidden = {k: v for k, v in answers.items() if k not in (question.name, CHILD_AGE)}
    earlier = [q.name for q in asked(answers)]
    index = earlier.index(question.name) if question.name in earlier else len(earlier)
    back = f"/questions?{urlencode(hidden)}&change={earlier[index - 1]}" if index > 0 else "/"
    status = 422 if errors else 200
    return page(
        request,
        "question.html",
        status,
        question=question,
        answers=answers,
        errors=errors,
        hidden=hidden,
        back_href=back,
    )


def _check_answers(
    request: Request, answers: dict[str, str], errors: FormErrors, settings: ServerConfig, status: int = 200
) -> Response:
    return page(
        request,
        "check_answers.html",
        status,
        rows=summary(answers),
        answers=answers,
        query=urlencode(answers),
        errors=errors,
        max_upload=describe_size(settings.max_upload_bytes),
    )


@router.post("/check")
async def check_page(
    request: Request,
    settings: Annotated[ServerConfig, Depends(get_settings)],
    _pipeline: Annotated[Language, Depends(get_pipeline)],
) -> Response:
    """The form's target: the result page, or the form again with its errors and the answers kept."""
    _same_origin(request)
    # The context closes the uploaded file's buffer as soon as the page is built.
    async with request.form() as form:
        answers = read_answers(form)
        errors = FormErrors()
        # One file, or several photos of one letter's pages chosen together.
        uploads = [upload for upload in map(chosen_file, form.getlist("letter")) if upload is not None]
        if not uploads:
            errors.add("letter", "Select the file of your letter")
        situation = situation_from_answers(answers, errors)
        status = 422
        if not errors and uploads:
            try:
                result = await analyse_upload_files(request, uploads, situation, settings, include_text=True)
                return page(request, "result.html", **_result_page(result))
            except AnalyserError as error:
                errors.add("letter", error.message)
                status = error.http_status
    if answers.get("flow") == "questions":
        return _check_answers(request, kept(answers), errors, settings, status)
    return page(
        request,
        "form.html",
        status,
        errors=errors,
        answers=answers,
        max_upload=describe_size(settings.max_upload_bytes),
    )


def _result_page(result: AnalysisResult) -> dict[str, Any]:
    """The result page's context, with the seal /draft checks."""
    context = result_context(result)
    return context | {"result_token": seal(context["result_json"])}


def _posted_result(form: FormData, sealed: bool = False) -> AnalysisResult:
    raw = form.get("result")
    token = form.get("result_token")
    if sealed and not (isinstance(raw, str) and isinstance(token, str) and is_sealed(raw, token)):
        # Not a result this server made (forged, edited, or from before a restart): never draft from it.
        raise StarletteHTTPException(
            400, "This result has expired or was changed. Please check your letter again to write a draft."
        )
    try:
        return AnalysisResult.model_validate_json(raw if isinstance(raw, str) else "")
    except (ValidationError, ValueError, RecursionError):
        raise StarletteHTTPException(
            400, "The result was missing or damaged. Please check your letter again."
        ) from None


def _same_origin(request: Request) -> None:
    """Refuse a form posted from another site, by what the browser says about where the form came from."""
    refused = StarletteHTTPException(403, "This form was sent from another site, so it was refused.")
    # Browsers since 2020 say it outright; our no-referrer policy makes them send "Origin: null" instead.
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None:
        if fetch_site not in ("same-origin", "none"):
            raise refused
        return
    claimed = request.headers.get("origin") or request.headers.get("referer")
    if claimed is None:
        return  # not a browser form: a script posting its own data gains nothing it could not do itself
    origin = urlsplit(claimed)
    if claimed == "null" or (origin.scheme, origin.netloc) != (request.url.scheme, request.url.netloc):
        raise refused


@router.post("/draft")
async def draft_letter(request: Request) -> Response:
    """A draft challenge or deferral letter, as PDF or text, from the result the page posted back."""
    from analyser.rules.drafts import DraftKind, PersonDetails, draft_pdf, draft_text

    _same_origin(request)
    form = await request.form()
    result = _posted_result(form, sealed=True)
    answers = read_answers(form)
    errors = FormErrors()
    details = person_details(answers, errors)
    kind = answers.get("kind", "")
    if kind not in draft_kinds(result):
        errors.add("kind", "This kind of letter does not fit your result")
    draft_kind = cast(DraftKind, kind)  # one of draft_kinds' when no error was added
    if not errors:
        try:
            text = draft_text(result, draft_kind, PersonDetails.model_validate(details))
        except ValueError:  # pydantic's ValidationError included
            errors.add("kind", "We could not write that letter for this result")
    if errors:
        return page(request, "result.html", 422, errors=errors, answers=answers, **_result_page(result))
    if answers.get("format") == "txt":
        return _download(text.encode("utf-8"), "text/plain; charset=utf-8", f"{kind}-letter.txt")
    # Rendering counts against the same admission as analysis: drafts cannot crowd out letters.
    async with getattr(request.app.state, "admission", contextlib.nullcontext()):
        pdf = await asyncio.to_thread(draft_pdf, text)
    return _download(pdf, "application/pdf", f"{kind}-letter.pdf")


@router.post("/result.json")
async def download_result(request: Request) -> Response:
    """The analysis as the API returns it, as a file to keep."""
    _same_origin(request)
    result = _posted_result(await request.form())
    return _download(
        json.dumps(result_for_download(result), ensure_ascii=False, indent=2).encode("utf-8"),
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
