"""Learned weighings of several pieces of evidence for one answer: fit the weights, score the answers.

A conditional logit: each possible answer gets a few features (the classifier's score for it,
whether the rules chose it, which rule path decided...), one set of weights scores every answer,
and a softmax turns the scores into probabilities. It is fitted by plain gradient descent with an
L2 penalty: about a hundred weights, so numpy fits it in seconds and the result is a small dict that
can be read, diffed and shipped as JSON in models/calibration.json, beside the calibration table.
Attendance is weighed this way (nlp/combine.py). A weighing of the letter type the same way
(classifier share, type statements, what the letter asks) was tried and did not beat the hand-set
weights on writers held out of training (type 0.922 against 0.923, 790 letters), so it is not used.
"""

from __future__ import annotations

import json
import math
from functools import cache

import numpy as np

from analyser.nlp.confidence import TABLE_PATH

Features = dict[str, float]
Weights = dict[str, float]
L2 = 0.001  # per letter; keeps the weights of rarely seen paths near zero
STEPS = 3000
RATE = 0.5


def chances(by_answer: dict[str, Features], weights: Weights) -> dict[str, float]:
    """Each answer's probability under the weights."""
    logits = {
        answer: sum(weights.get(name, 0.0) * value for name, value in found.items())
        for answer, found in by_answer.items()
    }
    top = max(logits.values())
    exp = {answer: math.exp(logit - top) for answer, logit in logits.items()}
    total = sum(exp.values())
    return {answer: value / total for answer, value in exp.items()}


def fit_weights(rows: list[tuple[dict[str, Features], str]]) -> Weights:
    """Weights that make each letter's gold answer likely: rows of (features by answer, gold answer)."""
    answers = sorted({answer for by_answer, _ in rows for answer in by_answer})
    names = sorted({name for by_answer, _ in rows for found in by_answer.values() for name in found})
    index = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(answers), len(names)))
    for r, (by_answer, _) in enumerate(rows):
        for a, answer in enumerate(answers):
            for name, value in by_answer.get(answer, {}).items():
                x[r, a, index[name]] = value
    gold = np.array([answers.index(answer) for _, answer in rows])
    beta = np.zeros(len(names))
    for _ in range(STEPS):
        logits = x @ beta
        logits -= logits.max(axis=1, keepdims=True)
        probability = np.exp(logits)
        probability /= probability.sum(axis=1, keepdims=True)
        # Gradient of the mean negative log-likelihood: expected minus observed features.
        expected = np.einsum("ra,raf->rf", probability, x)
        observed = x[np.arange(len(rows)), gold]
        beta -= RATE * ((expected - observed).mean(axis=0) + L2 * beta)
    return {name: round(float(beta[i]), 4) for name, i in index.items() if abs(beta[i]) >= 1e-4}


@cache
def load_weights(key: str) -> Weights:
    """The weights fitted under `key`, or none (the rules decide alone) before `analyser train` fitted them."""
    if TABLE_PATH.exists():
        found: Weights = json.loads(TABLE_PATH.read_text(encoding="utf-8")).get(key, {})
        return found
    return {}


def logit(score: float) -> float:
    """The log-odds of a classifier score, kept finite."""
    score = min(max(score, 1e-4), 1 - 1e-4)
    return math.log(score / (1 - score))
