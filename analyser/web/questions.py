"""The upload form's questions, in plain words: each answer's value, label and hint."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from analyser.result import BENEFITS
from analyser.rules.rulebook import load_rulebook
from analyser.web.wording import COPY


@dataclass(frozen=True)
class Option:
    """One radio answer: the value posted, the words shown, and an optional hint under them."""

    value: str
    label: str
    hint: str | None = None


@dataclass(frozen=True)
class Question:
    """One question of the form, asked as a fieldset of radios."""

    name: str
    legend: str
    options: tuple[Option, ...]
    hint: str | None = None
    # Shown only when another answer has this value (progressive enhancement; all show without JavaScript).
    reveal_when: tuple[str, str] | None = None


# The benefits' names are the rulebook's; the page lists first those letters are usually about.
_BENEFIT_LABELS: dict[str, str] = {str(code): label for code, label in load_rulebook().benefit_labels.items()}
_BENEFIT_ORDER = sorted(
    BENEFITS, key=("esa", "universal_credit", "income_support").__contains__, reverse=True
)
# Benefits that alone never carry work-related requirements: "Carer's Allowance only".
_ONLY = {"carers_allowance", "pip", "dla", "attendance_allowance", "housing_benefit"}

# The answer meaning "I don't know" or "none of these": it maps to no group / no situation.
UNKNOWN = "unknown"
NO_BENEFIT = "none"

# The words of every question live in copy.yaml (wording.COPY), beside the result page's.
_BENEFIT_COPY = COPY["benefit_question"]
BENEFIT = Question(
    "benefit",
    _BENEFIT_COPY["legend"],
    (
        *(
            Option(benefit, _BENEFIT_LABELS[benefit] + (" only" if benefit in _ONLY else ""))
            for benefit in _BENEFIT_ORDER
        ),
        Option(**_BENEFIT_COPY["none_option"]),
    ),
    hint=_BENEFIT_COPY["hint"],
)


def _question(copy: dict[str, Any]) -> Question:
    """A question as copy.yaml words it."""
    reveal = copy.get("reveal_when")
    return Question(
        copy["name"],
        copy["legend"],
        tuple(Option(**option) for option in copy["options"]),
        hint=copy.get("hint"),
        reveal_when=(reveal[0], reveal[1]) if reveal else None,
    )


_ASKED = {key: _question(copy) for key, copy in COPY["questions"].items()}
ESA_GROUP = _ASKED["esa_group"]
ESA_STYLE = _ASKED["esa_style"]
PENSION_AGE = _ASKED["pension_age"]
UC_CAPABILITY = _ASKED["uc_capability"]
PREGNANCY = _ASKED["pregnancy"]
UC_GROUP = _ASKED["uc_group"]
CARERS_ALLOWANCE = _ASKED["carers_allowance"]
CARING_35_HOURS = _ASKED["caring_35_hours"]
LONE_PARENT = _ASKED["lone_parent"]
# In the order the one-page (adviser) form asks them; the question flow (flow.py) picks those that matter.
QUESTIONS = (
    BENEFIT,
    ESA_GROUP,
    ESA_STYLE,
    UC_CAPABILITY,
    UC_GROUP,
    PENSION_AGE,
    CARERS_ALLOWANCE,
    CARING_35_HOURS,
    LONE_PARENT,
    PREGNANCY,
)
CHILD_AGE = "child_age"
MAX_CHILD_AGE = 25  # the Situation's own upper bound for the youngest child's age
