"""Dated parameters (parameters.yaml): values keyed by the date each took effect, read as at a date."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

PARAMETERS_FILE = "parameters.yaml"
JudgedFrom = Literal["letter_date", "appointment_date", "today"]
# Words a reason may use besides parameter names: the date judged and the child's age.
TEMPLATE_WORDS = ("when", "is", "can", "cannot", "age")


class ParametersDataError(Exception):
    """parameters.yaml is malformed: a bug in the rules data, not in the user's input."""


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceRef(_Row):
    """One legal or authoritative source: the Act/SI and section or regulation, and a link to it."""

    title: str = Field(min_length=3)
    href: str = Field(pattern=r"^https?://\S+$")


class ParameterValue(_Row):
    """One value of a parameter, in force from its date until the next one, with the law that made it."""

    value: int | bool | str | None
    says: str | None = None  # the value in words, for reasons ("a youngest child aged 1 or 2")
    sources: list[SourceRef] = Field(min_length=1)
    hedge: str | None = None  # what could not be confirmed about this value or its date

    @property
    def words(self) -> str:
        return self.says if self.says is not None else str(self.value)


class Parameter(_Row):
    """An age limit, group definition or exception that changed over time (PolicyEngine-style)."""

    description: str = Field(min_length=20)
    unit: Literal["year", "flag", "text"]
    values: dict[date, ParameterValue] = Field(min_length=1)

    @model_validator(mode="after")
    def _in_date_order(self) -> Parameter:
        if list(self.values) != sorted(self.values):
            raise ValueError("values must be in date order")
        return self

    def at(self, on: date) -> ParameterValue:
        """The value in force on `on`; before the first date, the first value (the law as first made)."""
        dates = [start for start in self.values if start <= on]
        return self.values[dates[-1] if dates else next(iter(self.values))]

    def changes(self) -> list[date]:
        """The dates on which the value changed (every date but the first)."""
        return list(self.values)[1:]


class Parameters(_Row):
    parameters: dict[str, Parameter]


@dataclass(frozen=True)
class Law:
    """The law as at one date: every dated parameter read on that date, and where the date came from."""

    on: date
    judged_from: JudgedFrom
    today: date
    parameters: Mapping[str, Parameter]

    def in_force(self, name: str) -> ParameterValue:
        return self.parameters[name].at(self.on)

    def value(self, name: str) -> Any:
        return self.in_force(name).value

    def number(self, bound: int | str | None) -> int | None:
        """An age bound: a number as written, or a parameter's value on the date judged."""
        return self.value(bound) if isinstance(bound, str) else bound

    def words(self, age: int | None) -> dict[str, str]:
        """What a reason's {placeholders} stand for, on this date."""
        past = (self.on.year, self.on.month) < (self.today.year, self.today.month)
        return {
            "when": f"In {self.on:%B %Y}",
            "is": "was" if past else "is",
            "can": "could" if past else "can",
            "cannot": "could not" if past else "cannot",
            "age": "unknown" if age is None else str(age),
            **{name: parameter.at(self.on).words for name, parameter in self.parameters.items()},
        }

    def sources(self, names: Iterable[str]) -> list[SourceRef]:
        """The sources of the values in force for these parameters: the rule as it stood."""
        return [source for name in names if name in self.parameters for source in self.in_force(name).sources]

    def hedges(self, names: Iterable[str]) -> list[str]:
        return [hedge for name in names if name in self.parameters and (hedge := self.in_force(name).hedge)]


@cache
def load_parameters() -> dict[str, Parameter]:
    """Read and validate parameters.yaml (packaged with the module), once per process."""
    return parse_parameters(files(__package__).joinpath(PARAMETERS_FILE).read_text(encoding="utf-8"))


def parse_parameters(text: str) -> dict[str, Parameter]:
    try:
        return Parameters.model_validate(yaml.safe_load(text)).parameters
    except (yaml.YAMLError, ValidationError) as error:
        raise ParametersDataError(f"{PARAMETERS_FILE} is invalid: {error}") from error
