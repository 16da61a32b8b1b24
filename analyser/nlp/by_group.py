"""Attendance that turns on the reader's group: read from "if you are in the ... group" sentences, or
from the rows of a list or table that give each group its own line.

Sentences come first (components.py marks the cues a group condition governs). Rows catch what
sentences miss, because layout, not grammar, ties the group to its answer:
- a list whose items name the group after the answer ("- compulsory if you are in the WRAG;");
- a table whose cells a scan or a text file runs together ("Support group    You can come if you want");
- a group heading its own line, with the answer on the lines below it (Universal Credit's "limited
  capability for work" heads one only so: in a sentence the words name a decision, not a group);
- a cell or line that opens with the answer: "Required", "Not required - optional", or, under "Do I have
  to come?", "Yes" and "No".
Either way, the letter's attendance turns on the group only when two groups get different answers
(or one group gets an answer and everyone else the opposite).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from analyser.typography import line_around

GROUP_LABELS = {
    "group_support": "support_group",
    "group_wrag": "wrag",
    "group_assessment": "assessment_phase",
    "group_nwrr": "no_work_related_requirements",
    "group_wfi_only": "work_focused_interview_only",
    "group_work_prep": "work_preparation",
    "group_awrr": "all_work_related_requirements",
}


# A child's age names a Universal Credit group only as a heading or a row of its own ("Parents whose
# youngest child is 2"). In a sentence it is an exemption ("you do not have to take part if you are a
# lone parent with a child under one") that writers read as leaving the letter's duty standing.
# So do the groups' everyday names ("Intensive work search", "Preparing for work"): in a sentence
# they say what the reader will do, not which group they are in.
ROW_ONLY_IDS = {"child-under-one", "child-aged-one", "child-aged-two", "child-aged-three-up"}
ROW_ONLY_IDS |= {
    "uc-no-work-requirements",
    "uc-planning-for-work",
    "uc-preparing-for-work",
    "uc-work-preparation",  # "Work preparation   | Yes" (in a sentence: "work preparation activities")
    "uc-intensive-work-search",
}

# Cue ids that state what happens if you do not go ("without good cause"): consequences, not duties.
CONSEQUENCE_IDS = {"failure-to-attend", "good-cause", "decide-without-you"}
# The cues a condition can govern: what a sentence says to a group (components.py marks them
# conditional; a sentence's group answer is read from them here).
CONDITIONAL_KINDS = {"mandatory", "voluntary", "sanction", "request"}
# The words that put a group under a condition ("If you are in ...", "Unless you are in ...").
CONDITIONAL_WORDS = {"if", "unless"}
_NOT = {"not", "n't"}


def _owners(spans: list[Span], named: list[Span]) -> dict[str, list[Span]]:
    """Which group each conditional cue of one sentence speaks of: the groups named since the cue
    before it ("customers in the WRAG must attend; customers in the support group do not need to"),
    else the last group named before it; a cue before any group, every group."""
    doc = spans[0].doc
    sentence = spans[0].sent
    marks = sorted(
        s.start
        for s in doc.spans["cues"]
        if s.label_ in CONDITIONAL_KINDS and sentence.start <= s.start < sentence.end
    )
    owned: dict[str, list[Span]] = {}
    for span in spans:
        since = max((m for m in marks if m < span.start), default=-1)
        mine = (
            [g for g in named if since <= g.start < span.start]
            or [g for g in named if g.start < span.start][-1:]
            or named
        )
        for group in dict.fromkeys(GROUP_LABELS[g.label_] for g in mine):
            owned.setdefault(group, []).append(span)
    return owned


def _group_attendance(labels: set[str]) -> str | None:
    if "voluntary" in labels and "mandatory" not in labels:
        return "voluntary"
    if labels & {"mandatory", "sanction"}:
        return "mandatory"
    if "request" in labels:
        # "If you are in the support group, we would still like you to come": an invitation
        # set against another group's duty is an offer.
        return "voluntary"
    return None


# "Unless you are in the support group, you must attend": the sentence's answer is everyone else's,
# and the group it excepts gets the other one.
_OPPOSITE = {"mandatory": "voluntary", "voluntary": "mandatory"}


def _excepted(group: Span) -> bool:
    """Whether the condition before a group's name excepts it: the nearest "if" or "unless" in its
    sentence is "unless", or "if" with a "not" before the name ("If you're not in the ... group")."""
    before = list(group.doc[group.sent.start : group.start])
    found = [i for i, t in enumerate(before) if t.lower_ in CONDITIONAL_WORDS]
    if not found:
        return False
    # Only "not in": in "if you do not have limited capability for work-related activity" the "not"
    # is part of the group's name (the WRAG's).
    rest = [t.lower_ for t in before[found[-1] :]]
    return rest[0] == "unless" or any(a in _NOT and b == "in" for a, b in zip(rest, rest[1:], strict=False))


def _by_sentence(live: list[Span], threats: Sequence[Span]) -> dict[str, str] | None:
    """What the letter says for each group it names in 'if you are in the ... group' sentences;
    `threats` are those that bind the reader now (decide.py's)."""
    sentences: dict[int, list[Span]] = {}
    lone: dict[int, list[Span]] = {}  # "People in the support group don't need to": one group's offer
    for span in live:
        if span._.why_not == "conditional":
            sentences.setdefault(span.sent.start, []).append(span)
        elif span.label_ == "voluntary" and span._.why_not == "negated" and span._.condition_sent is not None:
            lone.setdefault(span.sent.start, []).append(span)
    found, said, excepted = _answers(sentences)
    # A lone group's offer answers for that group only beside another group's answer in another
    # sentence ("People in the WRAG must take part ... People in the support group don't need to
    # attend"), and never against a duty said to everyone ("You must take part in this interview").
    lone_answers = {group: answer for group, answer in _answers(lone)[0].items() if group not in found}
    said_to_all = any(
        s._.why_not is None and s.label_ == "mandatory" and s.id_ not in CONSEQUENCE_IDS for s in live
    )
    if found and lone_answers and not said_to_all and len({*found.values(), *lone_answers.values()}) >= 2:
        return found | lone_answers
    if len(found) >= 2 and len(set(found.values())) >= 2:
        return found
    # One group named under an "if", and the opposite said to everyone: "If you are in the Support
    # Group, you do not have to come. Everyone else must attend."
    # The group's answer must be said in terms: a request read as an offer only stands against another
    # group's duty ("... decide whether you have LCW and, if you do, whether you also have LCWRA. Your
    # appointment is ...": no offer to anyone).
    unconditional = {s.label_ for s in live if s._.why_not is None and s.label_ in ("mandatory", "voluntary")}
    # A threat to everyone is their duty ("If you miss it your UC may be reduced. If you've been told
    # you're in the no work-related requirements group, you can ignore this message") unless the letter
    # names a group outside its conditions: "you are in the WRAG" makes the other group's answer an aside.
    conditions = {(spans[0]._.condition_sent or spans[0].sent).start for spans in sentences.values()}
    states_a_group = any(
        s.label_ in GROUP_LABELS and s.sent.start not in sentences and s.sent.start not in conditions
        for s in live
    )
    if threats and not states_a_group:
        unconditional.add("mandatory")
    if len(found) == 1 and said[next(iter(found))] - {"request"}:
        if found.keys() & excepted or unconditional - set(found.values()):
            return found
    return None


def _answers(sentences: dict[int, list[Span]]) -> tuple[dict[str, str], dict[str, set[str]], set[str]]:
    """Each group's answer in the conditional sentences, the cue labels behind it, and the groups
    "unless" excepts (each such answer stands against everyone else's)."""
    found: dict[str, str] = {}
    said: dict[str, set[str]] = {}
    excepted: set[str] = set()
    for spans in sentences.values():
        doc = spans[0].doc
        sentence = spans[0]._.condition_sent or spans[0].sent
        named = [
            s
            for s in doc.spans["cues"]
            if s.label_ in GROUP_LABELS
            and s.id_ not in ROW_ONLY_IDS
            and sentence.start <= s.start < max(sentence.end, spans[0].sent.end)
        ]
        kept = _outermost(named)
        for group, its in _owners(spans, kept).items():
            labels = {s.label_ for s in its}
            attendance = _group_attendance(labels)
            # Only an answer said in terms (a bare "please come" to everyone else is no duty), and only
            # within one sentence: "*Unless we have told you that you have LCWRA. In that case this
            # appointment is optional" answers for the group it names.
            if (
                attendance in _OPPOSITE
                and labels - {"request"}
                and sentence.start == spans[0].sent.start
                and any(GROUP_LABELS[g.label_] == group and _excepted(g) for g in kept)
            ):
                attendance = _OPPOSITE[attendance]
                excepted.add(group)
            if attendance and group not in found:
                found[group] = attendance
                said[group] = labels
    return found, said, excepted


def attendance_by_group(live: list[Span], threats: Sequence[Span] = ()) -> dict[str, str] | None:
    """Each group's attendance, when the letter's answer turns on the reader's group; else None.
    `threats`: the threats for not going now (not those about a form, a past failure, or an offer
    once accepted), which bind every group the letter does not excuse."""
    if not live:
        return None
    sentences = _by_sentence(live, threats)
    rows = _by_row(live[0].doc, live)
    # A sentence reading that finds one group ("... the opposite for everyone else") can be a table
    # row read as a sentence: the rows' reading wins when it names more groups.
    return rows if rows and len(rows) > len(sentences or {}) else sentences


# Words a line may hold beside a group's name and still only head the lines below it
# ("Support group", "If you are in the work-related activity group:"). "You are in the support
# group." states the reader's group: without an "if", "you" makes it a statement, not a heading.
_HEADING_WORDS = {"if", "you", "are", "in", "the", "a", "customers", "claimants", "people", "for", "esa"}
_HEADING_WORDS |= {"members", "of", "those", "group", "your", "or", "and", "uc", "universal", "credit"}
_HEADING_WORDS |= {"have", "has"}  # "If you have limited capability for work"
# "Parents whose youngest child is 2", "Lone parents with a child under 1"
_HEADING_WORDS |= {"parents", "parent", "whose", "with", "lone", "carers"}
_ROW_BREAK = re.compile(r"\n|;")
# "Do I have to come?" makes a line's or a cell's opening "Yes" a duty and "No" an offer.
_ASKS_IF_MUST = re.compile(
    r"\b(?:do|must|will) (?:i|you) (?:have|need) to (?:come|go|attend|take part|join)\b[^?\n]{0,40}\?"
    r"|\b(?:is|are) (?:it|this|these|the appointments?|the interviews?) (?:compulsory|mandatory)\?",
    re.I,
)
_CELL_START = {"|", ":", "-", "*", "\u2022"}
# A table cell or list line that opens with the answer itself: "WRAG    Required", "Not required - optional".
_CELL_ANSWERS = {"required": "mandatory", "compulsory": "mandatory", "mandatory": "mandatory"}
_CELL_ANSWERS |= {"optional": "voluntary", "voluntary": "voluntary", "not required": "voluntary"}
_CELL_ANSWERS |= {"not compulsory": "voluntary", "not mandatory": "voluntary"}
_OPENERS = {answer.split()[0] for answer in _CELL_ANSWERS} | {"yes", "no"}


# Universal Credit's "limited capability for work" (LCW only: the WRAG's equivalent) heading a line or
# opening a table row. Elsewhere the words name a decision, a questionnaire or an assessment, not a
# group, so no cue reads them as one.
_LCW_HEAD = re.compile(
    r"^[ \t|*\u2022-]*(?:if (?:you|they) (?:have|has) )?(?:limited capability for work|lcw)(?: only)?"
    r"[ \t]*(?=:|$|[ \t]{2})",
    re.I | re.M,
)


def _by_row(doc: Doc, live: list[Span]) -> dict[str, str] | None:
    """Each group's answer from the rows (lines, or list items split at ';') that give it."""
    named = [s for s in doc.spans["cues"] if s.label_ in GROUP_LABELS]
    if not named:
        return None  # two groups must be named for their answers to differ, and a heading names one
    text = doc.text  # spaCy joins every token anew on each call: once per letter is enough
    heads = [
        doc.char_span(*m.span(), label="group_wrag", alignment_mode="contract")
        for m in _LCW_HEAD.finditer(text)
    ]
    named = [s for s in named if s.id_ not in ROW_ONLY_IDS or _opens_line(doc, text, s)]
    groups = _outermost(sorted(named + [s for s in heads if s is not None], key=lambda s: s.start))
    if len(groups) < 2:
        return None
    answers = [s for s in live if s.label_ in CONDITIONAL_KINDS] + _cell_answers(doc, text, groups)
    found: dict[str, str] = {}
    heading: list[Span] = []
    start = 0
    for row in [*_ROW_BREAK.finditer(text), None]:
        end = row.start() if row else len(text)
        named = [g for g in groups if start <= g.start_char < end]
        said = [s for s in answers if start <= s.start_char < end]
        start = row.end() if row else end
        if named and not said:
            # A group named in passing ("(for example, you have limited capability for work and
            # work-related activity)") keeps the heading above it; only a heading replaces one.
            heading = named if _only_heads(doc, text, named) else heading
            continue
        if named:
            heading = []  # a row that names its own group ends the heading above it
        for group, its in _row_owners(named or heading, said).items():
            attendance = _group_attendance({s.label_ for s in its})
            if attendance:
                found.setdefault(group, attendance)
    return found if len(found) >= 2 and len(set(found.values())) >= 2 else None


def _cell_answers(doc: Doc, text: str, groups: list[Span]) -> list[Span]:
    """Answers that open a line or a table cell ("Required", "Not required - optional") and, after
    "Do I have to come?", a "Yes" or "No" (not the "No" of "No work-related requirements")."""
    asked = bool(_ASKS_IF_MUST.search(text))
    in_a_group = {i for group in groups for i in range(group.start, group.end)}
    answers = []
    for token in doc:
        if token.lower_ not in _OPENERS or token.i in in_a_group:
            continue
        before = doc[token.i - 1] if token.i else None
        if not (before is None or before.is_space or before.text in _CELL_START):
            continue
        two = doc[token.i : token.i + 2].text.lower() if token.i + 1 < len(doc) else ""
        width = 2 if two in _CELL_ANSWERS else 1
        label = _CELL_ANSWERS.get(two) or _CELL_ANSWERS.get(token.lower_)
        if label is None and asked and token.lower_ in ("yes", "no"):
            label = "mandatory" if token.lower_ == "yes" else "voluntary"
        if label:
            answers.append(Span(doc, token.i, token.i + width, label=label, span_id="cell-answer"))
    return answers


def _row_owners(named: list[Span], said: list[Span]) -> dict[str, list[Span]]:
    """Which group each answer of one row is given to. A row that opens with a group gives each answer
    to the groups before it ("WRAG   Attend on 28/09 (required)"); one that opens with its answer, to
    the groups after it ("compulsory if you are in the WRAG"). Groups side by side share answers."""
    if not named or not said:
        return {}
    items = sorted([*named, *said], key=lambda s: s.start)
    if items[0].label_ not in GROUP_LABELS:
        items.reverse()  # answer first: read the row from its end, so each group comes before its answer
    owners: dict[str, list[Span]] = {}
    heads: list[Span] = []
    answered = False
    for item in items:
        if item.label_ in GROUP_LABELS:
            heads = [item] if answered else [*heads, item]
            answered = False
        else:
            answered = True
            for group in heads:
                owners.setdefault(GROUP_LABELS[group.label_], []).append(item)
    return owners


def _only_heads(doc: Doc, text: str, named: list[Span]) -> bool:
    """A line that only names a group heads the lines below it: its other words are few and plain."""
    line = doc.char_span(*line_around(text, named[0].start_char, named[-1].end_char), alignment_mode="expand")
    if line is None:
        return False
    inside = {i for g in named for i in range(g.start, g.end)}
    words = [t.lower_ for t in line if t.i not in inside and t.is_alpha]
    return set(words) <= _HEADING_WORDS and ("you" not in words or "if" in words)


def _opens_line(doc: Doc, text: str, group: Span) -> bool:
    """A group with nothing before it on its line but heading words: "Parents whose youngest child is 2"."""
    lead = doc.char_span(line_around(text, group.start_char)[0], group.start_char, alignment_mode="expand")
    return lead is not None and {t.lower_ for t in lead if t.is_alpha} <= _HEADING_WORDS


def _outermost(named: list[Span]) -> list[Span]:
    """Groups not inside another group's words: "work-related activity" inside "limited capability for
    work and work-related activity" names the support group, not the WRAG."""
    return [
        s
        for s in named
        if not any(o is not s and o.start <= s.start and s.end <= o.end and len(o) > len(s) for o in named)
    ]
