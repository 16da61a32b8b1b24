"""Which letters a campaign should check by hand before counting them: conflicts and low confidence."""

from __future__ import annotations

from typing import Any

__all__ = ["needs_checking", "LOW_CONFIDENCE"]

# Below this a finding is a guess, not a reading; it is the calibrated probability that it is right.
LOW_CONFIDENCE = 0.6
# The findings a verdict rests on; a doubt about any of them is a doubt about the verdict.
VERDICT_FINDINGS = ("type", "attendance", "sanction_language", "esa_group_stated")


def needs_checking(record: dict[str, Any]) -> list[str]:
    """Why this letter's verdict should not be counted unchecked (empty when it can be)."""
    if "error" in record:
        return []
    letter, check = record.get("letter") or {}, record.get("check")
    reasons = _conflicts(letter, check) if check else []
    confidence = letter.get("confidence")
    if isinstance(confidence, dict) and confidence:
        reasons += [
            f"low confidence in {name.replace('_', ' ')} ({value:.2f})"
            for name in VERDICT_FINDINGS
            if isinstance(value := confidence.get(name), int | float) and value < LOW_CONFIDENCE
        ]
    else:
        # No calibrated confidence in this result: judge the reading by the OCR and the warnings.
        ocr = (record.get("source") or {}).get("ocr_confidence")
        if isinstance(ocr, int | float) and ocr < LOW_CONFIDENCE:
            reasons.append(f"low OCR confidence ({ocr:.2f})")
        if (
            isinstance(letter.get("type_confidence"), int | float)
            and letter["type_confidence"] < LOW_CONFIDENCE
        ):
            reasons.append(f"low confidence in type ({letter['type_confidence']:.2f})")
        reasons += [f"warning: {w}" for w in record.get("warnings") or [] if "confiden" in w.lower()]
    return reasons


def _conflicts(letter: dict[str, Any], check: dict[str, Any]) -> list[str]:
    """The rules' conflicts when they report them; else the letter's benefit or group against the situation."""
    if isinstance(check.get("conflicts"), list):
        return [
            f"conflict: {c.get('text') or c.get('code')}" for c in check["conflicts"] if isinstance(c, dict)
        ]
    situation = check.get("situation") or {}
    found = []
    benefits = letter.get("benefits_mentioned") or []
    if situation.get("benefit") and benefits and situation["benefit"] not in benefits:
        found.append(
            f"conflict: the letter is about {', '.join(benefits)}, the situation says {situation['benefit']}"
        )
    stated, group = letter.get("esa_group_stated"), situation.get("group")
    if stated and group and stated != group:
        found.append(f"conflict: the letter states the {stated} group, the situation says {group}")
    return found
