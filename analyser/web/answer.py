"""The result page's answer: "Do you have to go?" in the person's terms, why, conflicts, quoted sentences."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from analyser.analyse import check as judge
from analyser.nlp.read import UNSURE
from analyser.result import AnalysisResult, Evidence, Situation
from analyser.rules.actions import relies_on
from analyser.rules.engine import attendance_for
from analyser.rules.quotes import sentence_bounds
from analyser.web.wording import ANSWERS, ANSWERS_PAST, KIND_WORDS, THING, UNSURE_HEADING


@dataclass(frozen=True)
class Answer:
    """The <h1> answer and the sentences under it."""

    heading: str
    why: str


@dataclass(frozen=True)
class Quote:
    """A whole sentence of the letter, cut into plain and highlighted runs, with the labels it backs."""

    before: str
    marked: str
    after: str
    labels: tuple[str, ...]
    kinds: tuple[str, ...]
    page: int


def effective_attendance(result: AnalysisResult) -> str:
    """The letter's attendance for the person's group, where the letter names one, else its overall wording."""
    return attendance_for(result.letter, result.check.effective_group if result.check else None)[0]


def answer(result: AnalysisResult) -> Answer:
    """The answer for this result, in the person's terms."""
    letter, check = result.letter, result.check
    attendance = effective_attendance(result)
    by_attendance = ANSWERS[check.verdict if check else None]
    heading, why = by_attendance.get("*") or by_attendance[attendance]
    if check and check.appointment_passed:
        past = ANSWERS_PAST.get(check.verdict, {})
        heading, why = past.get("*") or past.get(attendance) or (heading, why)
    words = {
        "thing": THING.get(letter.type, "appointment"),
        "relies": relies_on(check) if check else "",
        # "I don't know" my group: the group is the one the letter states, and the answer says so.
        "told": "Your letter says you are"
        if check and not check.situation.group and check.effective_group and check.situation.benefit == "esa"
        else "You told us you are",
        "kind": KIND_WORDS[letter.type],
    }
    heading = heading.format(**words)
    # The heading is what a stressed reader takes away: it must not sound sure where the page says it is not.
    if min(letter.confidence.get("type", 1.0), letter.confidence.get("attendance", 1.0)) < UNSURE:
        heading = UNSURE_HEADING.format(heading=heading)
    return Answer(heading, why.format(**words))


def conflict_readings(result: AnalysisResult) -> list[tuple[str, str]]:
    """The answer if the person's answers are right, and if the letter is right: (reading, answer heading)."""
    letter, check = result.letter, result.check
    if check is None or not check.conflicts:
        return []
    readings: list[tuple[str, str]] = [("If your answers are right", answer(result).heading)]
    situation = check.situation
    alternative: Situation | None = None
    if letter.esa_group_stated and situation.benefit == "esa" and letter.esa_group_stated != situation.group:
        alternative = situation.model_copy(update={"group": letter.esa_group_stated})
    elif letter.benefits_mentioned and situation.benefit not in letter.benefits_mentioned:
        alternative = Situation(benefit=letter.benefits_mentioned[0])
    if alternative is not None:
        other = result.model_copy(update={"check": judge(letter, alternative)})
        readings.append(("If the letter is right", answer(other).heading))
    return readings


def quotes(result: AnalysisResult, label_of: Callable[[str], str]) -> list[Quote]:
    """The evidence as whole sentences of the letter, one quote per sentence, the evidence highlighted."""
    pages = {page.number: page.text for page in result.pages or ()}
    found: dict[tuple[int, int, int], list[Evidence]] = {}
    loose: list[Quote] = []
    for span in result.letter.evidence:
        text = pages.get(span.page)
        bounds = sentence_bounds(text, span.start, span.end) if text else None
        if text is None or bounds is None or text[span.start : span.end] != span.text:
            loose.append(Quote("", span.text, "", (label_of(span.label),), (_kind(span),), span.page))
            continue
        found.setdefault((span.page, *bounds), []).append(span)
    made = []
    for (page, begin, finish), spans in found.items():
        text = pages[page]
        start, end = min(s.start for s in spans), max(s.end for s in spans)
        made.append(
            Quote(
                " ".join(text[begin:start].split()) + (" " if text[begin:start][-1:].isspace() else ""),
                " ".join(text[start:end].split()),
                (" " if text[end:finish][:1].isspace() else "") + " ".join(text[end:finish].split()),
                tuple(dict.fromkeys(label_of(s.label) for s in spans)),
                tuple(dict.fromkeys(_kind(s) for s in spans)),
                page,
            )
        )
    return made + loose


def _kind(span: Evidence) -> str:
    return span.label.split(":")[0]
