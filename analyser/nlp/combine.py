"""Weigh the cue rules' attendance and sanction findings against the trained findings classifier.

The rules are precise where they found positive evidence (an offer, a duty, a per-group answer)
and weak where they decided from an absence ("nothing to attend" because no cue fired, "unclear"
because only a request was found). How far to trust each side is learned, not hand-set: a small
conditional-logit model (analyser/nlp/stacking.py) scores each answer from the classifier's score
for it, whether the rules chose it, which rule path decided, and what the letter's sentences do
(the sentence classifier's best score for each act, nlp/acts.py). It is fitted by `analyser train`
on letters each read by a model that never saw their writer, so it learns how the classifier does
on wording it has not seen. Its weights live beside the calibration table (models/calibration.json).
"""

from __future__ import annotations

from dataclasses import dataclass

from analyser.nlp.acts import ACT_CATS
from analyser.nlp.stacking import Features, Weights, chances, load_weights, logit
from analyser.nlp.train import ATTENDANCE_CATS, SANCTION_CAT

# How sure the classifier must be to overrule the threat cues. A threat the cues found in the letter's
# own words is rarely wrong, so denying it takes near certainty; a threat they missed is common where
# OCR breaks the words ("y' Employment and Support Allowance could be reduced"), so the classifier's
# yes counts sooner. On blind rounds 28-29 (unseen by the model, text and phone photos), overrules of
# a found threat were wrong 8 times in 27 at 0.8, and once in 18 at 0.95.
OVERRULE_FOUND_THREAT = 0.95
OVERRULE_NO_THREAT = 0.8
# The weights may prefer an answer the classifier itself scores low, on the strength of what the
# sentences do: "you do not have to join the programme. However, you must attend the information session"
# read as an offer at 0.10 (round 38 A-048, after its measurement). Of 2,046 overrules on 14,538
# labelled letters, the two whose answer the classifier scored below one half were both wrong.
OVERRULE_MIN_SCORE = 0.5
WEIGHTS_KEY = "attendance_weighing"  # where calibration.json keeps the fitted weights
# Where the rules decide alone. Answers that turn on the reader's group or circumstances, which the
# rules read and a bag of words cannot, are too rare in the labelled letters for the weights to learn
# to trust them. A letter whose type makes no appointment and that says nothing of going anywhere
# asks the reader to attend nothing: a bag of words reads "if you do not send the proof, your benefit
# may stop" as a summons. (One that books a meeting or asks the reader to go is read like any
# appointment letter, and weighed: a decision may also book an interview.) Nor has it learned payment
# held back until the reader does what a booked meeting is for (nlp/decide.py's "withheld"). Nor does
# it read "if you do not go to an appointment ..., your UC may be reduced" with nothing booked as a
# condition of the benefit rather than a summons ("general-condition": 11 of the 12 labelled letters
# before it was written, and round 37 F-104 after its measurement, ask nothing).
RULES_ALONE = {"by-group", "circumstances", "not-an-appointment", "withheld", "general-condition"}


@dataclass(frozen=True)
class Votes:
    """What each side says of a letter's attendance: the rules' answer and the path that decided
    it, the classifier's scores, and an answer whose cue words the rules found to mean something else."""

    rule: str
    path: str
    cats: dict[str, float]
    lookalike: str | None = None


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


def features(votes: Votes, answer: str) -> Features:
    """The evidence for one answer (the same weights score every answer)."""
    score = votes.cats.get(ATTENDANCE_CATS[answer], 0.0)
    found = {
        "model": score,
        "model_logit": logit(score),
        "rule": float(votes.rule == answer),
        f"answer|{answer}": 1.0,
        f"answer|{answer}|{votes.path}": 1.0,
    }
    # What the sentences do (nlp/acts.py): the best score of each act, weighed for each answer apart
    # ("a sentence imposes a duty" speaks for mandatory, against none).
    for act, cat in ACT_CATS.items():
        if cat in votes.cats:
            found[f"act|{act}|{answer}"] = votes.cats[cat]
    return found


def by_answer(votes: Votes) -> dict[str, Features]:
    """The features of every attendance answer."""
    return {answer: features(votes, answer) for answer in ATTENDANCE_CATS}


def weigh_attendance(votes: Votes, weights: Weights | None = None) -> Weighed:
    """The attendance to report: the likeliest answer under the fitted weights, with three limits the
    weights cannot learn. Answers per group or per circumstance come from the rules alone (the
    classifier reads neither); the classifier cannot win with a look-alike (its bag of words reads "you
    don't have to talk about your health" as an offer, which the rules found it is not); and it cannot
    win with an answer it scores below OVERRULE_MIN_SCORE itself."""
    weights = load_weights(WEIGHTS_KEY) if weights is None else weights
    found = model_attendance(votes.cats)
    if found is None:
        return Weighed(votes.rule, "agree")
    kept = Weighed(votes.rule, "agree" if found[0] == votes.rule else "kept")
    if votes.path in RULES_ALONE or not weights:
        return kept
    probability = chances(by_answer(votes), weights)
    best = max(probability, key=lambda answer: probability[answer])
    if (
        best in (votes.rule, votes.lookalike)
        or votes.cats.get(ATTENDANCE_CATS[best], 0.0) < OVERRULE_MIN_SCORE
    ):
        return kept
    return Weighed(best, "overruled")


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
    if sure < (OVERRULE_FOUND_THREAT if rule else OVERRULE_NO_THREAT) or (switched_off and not rule):
        return Weighed(rule, "kept")
    return Weighed(model, "overruled")
