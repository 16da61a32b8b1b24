"""The result's presentable fields, listed once: what each is called and how it reads as text.

The CLI summary prints them in this order; the CSV, the campaign report and the result page are
tested against this list (tests/test_fields.py), so a field added to the result appears in every
interface or a test names the one that lacks it. A field people do not read (a hash, the page
text) is listed in NOT_PRESENTED with why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from analyser.result import AnalysisResult


def _plain(value: Any) -> str | None:
    """A JSON value as a short line of text; None for nothing to say."""
    if value is None or value == [] or value == {}:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {item}" for key, item in value.items())
    return str(value)


def _appointment(value: dict[str, Any] | None) -> str | None:
    if not value:
        return None
    where = "by phone" if value.get("phone") else (value.get("place") or "")
    return f"{value.get('date') or '?'} {value.get('time') or ''} {where}".replace("  ", " ").strip()


def _actions(value: list[dict[str, Any]] | None) -> list[str]:
    lines = []
    for action in value or []:
        extra = [
            f"by {action['by']}" if action.get("by") else "",
            f"phone {action['phone']}" if action.get("phone") else "",
        ]
        lines.append(" ".join([action.get("text", ""), *[bit for bit in extra if bit]]).strip())
    return lines


def _evidence(value: list[dict[str, Any]] | None) -> list[str]:
    return [f'[{item["label"]}] p{item["page"]}: "{item["text"]}"' for item in value or []]


def _judged_at(value: dict[str, Any] | None) -> str | None:
    return f"{value['date']} (from the {str(value['from']).replace('_', ' ')})" if value else None


def _coded(value: list[dict[str, Any]] | None) -> list[str]:
    return [f"{item['code']}: {item['text']}" for item in value or []]


def _reasons(value: list[dict[str, Any]] | None) -> list[str]:
    return [f"{item['code']}: {item['text']} ({item['source']})" for item in value or []]


@dataclass(frozen=True)
class Field:
    """One presentable field: its dotted path in the result's JSON, its name, and its text."""

    path: str
    label: str
    as_text: Callable[[Any], str | list[str] | None] = _plain

    def value(self, data: dict[str, Any]) -> Any:
        """The field's JSON value in a result's JSON (None where a block such as `check` is absent)."""
        for key in self.path.split("."):
            if not isinstance(data, dict):
                return None
            data = data.get(key)  # type: ignore[assignment]
        return data

    def lines(self, data: dict[str, Any]) -> list[str]:
        """The field as lines of text: none when it has no value, several for a list of items."""
        text = self.as_text(self.value(data))
        if text is None:
            return []
        return [text] if isinstance(text, str) else text


PRESENTED: tuple[Field, ...] = (
    Field("source.name", "file"),
    Field("letter.type", "letter type"),
    Field("letter.type_confidence", "confidence"),
    Field("letter.is_wfi_summons", "work-focused interview summons"),
    Field("letter.attendance", "attendance"),
    Field("letter.attendance_by_group", "attendance by group"),
    Field("letter.sanction_language", "threatens your benefit"),
    Field("letter.benefits_mentioned", "benefits mentioned"),
    Field("letter.esa_group_stated", "ESA group stated"),
    Field("letter.confidence", "how sure"),
    Field("letter.uncertain", "not sure because", lambda reasons: list(reasons or [])),
    Field("letter.letter_date", "letter dated"),
    Field("letter.appointment", "appointment", _appointment),
    Field("letter.office", "office"),
    Field("letter.office_phone", "office phone"),
    Field("letter.office_address", "office address"),
    Field("letter.reference", "reference"),
    Field("letter.evidence", "evidence", _evidence),
    Field("check.verdict", "verdict"),
    Field("check.effective_group", "group judged"),
    Field("check.reasons", "reason", _reasons),
    Field("check.judged_at", "law as at", _judged_at),
    Field("check.conflicts", "conflict", _coded),
    Field("check.next_steps", "next step", lambda steps: list(steps or [])),
    Field("check.actions", "to do", _actions),
    Field("check.warnings", "warning", lambda warnings: list(warnings or [])),
    Field("warnings", "warning", lambda warnings: list(warnings or [])),
)

NOT_PRESENTED: dict[str, str] = {
    "schema": "a version marker for programs",
    "source.sha256": "identifies the file for programs (dedup, --resume), not for people",
    "source.media_type": "how the file was read; people know what they uploaded",
    "source.pages": "the page count; people see the pages themselves",
    "source.text_source": "how the text was read (text layer or OCR); for advisers' tools",
    "source.ocr_confidence": "OCR quality, surfaced as a warning when it matters",
    "check.situation": "what the person told us, echoed back for programs",
    "check.appointment_passed": "whether the date has passed: the answer and the steps are worded for it",
    "pages": "the letter's own text, which the page highlights and nothing else repeats",
    "letter.recipient": "the person's own name, address and NI number: they fill the draft letter, never a report",
}


def text_lines(result: AnalysisResult, skip: frozenset[str] = frozenset()) -> list[tuple[Field, str]]:
    """Every presented field with a value, as (field, line) pairs in PRESENTED's order."""
    data = result.model_dump(mode="json", by_alias=True)
    return [(field, line) for field in PRESENTED if field.path not in skip for line in field.lines(data)]
