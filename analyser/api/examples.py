"""The OpenAPI examples: a result, a situation and each error the analyse route can answer with."""

from __future__ import annotations

from typing import Any

from analyser.api.errors import ErrorBody
from analyser.errors import InternalError

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
