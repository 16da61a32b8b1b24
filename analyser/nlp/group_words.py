"""The words a letter states an ESA group with: each group's names and decisions, and the statements
tried on every sentence with the weight each carries (groups.py decides which are about the reader).

Each pattern is matched case-insensitively on one sentence; the match is the evidence quoted to the
reader. The words around a statement that make it general, conditional or a possibility are here too;
groups.py holds the logic, and the patterns of layout (brackets, lists, table lines) it reads with it.
"""

from __future__ import annotations

import re

# Typed and scanned letters misspell the names ("Work Related Activty Group", OCR's "reIated",
# "activit y", "activ ity", "the Suport Group"): rounds 21, 25, 27, 37 and 41 (after their measurement) read no group.
_WRA = r"work\W{1,3}re[lI1]ated\W{1,3}ac\s?ti?\s?v\s?i?\s?t\W?(?:y|ies)"
_SUPPORT = r"sup{1,2}ort"
# OCR reads a scan's "g" as "q": "the work-re1ated activity qroup" (round 38 A-029, after its measurement).
_GROUP = r"(?:[gq]roup|grp)"
_LCW = r"limited\W+capabi\w*\W+for\W+work"
# "... for work and (limited capability) for work-related activity"
# "ant", "ts" or "&" for "and": phone OCR misreads a short word on a curled line (rounds 33 F and 36 B,
# after their measurement). A garbled word stands between spaces only, and is never one that divides
# or introduces ("but", "not", "or", "(the", ", so"): "for work (the work-related activity group)" is the WRAG.
AND_WORDS = r"(?:and|ant|&)"
_AND = (
    rf"(?:\W+{AND_WORDS}"
    r"|[ \t]+(?!(?:but|not|nor|or|no|the|so|yet|to|for|as|is|its|ie|eg|in|on|of|by|via|if|a)\b)[a-z]{1,3})"
)
_BOTH = rf"{_LCW}{_AND}\W+(?:(?:limited\W+capabi\w*\W+)?for\W+)?{_WRA}"
_LCWRA = rf"(?:{_BOTH}|limited\W+capabi\w*\W+for\W+{_WRA}|\blcwra\b)"
_LCWRA_ONLY = rf"(?:limited\W+capabi\w*\W+for\W+{_WRA}|\blcwra\b)"
NOT = r"(?:\bnot\b|n't|\bno\b|\bnever\b)"
# "We would like to ..." asks; it does not suppose.
_WOULD = r"would(?!\W+(?:like|be\W+(?:glad|happy|grateful))\b)"
# Words before a statement that make it general, conditional or a question about the reader.
NOT_ABOUT_READER = re.compile(
    # ... but "As someone in the work-related activity group, you need to come" is the reader (round 37 A-022).
    r"\b(?:if|whether|unless|people|those|anyone|everyone|claimants|customers|(?<!^as\s)someone|some|most"
    r"|decide|decides"
    # "You may be placed in the support group" supposes a move ("may" in lower case: "3 May" dates).
    rf"|could|might|(?-i:may)\W+be\W+(?:placed|put|moved|treated)|{_WOULD}|until|once|eg|e\.g)\b",
    re.I,
)
READER = re.compile(
    r"\b(?:you|your|you're|you've|he|she|his|her|mr|mrs|ms|miss|this means|the appellant)\b"
    # An appointee's letter names the claimant: "Liam is in the work-related activity group".
    r"|(?-i:\b(?!(?:This|That|The|It|There|We|Our|They|Their|Which|What|Who|Everyone|Someone|Nothing|Everything"
    # ... but not a benefit, an office or a payment named in capitals.
    r"|Allowance|Credit|Support|Plus|Jobcentre|Centre|Service|Department|Office|Team|Payment|Benefit|Group"
    r"|Programme|Scheme|Assessment)\b)[A-Z][a-z]+)"
    r"\s+(?:is|has|was|had|gets|receives)\b",
    re.I,
)
READER_NEXT = re.compile(r",\s*you\b", re.I)
# "... - you would have no work-related requirements", "(for example, because you have LCWRA)": possibilities.
POSSIBLE = re.compile(rf"\b{_WOULD}\b|\bfor\W+example\b|\bsuch\W+as\b", re.I)
# "We are writing to everyone in the work-related activity group. Our records show that you are in this
# group.": the reader's group is the one the sentence before names (round 37 B-108, after its measurement).
THIS_GROUP = re.compile(
    r"\b(?:you(?:'re|\W+are)|you\W+have\W+been\W+(?:placed|put))\W+in\W+(?:this|that)\W+group\b", re.I
)
# Openings that suppose a group: "Should you be placed in the support group, you would ...", "When you
# are placed in ...". ("You told us you are in the support group, which would mean ..." is left stated:
# writers label a reply's "You told us you are in the support group" as the reader's group.)
SUPPOSED = re.compile(
    r"^\W*(?:should|had|were|when|whenever|in\W+the\W+event)\b",
    re.I,
)
_READER_GETS = (
    r"\byou(?:'ll|\W+will|'re|\W+are)?\W+(?:now\W+|still\W+)?(?:get|receive|be\W+paid|paid|getting|receiving)\W+"
    r"(?:the\W+|your\W+)?"
)
GROUP_NAMES = {
    "support_group": rf"{_SUPPORT}\W+{_GROUP}\b|\blcwra\W+group|{_BOTH}\W+group",
    "wrag": rf"{_WRA}\W+{_GROUP}\b|\bwrag\b|(?:\blcw|{_LCW})\W+group",
}
_ASSESSMENT_PHASE = r"assessment\W+phase"
# How a letter names each ESA group; the result page quotes the sentence that does when no span was kept.
GROUP_NAME_WORDS = {**GROUP_NAMES, "assessment_phase": _ASSESSMENT_PHASE}
# The benefit's name may stand inside the group's: "the Employment and Support Allowance support group".
_BENEFIT = (
    r"(?:(?:esa|employment\W+and\W+support\W+allowance)(?:\W+\(esa\))?\W+)?"  # "... Allowance (ESA) ..."
)
# Money paid for a group is the reader's own whoever the sentence names: "LCWRA element £416.19",
# a statement's "Limited capability for work and work-related activity amount £343.63".
PAID = ("component", "element", "amount", "addition", "£")
# "This is the assessment rate." in a payment letter is the reader's rate (round 36 A-019); "The assessment
# rate is paid for the first 13 weeks" is information.
THIS_RATE = re.compile(r"\s*(?:this|that|it)\W+is\W+the\W+assessment\W+rate\b", re.I)


# (pattern, group, strength) tried on each sentence; the match is the evidence.
ASSESSING = re.compile(
    r"(?:\b(?:while|whilst)\W+we\W+(?:are\W+)?(?:still\W+)?assess(?:ing)?|\bwe\W+are\W+(?:still\W+)?assessing)"
    # ... the ESA claim, not "your claim for Personal Independence Payment" in a letter that names ESA too.
    r"\W+your\W+(?:esa\W+|new\W+)?claim(?!\W+(?:for|to)\W+(?!(?:new\W+style\W+)?(?:esa\b|employment)))",
    re.I,
)
STATEMENTS: list[tuple[re.Pattern[str], str, float]] = [
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
    (re.compile(rf"{NOT}\W+(?:\w+\W+){{0,2}}{_BOTH}", re.I), "", 0.99),
    # "Your Universal Credit will not include the LCW or LCWRA amount" denies either (round 37 F-108).
    (re.compile(rf"{NOT}\W+(?:\w+\W+){{0,4}}(?:{_LCW}|\blcw)\W+or\W+{_LCWRA_ONLY}", re.I), "", 0.99),
    # "... does not have LCWRA", "the tribunal did not find that you have LCWRA": a denial may sit a
    # verb of judging away from the words it denies.
    (re.compile(rf"{NOT}\W+(?:\w+\W+){{0,4}}{_LCWRA_ONLY}", re.I), "wrag", 0.97),
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
        for group, names in GROUP_NAMES.items()
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
        for group, names in GROUP_NAMES.items()
    ),
    (re.compile(rf"{_WRA}\W+component", re.I), "wrag", 0.8),
    # "You get the support group component": with "group" in it, only said of the reader getting it (rate
    # tables, general information and changes name both components that way).
    (re.compile(rf"{_READER_GETS}{_WRA}\W+{_GROUP}\W+component", re.I), "wrag", 0.8),
    (re.compile(rf"\b{_SUPPORT}\W+component", re.I), "support_group", 0.8),
    (re.compile(rf"{_READER_GETS}{_SUPPORT}\W+{_GROUP}\W+component", re.I), "support_group", 0.8),
    (re.compile(_ASSESSMENT_PHASE, re.I), "assessment_phase", 0.85),
    # ESA pays no component until the assessment phase ends (Welfare Reform Act 2007, s. 2 and s. 24(2)):
    # the "assessment rate" is that phase's. Weaker than a component, which a decision may add to it
    # ("the assessment rate plus the work-related activity component").
    (re.compile(r"\bassessment\W+rate\b", re.I), "assessment_phase", 0.75),
    # "While we assess your claim for Employment and Support Allowance": an ESA claim not yet decided by a
    # WCA is in the assessment phase (Welfare Reform Act 2007, s. 24(2)); only where the sentence names ESA,
    # or the letter names ESA and no other benefit whose claim is assessed.
    (ASSESSING, "assessment_phase", 0.8),
    # "You do not have limited capability for work" finds the reader fit for work: no group at all.
    (
        re.compile(
            rf"{NOT}\W+(?:\w+\W+){{0,1}}(?:ha(?:ve|s)|got)\W+(?:\w+\W+){{0,1}}(?:{_LCW}|\blcw)\b"
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
