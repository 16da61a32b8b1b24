"""The result page's view: a result worked out into plain sentences, details and highlighted text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from analyser.result import AnalysisResult, Evidence
from analyser.web.wording import (
    ATTENDANCE_SAYS,
    EVIDENCE_LABELS,
    FREE_ADVICE,
    GROUP_NAMES,
    LETTER_KINDS,
    MUST_GO,
    RECONSIDERATION_HREF,
    VERDICTS,
)


def evidence_label(label: str) -> str:
    """The visible words for an evidence label (the page never relies on colour alone)."""
    if label.startswith("type:"):
        return "What the letter is"
    return EVIDENCE_LABELS.get(label, label.replace("_", " ").capitalize())


@dataclass(frozen=True)
class Segment:
    """A run of a page's text: plain, or a highlighted piece of evidence with its labels."""

    text: str
    labels: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()


def highlight(text: str, spans: list[Evidence]) -> list[Segment]:
    """Cut a page's text into plain runs and evidence runs; overlapping spans merge into one mark."""
    # A span whose offsets do not match its quote would mark the wrong words: leave it to the quote list.
    usable = sorted(
        (
            span
            for span in spans
            if 0 <= span.start < span.end <= len(text) and text[span.start : span.end] == span.text
        ),
        key=lambda span: (span.start, -span.end),
    )
    segments: list[Segment] = []
    position = index = 0
    while index < len(usable):
        start, end, group = usable[index].start, usable[index].end, [usable[index]]
        index += 1
        while index < len(usable) and usable[index].start < end:
            end = max(end, usable[index].end)
            group.append(usable[index])
            index += 1
        if start > position:
            segments.append(Segment(text[position:start]))
        kinds = tuple(dict.fromkeys(span.label.split(":")[0] for span in group))
        labels = tuple(dict.fromkeys(evidence_label(span.label) for span in group))
        segments.append(Segment(text[start:end], labels, kinds))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments


def long_date(iso: str | None) -> str | None:
    """2014-11-14 as 'Friday 14 November 2014'; anything unparseable as it came."""
    if not iso:
        return None
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day:%A} {day.day} {day:%B %Y}"


def clock_time(value: str | None) -> str | None:
    """10:30 as '10:30am', 14:00 as '2pm' (the GOV.UK style for times)."""
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", value or "")
    if not match:
        return value
    hour, minute = int(match[1]), match[2]
    suffix = "am" if hour < 12 else "pm"
    hour = hour % 12 or 12
    return f"{hour}{'' if minute == '00' else ':' + minute}{suffix}"


def effective_attendance(result: AnalysisResult) -> str:
    """The letter's attendance for the person's group, where the letter names one, else its overall wording."""
    letter, check = result.letter, result.check
    if check and letter.attendance_by_group and check.effective_group in letter.attendance_by_group:
        return letter.attendance_by_group[check.effective_group]
    return letter.attendance


def draft_kinds(result: AnalysisResult) -> list[str]:
    """Which draft letters fit: a challenge when the demand looks wrongful, a deferral when it is lawful and compulsory."""
    if result.check is None:
        return []
    if result.check.verdict in ("likely_wrongful", "possibly_wrongful"):
        return ["challenge"]
    if result.check.verdict == "no_concern" and effective_attendance(result) == "mandatory":
        return ["deferral"]
    return []


def result_context(result: AnalysisResult) -> dict[str, Any]:
    """Everything the result page shows, worked out here so the template stays plain markup."""
    letter, check = result.letter, result.check
    heading, kind_text = LETTER_KINDS.get(letter.type, LETTER_KINDS["other"])
    attendance = effective_attendance(result)
    verdict = check.verdict if check else None
    by_attendance = MUST_GO[verdict]
    must_go = by_attendance.get("*") or by_attendance[attendance]
    says = [ATTENDANCE_SAYS[letter.attendance]]
    for group, group_attendance in (letter.attendance_by_group or {}).items():
        sentence = ATTENDANCE_SAYS[group_attendance]
        says.append(f"For people in {GROUP_NAMES.get(group, group)}, {sentence[0].lower()}{sentence[1:]}")
    if letter.sanction_language:
        says.append(
            "It says your benefit could be reduced, stopped or affected if you do not go or take part."
        )
    if letter.esa_group_stated:
        says.append(f"It says you are in {GROUP_NAMES[letter.esa_group_stated]}.")
    appointment = letter.appointment
    details = [
        ("Date", long_date(appointment.date) if appointment else None),
        ("Time", clock_time(appointment.time) if appointment else None),
        (
            "Where",
            "By phone" if appointment and appointment.phone else (appointment.place if appointment else None),
        ),
        ("Office", letter.office),
        ("Letter dated", long_date(letter.letter_date)),
    ]
    pages = [
        (page.number, highlight(page.text, [span for span in letter.evidence if span.page == page.number]))
        for page in result.pages or []
    ]
    return {
        "result": result,
        "heading": heading,
        "kind_text": kind_text,
        "must_go": must_go,
        "says": says,
        "verdict": VERDICTS[verdict] if verdict else None,
        "verdict_code": verdict,
        "details": [(name, value) for name, value in details if value],
        "evidence": [(evidence_label(span.label), span) for span in letter.evidence],
        "pages": pages,
        "warnings": (check.warnings if check else []) + result.warnings,
        "draft_kinds": draft_kinds(result),
        "free_advice": FREE_ADVICE,
        "reconsideration_href": RECONSIDERATION_HREF,
        # Posted back by the download forms, so drafts need nothing kept on the server.
        "result_json": result.model_dump_json(),
    }


def result_for_download(result: AnalysisResult) -> dict[str, Any]:
    """The result as the API returns it: the contract's JSON, without the pages' text."""
    return result.model_copy(update={"pages": None}).model_dump(mode="json")
