"""spaCy components of the letter pipeline: layout-aware sentences, cue phrases, and their scope."""

from __future__ import annotations

import json
import re
from importlib import resources
from itertools import islice
from typing import Any, cast

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry
from thinc.types import Ints2d

from analyser.nlp import anchored  # noqa: F401  (registers anchored_span_ruler)
from analyser.nlp.by_group import (
    CONDITIONAL_KINDS,
    CONDITIONAL_WORDS,
    CONSEQUENCE_IDS,
    GROUP_LABELS,
    ROW_ONLY_IDS,
)
from analyser.nlp.phrases import patterns_for
from analyser.nlp.vetoes import (
    about_a_topic,
    about_going,
    about_the_arrangements,
    not_a_yes_to_going,
    only_informs,
    outside_the_letter,
    signing_on_supposed,
    within,
)

CUES_KEY = "cues"  # every cue phrase the ruler found
LIVE_KEY = "live"  # the cues that speak to the reader, now, about this letter
# "Your award will end on 8 January 2026" states a fact; a threat has a condition or a "may".
_ENDS = {"end", "ends", "ended", "stop", "stops", "stopped"}
_CONDITIONS = {"if", "unless", "fail", "failure", "without", "or", "otherwise", "until"}
# "Without good cause" is about attending only when the sentence is about an appointment;
# "if you do not send the form back and do not have good cause" asks the reader to go nowhere.
_HYPOTHETICAL_ID = "hypothetical"
# Every cue id this module treats specially: each must exist in patterns/cues.jsonl (a test checks),
# so renaming one there cannot silently change what the scope decides.
PATTERN_IDS_NAMED = CONSEQUENCE_IDS | {_HYPOTHETICAL_ID}
_NEGATORS = {"not", "n't", "never", "no"}
_HEARD = {"understand", "know", "told", "heard", "aware", "noted", "see"}  # "we understand that ..."
_FAULT = {"because", "as", "since", "sanction", "sanctioned", "failed", "missed", "reason", "cause"}
_STOPS = {".", "!", "?"}
_QUESTION_WORDS = {"what", "how", "whether", "when", "where", "why"}

# Cue kinds a negation or a hypothetical switches off (see CueScope); a condition governs CONDITIONAL_KINDS.
_VETOED_BY_NEGATION = {"sanction"}
_VETOED_BY_FURNITURE = {"sanction"}
_VETOED_BY_HYPOTHETICAL = {"mandatory", "request"}
_VETOED_WHEN_REPORTED = {"mandatory", "sanction", "request"}

if not Span.has_extension("why_not"):
    # Why a cue was switched off ("negated", "conditional", ...); None for a live cue.
    Span.set_extension("why_not", default=None)
if not Doc.has_extension("outside_letter"):
    # Character ranges that are not the letter (quotations, a forwarding note): vetoes.outside_the_letter,
    # found once by cue_scope and read again for the evidence and the stated group.
    Doc.set_extension("outside_letter", default=None)
if not Span.has_extension("condition_sent"):
    # For a conditional cue: the sentence holding its "if you are in the ... group".
    Span.set_extension("condition_sent", default=None)


@Language.component("letter_sentences", assigns=["token.is_sent_start"])
def letter_sentences(doc: Doc) -> Doc:
    """Sentences end at full stops and at line breaks: a letter's lines (address, table rows,
    headings) are units of their own once wrapped lines have been joined by ingest."""
    starts = []
    previous = None
    for token in doc:
        if previous is None:
            starts.append(True)
        elif previous.text == ".":
            starts.append(not token.is_lower)  # not after "e.g. something", "approx. 10"
        else:
            text = previous.text
            starts.append(text in _STOPS or "\n" in text or "\n" in previous.whitespace_)
        previous = token
    # One array write: setting token.is_sent_start scans the whole doc for a parse on every call.
    values = numpy.array([1 if start else -1 for start in starts], dtype="int64").reshape(-1, 1)
    doc.from_array([SENT_START], cast(Ints2d, values.astype("uint64")))  # spaCy's arrays hold -1 as uint64
    return doc


def default_cue_rows() -> list[dict[str, Any]]:
    """The cue phrases shipped with the package (analyser/nlp/patterns/cues.jsonl)."""
    text = resources.files("analyser.nlp").joinpath("patterns/cues.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def cue_patterns() -> list[dict[str, Any]]:
    """The cue ruler's token patterns, compiled from cues.jsonl (the config's [initialize] reads them)."""
    return patterns_for(default_cue_rows())


registry.misc.register("analyser.cue_patterns.v1", func=cue_patterns)


class CueScope:
    """The cue_scope component: reads the ruler's spans under `cues_key`, writes the live ones to `live_key`."""

    def __init__(self, cues_key: str, live_key: str) -> None:
        self.cues_key = cues_key
        self.live_key = live_key

    def __call__(self, doc: Doc) -> Doc:
        return cue_scope(doc, self.cues_key, self.live_key)


@Language.factory(
    "cue_scope",
    default_config={"cues_key": CUES_KEY, "live_key": LIVE_KEY},
    requires=["doc.spans"],
    assigns=["doc.spans", "doc._.outside_letter", "span._.why_not", "span._.condition_sent"],
)
def make_cue_scope(nlp: Language, name: str, cues_key: str, live_key: str) -> CueScope:
    return CueScope(cues_key, live_key)


def cue_scope(doc: Doc, cues_key: str = CUES_KEY, live_key: str = LIVE_KEY) -> Doc:
    """Decide which cues are live: drop threats that are negated or furniture, obligations that
    are hypothetical, anything quoted from another letter, and mark group-conditional sentences."""
    quoted = doc._.outside_letter = outside_the_letter(doc.text)
    by_sentence: dict[int, list[Span]] = {}
    for span in doc.spans[cues_key]:
        by_sentence.setdefault(span.sent.start, []).append(span)
    live = []
    carried: Span | None = None  # a condition whose consequence follows in the next sentence
    for sentence_start in sorted(by_sentence):
        spans = by_sentence[sentence_start]
        labels = {span.label_ for span in spans}
        if _names_a_group_conditionally(spans):
            labels.add("condition")
        condition_sent = spans[0].sent if "condition" in labels else carried
        if carried is not None and "condition" not in labels:
            labels.add("condition")
        # "If you are in the work-related activity group, or if you have not yet had a decision on
        # your Work\n\nCapability Assessment, you must..." : scans break sentences mid-condition.
        carried = (
            spans[0].sent
            if "condition" in labels
            and not labels & CONDITIONAL_KINDS - {"request"}
            and _opens_with_if(spans[0].sent)
            else None
        )
        for span in _longest(spans):
            why = None
            if within(span, quoted):
                why = "quoted"
            elif only_informs(span):
                why = "informs"  # "we would like to tell you about ...": nothing to attend
            elif about_a_topic(span):
                why = "about a topic"  # "you don't have to talk about your health": still a meeting
            elif not_a_yes_to_going(span):
                why = "a blank choice"  # "Mandatory (Y/N) | N", "Non-mandatory | Yes"
            elif signing_on_supposed(span):
                why = "hypothetical"  # "If you claim JSA, you will need to sign on"
            elif about_the_arrangements(span):
                why = "rearranges"  # "if you need to change the visit, call us": no duty to go
            elif span.label_ == "sanction" and _is_statement(span):
                why = "statement"
            elif span.id_ in CONSEQUENCE_IDS and not about_going(span):
                why = "not about attending"
            elif span.label_ in _VETOED_WHEN_REPORTED and _reported(spans):
                # "The letter said that if you did not attend, your benefit might be affected"
                why = "reported"
            elif span.label_ == "mandatory" and (_after_question_word(span) or _asks(span.sent)):
                why = "not an obligation"  # "what you need to do to keep ...", "Do you have to come?"
            elif span.label_ == "mandatory" and _negated_before(span):
                why = "negated"  # "you do not have to attend" holds "have to attend"
            elif span.label_ in _VETOED_BY_NEGATION and "neg_sanction" in labels:
                why = "negated"
            elif span.label_ in _VETOED_BY_FURNITURE and _has_furniture(spans):
                why = "furniture"
            elif span.label_ in _VETOED_BY_HYPOTHETICAL and "furniture" in labels and _hypothetical(spans):
                why = "hypothetical"
            elif span.label_ in CONDITIONAL_KINDS and "condition" in labels:
                why = "conditional"
            span._.why_not = why
            if why == "conditional":
                span._.condition_sent = condition_sent
            if why in (None, "conditional"):
                live.append(span)
            elif (
                why == "negated"
                and span.label_ == "mandatory"
                and span.id_
                not in CONSEQUENCE_IDS  # "if you do not attend without good cause" denies nothing
                and not _overlapping(spans, span, "voluntary")
            ):
                # "This is not an appointment you have to keep": a duty denied is an offer. Set against
                # another group in the same sentence ("customers in the WRAG must attend; customers in
                # the support group do not need to"), an offer to its group only. (Said of one group
                # alone, "people in the support group do not have to", writers read it as general.)
                offer = Span(doc, span.start, span.end, label="voluntary", span_id="not-have-to")
                if "condition" in labels and len(labels & _GROUP_LABELS) >= 2:
                    offer._.why_not, offer._.condition_sent = "conditional", condition_sent
                elif "condition" in labels and labels & _GROUP_LABELS:
                    # Said of one group alone it stays general (a denied duty, kept as an offer), but it
                    # keeps its condition: by_group.py reads it as that group's answer when another
                    # sentence answers for another group.
                    offer._.why_not, offer._.condition_sent = "negated", condition_sent
                live.append(offer)
    doc.spans[live_key] = live
    return doc


def _overlapping(spans: list[Span], span: Span, label: str) -> bool:
    return any(s.label_ == label and s.start < span.end and span.start < s.end for s in spans)


def _longest(spans: list[Span]) -> list[Span]:
    """One span per label and place: the ruler finds "you must attend" and "must attend" both."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if kept and kept[-1].label_ == span.label_ and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


_GROUP_LABELS = set(GROUP_LABELS)
# Who a group condition is about: the reader, or the person an appointee's letter is about ("If he
# is in the support group he does not have to come").
_READER = {"you", "you're", "he", "she", "they", "he's", "she's", "they're"}
_BULLETS = {"*", "-", "\u2022", "o", ">"}
_DASHES = {"-", "\u2013", "\u2014"}


def _opens_with_if(sentence: Span) -> bool:
    """The sentence's first or second word is "if" or "unless" ("PS  If you have been placed ...")."""
    return any(
        token.lower_ in CONDITIONAL_WORDS for token in islice((t for t in sentence if not t.is_space), 2)
    )


def _names_a_group_conditionally(spans: list[Span]) -> bool:
    """'If you have already been told you are in the support group, ...': a group under an 'if';
    or a group heading its own line, "* Support Group: you do not have to attend"."""
    sentence = spans[0].sent
    doc = sentence.doc
    groups = [span for span in spans if span.label_ in _GROUP_LABELS]
    # A child's age or UC's everyday group name names a group only heading a line (by_group.ROW_ONLY_IDS):
    # "if you are preparing for work" under an "if" is no group condition.
    for span in (g for g in groups if g.id_ not in ROW_ONLY_IDS):
        before = {token.lower_ for token in doc[sentence.start : span.start]}
        if before & CONDITIONAL_WORDS and before & _READER:
            return True
    if groups:
        # "- All work-related requirements group, or work preparation group: you must attend",
        # "- No work-related requirements group (for example, ...): you don't have to come"
        first_group = min(span.start for span in groups)
        lead = doc[sentence.start : first_group]
        headed = all(token.is_punct or token.is_space or token.text in _BULLETS for token in lead)
        others = [
            span.start for span in spans if span.label_ in CONDITIONAL_KINDS and span.start > first_group
        ]
        heading = doc[first_group : min(others, default=sentence.end)]
        # The heading ends at a colon or a dash: "Support Group customers - you do not have to come".
        return headed and any(token.text.endswith(":") or token.text in _DASHES for token in heading)
    return False


def _is_statement(span: Span) -> bool:
    words = {token.lower_ for token in span.sent}
    if "£0.00" in span.sent.text or "£0" in span.sent.text.split():
        return True  # a statement line "Sanctions £0.00" says there is none
    if (
        words & {"stopped", "ended"}
        and words & {"when", "because", "as"}
        and not words
        & (_CONDITIONS | _NEGATORS | {"may", "could", "might", "failed", "sanction", "sanctioned"})
    ):
        # "Your PIP stopped when your Adult Disability Payment started", "Your Housing Benefit has
        # stopped because your housing costs are now paid in Universal Credit": one benefit replaced another.
        return True
    if (
        len(span) > 1
        and span[-1].lower_ == "ended"
        and span[-2].lower_ in ("has", "have")
        and words & _HEARD
        and not words & (_CONDITIONS | _NEGATORS | _FAULT)
    ):
        # "We understand that your Carer's Allowance has ended": news the letter starts from, not a
        # threat or a sanction ("Your ESA has ended. This is because you did not attend" gives a fault).
        return True
    return (
        bool(words & _ENDS)
        and "will" in words
        and not words & _CONDITIONS
        and not words & {"may", "could", "might"}
    )


# "This is not an interview you have to attend", "it isn't something you need to go to": the duty
# sits inside a negated description of the meeting.
_NEGATED_FRAME = re.compile(
    r"\b(?:is|are|was)\s*(?:not|n't)\s+(?:a|an|the|something|somewhere|one|part)\b[^,;:]*$", re.I
)


def _negated_before(span: Span) -> bool:
    if _NEGATED_FRAME.search(span.doc[span.sent.start : span.start].text):
        return True
    return any(
        token.lower_ in _NEGATORS for token in span.doc[max(span.sent.start, span.start - 2) : span.start]
    )


def _has_furniture(spans: list[Span]) -> bool:
    return any(s.label_ == "furniture" and s.id_ != _HYPOTHETICAL_ID for s in spans)


def _after_question_word(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ in _QUESTION_WORDS


def _asks(sentence: Span) -> bool:
    return sentence.text.rstrip().endswith("?")


def _reported(spans: list[Span]) -> bool:
    """The sentence reports what an earlier letter or person said, and not "as we told you" to repeat it."""
    return any(s.label_ == "reported" and (s.start == 0 or s.doc[s.start - 1].lower_ != "as") for s in spans)


def _hypothetical(spans: list[Span]) -> bool:
    return any(s.label_ == "furniture" and s.id_ == _HYPOTHETICAL_ID for s in spans)
