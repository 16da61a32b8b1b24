"""The one analyse path: ingest -> nlp -> rules, returning the contract's AnalysisResult."""

from __future__ import annotations

import os
import threading
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from analyser.ingest import Document, Limits, ingest_bytes, ingest_path, one_letter
from analyser.nlp import read_letter
from analyser.result import AnalysisResult, Check, Letter, Situation, Source
from analyser.rules import check as check_rules
from analyser.rules import letter_warnings, with_actions


def analyse_file(
    path: str | os.PathLike[str],
    situation: Situation | dict[str, Any] | None = None,
    *,
    limits: Limits | None = None,
    name: str | None = None,
    include_text: bool = False,
) -> AnalysisResult:
    """Analyse a letter file (PDF, scan, photo, TIFF or text) for an optional situation."""
    return _analyse(ingest_path(path, limits, name=name), situation, include_text)


def analyse_bytes(
    data: bytes,
    name: str,
    situation: Situation | dict[str, Any] | None = None,
    *,
    limits: Limits | None = None,
    include_text: bool = False,
    cancel: threading.Event | None = None,
) -> AnalysisResult:
    """Analyse a letter held in memory (an upload), never writing it to disk; `cancel` stops it between pages."""
    return _analyse(ingest_bytes(data, name, limits, cancel), situation, include_text)


def analyse_files(
    paths: list[str | os.PathLike[str]],
    situation: Situation | dict[str, Any] | None = None,
    *,
    limits: Limits | None = None,
    name: str | None = None,
    include_text: bool = False,
) -> AnalysisResult:
    """Analyse several files (e.g. one photo per page) as the pages of one letter, in order."""
    readers = [(Path(path).name, partial(ingest_path, path, limits)) for path in paths]
    return _analyse(one_letter(readers, name, limits), situation, include_text)


def analyse_uploads(
    files: list[tuple[bytes, str]],
    situation: Situation | dict[str, Any] | None = None,
    *,
    limits: Limits | None = None,
    include_text: bool = False,
    cancel: threading.Event | None = None,
) -> AnalysisResult:
    """Analyse uploads held in memory, (bytes, name) each, as the pages of one letter (one upload is
    read exactly as analyse_bytes reads it)."""
    if len(files) == 1:
        ((data, name),) = files
        return analyse_bytes(data, name, situation, limits=limits, include_text=include_text, cancel=cancel)
    readers = [(name, partial(ingest_bytes, data, name, limits)) for data, name in files]
    return _analyse(one_letter(readers, limits=limits, cancel=cancel), situation, include_text)


def analyse_text(
    text: str, situation: Situation | dict[str, Any] | None = None, *, name: str = "letter.txt"
) -> AnalysisResult:
    """Analyse a letter given as plain text."""
    return _analyse(ingest_bytes(text.encode("utf-8"), name), situation, include_text=False)


def check(letter: Letter, situation: Situation | dict[str, Any], today: date | None = None) -> Check:
    """The rules alone: judge findings against a situation, no NLP; actions dated from `today`."""
    judged = situation if isinstance(situation, Situation) else Situation.parse(situation)
    return with_actions(letter, check_rules(letter, judged, today), today)


def _situation(situation: Situation | dict[str, Any] | None) -> Situation | None:
    if situation is None or isinstance(situation, Situation):
        return situation
    return Situation.parse(situation)


def _analyse(
    document: Document, situation: Situation | dict[str, Any] | None, include_text: bool
) -> AnalysisResult:
    situation = _situation(situation)
    letter = read_letter(document.pages)
    return AnalysisResult(
        source=Source(
            name=document.name,
            sha256=document.sha256,
            media_type=document.media_type,
            pages=len(document.pages),
            text_source=document.text_source,
            ocr_confidence=document.ocr_confidence,
        ),
        letter=letter,
        check=check(letter, situation) if situation else None,
        warnings=document.warnings + letter.uncertain + letter_warnings(letter),
        pages=document.pages if include_text else None,
    )
