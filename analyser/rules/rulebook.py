"""The rules data: requirements.yaml read into the rows of rows.py, checked as a whole once when first loaded."""

from __future__ import annotations

import itertools
from functools import cache
from importlib.resources import files
from typing import Any

import yaml
from pydantic import ValidationError, model_validator

from analyser.result import (
    ATTENDANCES,
    BENEFITS,
    GROUPS,
    GROUPS_BY_BENEFIT,
    LETTER_TYPES,
    Benefit,
    Letter,
    Reason,
    Verdict,
)
from analyser.rules.parameters import TEMPLATE_WORDS, Law, Parameter, load_parameters
from analyser.rules.rows import (
    ANSWERS,
    BOOL_FLAGS,
    KINDS,
    Deferral,
    Derivation,
    GroupInfo,
    Kind,
    KindInfo,
    LetterNote,
    Messages,
    NextStep,
    NotApplicable,
    Requirement,
    Row,
    SourcedRow,
    Unknown,
    VerdictRow,
)

__all__ = ["ANSWERS", "KINDS", "RULES_FILE", "Rulebook", "RulesDataError", "load_rulebook"]

RULES_FILE = "requirements.yaml"


class RulesDataError(Exception):
    """requirements.yaml is malformed or incomplete: a bug in the rules data, not in the user's input."""


class Rulebook(Row):
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
    # The dated parameters (parameters.yaml) the rows name; not part of requirements.yaml itself.
    parameters: dict[str, Parameter]

    def stated_group(self, letter: Letter) -> tuple[str, str, str] | None:
        """The benefit and group the letter says the person is in, and how it says it ("are in the
        support group"). A Universal Credit letter's LCWRA or LCW means a UC group, not an ESA one."""
        stated = letter.esa_group_stated
        if stated is None:
            return None
        if _speaks_of_uc_only(letter):
            for group, info in self.groups.items():
                if info.stated_as == stated and info.stated_words:
                    return "universal_credit", group, info.stated_words
        return "esa", stated, f"are in {self.groups[stated].label}"

    def letter_keys(self, group: str, letter: Letter) -> tuple[str, ...]:
        """The groups under which this letter may state attendance for people in `group`: the group, and
        in a Universal Credit letter its ESA counterpart too. The NLP stage records a UC letter's answers
        in UC's group names ("if you have LCWRA you need not come" is `no_work_related_requirements`,
        nlp/uc_groups.in_uc_terms), except where the letter names the ESA groups themselves."""
        info = self.groups.get(group)
        if info is not None and info.stated_as and _speaks_of_uc_only(letter):
            return (group, info.stated_as)
        return (group,)

    @model_validator(mode="after")
    def _consistent(self) -> Rulebook:
        problems = [
            *self._duplicate_codes(),
            *self._unknown_groups(),
            *self._groups_by_benefit(),
            *self._unknown_parameters(),
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

    def _groups_by_benefit(self) -> list[str]:
        """The contract says which groups go with which benefit (the form offers those); the rules must agree."""
        problems = []
        for benefit, groups in GROUPS_BY_BENEFIT.items():
            here = {g for g, info in self.groups.items() if g in GROUPS and benefit in info.benefits}
            if here != set(groups):
                problems.append(f"groups of {benefit} differ from result.GROUPS_BY_BENEFIT: {sorted(here)}")
        return problems

    def _unknown_parameters(self) -> list[str]:
        known = set(self.parameters) | set(TEMPLATE_WORDS)
        unknown = {name for row in self.coded_rows() for name in row.parameter_names()} - known
        return [f"unknown parameters or placeholders: {sorted(unknown)}"] if unknown else []

    @staticmethod
    def _table_gaps(name: str, covered: list[Any], expected: Any) -> list[str]:
        """Each expected cell decided exactly once: a gap leaves a case unjudged, a repeat makes order matter."""
        gaps = sorted(str(cell) for cell in set(expected) - set(covered))
        repeated = sorted({str(cell) for cell in covered if covered.count(cell) > 1})
        problems = ([f"missing {gaps}"] if gaps else []) + ([f"repeated {repeated}"] if repeated else [])
        return [f"{name}: {'; '.join(problems)}"] if problems else []

    def coded_rows(self) -> list[SourcedRow]:
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
            (
                n
                for n in self.letter_notes
                if cell in list(itertools.product(n.attendance, n.sanction_language))
            ),
            None,
        )

    def not_applicable_for(self, letter_type: str) -> NotApplicable:
        """The explanation for a letter the rules do not judge."""
        return next(row for row in self.not_applicable if letter_type in row.letter_types)

    def hedged_reason(self, row: Requirement, law: Law | None = None, age: int | None = None) -> str:
        """A requirement's reason as at the law's date, with its hedges, so UNCONFIRMED law reads as such."""
        text = self.wording(row.reason, law, age)
        hedges = [self.messages.hedge if row.hedge is True else row.hedge] if row.hedge else []
        if law is not None:
            hedges += law.hedges(row.parameter_names())
        return " ".join([text, *dict.fromkeys(hedges)])

    def is_hedged(self, row: Requirement, law: Law) -> bool:
        """Whether the row rests on anything UNCONFIRMED, in itself or in the dated values it uses."""
        return bool(row.hedge) or bool(law.hedges(row.parameter_names()))

    def wording(self, text: str, law: Law | None, age: int | None) -> str:
        """A row's words with its {placeholders} (the date, the child's age, parameters) filled in."""
        if law is None or "{" not in text:
            return text
        return text.format_map(law.words(age))

    def reason(
        self,
        row: Requirement | Derivation | Unknown | NotApplicable,
        law: Law | None = None,
        age: int | None = None,
    ) -> Reason:
        """A Reason for the result from a coded row; a dated rule cites the law in force on the date."""
        if isinstance(row, Requirement):
            text = self.hedged_reason(row, law, age)
        else:
            text = self.wording(row.reason or "", law, age)
            if law is not None and row.reason:
                text = " ".join([text, *dict.fromkeys(law.hedges(row.parameter_names()))])
        # The rule in force on the date comes first: the value its wording names, else the one it tests.
        cited = [
            name for name in row.wording_names() if law and name in law.parameters
        ] or row.parameter_names()
        sources = [*(law.sources(cited) if law else ()), *row.sources]
        unique = list({source.title: source for source in sources}.values())
        return Reason(
            code=row.code,
            text=text,
            source="; ".join(source.title for source in unique),
            href=unique[0].href,
        )

    def row_by_code(self, code: str) -> SourcedRow | None:
        """The coded row with this code, if any."""
        return next((row for row in self.coded_rows() if row.code == code), None)


def _speaks_of_uc_only(letter: Letter) -> bool:
    return "universal_credit" in letter.benefits_mentioned and "esa" not in letter.benefits_mentioned


@cache
def load_rulebook() -> Rulebook:
    """Read and validate requirements.yaml (packaged with the module), once per process."""
    text = files(__package__).joinpath(RULES_FILE).read_text(encoding="utf-8")
    return parse_rulebook(text)


def parse_rulebook(text: str) -> Rulebook:
    """Validate rules YAML text (with the packaged parameters), raising RulesDataError naming every problem."""
    try:
        data: Any = yaml.safe_load(text)
        if isinstance(data, dict):
            data = {**data, "parameters": load_parameters()}
        return Rulebook.model_validate(data)
    except (yaml.YAMLError, ValidationError) as error:
        raise RulesDataError(f"{RULES_FILE} is invalid: {error}") from error
