"""Check labelled letters in samples/corpus/*.jsonl against the labelling schema."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from analyser.nlp.acts import ACTS
from analyser.result import ATTENDANCES, LETTER_TYPES
from analyser.result import BENEFITS as BENEFIT_NAMES
from analyser.result import ESA_GROUPS as ESA_GROUP_NAMES
from analyser.result import GROUPS as ALL_GROUPS

# The labels' vocabulary is the contract's (analyser/result.py), spelled once there.
TYPES = set(LETTER_TYPES)
ATTENDANCE = set(ATTENDANCES)
BENEFITS = set(BENEFIT_NAMES)
GROUPS = set(ALL_GROUPS)
ESA_GROUPS = {*ESA_GROUP_NAMES, None}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TIME = re.compile(r"^\d{2}:\d{2}$")
KEYS = {
    "id",
    "source",
    "text",
    "letter_type",
    "is_wfi_summons",
    "attendance",
    "attendance_by_group",
    "sanction_language",
    "benefits_mentioned",
    "esa_group_stated",
    "appointment",
    "office",
    "letter_date",
    "hard",
    "notes",
}


def problems_of(record: dict) -> list[str]:
    """Every way one record breaks the schema, as readable lines."""
    found = []
    missing = KEYS - record.keys()
    if missing:
        found.append(f"missing keys {sorted(missing)}")
        return found
    if record["source"] not in {"handwritten", "template"}:
        found.append("source must be handwritten or template")
    if record["letter_type"] not in TYPES:
        found.append(f"letter_type {record['letter_type']!r}")
    if record["is_wfi_summons"] != (record["letter_type"] == "wfi"):
        found.append("is_wfi_summons must equal letter_type == 'wfi'")
    if record["attendance"] not in ATTENDANCE:
        found.append(f"attendance {record['attendance']!r}")
    by_group = record["attendance_by_group"]
    if by_group is not None:
        if (
            not isinstance(by_group, dict)
            or not set(by_group) <= GROUPS
            or not set(by_group.values()) <= ATTENDANCE
        ):
            found.append("attendance_by_group must map groups to attendance values")
        if record["attendance"] != "unclear":
            found.append("attendance must be 'unclear' when attendance_by_group is set")
    if not isinstance(record["sanction_language"], bool) or not isinstance(record["hard"], bool):
        found.append("sanction_language and hard must be booleans")
    if not set(record["benefits_mentioned"]) <= BENEFITS:
        found.append(f"benefits {sorted(set(record['benefits_mentioned']) - BENEFITS)}")
    if record["esa_group_stated"] not in ESA_GROUPS:
        found.append(f"esa_group_stated {record['esa_group_stated']!r}")
    appointment = record["appointment"]
    if appointment is not None:
        if not DATE.match(str(appointment.get("date"))):
            found.append("appointment.date must be YYYY-MM-DD")
        if appointment.get("time") is not None and not TIME.match(appointment["time"]):
            found.append("appointment.time must be HH:MM or null")
        if not isinstance(appointment.get("phone"), bool):
            found.append("appointment.phone must be a boolean")
    if record["letter_date"] is not None and not DATE.match(record["letter_date"]):
        found.append("letter_date must be YYYY-MM-DD or null")
    for sentence in record.get("sentences", []):  # sentence labels (samples/sentences/README.md)
        if not isinstance(sentence.get("text"), str) or sentence["text"] not in record["text"]:
            found.append(f"labelled sentence not in the letter: {str(sentence.get('text'))[:40]!r}")
        if not set(sentence.get("labels", [])) <= set(ACTS):
            found.append(f"sentence labels {sorted(set(sentence.get('labels', [])) - set(ACTS))}")
    if len(record["text"]) < 80:  # a text message or a pasted fragment is short, but not this short
        found.append("text is too short to be a letter or a fragment of one")
    return found


def main(paths: list[str]) -> int:
    files = [Path(p) for p in paths] or sorted(Path(__file__).parent.joinpath("corpus").glob("*.jsonl"))
    seen: set[str] = set()
    bad = 0
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                print(f"{path}:{number}: not JSON: {error}")
                bad += 1
                continue
            issues = problems_of(record)
            if record.get("id") in seen:
                issues.append(f"duplicate id {record.get('id')}")
            seen.add(record.get("id"))
            for issue in issues:
                print(f"{path}:{number} ({record.get('id')}): {issue}")
            bad += bool(issues)
    print(f"{len(seen)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
