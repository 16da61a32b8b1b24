"""The JSON API's routes: analyse a letter, and say the server is up."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel
from spacy.language import Language

from analyser import __version__
from analyser.api.examples import ERROR_RESPONSES, EXAMPLE_RESULT, SITUATION_EXAMPLE
from analyser.api.settings import ServerConfig, get_pipeline, get_settings
from analyser.api.upload import analyse_upload_files, parse_situation
from analyser.result import AnalysisResult

router = APIRouter()


@router.post(
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
        list[UploadFile],
        File(
            description="The letter: PDF (text or scanned), PNG, JPEG, HEIC, TIFF or plain text. "
            "Repeat the field to send several photos of one letter's pages, in order."
        ),
    ],
    settings: Annotated[ServerConfig, Depends(get_settings)],
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
    return await analyse_upload_files(request, file, parsed, settings, include_text)


class Health(BaseModel):
    status: str
    version: str


@router.get("/api/health", response_model=Health, tags=["api"], summary="Is the server up?")
async def health() -> Health:
    """Liveness: answers once the model is loaded."""
    return Health(status="ok", version=__version__)
