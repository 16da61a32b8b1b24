"""Reading orchestration: load the pipeline once, run it over a letter's pages, assemble the `letter` block."""

from __future__ import annotations

import logging
import os
import threading
from datetime import date
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Span

from analyser.nlp import components  # noqa: F401  (registers the components)
from analyser.nlp.components import LIVE_KEY, add_cue_ruler
from analyser.nlp.contacts import office_address, office_phone, recipient, reference
from analyser.nlp.decide import decide
from analyser.nlp.extract import appointment, benefits_mentioned, esa_group_stated, letter_date, office
from analyser.nlp.letter_type import TYPE_EVIDENCE, classify
from analyser.nlp.tokenizer import LineTokenizer
from analyser.result import Appointment, Evidence, Letter, Page

log = logging.getLogger(__name__)

MODEL_DIR = Path(
    os.environ.get("ANALYSER_MODEL", Path(__file__).resolve().parents[2] / "models" / "letter_type")
)
PAGE_SEPARATOR = "\n\n"
_lock = threading.Lock()
_pipeline: Language | None = None


def load_pipeline(model_dir: Path | None = None) -> Language:
    """The letter pipeline: the trained type classifier plus the rule components, loaded once."""
    global _pipeline
    with _lock:
        if _pipeline is None or model_dir is not None:
            _pipeline = build_pipeline(model_dir or MODEL_DIR)
        return _pipeline


def build_pipeline(model_dir: Path) -> Language:
    """Load the trained classifier from `model_dir` (or a blank pipeline without it) and add the rules."""
    if (model_dir / "config.cfg").exists():
        nlp = spacy.load(model_dir)
    else:
        log.warning(
            "no trained model at %s: letter types come from rules only (run `analyser train`)", model_dir
        )
        nlp = spacy.blank("en")
    nlp.tokenizer = LineTokenizer(nlp.tokenizer)
    nlp.add_pipe("letter_sentences", first=True)
    add_cue_ruler(nlp)
    nlp.add_pipe("cue_scope", after="cue_ruler")
    return nlp


def read_letter(pages: list[Page]) -> Letter:
    """Everything the contract's `letter` block says, found in the pages' text."""
    text, starts = _join(pages)
    doc = load_pipeline()(text)
    letter_type, confidence, _ = classify(doc)
    benefits = benefits_mentioned(text)
    sent = letter_date(text)
    sent_date: date | None = sent.value if sent else None
    found_appointment = appointment(text, sent)
    live = list(doc.spans[LIVE_KEY])
    decision = decide(letter_type, live, found_appointment is not None)
    evidence = [
        _evidence(span.label_, span.start_char, span.end_char, text, starts, pages)
        for span in decision.evidence
    ]
    if decision.sanction_language and not any(e.label == "sanction" for e in evidence):
        for span in live:
            if span.label_ == "sanction":
                evidence.append(_evidence("sanction", span.start_char, span.end_char, text, starts, pages))
                break
    type_span = _type_span(letter_type, text)
    if type_span:
        evidence.insert(0, _evidence(f"type:{letter_type}", *type_span, text, starts, pages))
    if found_appointment and found_appointment.date_span:
        evidence.append(_evidence("appointment_date", *found_appointment.date_span, text, starts, pages))
    return Letter(
        type=letter_type,
        type_confidence=confidence,
        attendance=decision.attendance,
        attendance_by_group=decision.attendance_by_group,
        sanction_language=decision.sanction_language,
        benefits_mentioned=benefits,
        esa_group_stated=esa_group_stated(doc, live, benefits),
        office=office(text),
        office_phone=office_phone(text),
        office_address=office_address(text, office(text)),
        reference=reference(text),
        recipient=recipient(text),
        letter_date=sent_date.isoformat() if sent_date else None,
        appointment=Appointment(
            date=found_appointment.date,
            time=found_appointment.time,
            place=found_appointment.place,
            phone=found_appointment.phone,
        )
        if found_appointment and decision.attendance != "none"
        else None,
        evidence=_unique(evidence),
    )


def _join(pages: list[Page]) -> tuple[str, list[int]]:
    starts, parts, position = [], [], 0
    for page in pages:
        starts.append(position)
        parts.append(page.text)
        position += len(page.text) + len(PAGE_SEPARATOR)
    return PAGE_SEPARATOR.join(parts), starts


def _evidence(label: str, start: int, end: int, text: str, starts: list[int], pages: list[Page]) -> Evidence:
    index = max(i for i, s in enumerate(starts) if s <= start)
    offset = starts[index]
    label = label.replace("request", "attend_request")
    return Evidence(
        label=label, text=text[start:end], page=pages[index].number, start=start - offset, end=end - offset
    )


def _type_span(letter_type: str, text: str) -> tuple[int, int] | None:
    for label, pattern, _ in TYPE_EVIDENCE:
        if label == letter_type:
            match = pattern.search(text)
            if match:
                return match.start(), match.end()
    return None


def _unique(evidence: list[Evidence]) -> list[Evidence]:
    seen, kept = set(), []
    for item in evidence:
        key = (item.label, item.page, item.start, item.end)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def cue_spans(text: str) -> list[Span]:
    """Every cue the ruler finds in a text, with why it was switched off (for debugging patterns)."""
    doc = load_pipeline()(text)  # a SpanGroup only holds its Doc weakly: keep it alive while listing
    return list(doc.spans["cues"])
