"""analyser/fields.py lists every field of the result, and every interface shows each presented field.

Adding a field to the result fails the first test until it is listed (presented, or not with why);
a presented field fails the interface tests until the CLI, the CSV and the result page show it, or
the interface's exemption below says why it does not."""

from __future__ import annotations

import csv
import json
import re
from html import unescape
from pathlib import Path

from fastapi.testclient import TestClient

from analyser.api import app
from analyser.fields import NOT_PRESENTED, PRESENTED, Field
from analyser.result import AnalysisResult, Check, Letter, Source
from analyser.web.wording import ATTENDANCE_SAYS, GROUP_NAMES, LETTER_KINDS, VERDICT_WORDS

LETTER = """Jobcentre Plus
Ipswich Jobcentre Plus
Date: 3 November 2014

Employment and Support Allowance
Work focused interview

Our records show you are in the support group.
You must attend a work focused interview on Friday 14 November 2014 at 10:30am at Ipswich Jobcentre Plus.
If you do not attend without good cause, your benefit may be reduced.
"""
BLOCKS = {"source": Source, "letter": Letter, "check": Check}

# What an interface leaves out on purpose, with why. Anything else presented must appear.
NOT_IN_CSV = {
    "letter.type_confidence": "the campaign CSV (#18) counts letters; confidence stays in the JSON lines",
    "letter.attendance_by_group": "one column per group would be mostly empty; the JSON lines carry it",
    "letter.benefits_mentioned": "the campaign CSV (#18) has the benefit the person gave, not the letter's list",
    "letter.evidence": "quotes of the letter: in the database's evidence table, not the CSV that may be shared",
    "check.effective_group": "the CSV has the stated group; the derived one is in the JSON lines",
    "check.next_steps": "advice for one person, not a campaign's column",
    "check.warnings": "the rules' warnings for one person; the letter's warnings have their own column",
    "check.judged_at": "the date the law was taken at, for one person; in the JSON lines",
    "check.conflicts": "where the letter and one person's answers disagree; in the JSON lines",
    "letter.confidence": "per-finding probabilities stay in the JSON lines; a low one sets needs_checking",
    "check.actions": "what one person should do, by dates for them; in the JSON lines",
    "letter.office_phone": "the office's contact details serve one person's actions; in the JSON lines",
    "letter.office_address": "the office's contact details serve one person's draft letter; in the JSON lines",
    "letter.reference": "the letter's own reference, for one person's draft; in the JSON lines",
    "letter.uncertain": "reasons for one reader; a letter the analyser is unsure of is flagged needs_checking",
}
NOT_ON_PAGE = {
    "source.name": "the person knows which file they uploaded",
    "letter.type_confidence": "a number that would not help a worried reader",
    "letter.is_wfi_summons": "said by the heading for the letter type",
    "letter.benefits_mentioned": "the person told us their benefit; the letter's own words are highlighted",
    "letter.confidence": "numbers would not help a worried reader; low confidence is said in words (uncertain)",
}


def _result() -> AnalysisResult:
    with TestClient(app) as client:  # the lifespan starts the analysis threads afresh
        response = client.post(
            "/api/analyse",
            files={"file": ("letter.txt", LETTER.encode(), "text/plain")},
            data={"situation": '{"benefit": "esa", "group": "support_group"}'},
        )
    assert response.status_code == 200, response.text
    return AnalysisResult.model_validate(response.json())


def _every_path() -> set[str]:
    top = {info.alias or name for name, info in AnalysisResult.model_fields.items() if name not in BLOCKS}
    return top | {f"{block}.{name}" for block, model in BLOCKS.items() for name in model.model_fields}


def test_every_field_of_the_result_is_listed_once() -> None:
    presented = [field.path for field in PRESENTED]
    assert len(set(presented)) == len(presented)
    assert not set(presented) & set(NOT_PRESENTED)
    assert set(presented) | set(NOT_PRESENTED) == _every_path()


def _filled(result: AnalysisResult) -> list[Field]:
    data = result.model_dump(mode="json", by_alias=True)
    return [field for field in PRESENTED if field.lines(data)]


def test_the_cli_summary_shows_every_presented_field() -> None:
    from analyser.cli import summary_text

    result = _result()
    summary = summary_text(result)
    data = result.model_dump(mode="json", by_alias=True)
    assert len(_filled(result)) >= 15  # the letter exercises nearly every field
    for field in _filled(result):
        for line in field.lines(data):
            assert line in summary, field.path


def _csv_says(value: object) -> list[str]:
    """How the CSV writes a field's value: flags as 1/0, reasons by code, an appointment by its date."""
    if isinstance(value, bool):
        return [str(int(value))]
    if isinstance(value, list):
        return [item["code"] if isinstance(item, dict) else str(item) for item in value]
    if isinstance(value, dict):
        return [str(value["date"])]
    return [str(value)]


def test_the_csv_has_every_presented_field(tmp_path: Path) -> None:
    from analyser.report import write_letters_csv

    result = _result()
    data = result.model_dump(mode="json", by_alias=True)
    results = tmp_path / "results.jsonl"
    results.write_text(json.dumps(data) + "\n", encoding="utf-8")
    write_letters_csv(results, tmp_path / "letters.csv")
    (row,) = csv.DictReader((tmp_path / "letters.csv").open(encoding="utf-8"))
    cells = " | ".join(value for value in row.values() if value)
    for field in _filled(result):
        if field.path not in NOT_IN_CSV:
            for text in _csv_says(field.value(data)):
                assert text in cells, field.path


def _page_says(field: Field, value: object) -> list[str]:
    """What the result page shows for a field's value: its own words, or the page's wording for it."""
    words = {
        "letter.type": lambda v: [LETTER_KINDS[v][0]],
        "letter.attendance": lambda v: [ATTENDANCE_SAYS[v]],
        "letter.sanction_language": lambda v: ["could be reduced, stopped or affected"] if v else [],
        "letter.esa_group_stated": lambda v: [GROUP_NAMES[v]],
        "letter.letter_date": lambda v: ["November 2014"],
        "letter.appointment": lambda v: ["14 November 2014", "10:30am"],
        "letter.evidence": lambda v: [item["text"] for item in v],
        "check.verdict": lambda v: [VERDICT_WORDS[v][0]],
        "check.effective_group": lambda v: [GROUP_NAMES[v]],
        "check.reasons": lambda v: [item["text"] for item in v],
        "check.judged_at": lambda v: [f"law as it stood on {v['date']}"],
        "check.conflicts": lambda v: [item["text"] for item in v],
        "check.actions": lambda v: [item["text"] for item in v],
    }
    if field.path in words:
        return words[field.path](value)
    return [str(item) for item in (value if isinstance(value, list) else [value])]


def test_the_result_page_shows_every_presented_field() -> None:
    with TestClient(app) as client:
        response = client.post(
            "/check",
            files={"letter": ("letter.txt", LETTER.encode(), "text/plain")},
            data={"benefit": "esa", "esa_group": "support_group", "carers_allowance": "no"},
        )
    assert response.status_code == 200, response.text
    page = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", unescape(response.text)))
    result = _result()
    data = result.model_dump(mode="json", by_alias=True)
    for field in _filled(result):
        if field.path in NOT_ON_PAGE:
            continue
        for text in _page_says(field, field.value(data)):
            assert re.sub(r"\s+", " ", text) in page, (field.path, text)
