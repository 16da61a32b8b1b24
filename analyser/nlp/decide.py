"""Decide attendance and sanction language from the live cue spans, by rules written out below.

The order matters and mirrors how a welfare-rights adviser reads a letter:
1. Letters that make an appointment (WFI, WCA, PIP, programme, other appointment) can ask the
   reader to attend; decisions and other letters ask nothing (`none`) unless they give a date to
   come or ask the reader to go (a decision that also books an interview), when they are read on.
2. If the letter makes attendance depend on the reader's group, for two or more groups (or one
   group, and the opposite for everyone else), that is `attendance_by_group` and the overall
   attendance is `unclear`. So is a letter whose only
   duty and only offer are both conditional on circumstances it names without a group ("if
   your youngest child has turned 1, you must attend"; "if you are still under 1, it is optional").
3. A live threat to the benefit for not going makes it `mandatory`: a consequence is stated.
4. An explicit "you do not have to" / "voluntary" makes it `voluntary`, unless an obligation as
   strong and as frequent sits beside it ("you must attend" outnumbering the voluntary cues).
5. An obligation ("you must attend", "it is a condition of your benefit") makes it `mandatory`.
6. A request to attend (an appointment booked, "please come", a date) with none of the above
   is `unclear`; nothing to attend is `none`. Without a request, an obligation, an offer or an
   appointment, a threat about a form or a claim asks the reader to attend nothing: `none`.
Threats count for sanction language in any letter; negated ones and furniture never do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span

from analyser.nlp.by_group import CONSEQUENCE_IDS, attendance_by_group
from analyser.nlp.dates import names_a_time_or_weekday

APPOINTMENT_TYPES = {"wfi", "wca", "pip_assessment", "programme_referral", "other_appointment"}
# A threat about a form, evidence or a claim asks the reader to go nowhere (it still counts as
# sanction language): "if you do not return the questionnaire, your ESA may stop".
PAPERWORK_WORDS = {
    "form",
    "forms",
    "questionnaire",
    "esa50",
    "uc50",
    "evidence",
    "documents",
    "document",
    "information",
    "details",
    "proof",
    "return",
    "send",
    "upload",
    "provide",
    "complete",
    "fill",
    "declaration",
}
# Words that make a sentence about going somewhere (an appointment, a meeting, taking part), not about
# paperwork; the scope component uses them too, for "without good cause" about attending.
GOING_WORDS = {
    "attend",
    "attending",
    "attendance",
    "part",
    "appointment",
    "interview",
    "interviews",
    "meeting",
    "come",
    "go",
    "assessment",
    "consultation",
    "call",
    "participate",
    "programme",
    "visit",
    "review",
    "see",
    "meet",
    "sign",
    "signing",
    "home",
    "calls",
    "rearrange",
    "activity",
}
# A negated threat about not going is an offer: "you won't be sanctioned if you decide not to take part".
_NOT_GOING = re.compile(
    r"\b(?:(?:decide|choose|prefer|want) not to|whether or not|(?:do not|don't|do n't) want to|decline"
    r"|say no|turn (?:it|this) down|missing appointments)\b",
    re.I,
)
# A sanction already imposed for an appointment already missed, or good cause accepted for it, asks
# the reader to go nowhere now (a sanction is still sanction language): "your ESA has been stopped
# because you didn't go on 2 Nov".
_PAST_FAILURE = re.compile(
    r"\b(?:you (?:did not|didn't|did n't|failed to|missed|have not been attending)|(?:has|have) been (?:reduced|stopped"
    r"|sanctioned|suspended)|(?:we've|we have) (?:reduced|stopped|suspended|sanctioned)"
    # good cause accepted for a meeting already missed: "we accept that you had good cause"
    r"|accept(?:ed)? (?:that )?you had (?:a )?good (?:cause|reason))\b",
    re.I,
)
# Payment held back until the reader does what a booked meeting is for ("You won't be paid until you
# have agreed your Claimant Commitment"): the cost of not going, in words too rare among the labelled
# letters for the learned weighing to trust (nlp/combine.py leaves the path "withheld" to the rules).
_UNTIL_YOU = re.compile(r"\buntil you\b", re.I)
# The same said of a duty: "Before we can pay you, you must attend an appointment ...".
_BEFORE_PAID = re.compile(
    r"\bbefore (?:we|you) can (?:pay|be paid|get paid|make (?:any |your )?payments?)\b", re.I
)
# A request recalled from an earlier letter asks nothing now: "we wrote asking you to attend ...".
_EARLIER = re.compile(
    r"\b(?:we wrote|we sent|our (?:last |earlier |previous )?letter|asked you|asking you|you were asked)\b",
    re.I,
)
_INVITES = re.compile(
    r"\b(?:come|attend|join|meet|take part|appointment|meeting|invite|invited|offer you|offering you|chat|call us|contact us|let us know|tell us|ring us|phone us)\b",
    re.I,
)
# "It is a voluntary programme" describes the scheme; "you do not have to do this course" offers it to the reader.
_DESCRIBES = re.compile(r"^(?:a|an|the|this)\s+(?:voluntary|voluntery|voluntry|optional)\b", re.I)
# A consequence of missing "an interview" (any one, not this one) states a condition of the benefit in
# general, as an award letter does: "If you do not take part in an interview and do not have good
# cause, your Income Support may be reduced." All 12 labelled letters with such a sentence label it
# sanction language; 11 ask nothing (none), one is an offer.
_ANY_INTERVIEW = re.compile(
    r"\bif you (?:do not|don't|do n't|fail to) (?:take part in|attend|go to|come to|participate in)"
    r" (?:an?|any) (?:work[- ]focus+ed )?(?:interview|appointment|meeting)s?\b",
    re.I,
)
_NAMES_IT = re.compile(r"\W*(?:this|that|it)\W+is\W+(?:called|known\W+as)\W+an?\W+sanction\W*$", re.I)
_PLACE = re.compile(r"\b(?:jobcentre|office|in person|come in|centre|branch)\b", re.I)
_BY_PHONE = re.compile(r"\b(?:phone|telephone|ring|call)\b", re.I)


@dataclass
class Decision:
    attendance: str
    sanction_language: bool
    attendance_by_group: dict[str, str] | None
    evidence: list[Span] = field(default_factory=list)
    path: str = "nothing"  # which rule decided (see module doc): what the confidence is calibrated on


def decide(letter_type: str, live: list[Span], has_appointment: bool) -> Decision:
    """Attendance, sanction language and per-group attendance from the live cues (see module doc)."""
    # Duties and threats that start only once the reader accepts an offer say nothing about going now.
    later = {span.sent.start for span in live if span.label_ == "later"}
    direct = [
        s
        for s in live
        if _direct(s)
        and not (s.sent.start in later and s.label_ in ("mandatory", "sanction"))
        and not (s.label_ in ("request", "sanction", "mandatory") and _PAST_FAILURE.search(s.sent.text))
    ]
    sanctions = [span for span in live if span.label_ == "sanction"]  # after acceptance too: still a threat
    threats = [span for span in direct if span.label_ == "sanction" and not _about_paperwork(span)]
    by_group = attendance_by_group(live, threats)
    going = has_appointment or any(s.label_ in ("mandatory", "request") for s in direct)
    if letter_type not in APPOINTMENT_TYPES and not going:
        # A letter of a type that makes no appointment, and that neither books one nor asks the reader
        # to go anywhere, asks nothing. One that does (a decision that also books an interview, a
        # journal note with a date in it) is read below like any appointment letter.
        return Decision("none", bool(sanctions), None, sanctions, "not-an-appointment")
    if by_group:
        conditional = [
            s
            for s in live
            if s._.why_not == "conditional" and s.label_ in ("mandatory", "voluntary", "sanction")
        ]
        return Decision(
            "unclear",
            bool(sanctions),
            by_group,
            conditional + [s for s in sanctions if s not in conditional],
            "by-group",
        )
    asks = [s for s in direct if s.label_ in ("mandatory", "request", "sanction")]
    if (
        not has_appointment
        and asks
        and all(_in_general_condition(s) for s in asks)
        and not any(s.label_ == "voluntary" for s in direct)
        and not names_a_time_or_weekday(asks[0].doc.text)
    ):
        # Only the general condition speaks, and nothing is booked, asked for or offered: nothing to
        # attend now. (A time or a weekday may be a meeting the date finder missed, so the rule steps
        # aside.) Its own path: a bag of words reads this sentence as a summons (combine.py).
        return Decision("none", bool(sanctions), None, sanctions, "general-condition")
    optional = [span for span in direct if span.label_ == "voluntary"]
    # "If you do not come, we will decide on the information we have" is a cost, but no duty
    # when the letter also says in terms that coming is voluntary (an interview under caution).
    obligations = [
        s for s in direct if s.label_ == "mandatory" and not (optional and s.id_ == "decide-without-you")
    ]
    if not (obligations or threats):
        optional += [s for s in direct if s.label_ == "neg_sanction" and _NOT_GOING.search(s.sent.text)]
    requests = [span for span in direct if span.label_ == "request"]
    conditional = [s for s in live if s._.why_not == "conditional" and s.label_ in ("mandatory", "voluntary")]
    # "If you do not attend without a good reason, ..." states the cost, and may follow either branch.
    duties = [span for span in obligations if span.id_ not in CONSEQUENCE_IDS]
    if not (duties or optional) and {s.label_ for s in conditional} == {"mandatory", "voluntary"}:
        # "If your youngest child is still under 1 ... optional. If they have turned 1 ... you must
        # attend": the answer turns on circumstances the letter does not know, named groups or not.
        return Decision("unclear", bool(sanctions), None, conditional + sanctions, "circumstances")
    if not (requests or obligations or optional or has_appointment):
        # Threats and duties about forms, claims or phone calls ask the reader to attend nothing.
        return Decision("none", bool(sanctions), None, sanctions, "nothing-to-attend")
    if threats:
        withheld = has_appointment and all(
            t.id_ == "not-paid" and _UNTIL_YOU.search(t.sent.text) for t in threats
        )
        return Decision("mandatory", True, None, obligations + threats, "withheld" if withheld else "threat")
    cancelled = {s.sent.start for s in live if s.label_ == "cancel"}
    if cancelled and not (obligations or threats) and all(s.sent.start in cancelled for s in requests):
        # "Your appointment has been cancelled. You do not need to come in": nothing left to attend.
        return Decision("none", bool(sanctions), None, sanctions, "cancelled")
    if optional and not obligations and all(s.id_ == "not-have-to" for s in optional):
        said = {s.sent.start for s in optional}
        # Requests left once the sentences saying "you need not" and those recalling an earlier
        # letter or a cancelled meeting are set aside: what the letter still asks for.
        still = [
            r for r in requests if r.sent.start not in said | cancelled and not _EARLIER.search(r.sent.text)
        ]
        if not still and not (has_appointment and not requests):
            # "You do not need to attend (the interview has been cancelled / at the moment)": it
            # says you need not go, and offers nothing.
            return Decision("none", bool(sanctions), None, sanctions, "need-not-go")
        if all(_PLACE.search(s.sent.text) for s in optional) and any(
            _BY_PHONE.search(r.sent.text) for r in still
        ):
            # "You do not need to come to the Jobcentre: your work coach will phone you": the
            # meeting is still on, by phone, and the letter says nothing about whether it is optional.
            return Decision("unclear", bool(sanctions), None, still, "request")
    if optional and len(optional) > len(obligations):
        if (
            not (requests or has_appointment or obligations or later)
            and all(_DESCRIBES.search(s.text) for s in optional)
            and not any(_INVITES.search(s.sent.text) for s in optional)
        ):
            # "New Deal is a voluntary programme that can help you": information about something
            # optional, with nothing arranged and no invitation to come, asks the reader to attend nothing.
            return Decision("none", bool(sanctions), None, sanctions, "optional-information")
        return Decision("voluntary", bool(sanctions), None, optional, "offer")
    if obligations:
        withheld = has_appointment and any(_BEFORE_PAID.search(s.sent.text) for s in obligations)
        return Decision("mandatory", bool(sanctions), None, obligations, "withheld" if withheld else "duty")
    if requests or has_appointment:
        return Decision("unclear", bool(sanctions), None, requests, "request")
    return Decision("none", bool(sanctions), None, sanctions, "nothing")


def _in_general_condition(span: Span) -> bool:
    """Whether a duty or threat is (in) the cost of missing any interview: in the sentence's "if you do
    not attend an interview ..." clause or after it, not a duty said before it ("You must attend an
    interview with your adviser next Tuesday - if you fail to attend an interview ...")."""
    if span.label_ == "request":
        return False
    found = _ANY_INTERVIEW.search(span.sent.text)
    if found is not None:
        return span.start_char - span.sent.start_char >= found.start()
    # "... your Universal Credit may be reduced. This is called a sanction.": the next sentence names it.
    before = span.doc[span.sent.start - 1].sent if span.sent.start else None
    return (
        span.label_ == "sanction"
        and _NAMES_IT.match(span.sent.text) is not None
        and before is not None
        and _ANY_INTERVIEW.search(before.text) is not None
    )


def _direct(span: Span) -> bool:
    # A denied duty is kept live as an offer; its words share the duty's (negated) scope note.
    return span._.why_not is None or (span.label_ == "voluntary" and span._.why_not == "negated")


def _about_paperwork(span: Span) -> bool:
    words = {token.lower_ for token in span.sent}
    return bool(words & PAPERWORK_WORDS) and not words & GOING_WORDS
