"""The upload page: form questions, answers to a Situation, results in plain English with highlights."""

from __future__ import annotations

from analyser.web.forms import (
    MONTHS,
    FormErrors,
    parse_date,
    person_details,
    read_answers,
    situation_from_answers,
)
from analyser.web.pages import PAGE_HEADERS, STATIC_DIR, WEB_DIR, describe_size, page, templates
from analyser.web.questions import QUESTIONS, Option, Question
from analyser.web.views import (
    Segment,
    clock_time,
    draft_kinds,
    effective_attendance,
    evidence_label,
    highlight,
    long_date,
    result_context,
    result_for_download,
)

__all__ = [
    "MONTHS",
    "FormErrors",
    "parse_date",
    "person_details",
    "read_answers",
    "situation_from_answers",
    "PAGE_HEADERS",
    "STATIC_DIR",
    "WEB_DIR",
    "describe_size",
    "page",
    "templates",
    "QUESTIONS",
    "Option",
    "Question",
    "Segment",
    "clock_time",
    "draft_kinds",
    "effective_attendance",
    "evidence_label",
    "highlight",
    "long_date",
    "result_context",
    "result_for_download",
]
