"""Build a Situation from what people type: CLI options (--benefit, --group, --flag K=V) or a CSV row."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from analyser.errors import InvalidSituation
from analyser.result import Flags, Situation

TRUE_WORDS = frozenset({"true", "yes", "1"})
FALSE_WORDS = frozenset({"false", "no", "0"})
# Words meaning "not known": the web form's "I don't know", an empty CSV cell.
UNKNOWN_WORDS = frozenset({"", "none", "null", "unknown", "dont_know", "i_dont_know", "not_sure"})
# Short names people use for benefits; the full names are the contract's.
BENEFIT_ALIASES = {
    "uc": "universal_credit",
    "is": "income_support",
    "ca": "carers_allowance",
    "hb": "housing_benefit",
    "pc": "pension_credit",
    "aa": "attendance_allowance",
}
FLAG_NAMES: tuple[str, ...] = tuple(Flags.model_fields)


def situation_from_cli(benefit: str | None, group: str | None, flags: Iterable[str]) -> Situation | None:
    """A Situation from --benefit, --group and --flag K=V options, or None when none was given."""
    values: dict[str, str] = {}
    for flag in flags:
        name, equals, value = flag.partition("=")
        if not equals or not name.strip():
            raise InvalidSituation(
                f"Invalid situation: flag {flag!r} should be NAME=VALUE, e.g. caring_35_hours=true"
            )
        name = _normalise(name)
        if name in values:
            raise InvalidSituation(f"Invalid situation: flag {name} is given twice")
        values[name] = value
    return _situation(benefit, group, values)


def situation_from_csv_row(row: dict[str, str]) -> Situation | None:
    """A Situation from a CSV row's benefit, group and flag columns (others ignored), or None if blank."""
    cells = {_normalise(key): (value or "") for key, value in row.items() if key is not None}
    flags = {name: value for name, value in cells.items() if name in FLAG_NAMES}
    return _situation(cells.get("benefit"), cells.get("group"), flags)


def _situation(benefit: str | None, group: str | None, flag_values: dict[str, str]) -> Situation | None:
    """Typed words (a CSV row, --flag options) become a Situation; unknown words (blank, "none") leave a field unset.
    (The web form has its own answers, one question at a time: web/forms.py.)"""
    unknown_flags = sorted(set(flag_values) - set(FLAG_NAMES))
    if unknown_flags:
        raise InvalidSituation(
            f"Invalid situation: unknown flag {', '.join(unknown_flags)}; flags: {', '.join(FLAG_NAMES)}"
        )
    flags = {
        name: parsed
        for name, value in flag_values.items()
        if (parsed := _flag_value(name, value)) is not None
    }
    benefit_name = _word(benefit)
    if benefit_name is None:
        if _word(group) is not None or flags:
            raise InvalidSituation("Invalid situation: a group or flags need a benefit too")
        return None
    return Situation.parse(
        {"benefit": BENEFIT_ALIASES.get(benefit_name, benefit_name), "group": _word(group), "flags": flags}
    )


def _flag_value(name: str, value: str) -> bool | int | str | date | None:
    """One flag's value in the type Flags expects; None leaves the flag at its default.

    Generic over the Flags model: a new fact there is accepted by --flag, the CSV and the API alike."""
    word = _word(value)
    if word is None:
        return None
    annotation = Flags.model_fields[name].annotation
    if annotation == date | None:
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise InvalidSituation(
                f"Invalid situation: flag {name} is {value!r}; use a date written YYYY-MM-DD, e.g. 2015-06-01"
            ) from None
    if annotation is bool:
        if word in TRUE_WORDS | FALSE_WORDS:
            return word in TRUE_WORDS
        raise InvalidSituation(f"Invalid situation: flag {name} is {value!r}; use true/false, yes/no or 1/0")
    if annotation == int | None:
        try:
            return int(value)  # the raw text: normalising would turn "-1" into "_1"
        except ValueError:
            raise InvalidSituation(
                f"Invalid situation: flag {name} is {value!r}; use a whole number"
            ) from None
    # Anything else (esa_style, uc_capability) is a choice of words that Situation.parse checks and explains.
    return word


def _word(value: str | None) -> str | None:
    """A typed value in the contract's spelling ("Universal Credit" -> universal_credit); None if unknown."""
    if value is None:
        return None
    word = _normalise(value)
    return None if word in UNKNOWN_WORDS else word


def _normalise(value: str) -> str:
    return value.strip().lower().replace("'", "").replace("-", "_").replace(" ", "_")
