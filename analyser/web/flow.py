"""The question flow: one question per page, only those that decide the answer for the benefit chosen."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from analyser.web.questions import (
    BENEFIT,
    CARERS_ALLOWANCE,
    CARING_35_HOURS,
    CHILD_AGE,
    ESA_GROUP,
    ESA_STYLE,
    LONE_PARENT,
    PENSION_AGE,
    PREGNANCY,
    UC_CAPABILITY,
    UC_GROUP,
    UNKNOWN,
    Question,
)

Answers = Mapping[str, str]


def _esa_not_support(answers: Answers) -> bool:
    return answers.get("esa_group") in ("wrag", UNKNOWN)


def _uc_undecided(answers: Answers) -> bool:
    """UC answers that leave the group open: no LCWRA, no late pregnancy or new baby, no young child."""
    return (
        answers.get("uc_capability") != "lcwra"
        and answers.get("pregnancy") in ("no", None)
        and answers.get("caring_35_hours") != "yes"
        and answers.get("pension_age") != "yes"
    )


# For each benefit, its questions in order, each with when it is asked (None: always).
STEPS: dict[str, tuple[tuple[Question, Callable[[Answers], bool] | None], ...]] = {
    "esa": (
        (ESA_GROUP, None),
        (PENSION_AGE, lambda a: a.get("esa_group") != "support_group"),
        (ESA_STYLE, lambda a: _esa_not_support(a) and a.get("pension_age") != "yes"),
        (CARERS_ALLOWANCE, lambda a: _esa_not_support(a) and a.get("pension_age") != "yes"),
        (CARING_35_HOURS, lambda a: _esa_not_support(a) and a.get("pension_age") != "yes"),
        (LONE_PARENT, lambda a: _esa_not_support(a) and a.get("pension_age") != "yes"),
        (
            PREGNANCY,
            lambda a: _esa_not_support(a) and a.get("esa_style") != "old" and a.get("pension_age") != "yes",
        ),
    ),
    "universal_credit": (
        (UC_CAPABILITY, None),
        (PENSION_AGE, lambda a: a.get("uc_capability") != "lcwra"),
        (CARING_35_HOURS, lambda a: a.get("uc_capability") != "lcwra" and a.get("pension_age") != "yes"),
        (LONE_PARENT, lambda a: _uc_undecided(a)),
        (PREGNANCY, lambda a: _uc_undecided(a) and a.get("lone_parent") != "yes"),
        (
            UC_GROUP,
            lambda a: _uc_undecided(a) and a.get("lone_parent") != "yes" and a.get("uc_capability") != "lcw",
        ),
    ),
    "income_support": ((CARERS_ALLOWANCE, None), (CARING_35_HOURS, None), (LONE_PARENT, None)),
}


def asked(answers: Answers) -> list[Question]:
    """The questions that matter for these answers, in order (the benefit first)."""
    benefit = answers.get("benefit")
    questions = [BENEFIT]
    for question, when in STEPS.get(benefit or "", ()):
        if when is None or when(answers):
            questions.append(question)
    return questions


def next_question(answers: Answers) -> Question | None:
    """The first question that matters and has no answer yet; None when it is time to check the answers."""
    for question in asked(answers):
        if not answers.get(question.name):
            return question
        if question is LONE_PARENT and answers.get("lone_parent") == "yes" and not answers.get(CHILD_AGE):
            return question
    return None


def kept(answers: Answers) -> dict[str, str]:
    """Only the answers to questions that still matter (a changed benefit drops the old one's answers)."""
    names = {question.name for question in asked(answers)}
    if answers.get("lone_parent") == "yes" and "lone_parent" in names:
        names.add(CHILD_AGE)
    return {name: value for name, value in answers.items() if name in names and value}


def summary(answers: Answers) -> list[tuple[Question, str]]:
    """Each question asked with the words of its answer, for the check-your-answers page."""
    rows = []
    for question in asked(answers):
        value = answers.get(question.name, "")
        label = next((option.label for option in question.options if option.value == value), value)
        if question is LONE_PARENT and value == "yes" and answers.get(CHILD_AGE):
            label = f"Yes, youngest child aged {answers[CHILD_AGE]}"
        rows.append((question, label))
    return rows
