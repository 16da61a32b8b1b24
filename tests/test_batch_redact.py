"""`batch --redact`: no planted name, address, NI number or phone number reaches any output."""

from __future__ import annotations

import sqlite3

from batch_letters import PII, planted_letter, read_records, sha256

from analyser.batch import BatchOptions, run_batch
from analyser.redact import redact_text
from samples.rendering import render_letter


def test_redact_removes_planted_details_from_jsonl_csv_and_html(tmp_path):
    folder = tmp_path / "letters"
    named = render_letter(planted_letter(), folder / "Mrs Jane Planted QQ 12 34 56 C", "txt")
    out, report, letters_csv = tmp_path / "r.jsonl", tmp_path / "report.html", tmp_path / "r.csv"
    db = tmp_path / "r.sqlite"
    run_batch(
        BatchOptions(folder=folder, out=out, report=report, csv=letters_csv, db=db, redact=True, workers=1)
    )
    dump = tmp_path / "dump.sql"
    with sqlite3.connect(db) as connection:
        dump.write_text("\n".join(connection.iterdump()), encoding="utf-8")
    written = [out, report, letters_csv, tmp_path / "report.csv", dump]
    for path in written:
        content = path.read_text(encoding="utf-8")
        for detail in PII:
            assert detail not in content, f"{detail!r} left in {path.name}"
    (record,) = read_records(out).values()
    assert record["source"]["name"] == sha256(named)[:12] + ".txt"
    assert record["letter"]["office"] == "Newcastle Westgate Jobcentre Plus"  # an office is not a person
    assert record["letter"]["appointment"]["place"] == "your home, [address], London [postcode]"


def test_redact_text_replaces_each_kind_of_detail():
    text = (
        "Mrs Jane Planted\n14 Ashfield Terrace\nGateshead\nSW1A 1AA\n\n"
        "Dear Mrs Jane Planted\nNI number QQ 12 34 56 C. Call us on 07700 900123.\n"
        "Our ref: ESA/WFI/77312. Appointment 2014-11-03 at 10:30 at Ipswich Jobcentre Plus."
    )
    redacted = redact_text(text)
    for detail in (*PII, "Gateshead", "77312"):
        assert detail not in redacted
    assert redacted.startswith("[name]\n[address]\n[address]\n[address]\n\nDear [name]\n")
    assert "[NI number]" in redacted and "[phone]" in redacted and "Our ref: [reference]" in redacted
    assert "2014-11-03 at 10:30 at Ipswich Jobcentre Plus" in redacted
    assert redact_text("Dear Sir or Madam") == "Dear Sir or Madam"
