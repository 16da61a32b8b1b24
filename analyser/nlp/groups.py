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
from analyser.typography import line_around, lowered

# Typed and scanned letters misspell the names ("Work Related Activty Group", OCR's "reIated",
# "activit y", "the Suport Group"): rounds 21, 25, 27 and 37 (after their measurement) read no group.
_WRA = r"work\W{1,3}re[lI1]ated\W{1,3}acti?vi?t\W?(?:y|ies)"
_SUPPORT = r"sup{1,2}ort"
_LCW = r"limited\W+capabi\w*\W+for\W+work"
# "... for work and (limited capability) for work-related activity"
# "ant", "ts" or "&" for "and": phone OCR misreads a short word on a curled line (rounds 33 F and 36 B,
# after their measurement). A garbled word stands between spaces only, and is never one that divides
# or introduces ("but", "not", "or", "(the", ", so"): "for work (the work-related activity group)" is the WRAG.
_AND_WORDS = r"(?:and|ant|&)"
_AND = (
    rf"(?:\W+{_AND_WORDS}"
    r"|[ \t]+(?!(?:but|not|nor|or|no|the|so|yet|to|for|as|is|its|ie|eg|in|on|of|by|via|if|a)\b)[a-z]{1,3})"
)
_BOTH = rf"{_LCW}{_AND}\W+(?:(?:limited\W+capabi\w*\W+)?for\W+)?{_WRA}"
_LCWRA = rf"(?:{_BOTH}|limited\W+capabi\w*\W+for\W+{_WRA}|\blcwra\b)"
_LCWRA_ONLY = rf"(?:limited\W+capabi\w*\W+for\W+{_WRA}|\blcwra\b)"
_NOT = r"(?:\bnot\b|n't|\bno\b|\bnever\b)"
# "We would like to ..." asks; it does not suppose.
_WOULD = r"would(?!\W+(?:like|be\W+(?:glad|happy|grateful))\b)"
# Words before a statement that make it general, conditional or a question about the reader.
_NOT_ABOUT_READER = re.compile(
    # ... but "As someone in the work-related activity group, you need to come" is the reader (round 37 A-022).
    r"\b(?:if|whether|unless|people|those|anyone|everyone|claimants|customers|(?<!^as\s)someone|some|most"
    r"|decide|decides"
    # "You may be placed in the support group" supposes a move ("may" in lower case: "3 May" dates).
    rf"|could|might|(?-i:may)\W+be\W+(?:placed|put|moved|treated)|{_WOULD}|until|once|eg|e\.g)\b",
    re.I,
)
_READER = re.compile(
    r"\b(?:you|your|you're|you've|he|she|his|her|mr|mrs|ms|miss|this means|the appellant)\b"
    # An appointee's letter names the claimant: "Liam is in the work-related activity group".
    r"|(?-i:\b(?!(?:This|That|The|It|There|We|Our|They|Their|Which|What|Who|Everyone|Someone|Nothing|Everything"
    # ... but not a benefit, an office or a payment named in capitals.
    r"|Allowance|Credit|Support|Plus|Jobcentre|Centre|Service|Department|Office|Team|Payment|Benefit|Group"
    r"|Programme|Scheme|Assessment)\b)[A-Z][a-z]+)"
    r"\s+(?:is|has|was|had|gets|receives)\b",
    re.I,
)
_READER_NEXT = re.compile(r",\s*you\b", re.I)
# "... - you would have no work-related requirements", "(for example, because you have LCWRA)": possibilities.
_POSSIBLE = re.compile(rf"\b{_WOULD}\b|\bfor\W+example\b|\bsuch\W+as\b", re.I)
_GROUP_NAMES = {
    "support_group": rf"{_SUPPORT}\W+(?:group|grp)\b|\blcwra\W+group|{_BOTH}\W+group",
    "wrag": rf"{_WRA}\W+(?:group|grp)\b|\bwrag\b|(?:\blcw|{_LCW})\W+group",
}
_ASSESSMENT_PHASE = r"assessment\W+phase"
# How a letter names each ESA group; the result page quotes the sentence that does when no span was kept.
GROUP_NAME_WORDS = {**_GROUP_NAMES, "assessment_phase": _ASSESSMENT_PHASE}
# The benefit's name may stand inside the group's: "the Employment and Support Allowance support group".
_BENEFIT = (
    r"(?:(?:esa|employment\W+and\W+support\W+allowance)(?:\W+\(esa\))?\W+)?"  # "... Allowance (ESA) ..."
)
# Money paid for a group is the reader's own whoever the sentence names: "LCWRA element £416.19",
# a statement's "Limited capability for work and work-related activity amount £343.63".
_PAID = ("component", "element", "amount", "addition", "£")
# "This is the assessment rate." in a payment letter is the reader's rate (round 36 A-019); "The assessment
# rate is paid for the first 13 weeks" is information.
_THIS_RATE = re.compile(r"\s*(?:this|that|it)\W+is\W+the\W+assessment\W+rate\b", re.I)


@dataclass(frozen=True)
class StatedGroup:
    """A group the letter states, where it says so (character offsets), and how strongly."""

    group: str
    start: int
    end: int
    strength: float


# (pattern, group, strength) tried on each sentence; the match is the evidence.
_ASSESSING = re.compile(
    r"(?:\b(?:while|whilst)\W+we\W+(?:are\W+)?(?:still\W+)?assess(?:ing)?|\bwe\W+are\W+(?:still\W+)?assessing)"
    # ... the ESA claim, not "your claim for Personal Independence Payment" in a letter that names ESA too.
    r"\W+your\W+(?:esa\W+|new\W+)?claim(?!\W+(?:for|to)\W+(?!(?:new\W+style\W+)?(?:esa\b|employment)))",
    re.I,
)
_STATEMENTS: list[tuple[re.Pattern[str], str, float]] = [
    # "You have limited capability for work, but [we've decided you don't] have limited capability for
    # work-related activity": the "but" denies the second whatever its words, so an OCR'd negation
    # ("but you iva iene limited capability ...") still reads as the WRAG, not the support group.
    (
        re.compile(
            rf"(?:ha(?:ve|s)|got)\W+(?:\w+\W+){{0,1}}{_LCW}\b(?!\W+(?:and|related)\b)\W+but\W+"
            rf"(?!(?:\w+\W+){{0,4}}also\b)(?:\w+\W+){{0,7}}?{_LCWRA}",
            re.I,
        ),
        "wrag",
        0.97,
    ),
    # "You do not have LCW and LCWRA" denies both: no group at all, and no other reading of its words.
    (re.compile(rf"{_NOT}\W+(?:\w+\W+){{0,2}}{_BOTH}", re.I), "", 0.99),
    # "Your Universal Credit will not include the LCW or LCWRA amount" denies either (round 37 F-108).
    (re.compile(rf"{_NOT}\W+(?:\w+\W+){{0,4}}(?:{_LCW}|\blcw)\W+or\W+{_LCWRA_ONLY}", re.I), "", 0.99),
    # "... does not have LCWRA", "the tribunal did not find that you have LCWRA": a denial may sit a
    # verb of judging away from the words it denies.
    (re.compile(rf"{_NOT}\W+(?:\w+\W+){{0,4}}{_LCWRA_ONLY}", re.I), "wrag", 0.97),
    (re.compile(rf"(?:ha(?:ve|s|ving)|got|with)\W+(?:\w+\W+){{0,2}}{_LCWRA}", re.I), "support_group", 0.96),
    (re.compile(r"\blcwra\W+(?:element|amount|addition)", re.I), "support_group", 0.9),
    # "Because of your LCWRA", "Your LCWRA means ...".
    (
        re.compile(r"\byour\W+lcwra\b(?!\W+(?:assessment|questionnaire|form|review|reassessment)\b)", re.I),
        "support_group",
        0.9,
    ),
    # A Universal Credit statement's line: "Limited capability for work and work-related activity amount £343.63",
    # or the line with only its sum: "Limited capability for work and work-related activity   £390.06".
    (re.compile(rf"{_BOTH}(?:\W+(?:element|amount|addition)|[ \t]*£)", re.I), "support_group", 0.9),
    # "placed in the support group", "moved to the ESA work-related activity group".
    *(
        (
            # "... now you're on the WRAG": said of the reader only.
            re.compile(
                rf"(?:in|into|to|member\W+of|(?:you(?:'re|\W+are)|your)\W+on)\W+the\W+{_BENEFIT}(?:{names})",
                re.I,
            ),
            group,
            0.95,
        )
        for group, names in _GROUP_NAMES.items()
    ),
    # A label: "Re your Employment and Support Allowance - work-related activity group", "Your group: Support group".
    *(
        (
            re.compile(
                rf"(?:(?:\besa|employment\W+and\W+support\W+allowance)[ \t]*[-:(][ \t]*|\bgroup[ \t]*:[ \t]*)"
                rf"(?:the\W+)?(?:{names})",
                re.I,
            ),
            group,
            0.9,
        )
        for group, names in _GROUP_NAMES.items()
    ),
    (re.compile(rf"{_WRA}\W+component", re.I), "wrag", 0.8),
    (re.compile(rf"\b{_SUPPORT}\W+component", re.I), "support_group", 0.8),
    (re.compile(_ASSESSMENT_PHASE, re.I), "assessment_phase", 0.85),
    # ESA pays no component until the assessment phase ends (Welfare Reform Act 2007, s. 2 and s. 24(2)):
    # the "assessment rate" is that phase's. Weaker than a component, which a decision may add to it
    # ("the assessment rate plus the work-related activity component").
    (re.compile(r"\bassessment\W+rate\b", re.I), "assessment_phase", 0.75),
    # "While we assess your claim for Employment and Support Allowance": an ESA claim not yet decided by a
    # WCA is in the assessment phase (Welfare Reform Act 2007, s. 24(2)); only where the sentence names ESA.
    (_ASSESSING, "assessment_phase", 0.8),
    # "You do not have limited capability for work" finds the reader fit for work: no group at all.
    (
        re.compile(
            rf"{_NOT}\W+(?:\w+\W+){{0,1}}(?:ha(?:ve|s)|got)\W+(?:\w+\W+){{0,1}}(?:{_LCW}|\blcw)\b"
            rf"(?!\W+(?:and|related)\b)",
            re.I,
        ),
        "",
        0.99,
    ),
    # "You have LCW" alone, or "found to have" it (not "you need 15 points to have" it).
    (
        re.compile(
            rf"(?<!points\sto\s)(?<!need\sto\s)(?<!treated\sas\s)(?<!treating\syou\sas\s)(?:ha(?:ve|s|ving)|got|credit\W+with)\W+(?:\w+\W+){{0,1}}"
            rf"(?:{_LCW}|\blcw)\b(?!\W+(?:and|related)\b)",
            re.I,
        ),
        "wrag",
        0.7,
    ),
]


# "Work preparation group (you have limited capability for work): yes, you must go", a table cell's
# "No work-related requirements (for example | ... | you have LCWRA": a bracket opened after a group's
# name, or with "for example", says who is in that group, not which one the reader is in.
_DEFINING_BRACKET = re.compile(
    r"(?:\b(?:group|requirements|preparation|only)\s*\(|\(\s*(?:for\W+example|e\.?g)\b)[^()]*$", re.I
)
_BRACKET_REACH = 200  # characters back to look for its opening: a bracket spans a table cell or two at most
_BREAKS_OFF = re.compile(
    rf"capabi\w*\W+for\W+work(?:\s*|\W+{_AND_WORDS}(?:\W+work\W{{1,3}}related)?[\s;:,]*)$", re.I
)
_WHILE_DECIDING = re.compile(r"\bdecid\w*\W+whether\b", re.I)
_CONDITION_OPENS = re.compile(r"\b(?:if|unless|when|where)\s*:\s*$", re.I)
_LIST_ITEM = re.compile(r"\s*(?:[-*\u2022]|\d+[.)]|\(?[a-z]\))\s")
# "We are writing to everyone in the work-related activity group. Our records show that you are in this
# group.": the reader's group is the one the sentence before names (round 37 B-108, after its measurement).
_THIS_GROUP = re.compile(
    r"\b(?:you(?:'re|\W+are)|you\W+have\W+been\W+(?:placed|put))\W+in\W+(?:this|that)\W+group\b", re.I
)
_NAMED = {group: re.compile(names, re.I) for group, names in _GROUP_NAMES.items()}
# A word every statement above holds: most sentences have none, and skip the dozen searches.
_ANY_STATEMENT = re.compile(r"capabi|lcw|group|grp|wrag|component|element|phase|assess", re.I)


def stated_group(
    doc: Doc, text: str, quoted: list[tuple[int, int]] | None = None, answered: Collection[str] = ()
) -> StatedGroup | None:
    """The group the letter says its reader is in (see module doc), or None if it says none.
    `text` is the doc's text (slicing it is cheaper than spaCy joining each sentence's tokens);
    `answered` names the groups the letter gives an attendance answer of their own."""
    found: list[StatedGroup] = []
    conditions = False  # inside the items of a list that an "if:" opens
    carried: int | None = None  # where a table line that broke off mid-name began
    before = ""  # the sentence before this one
    for sentence in doc.sents:
        previous, before = before, text[sentence.start_char : sentence.end_char]
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
    for pattern, group, strength in _STATEMENTS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue  # a stronger statement already covers these words
            if pattern is _ASSESSING and not BENEFIT_NAMES["esa"].search(lowered(text)):
                continue  # "while we assess your claim" for PIP, UC or a grant
            before = text[:start]
            # The reader may be named inside a denial: "it was not satisfied that you have ...".
            paid = match.group(0).lower().endswith(_PAID) or bool(_THIS_RATE.match(text))
            # "Until your assessment is complete you will stay in the assessment phase" states it.
            doubts = {word.group(0).lower() for word in _NOT_ABOUT_READER.finditer(before)}
            if group == "assessment_phase":
                # The phase is the time "while we decide whether" the reader has LCW: those words define it.
                doubts.discard("until")
                if _WHILE_DECIDING.search(before):
                    doubts -= {"whether", "decide", "decides"}
            # "As you are in the support group this would be voluntary": a possibility after the statement
            # is what follows from it (rounds 19, 20, 23 and 10's, after their measurement: no group read).
            if doubts or _POSSIBLE.search(text, 0, end):
                continue
            # "As an ESA customer in the work-related activity group, you ...": the reader comes after.
            if not (paid or _READER.search(text[:end]) or _READER_NEXT.match(text, end)):
                continue
            if any(s <= offset + start < e for s, e in quoted):
                continue
            found_group, found_strength = group, strength
            if group and strength < 0.97:
                # "You are not in the support group": a negated group name says little on its own.
                if re.search(rf"{_NOT}\W+(?:\w+\W+){{0,2}}$", before, re.I):
                    if group != "support_group" or "in" not in match.group(0).lower()[:3]:
                        continue
                    found_group, found_strength = "wrag", 0.6
            taken.append((start, end))
            if found_group:
                kept.append(StatedGroup(found_group, offset + start, offset + end, found_strength))
    return kept


def _this_group(text: str, offset: int, previous: str) -> list[StatedGroup]:
    """The one group the sentence before names, where this one says "you are in this group"."""
    match = _THIS_GROUP.search(text)
    if match is None or _NOT_ABOUT_READER.search(text[: match.start()]):
        return []
    named = [group for group, pattern in _NAMED.items() if pattern.search(previous)]
    if len(named) != 1:
        return []
    return [StatedGroup(named[0], offset + match.start(), offset + match.end(), 0.9)]


def _in_table_row(text: str, position: int) -> bool:
    line_start, line_end = line_around(text, position)
    return "|" in text[line_start:line_end]
