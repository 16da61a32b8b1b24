"""Posted form answers: read them, check them, and turn them into a Situation or a draft's details."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from analyser.errors import InvalidSituation
from analyser.result import MONTH_NAMES, Flags, Situation
from analyser.web.questions import BENEFIT, CHILD_AGE, MAX_CHILD_AGE, NO_BENEFIT, UNKNOWN


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
    if answers.get("pension_age") == "yes":
        flags["over_pension_age"] = True
    if benefit == "esa" and answers.get("esa_style") in ("old", "new"):
        flags["esa_style"] = answers["esa_style"]
    if errors or benefit == NO_BENEFIT:
        return None
    # Only the group question for the chosen benefit counts: a stale answer to the other is ignored.
    group = {"esa": answers.get("esa_group"), "universal_credit": _uc_group(answers)}.get(benefit)
    _newer_facts(benefit, answers, flags)
    try:
        return Situation.parse(
            {"benefit": benefit, "group": None if group in (None, "", UNKNOWN) else group, "flags": flags}
        )
    except InvalidSituation as error:
        errors.add("benefit", error.message)
        return None


def _uc_group(answers: Mapping[str, str]) -> str | None:
    """The UC group the answers decide: LCWRA, late pregnancy or a new baby mean no work-related requirements."""
    if answers.get("uc_capability") == "lcwra" or answers.get("pregnancy") in ("due_soon", "recent_birth"):
        return "no_work_related_requirements"
    if answers.get("uc_group") not in (None, "", UNKNOWN):
        return answers["uc_group"]
    return "work_preparation" if answers.get("uc_capability") == "lcw" else None


def _newer_facts(benefit: str, answers: Mapping[str, str], flags: dict[str, Any]) -> None:
    """Facts the rules know only when the Situation has them (issue 17 adds them): filled in where it does."""
    known = Flags.model_fields
    if "uc_capability" in known and answers.get("uc_capability") in ("lcw", "lcwra"):
        flags["uc_capability"] = answers["uc_capability"]
    pregnancy = answers.get("pregnancy")
    # "Due within 11 weeks" / "born within 15 weeks": today stands for the date, inside either window.
    if pregnancy == "due_soon" and "pregnancy_due_date" in known:
        flags["pregnancy_due_date"] = date.today()
    if pregnancy == "recent_birth" and "baby_born_on" in known:
        flags["baby_born_on"] = date.today()


def _child_age(raw: str, errors: FormErrors) -> int | None:
    if not raw:
        errors.add(CHILD_AGE, "Enter the age of your youngest child")
        return None
    if not re.fullmatch(r"[0-9]{1,3}", raw):  # str.isdigit() would let "²" through to int()
        errors.add(CHILD_AGE, "Age of your youngest child must be a whole number of years, like 2")
        return None
    if int(raw) > MAX_CHILD_AGE:
        errors.add(CHILD_AGE, f"Age of your youngest child must be {MAX_CHILD_AGE} or less")
        return None
    return int(raw)


# The format only: two letters, six digits, A to D (the prefix rules change, and drafts are checked by people).
NI_NUMBER = re.compile(r"^[A-Z]{2}\d{6}[A-D]$")
DETAIL_FIELDS = ("name", "ni_number", "reference", "address", "reason", "later_date")
# Room for any real answer; a megabyte "name" would only make the draft slow to render.
DETAIL_LENGTHS = {
    "name": 200,
    "ni_number": 20,
    "reference": 100,
    "address": 600,
    "reason": 4000,
    "later_date": 40,
}


def person_details(answers: Mapping[str, str], errors: FormErrors) -> dict[str, str | None]:
    """The draft form's details as PersonDetails arguments (blank ones as None). Adds errors found."""
    details: dict[str, str | None] = {key: answers.get(key) or None for key in DETAIL_FIELDS}
    for key, longest in DETAIL_LENGTHS.items():
        if len(details[key] or "") > longest:
            errors.add(key, f"This answer is too long: keep it under {longest:,} characters")
            details[key] = (details[key] or "")[:longest]
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
    # ASCII digits only, and few of them: "²".isdigit() is true, and a 5000-digit year overflows date().
    if len(parts) != 3 or not (_DAY.fullmatch(parts[0]) and _YEAR.fullmatch(parts[2])):
        return None
    month = MONTHS.get(parts[1].lower()[:3]) or (int(parts[1]) if _DAY.fullmatch(parts[1]) else None)
    year = int(parts[2]) + (2000 if len(parts[2]) == 2 else 0)
    try:
        return date(year, month, int(parts[0])) if month else None
    except ValueError:
        return None


_DAY = re.compile(r"[0-9]{1,2}")
_YEAR = re.compile(r"[0-9]{2}|[0-9]{4}")
MONTHS = {name[:3]: number for number, name in enumerate(MONTH_NAMES, start=1)}
