"""What to do next and by when (check.actions), from the rows of actions.yaml and today's date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from analyser.result import Action, Check, Letter
from analyser.rules.calendar import (
    add_months,
    add_working_days,
    clock_time,
    long_date,
    nation_of,
    parse_day,
)
from analyser.rules.conflicts import CONFLICT_CODES
from analyser.rules.engine import attendance_for

ACTIONS_FILE = Path(__file__).with_name("actions.yaml")
TIMINGS = ("upcoming", "past", "decision", "any")


@dataclass(frozen=True)
class ActionRow:
    """One row of actions.yaml: when it applies, its words and how its last day is counted."""

    code: str
    verdicts: tuple[str, ...]
    timing: str
    text: str
    attendance: tuple[str, ...] = ()
    by: dict[str, Any] | None = None
    late: str | None = None
    source: str | dict[str, dict[str, str]] | None = None  # one citation, or by letter type then benefit
    conflict: str | None = None  # the row applies only when the check has this conflict


@dataclass(frozen=True)
class ActionBook:
    rows: tuple[ActionRow, ...]
    relies_on: dict[str, dict[str, str]]


@lru_cache(maxsize=1)
def load_actions() -> ActionBook:
    """The action rows, checked once: every timing known, every `by` counted from a known date."""
    data = yaml.safe_load(ACTIONS_FILE.read_text(encoding="utf-8"))
    rows = []
    for raw in data["actions"]:
        row = ActionRow(
            code=raw["code"],
            verdicts=tuple(raw["verdicts"]),
            timing=raw["timing"],
            text=raw["text"],
            attendance=tuple(raw.get("attendance", ())),
            by=raw.get("by"),
            late=raw.get("late"),
            source=raw.get("source"),
            conflict=raw.get("conflict"),
        )
        if row.timing not in TIMINGS:
            raise ValueError(f"{ACTIONS_FILE.name}: {row.code} has unknown timing {row.timing!r}")
        if row.conflict and row.conflict not in CONFLICT_CODES:
            raise ValueError(f"{ACTIONS_FILE.name}: {row.code} names an unknown conflict {row.conflict!r}")
        if row.by and row.by.get("from") not in ("appointment", "letter"):
            raise ValueError(f"{ACTIONS_FILE.name}: {row.code} counts its date from an unknown day")
        if isinstance(row.source, dict) and not (
            "any" in row.source and all("any" in b for b in row.source.values())
        ):
            raise ValueError(
                f"{ACTIONS_FILE.name}: {row.code} has no citation for any other letter and benefit"
            )
        rows.append(row)
    return ActionBook(tuple(rows), data["relies_on"])


def with_actions(letter: Letter, check: Check, today: date | None = None) -> Check:
    """The check with its actions filled in, for the attendance the letter states for the person."""
    attendance, _, _ = attendance_for(letter, check.effective_group, check.situation.group)
    check.actions = actions_for(letter, check, attendance, today)
    return check


def actions_for(letter: Letter, check: Check, attendance: str, today: date | None = None) -> list[Action]:
    """The actions for this letter and verdict, dated by the office's nation's working days."""
    today = today or date.today()
    book = load_actions()
    appointment_day = parse_day(letter.appointment.date if letter.appointment else None)
    letter_day = parse_day(letter.letter_date)
    timing = _timing(letter, check)
    nation = nation_of(letter.office_address)
    phone = f"on {letter.office_phone}" if letter.office_phone else "on the number on the letter"
    if not letter.office_phone and "universal_credit" in letter.benefits_mentioned:
        phone += ", or reply in your journal"  # a journal message has no number: the journal is the way back
    time = clock_time(letter.appointment.time) if letter.appointment and letter.appointment.time else None
    conflicts = {conflict.code for conflict in check.conflicts}
    found = []
    for row in book.rows:
        if check.verdict not in row.verdicts or row.timing not in (timing, "any"):
            continue
        if row.conflict and row.conflict not in conflicts:
            continue
        if row.attendance and attendance not in row.attendance:
            continue
        by = _last_day(row, appointment_day, letter_day, nation)
        text = row.late if by and by < today and row.late else row.text
        words = {
            "phone": phone,
            "day": long_date(appointment_day) or "the date on the letter",
            "time": f" at {time}" if time else "",
            "by": f"by {long_date(by)}" if by else "as soon as you can",
            "group": relies_on(check, book),
            "letter_group": book.relies_on["groups"].get(letter.esa_group_stated or "", ""),
        }
        expired = by is not None and by < today
        found.append(
            Action(
                code=row.code,
                text=text.format(**words),
                by=None if expired or by is None else by.isoformat(),
                phone=letter.office_phone if "{phone}" in text else None,
                source=source_for(row, letter, check),
            )
        )
    return found


def source_for(row: ActionRow, letter: Letter, check: Check) -> str | None:
    """The row's citation for this letter: by its type, then by the person's benefit (else the first
    benefit the letter names), each falling back to `any`."""
    if not isinstance(row.source, dict):
        return row.source
    by_benefit = row.source.get(letter.type) or row.source["any"]
    benefits = [check.situation.benefit, *letter.benefits_mentioned]
    return next((by_benefit[b] for b in benefits if b in by_benefit), by_benefit["any"])


def relies_on(check: Check, book: ActionBook | None = None) -> str:
    """What the person relies on, in their words: 'in the ESA support group', 'a carer for 35 hours…'."""
    words = (book or load_actions()).relies_on
    situation = check.situation
    groups = words["groups"] if situation.benefit in ("esa", "universal_credit") else {}
    # The group the person gave; else the circumstance they gave (a carer, a lone parent) before the
    # group the rules derived from it, since that is what they can say and prove.
    if situation.group in groups:
        return groups[situation.group]
    flags = situation.flags.model_dump()
    for flag, phrase in words["flags"].items():
        if flags.get(flag) not in (None, False):
            return phrase
    if check.effective_group in groups:
        return groups[check.effective_group]
    return words["benefits"].get(situation.benefit, f"on {situation.benefit}")


def _timing(letter: Letter, check: Check) -> str:
    if letter.type == "decision_notice":
        return "decision"
    return "past" if check.appointment_passed else "upcoming"


def _last_day(
    row: ActionRow, appointment_day: date | None, letter_day: date | None, nation: str
) -> date | None:
    if not row.by:
        return None
    start = appointment_day if row.by["from"] == "appointment" else letter_day
    if start is None:
        return None
    if "months" in row.by:
        return add_months(start, int(row.by["months"]))
    return add_working_days(start, int(row.by.get("working_days", 0)), nation)
