"""The plan of letters, OCR noise, the labels of a record, and writing templated.jsonl."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path

from .assessments import pip_consultation, wca_appointment, wca_questionnaire
from .decisions import esa_group_decision, sanction_decision, uc_other
from .draft import Draft
from .esa import esa_group_conditional, esa_support_keep_in_touch, esa_wrag_wfi
from .pools import BENEFIT_PATTERNS
from .programmes import programme_mandatory, programme_voluntary
from .reviews import compliance
from .uc_jsa_is import income_support_wfi, jsa_review, uc_commitment, uc_work_search

OCR_RATE = 0.05

OUT = Path(__file__).resolve().parents[1] / "corpus" / "templated.jsonl"

SEED = 20240614

PLAN: list[tuple[Callable[[random.Random], Draft], int]] = [
    (esa_wrag_wfi, 16),
    (esa_support_keep_in_touch, 10),
    (esa_group_conditional, 8),
    (income_support_wfi, 10),
    (uc_work_search, 12),
    (uc_commitment, 10),
    (jsa_review, 10),
    (wca_appointment, 14),
    (wca_questionnaire, 8),
    (pip_consultation, 12),
    (programme_mandatory, 12),
    (programme_voluntary, 6),
    (compliance, 10),
    (sanction_decision, 10),
    (esa_group_decision, 6),
    (uc_other, 6),
]

# --------------------------------------------------------------------------------------------------
# OCR noise, labels, output
# --------------------------------------------------------------------------------------------------

OCR_SWAPS = {"l": "1", "1": "l", "I": "l", "O": "0", "0": "O"}


def ocr_noise(text: str, rng: random.Random) -> str:
    """Imitate a poor scan: confuse l/1/I, O/0 and rn/m, and break a few long words with hyphen+newline."""
    long_words = list(re.finditer(r"[A-Za-z]{9,}", text))
    chosen = rng.sample(long_words, k=min(len(long_words), rng.randint(2, 4)))
    for match in sorted(chosen, key=lambda m: m.start(), reverse=True):
        cut = match.start() + rng.randint(3, len(match.group()) - 3)
        text = text[:cut] + "-\n" + text[cut:]
    out: list[str] = []
    i = 0
    while i < len(text):
        if text.startswith("rn", i) and rng.random() < 0.3:
            out.append("m")
            i += 2
            continue
        char = text[i]
        if char == "m" and rng.random() < 0.06:
            out.append("rn")
        elif char in OCR_SWAPS and rng.random() < 0.12:
            out.append(OCR_SWAPS[char])
        else:
            out.append(char)
        i += 1
    return "".join(out)


def benefits_in(text: str) -> list[str]:
    return [code for code, pattern in BENEFIT_PATTERNS if re.search(pattern, text)]


THREAT_MARKERS = [
    "may be affected",
    "be reduced",
    "get a sanction",
    "stop your payments",
    "could stop",
    "may be stopped",
    "disallow",
    "will not be paid",
    "could be stopped",
    "be suspended",
]
VOLUNTARY_MARKERS = ["voluntary", "do not have to", "don't have to", "up to you", "optional"]


def check(draft: Draft) -> None:
    """Guard the by-construction labels against wording that slipped in from a shared pool."""
    text = draft.text
    if not draft.sanction:
        threats = [m for m in THREAT_MARKERS if re.search(rf"(?<!not ){re.escape(m)}", text)]
        assert not threats, (draft.summary, threats)
    if draft.appointment and draft.appointment.place:
        assert draft.appointment.place in text, draft.summary
    if draft.office:
        assert draft.office in text, draft.summary
    if draft.attendance == "unclear" and draft.by_group is None:
        assert not any(marker in text for marker in VOLUNTARY_MARKERS), draft.summary


def record(number: int, draft: Draft, rng: random.Random) -> dict:
    check(draft)
    tricky = list(draft.tricky)
    if draft.letter_type == "wfi" and "interview" not in draft.text.lower():
        tricky.append("WFI that never says 'interview'")
    text = draft.text
    if rng.random() < OCR_RATE:
        text = ocr_noise(text, rng)
        tricky.append("OCR noise")
    notes = draft.summary + (f"; hard: {', '.join(tricky)}" if tricky else "")
    return {
        "id": f"tp-{number:04d}",
        "source": "template",
        "text": text,
        "letter_type": draft.letter_type,
        "is_wfi_summons": draft.letter_type == "wfi",
        "attendance": draft.attendance,
        "attendance_by_group": draft.by_group,
        "sanction_language": draft.sanction,
        "benefits_mentioned": benefits_in(draft.text),
        "esa_group_stated": draft.esa_group,
        "appointment": draft.appointment.label() if draft.appointment else None,
        "office": draft.office,
        "letter_date": draft.ctx.letter_date.isoformat(),
        "hard": bool(tricky),
        "notes": notes,
    }


def generate(seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    jobs = [skeleton for skeleton, count in PLAN for _ in range(count)]
    rng.shuffle(jobs)
    return [record(number, skeleton(rng), rng) for number, skeleton in enumerate(jobs, 1)]


def main() -> None:
    records = generate()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as handle:
        for item in records:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} letters to {OUT}")


if __name__ == "__main__":
    main()
