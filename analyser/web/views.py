"""The result page's view: a result worked out into plain sentences, details and highlighted text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from analyser.nlp.group_words import GROUP_NAME_WORDS
from analyser.result import WRONGFUL, AnalysisResult, Evidence
from analyser.rules.calendar import clock_time, long_date
from analyser.rules.drafts import DRAFT_VERDICTS
from analyser.rules.quotes import sentence_bounds
from analyser.rules.rulebook import load_rulebook
from analyser.web.answer import answer, conflict_readings, effective_attendance, quotes
from analyser.web.wording import (
    ATTENDANCE_SAYS,
    CONFLICT_HEADING,
    EVIDENCE_LABELS,
    FREE_ADVICE,
    GROUP_NAMES,
    LETTER_KINDS,
    RECONSIDERATION_HREF,
    VERDICT_WORDS,
)

__all__ = ["clock_time", "long_date", "effective_attendance"]


def evidence_label(label: str) -> str:
    """The visible words for an evidence label (the page never relies on colour alone)."""
    if label.startswith("type:"):
        return "What the letter is"
    if label.startswith("group:") and label[6:] in GROUP_NAMES:
        return f"Says you are in {GROUP_NAMES[label[6:]]}"
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


def draft_kinds(result: AnalysisResult) -> list[str]:
    """Which draft letters fit: a challenge when the demand looks wrongful, a deferral when it is lawful and compulsory."""
    if result.check is None:
        return []
    verdict = result.check.verdict
    if verdict in DRAFT_VERDICTS["challenge"]:
        return ["challenge"]
    if verdict in DRAFT_VERDICTS["deferral"] and effective_attendance(result) == "mandatory":
        return ["deferral"]
    return []


def result_context(result: AnalysisResult) -> dict[str, Any]:
    """Everything the result page shows, worked out here so the template stays plain markup."""
    letter, check = result.letter, result.check
    kind_heading, kind_text = LETTER_KINDS.get(letter.type, LETTER_KINDS["other"])
    verdict = check.verdict if check else None
    conflicts = list(check.conflicts) if check else []
    the_answer = answer(result)
    # One message for a letter that makes going depend on the group: what it says for each group, never
    # also "it does not say whether you must".
    says = [] if letter.attendance_by_group else [ATTENDANCE_SAYS[letter.attendance]]
    for group, group_attendance in (letter.attendance_by_group or {}).items():
        sentence = ATTENDANCE_SAYS[group_attendance]
        says.append(f"For people in {GROUP_NAMES.get(group, group)}, {sentence[0].lower()}{sentence[1:]}")
    if letter.sanction_language:
        says.append(
            "It says your benefit could be reduced, stopped or affected if you do not go or take part."
            if letter.attendance != "none"
            else "It says your benefit could be reduced, stopped or affected if you do not do what it asks."
        )
    stated = load_rulebook().stated_group(letter)
    if stated:
        says.append(f"It says you {stated[2]}.")
    appointment = letter.appointment
    details = [
        ("Date", long_date(appointment.date) if appointment else None),
        ("Time", clock_time(appointment.time) if appointment else None),
        (
            "Where",
            "By phone" if appointment and appointment.phone else (appointment.place if appointment else None),
        ),
        ("Office", letter.office),
        ("Phone", letter.office_phone),
        ("Reference", letter.reference),
        ("Letter dated", long_date(letter.letter_date)),
    ]
    pages = [
        (page.number, highlight(page.text, [span for span in letter.evidence if span.page == page.number]))
        for page in result.pages or []
    ]
    return {
        "result": result,
        "answer": the_answer,
        "heading": CONFLICT_HEADING if conflicts else the_answer.heading,
        "conflicts": conflicts,
        "readings": conflict_readings(result) if conflicts else [],
        "stated_group_quote": _stated_group_quote(result),
        "kind_heading": kind_heading,
        "kind_text": kind_text,
        "actions": [(action, long_date(action.by)) for action in (check.actions if check else [])],
        "says": says,
        "verdict": VERDICT_WORDS[verdict] if verdict else None,
        "verdict_code": verdict,
        "wrongful": verdict in WRONGFUL,
        "details": [(name, value) for name, value in details if value],
        "quotes": quotes(result, evidence_label),
        "pages": pages,
        "warnings": (check.warnings if check else []) + result.warnings,
        "draft_kinds": draft_kinds(result),
        "draft_defaults": _draft_defaults(result),
        "free_advice": FREE_ADVICE,
        "reconsideration_href": RECONSIDERATION_HREF,
        # Posted back by the download forms, so drafts need nothing kept on the server.
        "result_json": result.model_dump_json(),
    }


def _stated_group_quote(result: AnalysisResult) -> str | None:
    """When the person did not know their group and the letter states one, the words the answer relied on."""
    check, letter = result.check, result.letter
    if check is None or check.situation.group or not letter.esa_group_stated:
        return None
    for quote in quotes(result, evidence_label):
        if any(kind.startswith("group") for kind in quote.kinds):
            return quote.before + quote.marked + quote.after
    # No span for the group: the first sentence of the letter that names it.
    words = re.compile(GROUP_NAME_WORDS[letter.esa_group_stated], re.I)
    for page in result.pages or ():
        found = words.search(page.text)
        bounds = sentence_bounds(page.text, found.start(), found.end()) if found else None
        if bounds:
            return " ".join(page.text[bounds[0] : bounds[1]].split())
    return None


def _draft_defaults(result: AnalysisResult) -> dict[str, str]:
    """The draft form's fields filled from the letter (the person checks and edits them; nothing is kept)."""
    person = result.letter.recipient
    defaults = {"reference": result.letter.reference or ""}
    if person:
        defaults |= {
            "name": _plain_name(person.name or ""),
            "address": ", ".join(person.address),
            "ni_number": person.ni_number or "",
        }
    return {key: value for key, value in defaults.items() if value}


def _plain_name(name: str) -> str:
    """'Mr Graham Rutherford' as 'Graham Rutherford': a signature has no title."""
    first, _, rest = name.partition(" ")
    return rest if first.rstrip(".").lower() in {"mr", "mrs", "ms", "miss", "mx", "dr"} and rest else name


def result_for_download(result: AnalysisResult) -> dict[str, Any]:
    """The result as the API returns it: the contract's JSON, without the pages' text."""
    return result.model_copy(update={"pages": None}).model_dump(mode="json")
