"""The result page's wording: what each letter type, verdict, attendance, group and evidence label means."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from analyser.result import GROUPS
from analyser.rules.rulebook import load_rulebook

# The words themselves live in copy.yaml beside this module, where they can be edited as text.
COPY: dict[str, Any] = yaml.safe_load((Path(__file__).with_name("copy.yaml")).read_text(encoding="utf-8"))


def _pairs(section: dict[str, list[str]]) -> dict[str, tuple[str, str]]:
    """A heading and its explanation, by key."""
    return {key: (words[0], words[1]) for key, words in section.items()}


LETTER_KINDS = _pairs(COPY["letter_kinds"])
VERDICT_WORDS = _pairs(COPY["verdicts"])
THING: dict[str, str] = COPY["thing"]
# By verdict (None: no benefit given), then by what the letter asks; "*" covers every wording.
ANSWERS: dict[str | None, dict[str, tuple[str, str]]] = {
    (None if verdict == "no_benefit" else verdict): _pairs(by_asks)
    for verdict, by_asks in COPY["answers"].items()
}
# Once the appointment has passed; a verdict or wording not listed keeps its usual answer.
ANSWERS_PAST: dict[str | None, dict[str, tuple[str, str]]] = {
    verdict: _pairs(by_asks) for verdict, by_asks in COPY["answers_past"].items()
}
KIND_WORDS: dict[str, str] = COPY["kind_words"]
UNSURE_HEADING: str = COPY["unsure_heading"]
CONFLICT_HEADING: str = COPY["conflict_heading"]
ATTENDANCE_SAYS: dict[str, str] = COPY["attendance_says"]

# The rulebook names each group ("the support group"); the page says it the same way.
GROUP_NAMES = {group: info.label for group, info in load_rulebook().groups.items() if group in GROUPS}

EVIDENCE_LABELS: dict[str, str] = COPY["evidence_labels"]
# (name, link, what it offers)
FREE_ADVICE: tuple[tuple[str, str, str], ...] = tuple(
    (place["name"], place["href"], place["what"]) for place in COPY["free_advice"]
)
RECONSIDERATION_HREF: str = COPY["reconsideration_href"]
