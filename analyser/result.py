"""The pydantic models of the contract: what goes in (Situation) and what comes out (AnalysisResult)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from analyser.errors import InvalidSituation

SCHEMA = "letter-analysis/1"

LetterType = Literal[
    "wfi", "wca", "pip_assessment", "programme_referral", "other_appointment", "decision_notice", "other"
]
Attendance = Literal["mandatory", "voluntary", "unclear", "none"]
Benefit = Literal[
    "esa",
    "income_support",
    "universal_credit",
    "jsa",
    "pension_credit",
    "carers_allowance",
    "pip",
    "dla",
    "attendance_allowance",
    "housing_benefit",
]
EsaGroup = Literal["support_group", "wrag", "assessment_phase"]
UcGroup = Literal[
    "no_work_related_requirements",
    "work_focused_interview_only",
    "work_preparation",
    "all_work_related_requirements",
]
Group = Literal[EsaGroup, UcGroup]  # nested literals flatten: every ESA and UC group
TextSource = Literal["pdf_text", "ocr", "mixed", "text"]
Verdict = Literal["likely_wrongful", "possibly_wrongful", "no_concern", "not_applicable"]

LETTER_TYPES: tuple[str, ...] = get_args(LetterType)
BENEFITS: tuple[str, ...] = get_args(Benefit)
GROUPS: tuple[str, ...] = get_args(Group)
ESA_GROUPS: tuple[str, ...] = get_args(EsaGroup)
UC_GROUPS: tuple[str, ...] = get_args(UcGroup)
ATTENDANCES: tuple[str, ...] = get_args(Attendance)
VERDICTS: tuple[str, ...] = get_args(Verdict)
# The verdicts that say the demand is wrong for the person (a challenge letter fits them).
WRONGFUL: tuple[str, ...] = ("likely_wrongful", "possibly_wrongful")
# Month names, for reading dates in letters and in what people type.
MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip

# Which groups make sense for which benefit: a UC claimant cannot be in the ESA support group.
GROUPS_BY_BENEFIT: dict[str, tuple[str, ...]] = {
    "esa": ESA_GROUPS,
    "universal_credit": UC_GROUPS,
    "jsa": ("all_work_related_requirements",),
}


class Page(BaseModel):
    """One page of a letter as text; evidence offsets point into `text`."""

    number: int
    text: str
    text_source: Literal["pdf_text", "ocr", "text"]
    ocr_confidence: float | None = None


class Evidence(BaseModel):
    """A span of the letter's own words that backs a finding."""

    label: str
    text: str
    page: int
    start: int
    end: int


class Appointment(BaseModel):
    date: str | None = None
    time: str | None = None
    place: str | None = None
    phone: bool = False


class Recipient(BaseModel):
    """The person the letter is addressed to, as the letter gives them."""

    name: str | None = None
    address: list[str] = Field(default_factory=list)
    ni_number: str | None = None


class Letter(BaseModel):
    """What the letter is and says: the findings of the NLP stage, each backed by evidence."""

    type: LetterType = "other"
    type_confidence: float = 0.0
    is_wfi_summons: bool = False
    attendance: Attendance = "none"
    attendance_by_group: dict[Group, Attendance] | None = None
    sanction_language: bool = False
    benefits_mentioned: list[Benefit] = Field(default_factory=list)
    esa_group_stated: EsaGroup | None = None
    office: str | None = None
    letter_date: str | None = None
    appointment: Appointment | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    # A calibrated probability that each finding is right: type, attendance, sanction_language, esa_group_stated.
    confidence: dict[str, float] = Field(default_factory=dict)
    # Plain reasons not to lean on a finding the analyser is unsure of (also in the result's warnings).
    uncertain: list[str] = Field(default_factory=list)
    # Read from the letter for the actions and drafts; `recipient` is the person's own data (never logged).
    office_phone: str | None = None
    office_address: list[str] | None = None
    reference: str | None = None
    recipient: Recipient | None = None

    @model_validator(mode="after")
    def _wfi_follows_type(self) -> Letter:
        self.is_wfi_summons = self.type == "wfi"
        return self


class Flags(BaseModel):
    """Facts about the person that change what can be required of them."""

    model_config = ConfigDict(extra="forbid")

    gets_carers_allowance: bool = False
    underlying_carers_allowance: bool = False
    carer_premium: bool = False
    caring_35_hours: bool = False
    lone_parent_youngest_child_age: int | None = Field(default=None, ge=0, le=25)
    esa_style: Literal["old", "new"] | None = None
    over_pension_age: bool = False
    # Facts added for the law by date (issue 17); each decides a row of ../shared/domain/RULES.md.
    # Dates rather than yes/no where the law counts from a date, so a letter is judged as at its own date.
    date_of_birth: dt.date | None = None  # -> State Pension age (Pension Credit qualifying age)
    pregnancy_due_date: dt.date | None = None  # the expected week of confinement
    baby_born_on: dt.date | None = None  # the date of the confinement (birth)
    adoption_placement_date: dt.date | None = None  # a child placed with the person for adoption
    foster_child_under_1: bool = False  # the responsible foster parent of a child under 1
    uc_capability: Literal["lcw", "lcwra"] | None = None  # UC limited capability for work (-related activity)
    partner_is_lead_carer: bool = False  # in a couple on UC, the other partner is the children's lead carer
    earnings_above_threshold: bool = False  # UC: earnings at or above the conditionality threshold

    @model_validator(mode="after")
    def _plausible_dates(self) -> Flags:
        born = self.date_of_birth
        if born is not None and not dt.date(1900, 1, 1) <= born <= dt.date.today():
            raise ValueError(f"date_of_birth {born} is not a date of birth (1900 to today)")
        return self


class Situation(BaseModel):
    """The person's benefit, group and circumstances: what the rules judge the letter against."""

    model_config = ConfigDict(extra="forbid")

    benefit: Benefit
    group: Group | None = None
    flags: Flags = Field(default_factory=Flags)

    @model_validator(mode="after")
    def _group_fits_benefit(self) -> Situation:
        if self.group is None:
            return self
        allowed = GROUPS_BY_BENEFIT.get(self.benefit, ())
        if self.group not in allowed:
            choices = ", ".join(allowed) if allowed else "none (leave the group empty)"
            raise ValueError(
                f"group {self.group!r} does not go with benefit {self.benefit!r}; groups for it: {choices}"
            )
        return self

    @classmethod
    def parse(cls, data: dict[str, Any]) -> Situation:
        """Build a Situation from plain data, raising InvalidSituation with the allowed values."""
        try:
            return cls.model_validate(data)
        except ValidationError as error:
            raise InvalidSituation(_explain(error)) from error


def _explain(error: ValidationError) -> str:
    parts = []
    for problem in error.errors():
        where = ".".join(str(p) for p in problem["loc"]) or "situation"
        if where == "benefit":
            parts.append(f"unknown benefit; choose one of: {', '.join(BENEFITS)}")
        elif where == "group":
            parts.append(f"unknown group; choose one of: {', '.join(GROUPS)}, or leave it empty")
        else:
            parts.append(f"{where}: {problem['msg'].removeprefix('Value error, ')}")
    return "Invalid situation: " + "; ".join(parts)


class Reason(BaseModel):
    code: str
    text: str
    source: str
    href: str | None = None


class Action(BaseModel):
    """One thing to do: the words, the last day to do it (ISO date) and the number to ring, if any."""

    code: str
    text: str
    by: str | None = None
    phone: str | None = None
    source: str | None = None


JudgedFrom = Literal["letter_date", "appointment_date", "today"]


class JudgedAt(BaseModel):
    """The date whose law the verdict applies, and where that date came from."""

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    date: str
    from_: JudgedFrom = Field(alias="from")


class Conflict(BaseModel):
    """Where the letter contradicts the person's situation; the verdict still follows the situation."""

    code: str
    text: str


class Check(BaseModel):
    """The rules' judgement of one letter for one person's situation."""

    model_config = ConfigDict(serialize_by_alias=True)

    situation: Situation
    verdict: Verdict
    effective_group: str | None = None
    reasons: list[Reason] = Field(default_factory=list)
    next_steps: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    judged_at: JudgedAt | None = None
    conflicts: list[Conflict] = Field(default_factory=list)
    # The appointment was before the day the check was made: what to do is no longer "before the date".
    appointment_passed: bool = False


class Source(BaseModel):
    """Where the text came from: the file, its pages and how its text was read."""

    name: str
    sha256: str
    media_type: str
    pages: int
    text_source: TextSource
    ocr_confidence: float | None = None


class AnalysisResult(BaseModel):
    """The one result every interface returns (see CONTRACT.md)."""

    schema_: str = Field(default=SCHEMA, alias="schema")
    source: Source
    letter: Letter
    check: Check | None = None
    warnings: list[str] = Field(default_factory=list)
    pages: list[Page] | None = None

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)
