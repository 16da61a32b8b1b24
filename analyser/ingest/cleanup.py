"""Tidy extracted text for the NLP stage while keeping a map back to the original characters."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from analyser.ingest.tables import reflow_tables
from analyser.typography import PLAIN_PUNCTUATION

# Characters that PDF fonts and OCR produce in place of plain ones; same length so offsets hold.
_SUBSTITUTES = str.maketrans(
    {
        **PLAIN_PUNCTUATION,
        "\u00a0": " ",
        "\u202f": " ",
        "\u00ad": "-",
        "\t": " ",
        "\r": "\n",
    }
)
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
_SENTENCE_END = ".:;!?)"


@dataclass
class CleanText:
    """Cleaned text and, for each of its characters, the offset it came from in the raw text."""

    text: str
    origin: list[int]


def clean_text(raw: str) -> CleanText:
    """Normalise characters, join a text table's wrapped cells (tables.py), mend hyphenated and wrapped
    lines; every output char maps to an input char."""
    chars: list[str] = []
    origin: list[int] = []
    translated = raw.translate(_SUBSTITUTES)
    for index, char in enumerate(translated):
        if char == "\n" and raw[index] == "\r" and raw[index + 1 : index + 2] == "\n":
            continue  # a Windows line end is one line end, not two
        for piece in _LIGATURES.get(char, char):
            chars.append(piece)
            origin.append(index)
    text, origin, table_lines = reflow_tables(mend_ocr_confusions("".join(chars)), origin)
    lines = text.split("\n")
    out: list[str] = []
    out_origin: list[int] = []
    position = 0
    joined = False  # the previous line was wrapped onto this one: its indent is layout, not text
    for number, line in enumerate(lines):
        indent = len(line) - len(line.lstrip()) if joined else 0
        stripped = line.rstrip()[indent:]
        out.extend(stripped)
        out_origin.extend(origin[position + indent : position + indent + len(stripped)])
        position += len(line) + 1
        joined = False
        if number == len(lines) - 1:
            break
        following = lines[number + 1].lstrip()
        newline_origin = origin[position - 1] if position - 1 < len(origin) else len(raw)
        if _is_hyphen_break(stripped, following):
            out.pop()
            out_origin.pop()
            joined = True
            continue
        if not {number, number + 1} & table_lines and _is_wrapped(stripped, following):
            out.append(" ")
            joined = True
        else:
            out.append("\n")
        out_origin.append(newline_origin)
    return CleanText("".join(out), out_origin)


# A word of lower-case letters with a 0, 1 or | inside it ("y0ur", "st0pped", "bi||s") is a
# scanner's misreading; "10am", "1st", "WFI1" and "0800" are not words of that kind.
_CANDIDATE = re.compile(r"(?<![\w|])[A-Za-z01|][a-z01|]{2,}(?![\w|])")
_NOT_CONFUSED = re.compile(r"[01]+(?:am|pm|st|nd|rd|th|s)")
_CONFUSED_I = re.compile(r"(?m)(?<![\w])[l|](?=f\b|t\b|n\b|s\b)(?=\w+\s+[a-z])")
_CAPITAL_O = re.compile(r"(?<=[a-z])O|O(?=[a-z]{2})(?<=[a-z]O)|(?<=\b[A-Z])O(?=[a-z])")
# A capital I read for an l inside a lower-case word ("McIntyre" becomes "Mclntyre", which changes no
# finding; the quoted evidence comes from the raw text).
_CAPITAL_I = re.compile(r"(?<=[a-z])I+(?=[a-z])|(?<=\b[A-Z])I+(?=[a-z]{2})")
_FIXES_TABLE = {"0": "o", "1": "l", "|": "l"}
# A number with letters read in place of digits ("2Ol4", "O8/O7/O9", "ll.l5am", "Ol61"): a run of
# digits and look-alikes, holding at least one real digit, standing alone or before am/pm/st/th.
_CONFUSED_NUMBER = re.compile(
    r"(?<![\w|])(?=[0-9OolI|./:]*[0-9])[0-9OolI|]+(?:[./:][0-9OolI|]+)*(?=(?:am|pm|st|nd|rd|th)?(?![\w|]))"
)
_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})


# Words that follow "If" in letters and never follow "It".
_AFTER_IF = r"(?:you|your|we|they|there is no|the claimant)\b"
_IF_READ_AS_IT = re.compile(rf"(?<![\w'])It(?= {_AFTER_IF})")
# "'f you get ESA": a curled page's capital I read as an apostrophe.
_IF_CLIPPED = re.compile(rf"(?<![\w'])['\u2018\u2019`](?=f {_AFTER_IF})")


def mend_ocr_confusions(text: str) -> str:
    """Undo the commonest OCR letter/digit swaps inside words and numbers, keeping every offset in place."""
    text = _CONFUSED_NUMBER.sub(lambda match: match.group(0).translate(_DIGITS), text)
    text = _CANDIDATE.sub(_mend_word, text)
    # "lf you do not attend" / "|t is": a lower-case l or bar reading a capital I before a word.
    text = _CONFUSED_I.sub("I", text)
    # "It you do not attend": a clipped f read as t; "It" never comes before these words.
    text = _IF_READ_AS_IT.sub("If", text)
    text = _IF_CLIPPED.sub("I", text)
    # "work-reIated", "AIIowance": a capital I read inside a lower-case word.
    text = _CAPITAL_I.sub(lambda match: "l" * len(match.group(0)), text)
    # "questiOnnaire", "fOr": a capital O read inside a lower-case word.
    return _CAPITAL_O.sub("o", text)


def _mend_word(match: re.Match[str]) -> str:
    word = match.group(0)
    lower = sum(c.islower() for c in word)
    if (
        not any(c in "01|" for c in word)
        or (lower < 2 and not (len(word) == 3 and word[0].isupper() and word[2].islower()))  # "Y0u"
        or _NOT_CONFUSED.fullmatch(word)
    ):
        return word
    start = 1 if word[0].isalpha() else 0
    return word[:start] + "".join(
        _letter_for(word, index) if char in "01|" else char
        for index, char in enumerate(word)
        if index >= start
    )


_VOWELS = set("aeiouyAEIOUY")


def _letter_for(word: str, index: int) -> str:
    """The letter a misread 0, 1 or | stands for: a 1 between consonants is an i ("benef1t",
    "s1gn", "1nterview"); elsewhere an l ("wi1l", "he1p", "1ook")."""
    char = word[index]
    if char != "1":
        return _FIXES_TABLE[char]
    before = word[index - 1] if index > 0 else ""
    after = word[index + 1] if index + 1 < len(word) else ""
    consonant_before = before == "" or (before.isalpha() and before not in _VOWELS)
    consonant_after = after.isalpha() and after not in _VOWELS
    return "i" if consonant_before and consonant_after else "l"


def _is_hyphen_break(line: str, following: str) -> bool:
    # "appoint-\nment": a word split by the layout, not a compound like "work-\nrelated".
    return (
        len(line) > 2
        and line.endswith("-")
        and line[-2].isalpha()
        and following[:1].islower()
        and not line.lower().endswith(("work-", "self-", "non-", "long-", "face-", "well-"))
    )


_LABEL_START = re.compile(r"^(?:[-*\u2022>]|\d+[.)]\s|[A-Z][A-Za-z ]{0,20}:)")
# Four or more spaces inside a line: columns set side by side (a letterhead beside a reference box).
COLUMN_GAP = re.compile(r"[ \t]{4,}")
WRAPPED_LINE_LENGTH = 55  # a body line this long that stops mid-sentence was wrapped by the page


def _is_wrapped(line: str, following: str) -> bool:
    # A line broken mid-sentence by the layout: it does not end a sentence and the next one
    # carries on in lower case, or it is a long body line (address blocks and tables are short)
    # and the next line is not a label, a bullet or a new item.
    if not line or not following or line[-1] in _SENTENCE_END:
        return False
    if COLUMN_GAP.search(line.strip()) or COLUMN_GAP.search(following.strip()):
        return False  # columns are not prose
    if line.count("|") >= 2 or ("|" in line and "|" in following):
        return False  # nor are a table's rows ("| have arranged": OCR's "I" leaves the prose alone)
    if following[:1].islower():
        return True
    return len(line.strip()) >= WRAPPED_LINE_LENGTH and not _LABEL_START.match(following)


def repeated_margin_lines(pages: list[str], margin: int = 3) -> set[str]:
    """Lines that stand at the top or bottom of most pages: running headers and footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        edge = set(lines[:margin] + lines[-margin:])
        counts.update(_shape(line) for line in edge)
    threshold = max(2, (len(pages) + 1) // 2)
    return {shape for shape, count in counts.items() if count >= threshold and len(shape) > 3}


def drop_lines(text: str, shapes: set[str]) -> str:
    """Remove the lines whose shape is in `shapes` (running headers and footers)."""
    if not shapes:
        return text
    return "\n".join(line for line in text.split("\n") if _shape(line.strip()) not in shapes)


def _shape(line: str) -> str:
    # "Page 2 of 3" and "Page 3 of 3" are the same footer.
    return re.sub(r"\d+", "#", line.lower())
