"""The rules data: pydantic models of requirements.yaml, validated once when first loaded."""

from __future__ import annotations

import itertools
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any, Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from analyser.result import (
    BENEFITS,
    GROUPS,
    LETTER_TYPES,
    Attendance,
    Benefit,
    Flags,
    LetterType,
    Reason,
    Verdict,
)

Answer = Literal["yes", "no", "trigger_points"]
Kind = Literal["wfi", "programme"]

ANSWERS: tuple[str, ...] = get_args(Answer)
KINDS: tuple[str, ...] = get_args(Kind)
ATTENDANCES: tuple[str, ...] = get_args(Attendance)
# Flags that are plain yes/no facts about the person; rows may test any of them.
BOOL_FLAGS: tuple[str, ...] = tuple(
    name for name, field in Flags.model_fields.items() if field.annotation is bool
)
RULES_FILE = "requirements.yaml"
CODE_PATTERN = r"^[A-Z][A-Z0-9_]+$"


class RulesDataError(Exception):
    """requirements.yaml is malformed or incomplete: a bug in the rules data, not in the user's input."""


class _Row(BaseModel):
    # Frozen and closed: a misspelt key in the YAML is an error, not a silently ignored condition.
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceRef(_Row):
    """One legal or authoritative source: the Act/SI and section or regulation, and a link to it."""

    title: str = Field(min_length=3)
    href: str = Field(pattern=r"^https?://\S+$")


class AgeRange(_Row):
    """An inclusive range of the lone parent's youngest child's age, in whole years."""

    min: int = Field(default=0, ge=0)
    max: int | None = Field(default=None, ge=0)

    def contains(self, age: int | None) -> bool:
        """Whether `age` is known and inside the range."""
        return age is not None and age >= self.min and (self.max is None or age <= self.max)


class AppliesTo(_Row):
    """Who a row applies to: every condition given must hold (an omitted condition matches anyone)."""

    benefit: list[Benefit] = Field(min_length=1)
    group: list[str] | None = None
    esa_style: Literal["old", "new"] | None = None
    flags: dict[str, bool] = Field(default_factory=dict)
    any_flag: list[str] | None = None
    lone_parent_youngest_child_age: AgeRange | None = None
    since: date | None = None
    until: date | None = None

    @model_validator(mode="after")
    def _known_flags(self) -> AppliesTo:
        unknown = (set(self.flags) | set(self.any_flag or ())) - set(BOOL_FLAGS)
        if unknown:
            raise ValueError(f"unknown flags {sorted(unknown)}; flags: {', '.join(BOOL_FLAGS)}")
        return self

    def matches(self, benefit: str, group: str | None, flags: Flags, on: date | None) -> bool:
        """Whether the row applies to this benefit, effective group and flags, for a letter dated `on`."""
        # A row that stopped applying (`until`) needs a letter date to apply at all; one that started
        # applying (`since`) is assumed to apply when the date is unknown: the law as it stands now.
        return (
            benefit in self.benefit
            and (self.group is None or group in self.group)
            and (self.esa_style is None or flags.esa_style == self.esa_style)
            and all(getattr(flags, name) == value for name, value in self.flags.items())
            and (self.any_flag is None or any(getattr(flags, name) for name in self.any_flag))
            and (
                self.lone_parent_youngest_child_age is None
                or self.lone_parent_youngest_child_age.contains(flags.lone_parent_youngest_child_age)
            )
            and (self.since is None or on is None or on >= self.since)
            and (self.until is None or (on is not None and on <= self.until))
        )


class _SourcedRow(_Row):
    code: str = Field(pattern=CODE_PATTERN)
    sources: list[SourceRef] = Field(min_length=1)
    legal_rows: list[int] = Field(default_factory=list)

    @property
    def source_text(self) -> str:
        """The sources as one string for a Reason."""
        return "; ".join(source.title for source in self.sources)

    @property
    def href(self) -> str:
        """The first source's link: the one a reader should open first."""
        return self.sources[0].href


class Requirement(_SourcedRow):
    """One rule: whether a situation's person can be required to do one kind of thing, and why."""

    kind: Kind
    applies_to: AppliesTo
    can_be_required: Answer
    reason: str = Field(min_length=20)
    # False, or True (the standard hedge), or the hedge's own words, for UNCONFIRMED law.
    hedge: bool | str = False


class Derivation(_SourcedRow):
    """A fact that puts a person in a group (UC carer -> no work-related requirements)."""

    applies_to: AppliesTo
    group: str
    reason: str | None = None


class GroupInfo(_Row):
    """A group the rules know, with its precedence: the lower, the fewer the requirements."""

    precedence: int = Field(ge=0)
    benefits: list[Benefit] = Field(min_length=1)
    label: str


class Option(_Row):
    """One likely value of something unknown about the person (a group, ESA's style)."""

    label: str
    group: str | None = None
    flags: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _flags_valid(self) -> Option:
        Flags.model_validate(self.flags)
        return self


class Unknown(_SourcedRow):
    """Something often not known about the person, and its likely values to try in turn."""

    benefit: list[Benefit] = Field(min_length=1)
    missing: Literal["group", "esa_style"]
    reason: str
    options: list[Option] = Field(min_length=2)


class VerdictRow(_Row):
    """One row of the verdict table: can-be-required x attendance x sanction language -> verdict."""

    can_be_required: list[Answer] = Field(min_length=1)
    attendance: list[Attendance] = Field(min_length=1)
    sanction_language: list[bool] = Field(min_length=1)
    verdict: Verdict

    def cells(self) -> list[tuple[str, str, bool]]:
        """Every (answer, attendance, sanction) cell this row decides."""
        return list(itertools.product(self.can_be_required, self.attendance, self.sanction_language))


class LetterNote(_Row):
    """What the letter demands, said plainly, for people who cannot be required to do it."""

    code: str = Field(pattern=CODE_PATTERN)
    attendance: list[Attendance] = Field(min_length=1)
    sanction_language: list[bool] = Field(min_length=1)
    text: str
    quote_labels: list[str] = Field(default_factory=list)


class NotApplicable(_SourcedRow):
    """What a letter that is not a WFI or programme demand is, and what to do about it."""

    letter_types: list[LetterType] = Field(min_length=1)
    reason: str
    next_steps: list[str] = Field(min_length=1)


class NextStep(_Row):
    """A plain-English next step, shown when all its conditions hold."""

    text: str
    verdict: list[Verdict] = Field(min_length=1)
    attendance: list[Attendance] | None = None  # every reading's attendance must be listed
    benefit: list[Benefit] | None = None
    is_carer: bool | None = None
    can_be_required: list[Answer] | None = None  # some reading's answer must be listed
    mixed: bool | None = None  # readings of an unknown situation disagree


class KindInfo(_Row):
    """A kind of demand the rules judge: which letter types make it, and how to name it."""

    letter_types: list[LetterType] = Field(min_length=1)
    label: str
    action: str


class Deferral(_SourcedRow):
    """The rule that lets an adviser put off an interview, for a deferral request."""

    benefit: list[Benefit] = Field(min_length=1)
    text: str


class Messages(_Row):
    """The engine's own sentences, so that all the product's wording lives in the data."""

    hedge: str
    letter_source: str
    if_condition: str
    quote: str
    attendance_for_group: str
    attendance_words: dict[Attendance, str]
    threat_for_other_groups: str
    group_from_letter: str
    group_mismatch: str
    benefit_not_in_letter: str
    letter_contradiction: str
    demand_mandatory: str
    demand_threat: str


class Rulebook(_Row):
    """Everything in requirements.yaml, checked for consistency as a whole."""

    version: int
    kinds: dict[Kind, KindInfo]
    benefit_labels: dict[Benefit, str]
    carer_flags: list[str]
    groups: dict[str, GroupInfo]
    derivations: list[Derivation]
    unknowns: list[Unknown]
    requirements: list[Requirement]
    verdicts: list[VerdictRow]
    letter_notes: list[LetterNote]
    not_applicable: list[NotApplicable]
    next_steps: list[NextStep]
    deferral: list[Deferral]
    messages: Messages

    @model_validator(mode="after")
    def _consistent(self) -> Rulebook:
        problems = [
            *self._duplicate_codes(),
            *self._unknown_groups(),
            *self._table_gaps(
                "verdict table",
                [cell for row in self.verdicts for cell in row.cells()],
                itertools.product(ANSWERS, ATTENDANCES, (True, False)),
            ),
            *self._table_gaps(
                "letter notes",
                [
                    cell
                    for note in self.letter_notes
                    for cell in itertools.product(note.attendance, note.sanction_language)
                ],
                itertools.product(("mandatory", "unclear", "voluntary"), (True, False)),
            ),
            *self._table_gaps(
                "not-applicable rows",
                [kind for row in self.not_applicable for kind in row.letter_types],
                LETTER_TYPES,
            ),
            *self._table_gaps("benefit labels", list(self.benefit_labels), BENEFITS),
            *self._table_gaps("attendance words", list(self.messages.attendance_words), ATTENDANCES),
            # No letter type may make two kinds of demand (and most make none: nothing is expected).
            *self._table_gaps("kinds", [t for info in self.kinds.values() for t in info.letter_types], ()),
        ]
        if set(self.carer_flags) - set(BOOL_FLAGS):
            problems.append(
                f"carer_flags has unknown flags: {sorted(set(self.carer_flags) - set(BOOL_FLAGS))}"
            )
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def _duplicate_codes(self) -> list[str]:
        codes = [row.code for row in self.coded_rows()] + [note.code for note in self.letter_notes]
        duplicates = sorted({code for code in codes if codes.count(code) > 1})
        return [f"duplicate codes: {duplicates}"] if duplicates else []

    def _unknown_groups(self) -> list[str]:
        missing_contract = set(GROUPS) - set(self.groups)
        used = {row.group for row in self.derivations}
        used |= {g for row in self.requirements for g in row.applies_to.group or ()}
        used |= {option.group for unknown in self.unknowns for option in unknown.options if option.group}
        undefined = used - set(self.groups)
        return (
            [f"groups not defined: {sorted(undefined | missing_contract)}"]
            if undefined | missing_contract
            else []
        )

    @staticmethod
    def _table_gaps(name: str, covered: list[Any], expected: Any) -> list[str]:
        """Each expected cell decided exactly once: a gap leaves a case unjudged, a repeat makes order matter."""
        gaps = sorted(str(cell) for cell in set(expected) - set(covered))
        repeated = sorted({str(cell) for cell in covered if covered.count(cell) > 1})
        problems = ([f"missing {gaps}"] if gaps else []) + ([f"repeated {repeated}"] if repeated else [])
        return [f"{name}: {'; '.join(problems)}"] if problems else []

    def coded_rows(self) -> list[_SourcedRow]:
        """Every row with a code and sources: requirements, derivations, unknowns, not-applicable, deferral."""
        return [*self.requirements, *self.derivations, *self.unknowns, *self.not_applicable, *self.deferral]

    def kind_of(self, letter_type: str) -> Kind | None:
        """Which kind of demand a letter type makes, or None for letters the rules do not judge."""
        return next((kind for kind, info in self.kinds.items() if letter_type in info.letter_types), None)

    def verdict(self, answer: str, attendance: str, sanction_language: bool) -> Verdict:
        """Look up the verdict table (complete by validation, so the lookup cannot miss)."""
        cell = (answer, attendance, sanction_language)
        return next(row.verdict for row in self.verdicts if cell in row.cells())

    def letter_note(self, attendance: str, sanction_language: bool) -> LetterNote | None:
        """The plain description of what a letter demands, if it demands anything."""
        cell = (attendance, sanction_language)
        return next(
            (n for n in self.letter_notes if cell in itertools.product(n.attendance, n.sanction_language)),
            None,
        )

    def not_applicable_for(self, letter_type: str) -> NotApplicable:
        """The explanation for a letter the rules do not judge."""
        return next(row for row in self.not_applicable if letter_type in row.letter_types)

    def hedged_reason(self, row: Requirement) -> str:
        """A requirement's reason with its hedge, so UNCONFIRMED law always reads as such."""
        if row.hedge is False:
            return row.reason
        return f"{row.reason} {self.messages.hedge if row.hedge is True else row.hedge}"

    def reason(self, row: Requirement | Derivation | Unknown | NotApplicable) -> Reason:
        """A Reason for the result from a coded row."""
        text = self.hedged_reason(row) if isinstance(row, Requirement) else row.reason
        return Reason(code=row.code, text=text or "", source=row.source_text, href=row.href)

    def row_by_code(self, code: str) -> _SourcedRow | None:
        """The coded row with this code, if any."""
        return next((row for row in self.coded_rows() if row.code == code), None)


@cache
def load_rulebook() -> Rulebook:
    """Read and validate requirements.yaml (packaged with the module), once per process."""
    text = files(__package__).joinpath(RULES_FILE).read_text(encoding="utf-8")
    return parse_rulebook(text)


def parse_rulebook(text: str) -> Rulebook:
    """Validate rules YAML text, raising RulesDataError that names every problem."""
    try:
        return Rulebook.model_validate(yaml.safe_load(text))
    except (yaml.YAMLError, ValidationError) as error:
        raise RulesDataError(f"{RULES_FILE} is invalid: {error}") from error
