"""The rows of requirements.yaml as pydantic models: who a rule applies to, what it answers, its sources."""

from __future__ import annotations

import itertools
from string import Formatter
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from analyser.result import Attendance, Benefit, Flags, LetterType, Verdict
from analyser.rules.facts import FACTS
from analyser.rules.parameters import Law, SourceRef

Answer = Literal["yes", "no", "trigger_points"]
Kind = Literal["wfi", "programme"]

ANSWERS: tuple[str, ...] = get_args(Answer)
KINDS: tuple[str, ...] = get_args(Kind)
# Flags that are plain yes/no facts about the person; rows may test any of them.
BOOL_FLAGS: tuple[str, ...] = tuple(
    name for name, field in Flags.model_fields.items() if field.annotation is bool
)
CODE_PATTERN = r"^[A-Z][A-Z0-9_]+$"


class Row(BaseModel):
    # Frozen and closed: a misspelt key in the YAML is an error, not a silently ignored condition.
    model_config = ConfigDict(extra="forbid", frozen=True)


class AgeRange(Row):
    """A range of the youngest child's age in whole years: from `min`, up to `max` or below `below`.

    A bound may name a dated parameter (parameters.yaml), read at the date being judged."""

    min: int | str = 0
    max: int | None = Field(default=None, ge=0)
    below: int | str | None = None

    def contains(self, age: int | None, law: Law) -> bool:
        """Whether `age` is known and inside the range, by the law in force."""
        if age is None:
            return False
        low, below = law.number(self.min), law.number(self.below)
        if low is None:  # the parameter says the rule did not exist then
            return False
        return age >= low and (self.max is None or age <= self.max) and (below is None or age < below)

    def parameter_names(self) -> list[str]:
        return [bound for bound in (self.min, self.below) if isinstance(bound, str)]


class AppliesTo(Row):
    """Who a row applies to: every condition given must hold (an omitted condition matches anyone)."""

    benefit: list[Benefit] = Field(min_length=1)
    group: list[str] | None = None
    esa_style: Literal["old", "new"] | None = None
    uc_capability: Literal["lcw", "lcwra"] | None = None
    flags: dict[str, bool] = Field(default_factory=dict)
    any_flag: list[str] | None = None
    # Facts worked out from the flags at the date judged (pension age from a date of birth, ...).
    facts: list[str] = Field(default_factory=list)
    any_fact: list[str] | None = None  # any of these facts or yes/no flags
    lone_parent_youngest_child_age: AgeRange | None = None
    # Dated parameters that must have these values at the date judged (a rule not yet in force...).
    params: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _known_names(self) -> AppliesTo:
        unknown = (set(self.flags) | set(self.any_flag or ())) - set(BOOL_FLAGS)
        if unknown:
            raise ValueError(f"unknown flags {sorted(unknown)}; flags: {', '.join(BOOL_FLAGS)}")
        if set(self.facts) - set(FACTS):
            raise ValueError(
                f"unknown facts {sorted(set(self.facts) - set(FACTS))}; facts: {', '.join(FACTS)}"
            )
        if set(self.any_fact or ()) - set(FACTS) - set(BOOL_FLAGS):
            raise ValueError(
                f"unknown facts or flags in any_fact: {sorted(set(self.any_fact or ()) - set(FACTS))}"
            )
        return self

    def matches(self, benefit: str, group: str | None, flags: Flags, facts: frozenset[str], law: Law) -> bool:
        """Whether the row applies to this benefit, effective group, flags and facts, by the law in force."""
        return (
            benefit in self.benefit
            and (self.group is None or group in self.group)
            and (self.esa_style is None or flags.esa_style == self.esa_style)
            and (self.uc_capability is None or flags.uc_capability == self.uc_capability)
            and all(getattr(flags, name) == value for name, value in self.flags.items())
            and (self.any_flag is None or any(getattr(flags, name) for name in self.any_flag))
            and all(fact in facts for fact in self.facts)
            and (
                self.any_fact is None
                or any(
                    name in facts or (name in BOOL_FLAGS and getattr(flags, name)) for name in self.any_fact
                )
            )
            and (
                self.lone_parent_youngest_child_age is None
                or self.lone_parent_youngest_child_age.contains(flags.lone_parent_youngest_child_age, law)
            )
            and all(law.value(name) == value for name, value in self.params.items())
        )

    def parameter_names(self) -> list[str]:
        ages = self.lone_parent_youngest_child_age
        return [*(ages.parameter_names() if ages else ()), *self.params]


class SourcedRow(Row):
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

    def parameter_names(self) -> list[str]:
        """The dated parameters (and placeholders) this row depends on: in its conditions or its wording."""
        return list(dict.fromkeys([*self._condition_names(), *self.wording_names()]))

    def wording_names(self) -> list[str]:
        """The {placeholders} of the row's reason: the rule its wording names is the one it cites."""
        text: str = getattr(self, "reason", None) or ""
        return [field for _, field, _, _ in Formatter().parse(text) if field]

    def _condition_names(self) -> list[str]:
        applies_to: AppliesTo | None = getattr(self, "applies_to", None)
        return applies_to.parameter_names() if applies_to else []


class Requirement(SourcedRow):
    """One rule: whether a situation's person can be required to do one kind of thing, and why."""

    kind: Kind
    applies_to: AppliesTo
    can_be_required: Answer
    reason: str = Field(min_length=20)
    # False, or True (the standard hedge), or the hedge's own words, for UNCONFIRMED law.
    hedge: bool | str = False


class Derivation(SourcedRow):
    """A fact that puts a person in a group (UC carer -> no work-related requirements)."""

    applies_to: AppliesTo
    group: str
    reason: str | None = None


class GroupInfo(Row):
    """A group the rules know, with its precedence: the lower, the fewer the requirements."""

    precedence: int = Field(ge=0)
    benefits: list[Benefit] = Field(min_length=1)
    label: str
    # A Universal Credit group that a UC letter's capability wording puts the person in. The letter's
    # `esa_group_stated` records that wording in ESA's terms (the labelling guide: LCWRA as support_group).
    stated_as: str | None = None
    stated_words: str | None = None  # what such a letter says, in the person's terms


class Option(Row):
    """One likely value of something unknown about the person (a group, ESA's style)."""

    label: str
    group: str | None = None
    flags: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _flags_valid(self) -> Option:
        Flags.model_validate(self.flags)
        return self


class Unknown(SourcedRow):
    """Something often not known about the person, and its likely values to try in turn."""

    benefit: list[Benefit] = Field(min_length=1)
    missing: Literal["group", "esa_style"]
    reason: str
    options: list[Option] = Field(min_length=2)


class VerdictRow(Row):
    """One row of the verdict table: can-be-required x attendance x sanction language -> verdict."""

    can_be_required: list[Answer] = Field(min_length=1)
    attendance: list[Attendance] = Field(min_length=1)
    sanction_language: list[bool] = Field(min_length=1)
    verdict: Verdict

    def cells(self) -> list[tuple[str, str, bool]]:
        """Every (answer, attendance, sanction) cell this row decides."""
        return list(itertools.product(self.can_be_required, self.attendance, self.sanction_language))


class LetterNote(Row):
    """What the letter demands, said plainly, for people who cannot be required to do it."""

    code: str = Field(pattern=CODE_PATTERN)
    attendance: list[Attendance] = Field(min_length=1)
    sanction_language: list[bool] = Field(min_length=1)
    text: str
    quote_labels: list[str] = Field(default_factory=list)


class NotApplicable(SourcedRow):
    """What a letter that is not a WFI or programme demand is, and what to do about it."""

    letter_types: list[LetterType] = Field(min_length=1)
    reason: str
    next_steps: list[str] = Field(min_length=1)


class NextStep(Row):
    """A plain-English next step, shown when all its conditions hold."""

    text: str
    verdict: list[Verdict] = Field(min_length=1)
    attendance: list[Attendance] | None = None  # every reading's attendance must be listed
    benefit: list[Benefit] | None = None
    is_carer: bool | None = None
    can_be_required: list[Answer] | None = None  # some reading's answer must be listed
    mixed: bool | None = None  # readings of an unknown situation disagree
    upcoming: bool | None = None  # the appointment is still ahead (true) or has passed (false)


class KindInfo(Row):
    """A kind of demand the rules judge: which letter types make it, and how to name it."""

    letter_types: list[LetterType] = Field(min_length=1)
    label: str
    action: str


class Deferral(SourcedRow):
    """The rule that lets an adviser put off an interview, for a deferral request."""

    benefit: list[Benefit] = Field(min_length=1)
    text: str


class Messages(Row):
    """The engine's own sentences, so that all the product's wording lives in the data."""

    hedge: str
    letter_source: str
    if_condition: str
    quote: str
    attendance_for_group: str
    attendance_words: dict[str, str]  # every Attendance, checked by Rulebook
    threat_for_other_groups: str
    group_from_letter: str
    group_mismatch: str
    benefit_not_in_letter: str
    letter_contradiction: str
    demand_mandatory: str
    demand_threat: str
    if_letter_right: str
    verdict_words: dict[Verdict, str]
    new_style_before_it_existed: str
    pension_age_reached: str
