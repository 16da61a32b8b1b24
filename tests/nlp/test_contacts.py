"""The letter's contact details: office phone and address, reference, and the person it is addressed to."""

from __future__ import annotations

import json
from pathlib import Path

from analyser import analyse_text

CORPUS = Path(__file__).resolve().parents[2] / "samples" / "corpus"


def corpus_letter(file: str, letter_id: str) -> str:
    for line in (CORPUS / file).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == letter_id:
            return row["text"]
    raise KeyError(letter_id)


def test_a_two_column_letterhead_gives_the_office_and_the_person_apart():
    letter = analyse_text(corpus_letter("handwritten_esa_is.jsonl", "hw-esais-001")).letter

    assert letter.office_phone == "0191 498 3120"
    assert letter.office_address == [
        "Newcastle Westgate Jobcentre Plus",
        "Westgate House",
        "118 Westgate Road",
        "Newcastle upon Tyne",
        "NE1 4BX",
    ]
    assert letter.reference == "ESA/WFI/77312"
    assert letter.recipient.name == "Mr Graham Rutherford"
    assert letter.recipient.address == ["14 Ashfield Terrace", "Gateshead", "NE8 4QT"]
    assert letter.recipient.ni_number == "JT 41 26 83 B"


def test_a_boxed_reference_and_a_ring_us_number():
    letter = analyse_text(corpus_letter("handwritten_esa_is.jsonl", "hw-esais-002")).letter

    assert letter.office_phone == "029 2045 8810"
    assert letter.reference == "ESA 0455/2/BP"
    assert letter.office_address[-1] == "Cardiff CF10 2SF"


def test_a_letter_without_them_says_none():
    letter = analyse_text("Dear Sir\n\nPlease come to the Jobcentre on 3 May 2026.\n").letter

    assert (letter.office_phone, letter.office_address, letter.reference, letter.recipient) == (
        None,
        None,
        None,
        None,
    )


def test_a_markdown_title_is_not_the_office():
    # A reviewer's `analyse letter.md` reported "jobcentre" as the office: the file's own title.
    body = "Dear Ms Smith,\n\nPlease come to a work focused interview on 3 May 2026 at 10:00.\n"
    titled = analyse_text("# My letter from the jobcentre\n\n" + body, name="letter.md").letter
    headed = analyse_text("# My letter\n\nSunderland Jobcentre Plus\n\n" + body, name="letter.md").letter

    assert titled.office is None
    assert headed.office == "Sunderland Jobcentre Plus"
