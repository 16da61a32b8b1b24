"""The result page's wording: what each letter type, verdict, attendance, group and evidence label means."""

from __future__ import annotations

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

# "Do you have to go?" in one sentence: by verdict (None when no benefit was given), then by what the
# letter asks; "*" covers every wording, since a wrongful demand is wrongful however it is put.
MUST_GO: dict[str | None, dict[str, str]] = {
    "likely_wrongful": {
        "*": "Probably not. In your situation you cannot usually be required to go. "
        "Do not just stay away: phone the office first (see what to do next).",
    },
    "possibly_wrongful": {
        "*": "Maybe not. It depends on details we cannot see, so check before the date (see what to do next).",
    },
    "no_concern": {
        "mandatory": "Yes. In your situation you can be required to go. "
        "If you cannot go, ask to rearrange before the date.",
        "unclear": "Probably yes. The letter does not say clearly, but in your situation you can be "
        "required to go. Phone the office to check.",
        "voluntary": "No. The letter says going is up to you.",
        "none": "The letter does not ask you to go to anything.",
    },
    "not_applicable": {
        "mandatory": "Yes, usually. This is not a work-focused interview, so the exemptions this tool checks "
        "do not apply. If you cannot go, ask to rearrange before the date.",
        "unclear": "The letter does not say clearly. Phone the office on the letter to check.",
        "voluntary": "No. The letter says going is up to you.",
        "none": "The letter does not ask you to go to anything.",
    },
    None: {
        "mandatory": "The letter says you must go. Tell us your benefit to find out whether it can "
        "require that of you.",
        "unclear": "The letter asks you to go but does not say whether you must.",
        "voluntary": "The letter says going is up to you.",
        "none": "The letter does not ask you to go to anything.",
    },
}

ATTENDANCE_SAYS = {
    "mandatory": "It says you must go or take part.",
    "voluntary": "It says going is voluntary or up to you.",
    "unclear": "It asks you to go, but does not say whether you must.",
    "none": "It does not ask you to go to anything.",
}

GROUP_NAMES = {
    "support_group": "the support group",
    "wrag": "the work-related activity group",
    "assessment_phase": "the assessment phase",
    "no_work_related_requirements": "the no work-related requirements group",
    "work_focused_interview_only": "the work-focused interview only group",
    "work_preparation": "the work preparation group",
    "all_work_related_requirements": "the all work-related requirements group",
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
