"""Cue look-alikes: quotations that are the letter itself, requests that only inform, duties about a topic or the
arrangements, consequences of something other than going, and a group given as the reason for a duty rather than
its condition."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span

from analyser.nlp.decide import GOING_WORDS, PAPERWORK_WORDS
from analyser.nlp.group_words import GROUP_NAME_WORDS

QUOTED = re.compile(r'"[^"]{8,800}"')
# A quotation that opens like a letter, or is most of the text, is the letter itself retyped or
# forwarded under a note ("this is what they sent me: "Dear Mr ..."), not an earlier letter quoted.
_OPENS_LIKE_A_LETTER = re.compile(r'^"\s*(?:[^"\n]{0,80}?\b)?(?:dear|hi|hello)\b', re.I)
_MOST_OF_THE_TEXT = 0.5

# "We would like to tell you about ..." informs; "we would like you to come" asks.
_INFORMING = {
    "tell",
    "let",
    "remind",
    "inform",
    "thank",
    "explain",
    "update",
    "apologise",
    "apologize",
    "know",
}
_GOING = {
    "come",
    "attend",
    "meet",
    "see",
    "join",
    "visit",
    "invite",
    "take",
    "talk",
    "speak",
    "go",
    "call",
    "phone",
}
# "You don't have to talk about your health" denies a duty about what is said at the meeting, not
# about going to it: these verbs followed by a topic or an object.
_TOPIC_VERBS = {
    "talk",
    "speak",
    "answer",
    "discuss",
    "tell",
    "share",
    "say",
    "explain",
    "bring",
    "show",
    "prepare",
    "wear",
}
_TOPIC_NEXT = {
    "about",
    "any",
    "anything",
    "all",
    "every",
    "everything",
    "your",
    "questions",
    "the",
    "that",
    "this",
    "it",
    "them",
    "documents",
    # "You do not need to tell us what the appointment is for" (round 37 B-005, after its measurement)
    "us",
    "me",
    "what",
    "why",
    "how",
    "anyone",
}


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of quotations from another letter or person (not a retyped letter)."""
    return [
        (m.start(), m.end())
        for m in QUOTED.finditer(text)
        if not (
            _OPENS_LIKE_A_LETTER.match(m.group())
            or m.end() - m.start() >= _MOST_OF_THE_TEXT * len(text)
            or _introduced_as_the_letter(text, m.start())
        )
    ]


def _introduced_as_the_letter(text: str, start: int) -> bool:
    """A quotation under a lead-in that points at it as the letter the note is about ("Paras 2 and 3 of
    the letter copied below:", "I got a letter today ... It says:"), not an earlier one ("last year I
    got a letter that said:", "the letter we sent you on 2 May. Here is what it said:")."""
    lead = text[max(0, start - 300) : start].rstrip()
    line = lead[lead.rfind("\n") + 1 :]
    said = re.split(r"(?<=[.!?])\s+", line)[-1]  # the lead-in's own sentence
    if not said.endswith(":") or _OUR_EARLIER.search(line):
        return False
    if _POINTS_AT_A_LETTER.search(line):
        return not _EARLIER.search(said)
    # "Client showed me the letter from Maidstone JCP dated 28/01/15. Key part copied:", and not
    # "Ms B showed me a letter she was sent in 2017. Part copied:" (an earlier one, anywhere in the line).
    return bool(_SHOWED_AND_COPIED.search(line)) and not (_EARLIER.search(line) or _IN_A_YEAR.search(line))


def only_informs(span: Span) -> bool:
    """A 'we would like to ...' request whose verb tells the reader something rather than asks them to come."""
    if span.id_ != "please-attend":
        return False
    words = [t.lower_ for t in span.doc[span.start : min(span.end + 3, span.sent.end)]]
    if "like" not in words and "want" not in words:
        return False
    return bool(set(words) & _INFORMING) and not set(words) & _GOING


def about_a_topic(span: Span) -> bool:
    """A denied duty ('you don't have to talk about ...') about what to say or bring, not about going."""
    if span.id_ != "not-have-to" or span.end >= span.sent.end:
        return False
    return span.doc[span.end - 1].lower_ in _TOPIC_VERBS and span.doc[span.end].lower_ in _TOPIC_NEXT


# "If you need to change the visit, please call us": a duty's words around a verb that rearranges the
# meeting are about the arrangements, not about going ("you [need to] *3 {ATTEND}" spans the verb).
_REARRANGING = {"change", "rearrange", "cancel", "move", "reschedule", "rebook", "postpone", "alter"}


def about_the_arrangements(span: Span) -> bool:
    """A duty cue whose words change, cancel or move the meeting rather than say to go to it."""
    return span.label_ == "mandatory" and any(token.lower_ in _REARRANGING for token in span)


# "It is really important that you answer the call. If you don't, we will send your claim back to DWP":
# a consequence whose condition only points back ("If you don't,", "Otherwise") is about the sentence before,
# unless that sentence is about paperwork or says the reader need not, or cannot, go.
_POINTS_BACK = re.compile(
    r"\W*(?:if\W+(?:you\W+)?(?:do\W+not|don't|do\W+n't|not|can't|cannot)\s*[,;:-]|otherwise\b|or\W+else\b)",
    re.I,
)
_NEED_NOT_GO = re.compile(
    r"\b(?:no need|(?:do not|don't|do n't|does not|doesn't|not) (?:need|have) to|need not|cannot|can't|unable to)\b",
    re.I,
)


def about_going(span: Span) -> bool:
    """Whether a consequence cue's sentence is about going to something: its own words or, where its
    condition only points back ("If you don't, ..."), the words of the sentence before it."""
    sentence = span.sent
    if {token.lower_ for token in sentence} & GOING_WORDS:
        return True
    if sentence.start == 0 or not _POINTS_BACK.match(sentence.text):
        return False
    before = span.doc[sentence.start - 1].sent
    words = {token.lower_ for token in before}
    return bool(words & GOING_WORDS) and not words & PAPERWORK_WORDS and not _NEED_NOT_GO.search(before.text)


# "If your ESA stops and you claim JSA, you will need to sign on every fortnight": signing on for a
# benefit the reader may claim one day is no duty now.
_SUPPOSES = re.compile(r"\b(?:if|unless|should you|in case)\b", re.I)


def signing_on_supposed(span: Span) -> bool:
    """A duty to sign on said under a condition in its own sentence."""
    return span.id_ == "must-sign-on" and bool(
        _SUPPOSES.search(span.sent.text, 0, span.start_char - span.sent.start_char)
    )


# "Mandatory (Y/N) | N", "Mandatory | Yes / No", "Non-mandatory | Yes": a table's yes that is a blank choice
# or answers a negated label is no duty.
_A_CHOICE_FOLLOWS = re.compile(r"\s*/")
_NEGATED_LABEL = re.compile(r"\b(?:non|not)\W*$", re.I)


def not_a_yes_to_going(span: Span) -> bool:
    """A "Mandatory | Yes" cue whose yes is one of a blank choice's options, or whose label is negated."""
    if span.id_ != "is-mandatory" or span[-1].lower_ not in ("yes", "y"):
        return False
    text = span.doc.text
    before = text[max(0, span.start_char - 12) : span.start_char]
    return bool(_A_CHOICE_FOLLOWS.match(text, span.end_char) or _NEGATED_LABEL.search(before))


# A sender's note above a forwarded letter ("Email from claimant: i got this, can u look?"):
# its words ("she's in the support group", "does he have to go?") are not the letter's.
_POINTS_AT_A_LETTER = re.compile(
    r"letter below|below is|(?:i|he|she|they|we|client|son|daughter|partner|mum|dad|brother|sister) (?:got|received|has received|has got)"
    r" (?:this|the|a) letter|sent me this|got this|following letter|copied (?:it )?below|typed (?:it )?out"
    r"|here is (?:the|what)|is what (?:it|they) said|forwarding|forwarded|\bfwd?\b",
    re.I,
)
# A note's own lead-in to the part of the letter it copies; only before a quotation (not a first paragraph).
_SHOWED_AND_COPIED = re.compile(
    r"showed (?:me|us) (?:the |a |this |his |her |their )?letter.*(?:part|bit|paragraph|section|lines?)s? copied",
    re.I,
)
_IN_A_YEAR = re.compile(r"\b(?:in|from|during|back in)\s+(?:19|20)\d\d\b", re.I)
_EARLIER = re.compile(r"\b(?:previous|earlier|last|old|before|ago|original|another)\b", re.I)
_OUR_EARLIER = re.compile(r"\bwe\s+(?:sent|wrote|told)\b|\bour\s+(?:letter|message)\b", re.I)
_SENDER = re.compile(r"\b(?:i|i'm|i've|my|me|client|we're|please advise)\b", re.I)


def within(span: Span, regions: Iterable[tuple[int, int]]) -> bool:
    """Whether any of the span's characters fall in one of the (start, end) character ranges."""
    return any(start < span.end_char and span.start_char < end for start, end in regions)


def outside_the_letter(text: str) -> list[tuple[int, int]]:
    """Character ranges that are not the letter: quotations from elsewhere, and the note around a
    forwarded letter (the letter retyped in quotes, or under a note that points below)."""
    regions = quoted_regions(text)
    retyped = [m for m in QUOTED.finditer(text) if (m.start(), m.end()) not in regions]
    if retyped:
        first, last = retyped[0], retyped[-1]
        return regions + [(0, first.start()), (last.end(), len(text))]
    paragraphs = re.split(r"\n\s*\n", text, maxsplit=1)
    note = paragraphs[0]
    if (
        len(paragraphs) == 2
        and _POINTS_AT_A_LETTER.search(note)
        and _SENDER.search(note)
        and "dear" not in note.lower()
    ):
        return regions + [(0, len(paragraphs[0]))]
    return regions


# "As you are in the work-related activity group, you must attend", "Because you are in the WRAG, meeting
# me is a condition of getting your ESA": the group is the reason for the duty, not a condition on it.
# A bag of words reads its words as a letter whose answer turns on the group ("unclear"): round 39 B,
# after its measurement, twice; no such overrule on 14,868 labelled letters was right.
_AS_YOU_ARE_IN = re.compile(
    r"\b(?:as|because|since)\W+(?:you|he|she)(?:'re|\W+are|\W+is|\W+have\W+been\W+placed|\W+has\W+been\W+placed)"
    r"\W+in\W+(?:the\W+)?(?:esa\W+|employment\W+and\W+support\W+allowance\W+)?"
    rf"(?:{GROUP_NAME_WORDS['support_group']}|{GROUP_NAME_WORDS['wrag']})",
    re.I,
)


# "As you are in the support group, you only need to attend if you choose to": a choice, whatever the duty's words.
_CHOICE = re.compile(
    r"\bonly\b|\bif\W+you\W+(?:choose|want|wish|would\W+like|like|prefer)\b|\bvoluntar|\boptional\b|\bup\W+to\W+you\b",
    re.I,
)


def group_as_reason(span: Span) -> bool:
    """A duty cue whose sentence gives the reader's group as its reason before it, and no choice."""
    sentence = span.sent
    return bool(
        _AS_YOU_ARE_IN.search(span.doc.text, sentence.start_char, span.start_char)
    ) and not _CHOICE.search(sentence.text)
