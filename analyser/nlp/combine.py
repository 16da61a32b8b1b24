"""Weigh the cue rules' attendance and sanction findings against the trained findings classifier.

The rules are precise where they found positive evidence (an offer, a duty, a per-group answer)
and weak where they decided from an absence ("nothing to attend" because no cue fired, "unclear"
because only a request was found, a threat read without knowing what it is about). On letters from
writers held out of training the classifier was right more often than the rules in those weak cases
and wrong more often in the strong ones, so it overrules a weak rule when it is fairly sure, and a
strong rule only when it is nearly certain. The path says what happened, for the calibration table.
"""

from __future__ import annotations

from dataclasses import dataclass

from analyser.nlp.train import ATTENDANCE_CATS, SANCTION_CAT

# Rule paths (analyser/nlp/decide.py) that decide from missing evidence, and how sure the
# classifier must be to overrule each kind of path.
WEAK_PATHS = {"nothing-to-attend", "not-an-appointment", "nothing", "threat", "need-not-go", "cancelled"}
OVERRULE_WEAK = 0.5
OVERRULE_REQUEST = 0.7  # "request": a meeting is arranged, the rules found no word on compulsion
OVERRULE_STRONG = 0.95
OVERRULE_SANCTION = 0.8  # the classifier's yes (or 1 - its no) needed to overrule the threat cues


@dataclass(frozen=True)
class Weighed:
    value: str | bool
    agreement: str  # "agree", "overruled" (the classifier won) or "kept" (the rules won a disagreement)


def model_attendance(cats: dict[str, float]) -> tuple[str, float] | None:
    """The classifier's most likely attendance and its score; None without a findings classifier."""
    scores = {value: cats[cat] for value, cat in ATTENDANCE_CATS.items() if cat in cats}
    if not scores:
        return None
    best = max(scores, key=lambda value: scores[value])
    return best, scores[best]


def weigh_attendance(rule: str, path: str, cats: dict[str, float], lookalike: str | None = None) -> Weighed:
    """The attendance to report, given the rules' answer and the path that decided it.

    `lookalike` is an answer whose cue words the rules found to mean something else ("you don't
    have to talk about your health" is no offer): the bag of words cannot tell, so it cannot win with it."""
    found = model_attendance(cats)
    if found is None:
        return Weighed(rule, "agree")
    model, score = found
    if model == rule:
        return Weighed(rule, "agree")
    if path == "by-group" or model == lookalike:
        return Weighed(rule, "kept")  # the per-group answers come from the rules alone
    needed = (
        OVERRULE_WEAK if path in WEAK_PATHS else OVERRULE_REQUEST if path == "request" else OVERRULE_STRONG
    )
    return Weighed(model, "overruled") if score >= needed else Weighed(rule, "kept")


def weigh_sanction(rule: bool, cats: dict[str, float], switched_off: bool = False) -> Weighed:
    """Sanction language: the threat cues' answer unless the classifier is sure of the opposite.

    A threat the cue rules found inside a quotation or reported speech (`switched_off`) is
    evidence of no threat that a bag of words cannot see, so the classifier does not overrule it."""
    if SANCTION_CAT not in cats:
        return Weighed(rule, "agree")
    score = cats[SANCTION_CAT]
    model = score >= 0.5
    if model == rule:
        return Weighed(rule, "agree")
    sure = score if model else 1.0 - score
    if sure < OVERRULE_SANCTION or (switched_off and not rule):
        return Weighed(rule, "kept")
    return Weighed(model, "overruled")
