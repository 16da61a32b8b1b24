"""A support-group challenge letter ready to send: rendered to PDF, read back, and drawn as a PNG to look at."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pdfplumber
import pypdfium2

from analyser.analyse import analyse_bytes
from analyser.rules.drafts import PersonDetails, draft_pdf, draft_text

REPO = Path(__file__).resolve().parents[2]
LETTER = """Sheffield Castle Street Jobcentre
4 Exchange Place
Sheffield
S1 2GH
Phone: 0345 604 3719

Mrs Janet Ollerenshaw
14 Bramall Crescent
Sheffield
S8 2QW

Date: 3 November 2014
Our ref: ESA/WFI/2/0413
National Insurance number: JT 48 21 73 B

Employment and Support Allowance
Work focused interview

Dear Mrs Ollerenshaw

You must take part in a work focused interview with a personal adviser.

Date: Friday 14 November 2014
Time: 14:15
Place: Sheffield Castle Street Jobcentre, 4 Exchange Place

If you do not take part without good cause, your benefit may be reduced.

Yours sincerely

Personal Adviser
"""


def test_the_support_group_draft_reads_as_a_letter_to_sign_and_send(tmp_path):
    result = analyse_bytes(
        LETTER.encode(), "letter.txt", {"benefit": "esa", "group": "support_group"}, include_text=True
    )
    person = result.letter.recipient
    details = PersonDetails(
        name="Janet Ollerenshaw", address=", ".join(person.address), ni_number=person.ni_number
    )
    pdf = draft_pdf(draft_text(result, "challenge", details, today=date(2014, 11, 5)))

    path = tmp_path / "draft.pdf"
    path.write_bytes(pdf)
    with pdfplumber.open(path) as document:
        text = "\n".join(page.extract_text() for page in document.pages)
    flat = " ".join(text.split())
    assert text.startswith("Janet Ollerenshaw\n14 Bramall Crescent\nSheffield\nS8 2QW")
    assert "Sheffield Castle Street Jobcentre\n4 Exchange Place\nSheffield\nS1 2GH" in text
    assert "National Insurance number: JT 48 21 73 B" in text
    assert "Reference: ESA/WFI/2/0413" in text and "Your letter dated 3 November 2014" in text
    assert "on 14 November 2014 at 2:15pm" in flat
    assert "I am in the ESA support group." in flat.split("Dear Sir or Madam")[1].split("\n")[0][:600]
    assert "reg 54" in flat  # the rule, with its source
    assert "confirm in writing" in flat
    assert "14:15" not in flat

    target = REPO / "docs" / "screenshots" if os.environ.get("UPDATE_SCREENSHOTS") else tmp_path
    target.mkdir(parents=True, exist_ok=True)
    page = pypdfium2.PdfDocument(pdf)[0]
    page.render(scale=1.5).to_pil().save(target / "draft-support-group.png")
    (target / "draft-support-group.txt").write_text(text + "\n", encoding="utf-8")


def test_carer_drafts_state_the_caring_and_quote_only_rules_for_the_claimant():
    for situation, circumstance in (
        (
            {"benefit": "universal_credit", "flags": {"caring_35_hours": True}},
            "I am a carer for 35 hours a week",
        ),
        (
            {"benefit": "income_support", "flags": {"gets_carers_allowance": True}},
            "I am getting Carer's Allowance",
        ),
    ):
        text = LETTER.replace("Employment and Support Allowance", "Universal Credit")
        result = analyse_bytes(text.encode(), "letter.txt", situation, include_text=True)
        draft = draft_text(result, "challenge", PersonDetails(name="Jo Carer"), today=date(2014, 11, 5))

        first_paragraph = draft.split("Dear Sir or Madam")[1].split("\n\n")[2]
        assert circumstance in first_paragraph, situation
        rules = [line for line in draft.splitlines() if line.startswith("- ")]
        assert rules, situation
        # Each rule quoted says what cannot be required of the person, or only at set points.
        assert all(
            "cannot be required" in rule or "can only be required" in rule or "no work-related" in rule
            for rule in rules
        ), rules
