"""Reading orchestration: load the pipeline once, run it over a letter's pages, assemble the `letter` block."""

from __future__ import annotations

import logging
import threading
from datetime import date
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import spacy
from spacy.language import Language
from spacy.tokens import Span
from thinc.api import Config

from analyser.nlp import acts, anchored, components, tokenizer  # noqa: F401  (register what pipeline.cfg names)
from analyser.nlp.acts import speaking_for
from analyser.nlp.by_group import GROUP_LABELS
from analyser.nlp.combine import Votes, Weighed, weigh_attendance, weigh_sanction
from analyser.nlp.components import LIVE_KEY
from analyser.nlp.confidence import attendance_key, confidence, group_key, sanction_key, type_key
from analyser.nlp.contacts import office_address, office_phone, recipient, reference
from analyser.nlp.decide import decide
from analyser.nlp.extract import appointment, benefits_mentioned, letter_date, names_a_benefit_sender, office
from analyser.nlp.groups import stated_group
from analyser.nlp.letter_type import MEETINGS, classify, without_meeting
from analyser.nlp.uc_groups import in_uc_terms
from analyser.nlp.vetoes import group_as_reason
from analyser.result import Appointment, Evidence, Letter, Page
from analyser.settings import Settings

log = logging.getLogger(__name__)

# The trained pipeline ships inside the package (package data), so an installed copy finds it too.
MODEL_DIR = Settings.from_env().model_dir
PAGE_SEPARATOR = "\n\n"
NOT_FROM_A_BENEFIT_SENDER = (
    "This does not look like a letter from the DWP, a Jobcentre, a council's benefits team or a provider "
    "they use: it names none of them and no benefit. Check who sent it before you rely on this."
)
UNSURE = 0.7  # below this a finding is said to be uncertain, in words
# Scopes a bag of words cannot see: a threat the rules found inside a quotation or reported speech
# is not made to the reader, whatever the findings classifier reads in its words.
_UNSEEN_BY_WORDS = ("quoted", "reported")
# Offers the rules found to be something else (analyser/nlp/vetoes.py): the classifier reads their words as an offer.
_LOOKALIKE = ("about a topic",)
# The live cue labels that are evidence for each attendance, when the findings classifier overrules the rules.
_SPEAKS_FOR = {
    "mandatory": ("mandatory", "sanction"),
    "voluntary": ("voluntary", "neg_sanction"),
    "unclear": ("request",),
}
# The evidence labels that already show a finding's words.
_SHOWN_BY = {**_SPEAKS_FOR, "sanction": ("sanction",)}
_lock = threading.Lock()
_pipeline: Language | None = None


def load_pipeline(model_dir: Path | None = None) -> Language:
    """The letter pipeline (pipeline.cfg: sentences, the type, findings and sentence classifiers, cue ruler,
    cue scope), loaded once."""
    global _pipeline
    with _lock:
        if _pipeline is None or model_dir is not None:
            _pipeline = build_pipeline(model_dir or MODEL_DIR)
        return _pipeline


def build_pipeline(model_dir: Path) -> Language:
    """The trained pipeline in `model_dir`; without one, pipeline.cfg's rule components alone."""
    if (model_dir / "config.cfg").exists():
        return spacy.load(model_dir)
    log.warning("no trained model at %s: letter types come from rules only (run `analyser train`)", model_dir)
    config = Config().from_str(resources.files("analyser.nlp").joinpath("pipeline.cfg").read_text())
    trained = [name for name, block in config["components"].items() if "model" in block]
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, disable=trained)
    for name in trained:
        nlp.remove_pipe(name)
    nlp.initialize()
    return nlp


def read_letter(pages: list[Page]) -> Letter:
    """Everything the contract's `letter` block says, found in the pages' text, each finding with its
    calibrated confidence and, where the analyser is not sure, a plain reason."""
    letter, keys, _ = read_with_keys(pages)
    letter.confidence = confidence(keys)
    letter.uncertain = uncertain(letter)
    if not (letter.benefits_mentioned or names_a_benefit_sender(_join(pages)[0])):
        # A bank's or a phone company's letter still gets a type and findings; say what it looks like.
        letter.uncertain.append(NOT_FROM_A_BENEFIT_SENDER)
    return letter


class Reading(NamedTuple):
    """A letter read, with what `analyser train` fits the calibration and the weighing on."""

    letter: Letter
    keys: dict[str, str]  # for each finding, the key its confidence is calibrated on
    votes: Votes  # what the rules and the classifier each said of attendance


def read_with_keys(pages: list[Page]) -> Reading:
    """The letter block, with the keys and votes behind its findings (see Reading)."""
    text, starts = _join(pages)
    doc = load_pipeline()(text)
    typed = classify(doc, text)
    letter_type, confidence_ = typed.label, typed.confidence
    benefits = benefits_mentioned(text)
    sent = letter_date(text)
    sent_date: date | None = sent.value if sent else None
    found_appointment = appointment(text, sent)
    live = list(doc.spans[LIVE_KEY])
    decision = decide(letter_type, live, found_appointment is not None)
    offers = {s._.why_not for s in doc.spans["cues"] if s.label_ == "voluntary"}
    lookalike = "voluntary" if offers & set(_LOOKALIKE) and None not in offers else None
    if decision.attendance == "mandatory" and any(
        s.label_ == "mandatory" and s._.why_not is None and group_as_reason(s) for s in live
    ):
        lookalike = "unclear"  # the group is the duty's reason, not its condition (nlp/vetoes.py)
    votes = Votes(decision.attendance, decision.path, dict(doc.cats), lookalike)
    attendance = weigh_attendance(votes)
    switched_off = any(s.label_ == "sanction" and s._.why_not in _UNSEEN_BY_WORDS for s in doc.spans["cues"])
    sanction = weigh_sanction(decision.sanction_language, doc.cats, switched_off)
    decision.attendance = str(attendance.value)
    decision.sanction_language = bool(sanction.value)
    if attendance.agreement == "overruled":
        # The rules' evidence argued for another answer: show the cues that speak for this one.
        decision.evidence = [s for s in live if s.label_ in _SPEAKS_FOR.get(decision.attendance, ())]
    if not decision.sanction_language:
        decision.evidence = [s for s in decision.evidence if s.label_ != "sanction"]
    evidence = [
        _evidence(span.label_, span.start_char, span.end_char, text, starts, pages)
        for span in decision.evidence
    ]
    if decision.sanction_language and not any(e.label == "sanction" for e in evidence):
        for span in live:
            if span.label_ == "sanction":
                evidence.append(_evidence("sanction", span.start_char, span.end_char, text, starts, pages))
                break
    # Every mandatory, voluntary or threatening finding shows its words (../shared/CONTRACT.md: "every
    # true/mandatory/voluntary finding has at least one span"): where no cue speaks for it, the sentence
    # the sentence classifier found doing it, never one quoted from another letter.
    said = {e.label for e in evidence}
    quoted = doc._.outside_letter
    for finding, holds in (
        ("mandatory", decision.attendance == "mandatory"),
        ("voluntary", decision.attendance == "voluntary"),
        ("sanction", decision.sanction_language),
    ):
        if holds and not said.intersection(_SHOWN_BY[finding]):
            evidence += [
                _evidence(finding, s.start_char, s.end_char, text, starts, pages)
                for s in speaking_for(doc, finding, quoted)
            ]
    # A finding that still has no words of the letter behind it (a page of numbers, a list, a letter
    # unlike any seen) is a guess of the classifiers: the rules' own answer stands instead.
    said = {e.label for e in evidence}
    if decision.attendance in ("mandatory", "voluntary") and not said.intersection(
        _SHOWN_BY[decision.attendance]
    ):
        decision.attendance, attendance = votes.rule, Weighed(votes.rule, "kept")
    if decision.sanction_language and "sanction" not in said:
        decision.sanction_language, sanction = False, Weighed(False, "kept")
    type_band = type_key(confidence_)
    if letter_type in MEETINGS and decision.attendance == "none":
        letter_type, confidence_ = without_meeting(typed.scores)
        type_band = "no-meeting"
    if letter_type in typed.named:
        evidence.insert(0, _evidence(f"type:{letter_type}", *typed.named[letter_type], text, starts, pages))
    group = stated_group(doc, text, quoted, answered=decision.attendance_by_group or {})
    if group:
        evidence.append(_evidence(f"group:{group.group}", group.start, group.end, text, starts, pages))
    if found_appointment and found_appointment.date_span:
        evidence.append(_evidence("appointment_date", *found_appointment.date_span, text, starts, pages))
    keys = {
        "type": type_band,
        "attendance": attendance_key(f"{decision.path}|{attendance.agreement}", confidence_),
        "sanction_language": sanction_key(
            decision.sanction_language,
            sum(1 for s in live if s.label_ == "sanction" and s._.why_not is None),
            any(s.label_ == "neg_sanction" for s in live),
        )
        + f"|{sanction.agreement}",
        "esa_group_stated": group_key(
            group.group if group else None,
            group.strength if group else 0.0,
            any(s.label_ in GROUP_LABELS for s in doc.spans["cues"]),
        ),
    }
    sender = office(text)
    letter = Letter(
        type=letter_type,
        type_confidence=confidence_,
        attendance=decision.attendance,
        attendance_by_group=in_uc_terms(decision.attendance_by_group, benefits, text),
        sanction_language=decision.sanction_language,
        benefits_mentioned=benefits,
        esa_group_stated=group.group if group else None,
        office=sender,
        office_phone=office_phone(text),
        office_address=office_address(text, sender),
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
    return Reading(letter, keys, votes)


def uncertain(letter: Letter) -> list[str]:
    """Plain reasons the reader should not lean on a finding the analyser is not sure of."""
    reasons = []
    sure = letter.confidence
    if (
        letter.attendance == "unclear"
        and letter.attendance_by_group is None
        and letter.appointment is not None
    ):
        reasons.append("The letter arranges a meeting but does not say whether you must go.")
    if sure.get("type", 1.0) < UNSURE:
        reasons.append(
            f"We are not sure what kind of letter this is (about {sure['type']:.0%} sure); check the heading."
        )
    if letter.attendance != "unclear" and sure.get("attendance", 1.0) < UNSURE:
        reasons.append(
            f"We are not sure whether this letter asks you to go anywhere (about {sure['attendance']:.0%} sure "
            f"of '{letter.attendance}'); read the letter's own words about attending."
        )
    if sure.get("sanction_language", 1.0) < UNSURE:
        reasons.append(
            "We are not sure whether the letter threatens your benefit; read the words we highlight."
        )
    return reasons


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
