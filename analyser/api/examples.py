"""The OpenAPI examples: a result, a situation and each error the analyse route can answer with."""

from __future__ import annotations

import json
from typing import Any

from analyser.api.errors import ErrorBody
from analyser.errors import InternalError
from analyser.result import AnalysisResult, Appointment, Evidence, Letter, Situation, Source
from analyser.rules import check

SITUATION_EXAMPLE = '{"benefit": "esa", "group": "support_group", "flags": {"gets_carers_allowance": false}}'


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

# The letter as the NLP stage would find it; the check is the rules' real answer for the situation,
# so the example cannot drift from what the API returns.
EXAMPLE_LETTER = Letter(
    type="wfi",
    type_confidence=0.97,
    attendance="mandatory",
    sanction_language=True,
    benefits_mentioned=["esa"],
    office="Ipswich Jobcentre Plus",
    letter_date="2014-11-03",
    appointment=Appointment(date="2014-11-14", time="10:30", place="Ipswich Jobcentre Plus", phone=False),
    evidence=[
        Evidence(label="mandatory", text="You must attend", page=1, start=412, end=427),
        Evidence(label="sanction", text="your benefit may be reduced", page=1, start=501, end=528),
    ],
)
EXAMPLE_SITUATION = Situation.parse(json.loads(SITUATION_EXAMPLE))
EXAMPLE_RESULT: dict[str, Any] = AnalysisResult(
    source=Source(
        name="letter.pdf",
        sha256="9f2c…",
        media_type="application/pdf",
        pages=1,
        text_source="pdf_text",
        ocr_confidence=None,
    ),
    letter=EXAMPLE_LETTER,
    check=check(EXAMPLE_LETTER, EXAMPLE_SITUATION),
).model_dump(mode="json")
