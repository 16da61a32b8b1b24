"""The result page's wording: what each letter type, verdict, attendance, group and evidence label means."""

from __future__ import annotations

from analyser.result import GROUPS
from analyser.rules.rulebook import load_rulebook

LETTER_KINDS: dict[str, tuple[str, str]] = {
    "wfi": (
        "This letter asks you to a work-focused interview",
        "A work-focused interview is a meeting with a work coach or adviser about work, training or an action "
        "plan. Whether you can be made to go depends on your benefit and group.",
    ),
    "programme_referral": (
        "This letter refers you to an employment programme",
        "It sends you to an employment programme or work-related activity, often with a provider. "
        "Whether you can be made to take part depends on your benefit and group.",
    ),
    "wca": (
        "This letter is about a Work Capability Assessment",
        "This is a health assessment, not a work-focused interview. People in any ESA group, including the "
        "support group, can be asked to go, and missing it without good cause can end your award.",
    ),
    "pip_assessment": (
        "This letter is about a PIP or DLA assessment",
        "This is a disability benefit assessment, not a work-focused interview. Anyone claiming PIP or DLA "
        "can be asked to go, and missing it can stop your claim.",
    ),
    "other_appointment": (
        "This letter asks you to an appointment that is not a work-focused interview",
        "For example a check of your claim, your identity or your evidence. Anyone on the benefit can be "
        "asked to go to these.",
    ),
    "decision_notice": (
        "This letter tells you about a decision",
        "It does not ask you to a work-focused interview. If you disagree with the decision, you can usually "
        "ask for a mandatory reconsideration within one month of the letter's date.",
    ),
    "other": (
        "This letter does not ask you to a work-focused interview",
        "We could not find an interview, assessment or programme in it.",
    ),
}

VERDICTS: dict[str, tuple[str, str]] = {
    "likely_wrongful": (
        "Likely wrongful",
        "In your situation, you probably cannot be required to do what this letter asks.",
    ),
    "possibly_wrongful": (
        "Possibly wrongful",
        "You may not be required to do what this letter asks. Check the reasons below.",
    ),
    "no_concern": ("No concern", "In your situation, you can be asked to do what this letter asks."),
    "not_applicable": (
        "Not a work-focused interview",
        "The rules about who can be required to go to a work-focused interview do not apply to this letter.",
    ),
}

# What the person is asked to go to, in one word, by letter type.
THING = {
    "wfi": "interview",
    "programme_referral": "programme",
    "wca": "assessment",
    "pip_assessment": "assessment",
    "other_appointment": "appointment",
}

# "Do you have to go?" answered in the <h1>, then why, in short plain sentences (reading age 9 or under:
# tests/web/test_reading_age.py). By verdict (None: no benefit given), then by what the letter asks for
# the person; "*" covers every wording, since a wrongful demand is wrongful however it is put.
ANSWERS: dict[str | None, dict[str, tuple[str, str]]] = {
    "likely_wrongful": {
        "*": (
            "You probably do not have to go to this {thing}",
            "{told} {relies}. The rules say they cannot make you go. "
            "But do not just stay away. Phone them first.",
        ),
    },
    "possibly_wrongful": {
        "*": (
            "You might not have to go to this {thing}",
            "It depends on things we cannot check. Phone them and ask before the date.",
        ),
    },
    "no_concern": {
        "mandatory": (
            "You have to go to this {thing}",
            "{told} {relies}. They can ask you to go. If you cannot go, ask for a new date first.",
        ),
        "unclear": (
            "You probably have to go to this {thing}",
            "The letter does not say it clearly. But they can ask you to go. Phone them to check.",
        ),
        "voluntary": ("You do not have to go to this {thing}", "The letter says it is up to you."),
        "none": ("This letter does not ask you to go to anything", "{kind}"),
    },
    "not_applicable": {
        "mandatory": (
            "You probably have to go to this {thing}",
            "{kind} If you cannot go, ask for a new date first.",
        ),
        "unclear": ("You may have to go to this {thing}", "{kind} Phone them to check."),
        "voluntary": ("You do not have to go to this {thing}", "The letter says it is up to you."),
        "none": ("This letter does not ask you to go to anything", "{kind}"),
    },
    None: {
        "mandatory": (
            "The letter says you must go to this {thing}",
            "Tell us your benefit. Then we can say if they can make you go.",
        ),
        "unclear": (
            "The letter asks you to go to this {thing}",
            "It does not say if you must. Tell us your benefit to find out more.",
        ),
        "voluntary": ("You do not have to go to this {thing}", "The letter says it is up to you."),
        "none": ("This letter does not ask you to go to anything", "{kind}"),
    },
}
# What a letter that is not about a work-focused interview is, in short words (the answer's "why").
KIND_WORDS = {
    "wfi": "It is a work-focused interview.",
    "programme_referral": "It sends you to a work programme.",
    "wca": "It is a health check for ESA or Universal Credit. Most people must go, or their money can stop.",
    "pip_assessment": "It is a check for PIP or DLA. You must go, or your claim can stop.",
    "other_appointment": "It is a check of your claim. Most people must go to these.",
    "decision_notice": "It tells you about a decision on your benefit.",
    "other": "We could not find a meeting or a date in it.",
}
# The first thing a page says when the letter and the answers disagree.
CONFLICT_HEADING = "Your answers and the letter do not match"

ATTENDANCE_SAYS = {
    "mandatory": "It says you must go or take part.",
    "voluntary": "It says going is voluntary or up to you.",
    "unclear": "It asks you to go, but does not say whether you must.",
    "none": "It does not ask you to go to anything.",
}

# The rulebook names each group ("the support group"); the page says it the same way.
GROUP_NAMES = {group: info.label for group, info in load_rulebook().groups.items() if group in GROUPS}

# How a letter names each ESA group, to quote the sentence when the reading found no span for it.
GROUP_WORDS = {
    "support_group": r"support\s+group",
    "wrag": r"work[\s-]+related\s+activity\s+group",
    "assessment_phase": r"assessment\s+phase",
}

EVIDENCE_LABELS = {
    "mandatory": "Says you must go",
    "voluntary": "Says it is optional",
    "sanction": "Threatens your benefit",
    "attend_request": "Asks you to go",
    "condition": "Depends on your group",
    "group_support": "Mentions the support group",
    "group_wrag": "Mentions the work-related activity group",
    "group_assessment": "Mentions the assessment phase",
    "appointment_date": "Appointment date",
}

FREE_ADVICE = (
    (
        "Citizens Advice",
        "https://www.citizensadvice.org.uk/benefits/",
        "free, independent advice on benefits",
    ),
    ("Carers UK Helpline", "https://www.carersuk.org/help-and-advice/get-in-touch/", "if you are a carer"),
    ("Turn2us", "https://www.turn2us.org.uk/", "benefits information and a list of local advisers"),
    ("Law Centres Network", "https://www.lawcentres.org.uk/", "free legal advice, including welfare rights"),
)
RECONSIDERATION_HREF = "https://www.gov.uk/mandatory-reconsideration"
