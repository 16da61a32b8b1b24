"""The upload form's questions, in plain words: each answer's value, label and hint."""

from __future__ import annotations

from dataclasses import dataclass

from analyser.result import BENEFITS
from analyser.rules.rulebook import load_rulebook


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
# The benefits' names are the rulebook's; the page lists first those letters are usually about.
_BENEFIT_LABELS: dict[str, str] = {str(code): label for code, label in load_rulebook().benefit_labels.items()}
_BENEFIT_ORDER = sorted(
    BENEFITS, key=("esa", "universal_credit", "income_support").__contains__, reverse=True
)
# Benefits that alone never carry work-related requirements: "Carer's Allowance only".
_ONLY = {"carers_allowance", "pip", "dla", "attendance_allowance", "housing_benefit"}

UNKNOWN = "unknown"
NO_BENEFIT = "none"
YES, NO = Option("yes", "Yes"), Option("no", "No")

BENEFIT = Question(
    "benefit",
    "Which benefit do you get?",
    (
        *(
            Option(benefit, _BENEFIT_LABELS[benefit] + (" only" if benefit in _ONLY else ""))
            for benefit in _BENEFIT_ORDER
        ),
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
    "Were you told you are in the ESA support group?",
    (
        Option(
            "support_group",
            "Yes, I am in the support group",
            "Your letter may say you have limited capability for work-related activity (LCWRA). "
            "You get the support component.",
        ),
        Option(
            "wrag",
            "No, I am in the work-related activity group",
            "Your letter says you can be asked to do things to get ready for work.",
        ),
        Option(
            "assessment_phase",
            "I have not had my assessment yet",
            "You are waiting for a decision on your Work Capability Assessment.",
        ),
        Option(
            UNKNOWN,
            "I don't know",
            "We will use the group the letter says, if it says one, and show you its words.",
        ),
    ),
    hint="Your decision letter about your Work Capability Assessment says which group you are in.",
    reveal_when=("benefit", "esa"),
)
ESA_STYLE = Question(
    "esa_style",
    "Do you get old-style or new-style ESA?",
    (
        Option("new", "New-style ESA", "Your letters say new style. You may get Universal Credit too."),
        Option(
            "old", "Old-style ESA", "You started before Universal Credit came to your area, and get no UC."
        ),
        Option(UNKNOWN, "I don't know"),
    ),
    hint="New-style ESA is based on the National Insurance you paid. Your award letter says new style if it is.",
    reveal_when=("benefit", "esa"),
)
PENSION_AGE = Question(
    "pension_age",
    "Have you reached State Pension age?",
    (YES, NO),
    hint="You can check your State Pension age on GOV.UK.",
)
UC_CAPABILITY = Question(
    "uc_capability",
    "Were you told you have LCWRA?",
    (
        Option(
            "lcwra",
            "Yes, I have LCWRA",
            "Limited capability for work and work-related activity. You may get the LCWRA part of UC.",
        ),
        Option(
            "lcw", "I have LCW only", "Limited capability for work. You can be asked to get ready for work."
        ),
        Option("no", "No"),
        Option(UNKNOWN, "I don't know"),
    ),
    hint="After a health assessment, your journal or a letter tells you this.",
    reveal_when=("benefit", "universal_credit"),
)
PREGNANCY = Question(
    "pregnancy",
    "Are you pregnant, or have you had a baby in the last 15 weeks?",
    (
        Option("due_soon", "Yes, my baby is due in the next 11 weeks"),
        Option("recent_birth", "Yes, I had a baby in the last 15 weeks"),
        Option("no", "No"),
    ),
)
UC_GROUP = Question(
    "uc_group",
    "Which Universal Credit group are you in?",
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
    hint="You bring up a child on your own, or you are the main carer of a child in a couple on Universal Credit.",
)
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
