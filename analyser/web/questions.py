"""The upload form's questions, in plain words: each answer's value, label and hint."""

from __future__ import annotations

from dataclasses import dataclass


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


# The answer meaning "I don't know" or "none of these": it maps to no group / no situation.
UNKNOWN = "unknown"
NO_BENEFIT = "none"
YES, NO = Option("yes", "Yes"), Option("no", "No")

BENEFIT = Question(
    "benefit",
    "Which benefit do you get?",
    (
        Option("esa", "Employment and Support Allowance (ESA)"),
        Option("universal_credit", "Universal Credit"),
        Option("income_support", "Income Support"),
        Option("jsa", "Jobseeker's Allowance (JSA)"),
        Option("pension_credit", "Pension Credit"),
        Option("carers_allowance", "Carer's Allowance only"),
        Option("pip", "Personal Independence Payment (PIP) only"),
        Option("dla", "Disability Living Allowance (DLA) only"),
        Option("attendance_allowance", "Attendance Allowance only"),
        Option("housing_benefit", "Housing Benefit only"),
        Option(
            NO_BENEFIT,
            "None of these, or I'd rather not say",
            "We will tell you what the letter says, but not whether it is wrong for you.",
        ),
    ),
    hint="If you get more than one, choose the one the letter is about. This is usually ESA, "
    "Universal Credit or Income Support.",
)
ESA_GROUP = Question(
    "esa_group",
    "Which ESA group are you in?",
    (
        Option(
            "support_group",
            "Support group",
            "You were assessed as having limited capability for work-related activity. "
            "You get the support component.",
        ),
        Option(
            "wrag",
            "Work-related activity group",
            "You were assessed as having limited capability for work, and can be asked to prepare for work.",
        ),
        Option(
            "assessment_phase",
            "Not assessed yet (assessment phase)",
            "You have not had a decision on your Work Capability Assessment yet. "
            "This is usually the first 13 weeks of a claim.",
        ),
        Option(
            UNKNOWN,
            "I don't know",
            "We will use the group the letter mentions, if any, and tell you what each group would mean.",
        ),
    ),
    hint="Your award or decision letter says which group you are in.",
    reveal_when=("benefit", "esa"),
)
UC_GROUP = Question(
    "uc_group",
    "Which Universal Credit work-related requirements group are you in?",
    (
        Option(
            "no_work_related_requirements",
            "No work-related requirements",
            "For example, you have limited capability for work and work-related activity (LCWRA), "
            "you care for a severely disabled person 35 hours a week or more, or you are the lead "
            "carer of a child under 1.",
        ),
        Option(
            "work_focused_interview_only",
            "Work-focused interview requirement only",
            "Usually the lead carer of a child aged 1.",
        ),
        Option(
            "work_preparation",
            "Work preparation",
            "You have limited capability for work (LCW), or you are the lead carer of a child aged 2.",
        ),
        Option(
            "all_work_related_requirements",
            "All work-related requirements",
            "You are expected to look for work and take a job.",
        ),
        Option(UNKNOWN, "I don't know", "We will work it out from your other answers where we can."),
    ),
    hint="Your claimant commitment or online journal says which group you are in.",
    reveal_when=("benefit", "universal_credit"),
)
CARERS_ALLOWANCE = Question(
    "carers_allowance",
    "Do you get Carer's Allowance?",
    (
        Option("yes", "Yes", "Or Carer Support Payment in Scotland."),
        Option(
            "underlying",
            "No, but I have an underlying entitlement",
            "You meet the conditions, but it is not paid because you get another benefit.",
        ),
        NO,
    ),
)
CARING_35_HOURS = Question(
    "caring_35_hours",
    "Do you care for someone for 35 hours a week or more?",
    (YES, NO),
    hint="Someone who gets a disability benefit, such as the middle or highest rate of the care part "
    "of PIP or DLA, or Attendance Allowance.",
)
LONE_PARENT = Question(
    "lone_parent",
    "Are you a lone parent?",
    (YES, NO),
    hint="You bring up a child on your own.",
)
QUESTIONS = (BENEFIT, ESA_GROUP, UC_GROUP, CARERS_ALLOWANCE, CARING_35_HOURS, LONE_PARENT)
CHILD_AGE = "child_age"
MAX_CHILD_AGE = 25  # the Situation's own upper bound for the youngest child's age
