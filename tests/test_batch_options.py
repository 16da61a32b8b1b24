"""Batch options a campaign relies on: a situation per letter from a CSV, a letter per page, outputs kept apart."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from batch_letters import corpus_text, encrypted_pdf, read_records, sha256, two_page_pdf
from click.testing import CliRunner

from analyser.batch import BatchOptions, run_batch
from analyser.cli import cli
from samples.rendering import render_letter


def test_situations_csv_gives_each_letter_its_own_situation(tmp_path):
    folder = tmp_path / "letters"
    text = corpus_text("hw-esais-001")
    for stem in ("support", "sub/wrag", "nobody", "default"):
        render_letter(text, folder / stem, "txt")
    people = tmp_path / "people.csv"
    people.write_text(
        "file,benefit,group,gets_carers_allowance\n"
        "support.txt,esa,support_group,\n"
        "sub/wrag.txt,esa,wrag,yes\n"
        "nobody.txt,,,\n",
        encoding="utf-8",
    )
    everyone = tmp_path / "situation.json"
    everyone.write_text(json.dumps({"benefit": "income_support"}), encoding="utf-8")
    run_batch(
        BatchOptions(
            folder=folder, out=tmp_path / "r.jsonl", situations_csv=people, situation_file=everyone, workers=1
        )
    )
    records = read_records(tmp_path / "r.jsonl")
    situations = {name: (r["check"] or {}).get("situation") for name, r in records.items()}
    assert situations["support.txt"]["group"] == "support_group"
    assert situations["sub/wrag.txt"]["group"] == "wrag"
    assert situations["sub/wrag.txt"]["flags"]["gets_carers_allowance"] is True
    assert situations["nobody.txt"] is None  # the CSV says it has no situation: not the one for all
    assert situations["default.txt"]["benefit"] == "income_support"
    assert records["support.txt"]["check"]["verdict"] == "likely_wrongful"


def test_a_bad_situations_csv_stops_the_run_with_a_message(tmp_path):
    (tmp_path / "letters").mkdir()
    people = tmp_path / "people.csv"
    people.write_text("person,benefit\nx.txt,esa\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "batch",
            str(tmp_path / "letters"),
            "--out",
            str(tmp_path / "r.jsonl"),
            "--situations-csv",
            str(people),
        ],
    )
    assert result.exit_code == 1
    assert "needs a column naming each letter's file" in result.output


def test_split_pages_makes_each_page_a_letter(tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    pdf = folder / "two_letters.pdf"
    pdf.write_bytes(two_page_pdf(corpus_text("hw-esais-002"), corpus_text("hw-ucjsa-002")))
    render_letter(corpus_text("hw-esais-033"), folder / "one", "txt")
    (folder / "encrypted.pdf").write_bytes(encrypted_pdf())
    out = tmp_path / "r.jsonl"
    run_batch(BatchOptions(folder=folder, out=out, split_pages=True, workers=1))
    records = read_records(out)
    assert set(records) == {"two_letters.pdf#page=1", "two_letters.pdf#page=2", "one.txt", "encrypted.pdf"}
    for page in (1, 2):
        source = records[f"two_letters.pdf#page={page}"]["source"]
        assert (source["sha256"], source["page"], source["pages"]) == (sha256(pdf), page, 1)
    assert (
        records["two_letters.pdf#page=2"]["letter"]["office"]
        != records["two_letters.pdf#page=1"]["letter"]["office"]
    )
    assert records["encrypted.pdf"]["error"]["type"] == "EncryptedPdf"
    # Both pages carry the file's hash; neither is a copy of the other.
    assert [records[f"two_letters.pdf#page={p}"]["duplicate_of"] for p in (1, 2)] == [None, None]

    summary = run_batch(BatchOptions(folder=folder, out=out, split_pages=True, resume=True, workers=1))
    assert summary.skipped == 4 and read_records(out) == records


def test_outputs_inside_the_folder_are_not_read_as_letters(tmp_path):
    folder = tmp_path / "letters"
    render_letter(corpus_text("hw-esais-033"), folder / "one", "txt")
    shutil.copy(folder / "one.txt", folder / "two.txt")
    summary = run_batch(BatchOptions(folder=folder, out=folder / "results.txt", workers=1))
    assert set(read_records(folder / "results.txt")) == {"one.txt", "two.txt"}
    assert summary.letters == 2


def test_the_situations_file_in_the_folder_is_an_input_not_an_ignored_file(tmp_path):
    # `make run` said "1 other file ignored: situations.csv" about the file it had just read.
    folder = Path(__file__).resolve().parents[1] / "samples" / "letters"
    result = CliRunner().invoke(
        cli,
        [
            "batch",
            str(folder),
            "--out",
            str(tmp_path / "r.jsonl"),
            "--situations-csv",
            str(folder / "situations.csv"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "ignored" not in result.output and "8 letters read" in result.output
