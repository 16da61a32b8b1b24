"""The ESA group a letter says its reader is in, read through negation, with the words that say so.

A letter states a group in several ways, each with its own weight:
- the decision itself, in the regulations' words: "you have limited capability for work and
  work-related activity" (support group), "you do not have limited capability for work-related
  activity" / "... but not LCWRA" (the WRAG: capability for work is limited, for activity not);
  Universal Credit's "you have LCWRA" (support group) and "you have LCW" alone (the WRAG);
- the group by name: "you are in / have been placed in / are treated as a member of the support
  group"; "you are not in the support group" only weakly says WRAG;
- the component or element paid (work-related activity component, support component, LCWRA element);
- the assessment phase: "you are in the assessment phase", "the assessment phase of your claim", and
  the rate paid only while it lasts: "you will be paid the assessment rate of ESA".
Sentences about people in general, under an "if"/"whether", or asking a question state nothing
about the reader, and nor does a bracket that says who is in a group ("Work preparation group (you
have LCW): you must go"). Where strong statements disagree (a reconsideration revising an earlier
decision), the later one wins, with less confidence, unless the letter gives each of those groups an
attendance answer of its own (then they are the answers' conditions); where nothing is stated, the
answer is None.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from spacy.tokens import Doc

from analyser.nlp.extract import BENEFIT_NAMES
from analyser.nlp.group_words import (
    AND_WORDS,
    ASSESSING,
    GROUP_NAMES,
    NOT,
    NOT_ABOUT_READER,
    PAID,
    POSSIBLE,
    READER,
    READER_NEXT,
    STATEMENTS,
    SUPPOSED,
    THIS_GROUP,
    THIS_RATE,
)
from analyser.typography import line_around, lowered


@dataclass(frozen=True)
class StatedGroup:
    """A group the letter states, where it says so (character offsets), and how strongly."""

    group: str
    start: int
    end: int
    strength: float


# "Work preparation group (you have limited capability for work): yes, you must go", a table cell's
# "No work-related requirements (for example | ... | you have LCWRA": a bracket opened after a group's
# name, or with "for example", says who is in that group, not which one the reader is in.
_DEFINING_BRACKET = re.compile(
    r"(?:\b(?:group|requirements|preparation|only)\s*\(|\(\s*(?:for\W+example|e\.?g)\b)[^()]*$", re.I
)
_BRACKET_REACH = 200  # characters back to look for its opening: a bracket spans a table cell or two at most
_BREAKS_OFF = re.compile(
    rf"capabi\w*\W+for\W+work(?:\s*|\W+{AND_WORDS}(?:\W+work\W{{1,3}}related)?[\s;:,]*)$", re.I
)
_WHILE_DECIDING = re.compile(r"\bdecid\w*\W+whether\b", re.I)
_CONDITION_OPENS = re.compile(r"\b(?:if|unless|when|where)\s*:\s*$", re.I)
_LIST_ITEM = re.compile(r"\s*(?:[-*\u2022]|\d+[.)]|\(?[a-z]\))\s")
_NAMED = {group: re.compile(names, re.I) for group, names in GROUP_NAMES.items()}
# A word every statement above holds: most sentences have none, and skip the dozen searches.
_ANY_STATEMENT = re.compile(r"capabi|lcw|group|qroup|grp|wrag|component|element|phase|assess", re.I)


def stated_group(
    doc: Doc, text: str, quoted: list[tuple[int, int]] | None = None, answered: Collection[str] = ()
) -> StatedGroup | None:
    """The group the letter says its reader is in (see module doc), or None if it says none.
    `text` is the doc's text (slicing it is cheaper than spaCy joining each sentence's tokens);
    `answered` names the groups the letter gives an attendance answer of their own."""
    found: list[StatedGroup] = []
    conditions = False  # inside the items of a list that an "if:" opens
    carried: int | None = None  # where a table line that broke off mid-name began
    this_sentence = ""
    for sentence in doc.sents:
        # "... you are in this group" (_this_group) reads the sentence before it
        previous, this_sentence = this_sentence, text[sentence.start_char : sentence.end_char]
        joined = carried is not None
        start = carried if carried is not None else sentence.start_char
        carried = None
        said = text[start : sentence.end_char]
        # A statement's table line may wrap: "Limited capability for work and\n  work-related activity amount".
        # It is read with the line after it (one line only).
        if not joined and _BREAKS_OFF.search(said):
            carried = start
            continue
        # "You do not have to come if:\n- you are in the support group, or\n- you care for ...": each
        # item is a condition, whatever it says.
        item = bool(_LIST_ITEM.match(said))
        conditions = bool(_CONDITION_OPENS.search(said)) or (conditions and item)
        if conditions and item:
            continue
        if not _ANY_STATEMENT.search(said) or said.rstrip().endswith("?"):
            continue
        found.extend(_this_group(said, start, previous))
        found.extend(
            statement
            for statement in _statements(said, start, quoted or [])
            if not _DEFINING_BRACKET.search(text, max(0, statement.start - _BRACKET_REACH), statement.start)
        )
    # "You have LCWRA | This meeting is optional": in a letter that answers group by group, a table
    # row states its answer's condition, not the reader's group (in whatever group names it uses).
    if answered:
        found = [s for s in found if not _in_table_row(text, s.start)]
    if not found:
        return None
    best = max(s.strength for s in found)
    top = [s for s in found if s.strength >= best - 0.02]
    if len({s.group for s in top}) == 1:
        choice = top[0]
        agreeing = sum(1 for s in found if s.group == choice.group)
        disagreeing = len(found) - agreeing
        strength = choice.strength if not disagreeing else choice.strength - 0.1
        return StatedGroup(
            choice.group, choice.start, choice.end, round(min(0.99, strength + 0.01 * (agreeing - 1)), 3)
        )
    if {s.group for s in top} <= set(answered):
        # "You get ESA and are in the support group ...: optional. / ... in the work-related activity
        # group ...: you must attend": equal statements of two groups, each given its own answer, are
        # the conditions of the answers, not the reader's group.
        return None
    latest = max(top, key=lambda s: s.start)
    return StatedGroup(latest.group, latest.start, latest.end, round(latest.strength - 0.25, 3))


def _statements(text: str, offset: int, quoted: list[tuple[int, int]]) -> list[StatedGroup]:
    taken: list[tuple[int, int]] = []
    kept = []
    for pattern, group, strength in STATEMENTS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue  # a stronger statement already covers these words
            if pattern is ASSESSING and not BENEFIT_NAMES["esa"].search(lowered(text)):
                continue  # "while we assess your claim" for PIP, UC or a grant
            before = text[:start]
            # The reader may be named inside a denial: "it was not satisfied that you have ...".
            paid = match.group(0).lower().endswith(PAID) or bool(THIS_RATE.match(text))
            # "Until your assessment is complete you will stay in the assessment phase" states it.
            doubts = {word.group(0).lower() for word in NOT_ABOUT_READER.finditer(before)}
            if group == "assessment_phase":
                # The phase is the time "while we decide whether" the reader has LCW: those words define it.
                doubts.discard("until")
                if _WHILE_DECIDING.search(before):
                    doubts -= {"whether", "decide", "decides"}
            # "As you are in the support group this would be voluntary": a possibility after the statement is
            # what follows from it (rounds 10, 19, 20 and 23, after their measurement: no group read), unless
            # the sentence opens by supposing it.
            if doubts or SUPPOSED.search(before) or POSSIBLE.search(text, 0, end):
                continue
            # "As an ESA customer in the work-related activity group, you ...": the reader comes after.
            if not (paid or READER.search(text[:end]) or READER_NEXT.match(text, end)):
                continue
            if any(s <= offset + start < e for s, e in quoted):
                continue
            found_group, found_strength = group, strength
            if group and strength < 0.97:
                # "You are not in the support group": a negated group name says little on its own.
                if re.search(rf"{NOT}\W+(?:\w+\W+){{0,2}}$", before, re.I):
                    if group != "support_group" or "in" not in match.group(0).lower()[:3]:
                        continue
                    found_group, found_strength = "wrag", 0.6
            taken.append((start, end))
            if found_group:
                kept.append(StatedGroup(found_group, offset + start, offset + end, found_strength))
    return kept


def _this_group(text: str, offset: int, previous: str) -> list[StatedGroup]:
    """The one group the sentence before names, where this one says "you are in this group"."""
    match = THIS_GROUP.search(text)
    # "You are in this group if we decided ...", "... only if", "You are in this group now: ..." define it.
    if (
        match is None
        or NOT_ABOUT_READER.search(text[: match.start()])
        or re.match(r"\W*(?:only\W+)?(?:if|when)\b|\W*(?:now\W*)?:", text[match.end() :], re.I)
    ):
        return []
    named = [group for group, pattern in _NAMED.items() if pattern.search(previous)]
    if len(named) != 1:
        return []
    return [StatedGroup(named[0], offset + match.start(), offset + match.end(), 0.9)]


def _in_table_row(text: str, position: int) -> bool:
    line_start, line_end = line_around(text, position)
    return "|" in text[line_start:line_end]
