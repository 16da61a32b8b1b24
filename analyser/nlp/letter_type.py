"""Letter type: the trained text classifier's scores, corrected by rule evidence where rules know better."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from analyser.result import LETTER_TYPES
from analyser.typography import lowered

# Why rules on top of the model: the classifier learns topic words, and WCA letters are full of
# "work", programme letters look like WFIs, and a decision about an interview talks about the
# interview. A few statements settle the type outright when the letter makes them, so they
# shift the model's scores rather than relying on it to have seen that wording.
# Written in lower case: classify searches the lowered text, faster than re.I.
TYPE_EVIDENCE: list[tuple[str, re.Pattern[str], float]] = [
    (
        "wca",
        re.compile(
            r"work capability assessment|\besa\s?50\b|\buc\s?50\b|capability for work questionnaire"
            r"|centre for health and disability assessments|health assessment advisory service|\bhaas\b|\bchda\b"
            r"|functional assessment service|healthcare professional|health[- ]related assessment",
        ),
        0.25,
    ),
    (
        "pip_assessment",
        re.compile(
            r"personal independence payment|\bpip\s?2\b|independent assessment services"
            r"|how your disability affects you|disability living allowance"
            r"|(?:adult|child) disability payment",  # Scotland's PIP and DLA
        ),
        0.3,
    ),
    (
        "programme_referral",
        re.compile(
            r"work programme|restart scheme|\brestart\b|work and health programme"
            r"|mandatory work activity|work choice|community work placement|\bipes\b|fair start scotland"
            r"|(?:referred|referring|referral) (?:you )?to\b"
            r"|employment coach|work experience placement|help to work|youth contract|sector[- ]based work academy"
            # Scotland's devolved employment support, England and Wales's supported employment
            r"|work able scotland|job entry:? targeted support|\bjets\b|no one left behind|connect to work",
        ),
        0.3,
    ),
    (
        "decision_notice",
        re.compile(
            r"we have (?:now )?decided|we've decided|decision maker|the decision|our decision"
            r"|have been awarded|you are entitled to|we have made a decision",
        ),
        0.15,
    ),
    (
        "other_appointment",
        re.compile(
            r"interview under caution|compliance|verif(?:y|ication)|identity|claim review"
            r"|review (?:of )?your (?:claim|housing benefit|pension credit)|visiting officer"
            # councils and the Pension Service see people about their claims, not about work
            r"|pension service|pension credit|housing benefit|council tax|(?:city|borough|district|county) council"
            r"|proof of (?:your )?(?:savings|earnings|income|identity|address)"
            # events and checks that are not a meeting with an adviser about work
            r"|jobs? fair|recruitment (?:event|day|open day)|interview with (?:the|an|your new) employer"
            r"|benefits? check|identity documents|check your (?:identity|documents)",
        ),
        0.45,
    ),
    (
        "wfi",
        re.compile(
            r"work[- ]?focus+ed interview|work search review|claimant commitment|work coach|personal adviser"
            r"|health and work conversation|action plan|jobsearch review|job search review",
        ),
        0.15,
    ),
]
NOT_WFI = re.compile(
    r"\b(?:this|it) (?:is not|isn't|is n't) (?:a|an|your) (?:work[- ]?focus+ed interview|work search review"
    r"|work coach (?:interview|appointment|meeting)|appointment with your work coach)"
)


@dataclass(frozen=True)
class TypeReading:
    """The letter's type, its confidence, the scores that decided it, and where the letter names
    each type in terms (character offsets of TYPE_EVIDENCE's first match, by type)."""

    label: str
    confidence: float
    scores: dict[str, float]
    named: dict[str, tuple[int, int]]


def classify(doc: Doc, text: str) -> TypeReading:
    """The letter's type from the classifier's scores and the statements above (`text` is the doc's
    text: spaCy builds Doc.text anew from every token on each call)."""
    scores = {label: float(doc.cats.get(label, 0.0)) for label in LETTER_TYPES}
    # The classifier scores each type on its own (multi-label): as shares, they sum to one as the
    # rule weights below assume.
    model_total = sum(scores.values())
    if model_total > 0:
        scores = {label: score / model_total for label, score in scores.items()}
    low = lowered(text)  # the patterns are written in lower case
    named: dict[str, tuple[int, int]] = {}
    for label, pattern, weight in TYPE_EVIDENCE:
        found = pattern.search(low)
        if found:
            scores[label] += weight
            named.setdefault(label, found.span())
    if NOT_WFI.search(low):
        # The letter says in terms what it is not; believe it.
        scores["wfi"] *= 0.3
    best = max(scores, key=lambda label: scores[label])
    return TypeReading(best, _share(scores, best), scores, named)


def _share(scores: dict[str, float], label: str) -> float:
    """The label's share of all the scores: the confidence reported for it."""
    total = sum(scores.values()) or 1.0
    return round(min(1.0, scores[label] / total), 3)


# Types that are a meeting: a letter of one of them that asks the reader to attend nothing is, in
# the labelled letters, far more often something else (a cancellation, a journal note, a decision
# about interviews: 'other' or 'decision_notice') than a meeting letter.
MEETINGS = ("wfi", "other_appointment")


def without_meeting(scores: dict[str, float]) -> tuple[str, float]:
    """The best type that is not a meeting, and its share of the scores."""
    best = max((label for label in scores if label not in MEETINGS), key=lambda label: scores[label])
    return best, _share(scores, best)
