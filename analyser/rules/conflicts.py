"""Where the person's answers and the letter disagree: conflicts shown first, and the warnings about them."""

from __future__ import annotations

from collections.abc import Callable

from analyser.result import Conflict, Letter, Situation, Verdict
from analyser.rules.calendar import day_month_year
from analyser.rules.parameters import Law
from analyser.rules.rulebook import Rulebook

BENEFIT_DIFFERS = "LETTER_BENEFIT_DIFFERS"
GROUP_DIFFERS = "LETTER_GROUP_DIFFERS"
BEFORE_NEW_STYLE_ESA = "LETTER_DATE_BEFORE_NEW_STYLE_ESA"
# Every conflict this module reports; actions.yaml rows may name one as their condition.
CONFLICT_CODES = (BENEFIT_DIFFERS, GROUP_DIFFERS, BEFORE_NEW_STYLE_ESA)

# (book, letter, situation, law) -> the verdict were the letter's stated group right.
IfLetterRight = Callable[[Rulebook, Letter, Situation, Law], "Verdict | None"]


def conflicts(
    book: Rulebook, letter: Letter, situation: Situation, law: Law, if_letter_right: IfLetterRight
) -> list[Conflict]:
    """Where the letter contradicts the situation; the verdict still follows the situation (RULES.md)."""
    messages = book.messages
    found = []
    if letter.benefits_mentioned and situation.benefit not in letter.benefits_mentioned:
        found.append(Conflict(code=BENEFIT_DIFFERS, text=_benefit_text(book, letter, situation)))
    stated = letter.esa_group_stated if situation.benefit == "esa" else None
    if stated and situation.group and situation.group != stated:
        text = messages.group_mismatch.format(
            letter_group=book.groups[stated].label, group=book.groups[situation.group].label
        )
        verdict = if_letter_right(book, letter, situation, law)
        if verdict is not None:
            text += " " + messages.if_letter_right.format(verdict=messages.verdict_words[verdict])
        found.append(Conflict(code=GROUP_DIFFERS, text=text))
    if (
        situation.benefit == "esa"
        and situation.flags.esa_style == "new"
        and not law.value("esa_new_style_exists")
    ):
        found.append(
            Conflict(
                code=BEFORE_NEW_STYLE_ESA,
                text=messages.new_style_before_it_existed.format(date=day_month_year(law.on)),
            )
        )
    return found


def situation_warnings(book: Rulebook, letter: Letter, situation: Situation) -> list[str]:
    """Where what the person said and what the letter says disagree, or one fills in for the other."""
    messages = book.messages
    warnings = []
    stated = letter.esa_group_stated if situation.benefit == "esa" else None
    if stated and situation.group is None:
        # The letter's group is used only with its own words quoted, so the reader can judge it.
        quote = next((e.text for e in letter.evidence if e.label == f"group:{stated}"), None)
        text = messages.group_from_letter.format(group=book.groups[stated].label)
        warnings.append(text + (messages.quote.format(quote=" ".join(quote.split())) if quote else ""))
    elif stated and situation.group and situation.group != stated:
        warnings.append(
            messages.group_mismatch.format(
                letter_group=book.groups[stated].label, group=book.groups[situation.group].label
            )
        )
    if letter.benefits_mentioned and situation.benefit not in letter.benefits_mentioned:
        warnings.append(_benefit_text(book, letter, situation))
    return warnings


def _benefit_text(book: Rulebook, letter: Letter, situation: Situation) -> str:
    return book.messages.benefit_not_in_letter.format(
        letter_benefits=" and ".join(book.benefit_labels[b] for b in letter.benefits_mentioned),
        benefit=book.benefit_labels[situation.benefit],
    )
