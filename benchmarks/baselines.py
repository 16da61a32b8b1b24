"""The alternatives a volunteer would reach for: a careful keyword grep, and TF-IDF + logistic regression."""

from __future__ import annotations

import re

from analyser.nlp.dates import find_dates, resolve_year

# The grep a welfare-rights volunteer would write after reading a few dozen letters.
_TYPE_KEYWORDS = [
    (
        "decision_notice",
        r"we have decided|our decision|mandatory reconsideration notice|you have been awarded",
    ),
    (
        "wca",
        r"work capability assessment|esa50|uc50|capability for work|health assessment|medical assessment",
    ),
    ("pip_assessment", r"personal independence payment|\bpip\b|disability living allowance|consultation"),
    ("programme_referral", r"work programme|restart|work and health programme|referr|provider"),
    ("other_appointment", r"under caution|compliance|verif|review of your claim|identity"),
    (
        "wfi",
        r"work[- ]focus+ed interview|work coach|personal adviser|work search|claimant commitment|adviser",
    ),
]
_MANDATORY = re.compile(
    r"you must (?:attend|take part|come)|you are required to|condition of your benefit|mandatory|compulsory",
    re.I,
)
_VOLUNTARY = re.compile(r"voluntary|you do not have to|you don't have to|optional|up to you", re.I)
_SANCTION = re.compile(
    r"(?:benefit|allowance|payment|esa|jsa|credit|support)s?\W+(?:\w+\W+){0,3}(?:reduced|stopped|suspended|affected|sanctioned)"
    r"|sanction|stop your (?:benefit|payment)",
    re.I,
)
_NEGATED = re.compile(r"(?:not|n't|never)\W+(?:\w+\W+){0,2}(?:affect|reduc|sanction|stop)", re.I)
_APPOINTMENT = re.compile(r"appointment|interview|attend|meeting|come to", re.I)


def keyword_letter(text: str) -> dict:
    """The `letter` block a keyword grep would produce."""
    lowered = text.lower()
    letter_type = next((label for label, pattern in _TYPE_KEYWORDS if re.search(pattern, lowered)), "other")
    sanction = bool(_SANCTION.search(text)) and not _NEGATED.search(text)
    if _VOLUNTARY.search(text) and not _MANDATORY.search(text):
        attendance = "voluntary"
    elif _MANDATORY.search(text) or (sanction and _APPOINTMENT.search(text)):
        attendance = "mandatory"
    elif _APPOINTMENT.search(text):
        attendance = "unclear"
    else:
        attendance = "none"
    return {
        "type": letter_type,
        "is_wfi_summons": letter_type == "wfi",
        "attendance": attendance,
        "sanction_language": sanction,
        "appointment": _first_date_after_dear(text),
    }


def _first_date_after_dear(text: str) -> dict | None:
    dates = find_dates(text)
    sent = next((d for d in dates if d.value), None)
    dear = lowered_index(text, "dear")
    for found in dates:
        if found.start > dear:
            found = resolve_year(found, sent.value if sent else None)
            if found.value:
                return {"date": found.value.isoformat()}
    return None


def lowered_index(text: str, word: str) -> int:
    index = text.lower().find(word)
    return index if index >= 0 else 0


class TfidfBaseline:
    """TF-IDF + logistic regression, one classifier per question, trained on the letters analyser train learns from."""

    def __init__(self, letters: list[dict]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline

        texts = [letter["text"] for letter in letters]
        self.models = {}
        for key in ("letter_type", "attendance", "sanction_language"):
            model = make_pipeline(
                TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
                LogisticRegression(max_iter=2000, C=10),
            )
            model.fit(texts, [str(letter[key]) for letter in letters])
            self.models[key] = model

    def letter(self, text: str) -> dict:
        letter_type = self.models["letter_type"].predict([text])[0]
        return {
            "type": letter_type,
            "is_wfi_summons": letter_type == "wfi",
            "attendance": self.models["attendance"].predict([text])[0],
            "sanction_language": self.models["sanction_language"].predict([text])[0] == "True",
            "appointment": _first_date_after_dear(text),
        }
