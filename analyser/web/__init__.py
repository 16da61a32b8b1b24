"""The upload page's view helpers: form answers to a Situation, results to plain English and highlights."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from analyser import __version__
from analyser.errors import InvalidSituation
from analyser.result import AnalysisResult, Evidence, Situation

WEB_DIR = Path(__file__).resolve().parent
STATIC_DIR = WEB_DIR / "static"
templates = Jinja2Templates(directory=WEB_DIR / "templates")

# Results hold a person's letter: no cache may keep them, and pages load nothing from elsewhere.
PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


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


@dataclass
class FormErrors:
    """Errors keyed by the id of the field to fix, in the order they appear on the page."""

    messages: dict[str, str] = field(default_factory=dict)

    def add(self, field_id: str, message: str) -> None:
        self.messages.setdefault(field_id, message)

    def __bool__(self) -> bool:
        return bool(self.messages)


def read_answers(form: Mapping[str, Any]) -> dict[str, str]:
    """The text answers of a posted form (files left out), so a page can show them again."""
    return {key: value.strip() for key, value in form.items() if isinstance(value, str)}


def situation_from_answers(answers: Mapping[str, str], errors: FormErrors) -> Situation | None:
    """Map the plain-words answers onto a Situation; None when no benefit was given. Adds errors found."""
    benefit = answers.get("benefit", "")
    if benefit not in {option.value for option in BENEFIT.options}:
        errors.add("benefit", "Select which benefit you get, or 'None of these'")
    flags: dict[str, Any] = {
        "gets_carers_allowance": answers.get("carers_allowance") == "yes",
        "underlying_carers_allowance": answers.get("carers_allowance") == "underlying",
        "caring_35_hours": answers.get("caring_35_hours") == "yes",
    }
    if answers.get("lone_parent") == "yes":
        flags["lone_parent_youngest_child_age"] = _child_age(answers.get(CHILD_AGE, ""), errors)
    if errors or benefit == NO_BENEFIT:
        return None
    # Only the group question for the chosen benefit counts: a stale answer to the other is ignored.
    group = {"esa": answers.get("esa_group"), "universal_credit": answers.get("uc_group")}.get(benefit)
    try:
        return Situation.parse(
            {"benefit": benefit, "group": None if group in (None, "", UNKNOWN) else group, "flags": flags}
        )
    except InvalidSituation as error:
        errors.add("benefit", error.message)
        return None


def _child_age(raw: str, errors: FormErrors) -> int | None:
    if not raw:
        errors.add(CHILD_AGE, "Enter the age of your youngest child")
        return None
    if not raw.isdigit():
        errors.add(CHILD_AGE, "Age of your youngest child must be a whole number of years, like 2")
        return None
    if int(raw) > MAX_CHILD_AGE:
        errors.add(CHILD_AGE, f"Age of your youngest child must be {MAX_CHILD_AGE} or less")
        return None
    return int(raw)


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render one of the page templates with the shared context and the privacy headers."""
    context.setdefault("errors", FormErrors())
    context.setdefault("answers", {})
    return templates.TemplateResponse(
        request,
        template,
        {"version": __version__, "questions": QUESTIONS, **context},
        status_code=status_code,
        headers=PAGE_HEADERS,
    )


def describe_size(n_bytes: int) -> str:
    """A byte count as people say it: 20 MB, 500 KB."""
    if n_bytes >= 1_000_000:
        return f"{n_bytes / 1_000_000:.0f} MB"
    return f"{max(1, round(n_bytes / 1000))} KB"


# ---- the result page -------------------------------------------------------------------------------

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


def evidence_label(label: str) -> str:
    """The visible words for an evidence label (the page never relies on colour alone)."""
    if label.startswith("type:"):
        return "What the letter is"
    return EVIDENCE_LABELS.get(label, label.replace("_", " ").capitalize())


@dataclass(frozen=True)
class Segment:
    """A run of a page's text: plain, or a highlighted piece of evidence with its labels."""

    text: str
    labels: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()


def highlight(text: str, spans: list[Evidence]) -> list[Segment]:
    """Cut a page's text into plain runs and evidence runs; overlapping spans merge into one mark."""
    # A span whose offsets do not match its quote would mark the wrong words: leave it to the quote list.
    usable = sorted(
        (
            span
            for span in spans
            if 0 <= span.start < span.end <= len(text) and text[span.start : span.end] == span.text
        ),
        key=lambda span: (span.start, -span.end),
    )
    segments: list[Segment] = []
    position = index = 0
    while index < len(usable):
        start, end, group = usable[index].start, usable[index].end, [usable[index]]
        index += 1
        while index < len(usable) and usable[index].start < end:
            end = max(end, usable[index].end)
            group.append(usable[index])
            index += 1
        if start > position:
            segments.append(Segment(text[position:start]))
        kinds = tuple(dict.fromkeys(span.label.split(":")[0] for span in group))
        labels = tuple(dict.fromkeys(evidence_label(span.label) for span in group))
        segments.append(Segment(text[start:end], labels, kinds))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments


def long_date(iso: str | None) -> str | None:
    """2014-11-14 as 'Friday 14 November 2014'; anything unparseable as it came."""
    if not iso:
        return None
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day:%A} {day.day} {day:%B %Y}"


def clock_time(value: str | None) -> str | None:
    """10:30 as '10:30am', 14:00 as '2pm' (the GOV.UK style for times)."""
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", value or "")
    if not match:
        return value
    hour, minute = int(match[1]), match[2]
    suffix = "am" if hour < 12 else "pm"
    hour = hour % 12 or 12
    return f"{hour}{'' if minute == '00' else ':' + minute}{suffix}"


def effective_attendance(result: AnalysisResult) -> str:
    """The letter's attendance for the person's group, where the letter names one, else its overall wording."""
    letter, check = result.letter, result.check
    if check and letter.attendance_by_group and check.effective_group in letter.attendance_by_group:
        return letter.attendance_by_group[check.effective_group]
    return letter.attendance


def draft_kinds(result: AnalysisResult) -> list[str]:
    """Which draft letters fit: a challenge when the demand looks wrongful, a deferral when it is lawful and compulsory."""
    if result.check is None:
        return []
    if result.check.verdict in ("likely_wrongful", "possibly_wrongful"):
        return ["challenge"]
    if result.check.verdict == "no_concern" and effective_attendance(result) == "mandatory":
        return ["deferral"]
    return []


def result_context(result: AnalysisResult) -> dict[str, Any]:
    """Everything the result page shows, worked out here so the template stays plain markup."""
    letter, check = result.letter, result.check
    heading, kind_text = LETTER_KINDS.get(letter.type, LETTER_KINDS["other"])
    attendance = effective_attendance(result)
    verdict = check.verdict if check else None
    by_attendance = MUST_GO[verdict]
    must_go = by_attendance.get("*") or by_attendance[attendance]
    says = [ATTENDANCE_SAYS[letter.attendance]]
    for group, group_attendance in (letter.attendance_by_group or {}).items():
        sentence = ATTENDANCE_SAYS[group_attendance]
        says.append(f"For people in {GROUP_NAMES.get(group, group)}, {sentence[0].lower()}{sentence[1:]}")
    if letter.sanction_language:
        says.append(
            "It says your benefit could be reduced, stopped or affected if you do not go or take part."
        )
    if letter.esa_group_stated:
        says.append(f"It says you are in {GROUP_NAMES[letter.esa_group_stated]}.")
    appointment = letter.appointment
    details = [
        ("Date", long_date(appointment.date) if appointment else None),
        ("Time", clock_time(appointment.time) if appointment else None),
        (
            "Where",
            "By phone" if appointment and appointment.phone else (appointment.place if appointment else None),
        ),
        ("Office", letter.office),
        ("Letter dated", long_date(letter.letter_date)),
    ]
    pages = [
        (page.number, highlight(page.text, [span for span in letter.evidence if span.page == page.number]))
        for page in result.pages or []
    ]
    return {
        "result": result,
        "heading": heading,
        "kind_text": kind_text,
        "must_go": must_go,
        "says": says,
        "verdict": VERDICTS[verdict] if verdict else None,
        "verdict_code": verdict,
        "details": [(name, value) for name, value in details if value],
        "evidence": [(evidence_label(span.label), span) for span in letter.evidence],
        "pages": pages,
        "warnings": (check.warnings if check else []) + result.warnings,
        "draft_kinds": draft_kinds(result),
        "free_advice": FREE_ADVICE,
        "reconsideration_href": RECONSIDERATION_HREF,
        # Posted back by the download forms, so drafts need nothing kept on the server.
        "result_json": result.model_dump_json(),
    }


def result_for_download(result: AnalysisResult) -> dict[str, Any]:
    """The result as the API returns it: the contract's JSON, without the pages' text."""
    return result.model_copy(update={"pages": None}).model_dump(mode="json")


# The format only: two letters, six digits, A to D (the prefix rules change, and drafts are checked by people).
NI_NUMBER = re.compile(r"^[A-Z]{2}\d{6}[A-D]$")
DETAIL_FIELDS = ("name", "ni_number", "reference", "address", "reason", "later_date")


def person_details(answers: Mapping[str, str], errors: FormErrors) -> dict[str, str | None]:
    """The draft form's details as PersonDetails arguments (blank ones as None). Adds errors found."""
    details: dict[str, str | None] = {key: answers.get(key) or None for key in DETAIL_FIELDS}
    if not details["name"]:
        errors.add("name", "Enter your name")
    ni_number = (details["ni_number"] or "").replace(" ", "").upper()
    if ni_number and not NI_NUMBER.match(ni_number):
        errors.add("ni_number", "Enter a National Insurance number in the correct format, like QQ 12 34 56 C")
    details["ni_number"] = ni_number or None
    if details["later_date"]:
        later = parse_date(details["later_date"])
        if later is None:
            errors.add("later_date", "Enter the date as day, month and year, like 27 3 2026")
        details["later_date"] = later.isoformat() if later else None
    return details


def parse_date(text: str) -> date | None:
    """A date as people type it: 27 3 2026, 27/03/2026, 27 March 2026 or 2026-03-27; None if it is none."""
    text = text.strip()
    with contextlib.suppress(ValueError):
        return date.fromisoformat(text)
    parts = re.split(r"[\s/.-]+", text)
    if len(parts) != 3 or not (parts[0].isdigit() and parts[2].isdigit()):
        return None
    month = MONTHS.get(parts[1].lower()[:3]) or (int(parts[1]) if parts[1].isdigit() else None)
    year = int(parts[2]) + (2000 if len(parts[2]) == 2 else 0)
    try:
        return date(year, month, int(parts[0])) if month else None
    except ValueError:
        return None


MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}
