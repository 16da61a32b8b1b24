"""Redaction holds: 100% recall on the generated corpus of personal-data forms, and none left in a real result."""

from __future__ import annotations

import json

from redaction_corpus import KEEP, generate, recall

from analyser import analyse_text
from analyser.redact import redact_result, redact_text

ISSUE_LETTER = """Jobcentre Plus
Bangor Jobcentre Plus
Garth Road
Bangor LL57 2RT

Siôn Llŷr
Flat 3, Rosebank House
5 Heol y Parc
Little Snoring
cf10 3nq

Date: 3 November 2026
National Insurance number: qq123456c
Date of birth: 12/03/1985

Employment and Support Allowance
Work focused interview

Dear Siôn Llŷr

You must attend a work focused interview with a personal adviser.

Date: Friday 14 November 2026
Time: 10:30am
Place: Bangor Jobcentre Plus

If you cannot come, ring us on (01234) 567890 ext 4412 or email sion.llyr@example.com.
Siôn, if you do not attend without good cause, your benefit may be reduced.
Your NI number QQ-12-34-56-C is on our records.

Yours sincerely
Personal Adviser
"""
SECRETS = [
    "Siôn",
    "Llŷr",
    "Rosebank",
    "Heol y Parc",
    "cf10 3nq",
    "qq123456c",
    "12/03/1985",
    "567890",
    "4412",
    "sion.llyr@example.com",
    "QQ-12-34-56-C",
]


def test_recall_is_total_on_the_generated_corpus():
    corpus = generate()
    share, secrets, leaked = recall(corpus)
    assert len(corpus) >= 200 and secrets >= 400
    assert not leaked, [(item.kind, found) for item, found in leaked[:5]]
    assert share == 1.0


def test_the_letter_furniture_the_analysis_rests_on_is_kept():
    assert [redact_text(line) for line in KEEP] == KEEP


def test_a_whole_result_with_the_issues_forms_leaks_nothing():
    result = analyse_text(ISSUE_LETTER, {"benefit": "esa", "group": "support_group"})
    record = result.model_dump(mode="json") | {"pages": [{"text": ISSUE_LETTER}]}
    plain = json.dumps(record, ensure_ascii=False)
    assert "Llŷr" in plain  # the details do reach the unredacted output
    redacted = json.dumps(redact_result(record), ensure_ascii=False)
    assert [secret for secret in SECRETS if secret.lower() in redacted.lower()] == []
    # What the analysis found is untouched.
    kept = redact_result(record)
    assert kept["letter"]["is_wfi_summons"] == record["letter"]["is_wfi_summons"] is True
    assert kept["check"]["verdict"] == record["check"]["verdict"]
    assert kept["letter"]["office"] == record["letter"]["office"]
    assert kept["letter"]["appointment"]["date"] == "2026-11-14"


def test_an_office_field_holding_the_persons_name_is_redacted():
    record = {"letter": {"office": "Siôn Llŷr", "evidence": [{"text": "Dear Siôn Llŷr,"}]}}
    assert redact_result(record)["letter"]["office"] == "[name]"
    assert (
        redact_result({"letter": {"office": "Bangor Jobcentre Plus"}})["letter"]["office"]
        == "Bangor Jobcentre Plus"
    )
