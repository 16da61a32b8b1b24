"""Draft letters from an analysis: a challenge to a wrongful demand, or a request to defer an interview."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import date
from typing import Literal

from fpdf import FPDF
from pydantic import BaseModel, Field

from analyser.result import WRONGFUL, AnalysisResult, Letter
from analyser.rules.actions import relies_on
from analyser.rules.calendar import clock_time, day_month_year
from analyser.rules.engine import attendance_for
from analyser.rules.judged import law_for
from analyser.rules.quotes import sentence_bounds
from analyser.rules.rows import Derivation, Requirement
from analyser.rules.rulebook import Rulebook, load_rulebook
from analyser.typography import PLAIN_PUNCTUATION

DraftKind = Literal["challenge", "deferral"]
# Which verdicts each draft fits; anything else would ask for the wrong thing.
DRAFT_VERDICTS: dict[str, tuple[str, ...]] = {
    "challenge": WRONGFUL,
    "deferral": ("no_concern",),
}
# A hedged rule stated in the person's own letter: their understanding, not a certainty.
HEDGED_RULE = "This is my understanding of current practice."
# Typographic characters outside latin-1 (the PDF core fonts' range) and their plain equivalents.
LATIN1_SUBSTITUTES = str.maketrans(
    {
        **PLAIN_PUNCTUATION,
        "\u2022": "-",
        "\u2026": "...",
        "\u20ac": "EUR ",
        "\u200b": "",
    }
)


class PersonDetails(BaseModel):
    """What the letter's owner tells us to put in their draft; only the name is required."""

    name: str = Field(min_length=1)
    ni_number: str | None = None
    reference: str | None = None
    address: str | None = None
    reason: str | None = None
    later_date: date | None = None


def draft_text(
    result: AnalysisResult, kind: DraftKind, details: PersonDetails, today: date | None = None
) -> str:
    """The text of a challenge letter (wrongful demand) or deferral request (lawful, mandatory interview)."""
    _require_fit(result, kind)
    book = load_rulebook()
    letter = result.letter
    label = book.kinds[book.kind_of(letter.type) or "wfi"].label
    body = (
        _challenge_body(book, result, label)
        if kind == "challenge"
        else _deferral_body(book, result, details, label)
    )
    reference = details.reference or letter.reference
    parts = [
        _lines(details.name, *(details.address or "").split(",")),
        day_month_year(today or date.today()),
        _lines(*letter.office_address) if letter.office_address else _lines(letter.office),
        _lines(
            details.ni_number and f"National Insurance number: {details.ni_number}",
            reference and f"Reference: {reference}",
            letter.letter_date and f"Your letter dated {day_month_year(letter.letter_date)}",
        ),
        "Dear Sir or Madam",
        *body,
        f"Yours faithfully\n\n{details.name}",
    ]
    return "\n\n".join(_clean(part) for part in parts if part) + "\n"


def draft_pdf(text: str) -> bytes:
    """A plain A4 PDF of a draft letter, in a core font (characters outside latin-1 replaced)."""
    pdf = FPDF(format="A4")
    pdf.set_margins(25, 25, 25)
    pdf.set_auto_page_break(auto=True, margin=25)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 5.5, latin1_text(text))
    return bytes(pdf.output())


def _require_fit(result: AnalysisResult, kind: DraftKind) -> None:
    """Refuse a draft that does not fit the verdict, saying which would."""
    if kind not in DRAFT_VERDICTS:
        raise ValueError(f"Unknown draft {kind!r}; choose one of: {', '.join(DRAFT_VERDICTS)}.")
    if result.check is None:
        raise ValueError(
            "A draft letter needs a verdict: analyse the letter with your benefit and group first."
        )
    verdict = result.check.verdict
    if verdict not in DRAFT_VERDICTS[kind]:
        fits = " or ".join(DRAFT_VERDICTS[kind])
        raise ValueError(f"A {kind} letter does not fit the verdict {verdict}; it is for {fits}.")
    attendance, _, _ = attendance_for(
        result.letter, result.check.effective_group, result.check.situation.group
    )
    if kind == "deferral" and attendance != "mandatory":
        raise ValueError(
            "A deferral request is for an interview the letter makes compulsory; this one does not."
        )


def _challenge_body(book: Rulebook, result: AnalysisResult, label: str) -> list[str | None]:
    is_likely = result.check is not None and result.check.verdict == "likely_wrongful"
    rules = "\n".join(f"- {text}" for text in _rule_lines(book, result))
    opening = "I do not believe I can be required to" if is_likely else "I may not be required to"
    relies = relies_on(result.check) if result.check else None
    return [
        _subject(label, result.letter),
        _about_sentence(result.letter, label) + (f" I am {relies}." if relies else ""),
        _threat_quote(result),
        f"{opening} take part in this {label}, for these reasons:\n{rules}" if rules else None,
        (
            "Please cancel this appointment and confirm in writing that I am not required to attend and that "
            "my benefit will not be affected. If you think I am required to attend, please tell me in writing "
            "which rule you rely on."
            if is_likely
            else "Please check my records and confirm in writing whether I am required to attend, and under "
            "which rule. Until you have confirmed, please do not treat me as having failed to attend."
        ),
        "I am keeping a copy of this letter and of yours.",
    ]


def _deferral_body(
    book: Rulebook, result: AnalysisResult, details: PersonDetails, label: str
) -> list[str | None]:
    benefit = result.check.situation.benefit if result.check else None
    rule = next((row for row in book.deferral if benefit in row.benefit), None)
    return [
        f"Request to defer: {_subject(label, result.letter)}",
        _about_sentence(result.letter, label),
        f"I am asking you to defer (put off) this {label}"
        + (f" because {_as_clause(details.reason)}." if details.reason and details.reason.strip() else "."),
        f"I could attend on or after {day_month_year(details.later_date)}." if details.later_date else None,
        "If it would help, I would be happy for it to take place by phone or at my home.",
        f"{rule.text} ({rule.source_text})" if rule else None,
        "Please confirm in writing that it has been deferred, and the new date, so that my benefit is not affected.",
    ]


def _subject(label: str, letter: Letter) -> str:
    when = _appointment_when(letter)
    return f"{label[0].upper()}{label[1:]}" + (f" {when}" if when else "")


def _about_sentence(letter: Letter, label: str) -> str:
    letter_date = day_month_year(letter.letter_date)
    dated = f" dated {letter_date}" if letter_date else ""
    when = _appointment_when(letter)
    place = letter.appointment.place if letter.appointment and letter.appointment.place else None
    at_place = f" at {place}" if place else ""
    article = "an" if label[0] in "aeiou" else "a"
    return f"I am writing about your letter{dated}, which asks me to take part in {article} {label}" + (
        f" {when}{at_place}." if when else f"{at_place}."
    )


def _appointment_when(letter: Letter) -> str | None:
    appointment = letter.appointment
    day = day_month_year(appointment.date) if appointment else ""
    if not day:
        return None
    time = f" at {clock_time(appointment.time)}" if appointment and appointment.time else ""
    return f"on {day}{time}"


def _rule_lines(book: Rulebook, result: AnalysisResult) -> Iterator[str]:
    """The rules behind the check that support a challenge (exemptions, not obligations), with sources."""
    reasons = {reason.code: reason for reason in result.check.reasons} if result.check else {}
    law = law_for(result.letter)
    for code, reason in reasons.items():
        row = book.row_by_code(code)
        # The rules are stated plainly, without the result's "If you ..." prefixes: the reader of this
        # letter is the office, which knows the person's group and can apply them. A dated rule is worded
        # as at the letter's date, as in the result.
        age = result.check.situation.flags.lone_parent_youngest_child_age if result.check else None
        if isinstance(row, Requirement) and row.can_be_required != "yes":
            hedge = f" {HEDGED_RULE}" if book.is_hedged(row, law) else ""
            yield f"{book.wording(row.reason, law, age)}{hedge} ({reason.source})"
        elif isinstance(row, Derivation) and row.reason:
            yield f"{book.wording(row.reason, law, age)} ({reason.source})"


def _threat_quote(result: AnalysisResult) -> str | None:
    """The sentence of their letter that threatens or commands, quoted, if the NLP found one."""
    for label in ("sanction", "mandatory"):
        for evidence in result.letter.evidence:
            if evidence.label == label:
                sentence = (
                    _sentence_around(result, evidence.page, evidence.start, evidence.end) or evidence.text
                )
                return f'Your letter says: "{" ".join(sentence.split())}"'
    return None


def _sentence_around(result: AnalysisResult, page_number: int, start: int, end: int) -> str | None:
    """The whole sentence holding an evidence span, when the page text came with the result."""
    page = next((p for p in result.pages or () if p.number == page_number), None)
    bounds = sentence_bounds(page.text, start, end) if page else None
    return page.text[bounds[0] : bounds[1]] if page and bounds else None


def _as_clause(reason: str) -> str:
    """A reason as typed ("My mother is ill.") as the end of a sentence ("my mother is ill")."""
    reason = reason.strip().rstrip(".")
    first, _, rest = reason.partition(" ")
    # Lower-case an ordinary capitalised first word; leave "I", acronyms ("ESA") and names alone.
    if first[:1].isupper() and first[1:].islower():
        return f"{first.lower()} {rest}".rstrip()
    return reason


def _lines(*values: str | None) -> str:
    return "\n".join(value.strip() for value in values if value and value.strip())


def _clean(text: str) -> str:
    # Letters and OCR can carry brackets; in a draft they would read as unfilled placeholders.
    return text.translate(str.maketrans("[]{}", "()()"))


def latin1_text(text: str) -> str:
    """Text the PDF core fonts can show: typographic marks made plain, accents kept where latin-1 has them."""
    text = text.translate(LATIN1_SUBSTITUTES)
    plain = []
    for char in text:
        if ord(char) < 256:
            plain.append(char)
            continue
        base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
        plain.append(base or "?")
    return "".join(plain)
