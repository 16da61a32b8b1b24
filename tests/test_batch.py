"""Batch: a folder of real letters and broken files in, one record per letter out, resumable, on processes or Dask."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from fpdf import FPDF

from analyser import analyse_file
from analyser.batch import BatchOptions, run_batch
from analyser.cli import cli
from analyser.errors import AnalyserError
from analyser.redact import redact_text
from samples.rendering import render_letter, text_pdf

CORPUS = Path(__file__).resolve().parents[1] / "samples" / "corpus"
PII = ("Jane Planted", "QQ 12 34 56 C", "07700 900123", "SW1A 1AA", "14 Ashfield Terrace")
BROKEN = {
    "broken/binary.txt": "UnsupportedFileType",
    "broken/empty.pdf": "CorruptFile",
    "broken/encrypted.pdf": "EncryptedPdf",
    "broken/letter.docx": "UnsupportedFileType",
    "broken/truncated.pdf": "CorruptFile",
}


def corpus_text(letter_id: str) -> str:
    for path in CORPUS.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["id"] == letter_id:
                return record["text"]
    raise KeyError(letter_id)


def planted_letter() -> str:
    """An ESA WFI summons with a made-up person's name, address, NI and phone number planted in it."""
    text = corpus_text("hw-esais-001")
    for real, planted in {
        "Mr Graham Rutherford": "Mrs Jane Planted",
        "Dear Mr Rutherford": "Dear Mrs Jane Planted",
        "NE8 4QT": "SW1A 1AA",
        "JT 41 26 83 B": "QQ 12 34 56 C",
        "0191 498 3120": "07700 900123",
        "Newcastle Westgate Jobcentre Plus, Westgate House,\n          118 Westgate Road": (
            "your home, 14 Ashfield Terrace, London SW1A 1AA"
        ),
    }.items():
        assert real in text
        text = text.replace(real, planted)
    return text


def two_page_pdf(first: str, second: str) -> bytes:
    # More blank lines than an A4 page holds push the second letter onto page 2.
    return text_pdf(first + "\n" * 70 + second)


def encrypted_pdf() -> bytes:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica")
    pdf.cell(text="You must attend a work focused interview.")
    return bytes(pdf.output())


def docx_like() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def make_broken(folder: Path) -> None:
    broken = folder / "broken"
    broken.mkdir(parents=True)
    (broken / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (broken / "empty.pdf").write_bytes(b"")
    (broken / "encrypted.pdf").write_bytes(encrypted_pdf())
    (broken / "letter.docx").write_bytes(docx_like())
    (broken / "truncated.pdf").write_bytes(text_pdf(corpus_text("hw-ucjsa-001"))[:600])


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_records(path: Path) -> dict[str, dict]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    by_name = {record["source"]["name"]: record for record in records}
    assert len(by_name) == len(records), "a letter was written twice"
    return by_name


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Good letters as text and PDF (one of two pages), broken files, and files that are not letters."""
    folder = tmp_path_factory.mktemp("letters")
    render_letter(planted_letter(), folder / "planted", "txt")
    render_letter(corpus_text("hw-ucjsa-001"), folder / "sub" / "uc_wfi", "pdf")
    render_letter(corpus_text("hw-esais-033"), folder / "sub" / "deeper" / "decision", "txt")
    (folder / "two_letters.pdf").write_bytes(
        two_page_pdf(corpus_text("hw-esais-002"), corpus_text("hw-ucjsa-002"))
    )
    make_broken(folder)
    (folder / "notes.md").write_text("not a letter", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\0\0")
    return folder


@pytest.fixture(scope="module")
def batch_run(letters: Path, tmp_path_factory: pytest.TempPathFactory):
    out_dir = tmp_path_factory.mktemp("out")
    options = BatchOptions(
        folder=letters,
        out=out_dir / "results.jsonl",
        workers=2,
        report=out_dir / "report.html",
        csv=out_dir / "results.csv",
    )
    summary = run_batch(options)
    return options, summary, read_records(options.out)


BATCH_FIELDS = ("duplicate_of", "campaign", "fingerprint")


def as_analysed(record: dict) -> dict:
    """A batch record without the fields batch adds (copies, office, doubts, fingerprint)."""
    return {k: v for k, v in record.items() if k not in BATCH_FIELDS}


def good_names(letters: Path) -> set[str]:
    return {"planted.txt", "sub/uc_wfi.pdf", "sub/deeper/decision.txt", "two_letters.pdf"}


def test_every_broken_file_is_one_exact_error_record(letters, batch_run):
    _, _, records = batch_run
    errors = {name: record for name, record in records.items() if "error" in record}
    assert set(errors) == set(BROKEN)
    for name, error_type in BROKEN.items():
        with pytest.raises(AnalyserError) as raised:
            analyse_file(letters / name, name=name)
        assert errors[name] == {
            "source": {"name": name, "sha256": sha256(letters / name), "media_type": None},
            "error": {"type": error_type, "message": raised.value.message},
        }


def test_good_letters_get_the_same_result_as_analyse_file(letters, batch_run):
    _, _, records = batch_run
    results = {name: record for name, record in records.items() if "error" not in record}
    assert set(results) == good_names(letters)
    for name, record in results.items():
        assert as_analysed(record) == analyse_file(letters / name, name=name).model_dump(mode="json")
        assert record["duplicate_of"] is None and len(record["fingerprint"]) == 512
    assert results["two_letters.pdf"]["source"]["pages"] == 2


def test_summary_counts_this_run(batch_run):
    _, summary, records = batch_run
    results = [r for r in records.values() if "error" not in r]
    assert (summary.letters, summary.errors, summary.skipped, len(summary.ignored)) == (4, 5, 0, 1)
    assert summary.wfi_summonses == sum(r["letter"]["is_wfi_summons"] for r in results) >= 2
    assert summary.likely_wrongful == 0  # no situation given: nothing is judged
    text = summary.text()
    assert "4 letters read" in text and "5 files could not be read" in text
    # The ignored file is named, so nothing in the folder vanishes unseen.
    assert "1 other file ignored" in text and summary.ignored[0] in text


def test_counts_read_as_words():
    from analyser.typography import counted

    assert counted(1, "letter") == "1 letter" and counted(0, "letter") == "0 letters"
    assert counted(2, "work-focused interview summons", "summonses") == "2 work-focused interview summonses"


def test_csv_has_a_row_per_record(batch_run):
    options, _, records = batch_run
    with options.csv.open(newline="", encoding="utf-8") as handle:
        rows = {row["name"]: row for row in csv.DictReader(handle)}
    assert set(rows) == set(records)
    assert rows["broken/encrypted.pdf"]["error_type"] == "EncryptedPdf"
    assert rows["planted.txt"]["type"] == records["planted.txt"]["letter"]["type"]
    assert rows["planted.txt"]["office_raw"] == "Newcastle Westgate Jobcentre Plus"
    assert rows["planted.txt"]["office"] == "Newcastle Westgate"


def test_report_has_totals_office_chart_and_evidence_anchors(batch_run):
    options, _, records = batch_run
    html = options.report.read_text(encoding="utf-8")
    assert '<th scope="row">letters counted</th><td class="n">4</td>' in html
    assert '<th scope="row">files with errors</th><td class="n">5</td>' in html
    assert '<svg class="chart"' in html and '<th scope="row">Newcastle Westgate</th>' in html
    for index in range(1, 5):
        assert f'href="#letter-{index}"' in html and f'id="letter-{index}"' in html
    quote = next(e["text"] for e in records["planted.txt"]["letter"]["evidence"] if e["label"] == "sanction")
    assert f"<q>{quote}</q>" in html
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert (options.report.parent / "report.csv").exists()


def test_unredacted_outputs_do_hold_the_planted_details(batch_run):
    # The redaction test below is only meaningful if the details reach the outputs in the first place.
    options, _, records = batch_run
    assert "14 Ashfield Terrace" in records["planted.txt"]["letter"]["appointment"]["place"]
    assert "SW1A 1AA" in options.out.read_text(encoding="utf-8")


def test_dask_local_cluster_gives_the_same_records(letters, batch_run, tmp_path):
    distributed = pytest.importorskip("distributed")
    _, _, expected = batch_run
    with distributed.LocalCluster(
        n_workers=1, processes=False, threads_per_worker=1, dashboard_address=":0"
    ) as cluster:
        summary = run_batch(
            BatchOptions(folder=letters, out=tmp_path / "dask.jsonl", dask_address=cluster.scheduler_address)
        )
    assert read_records(tmp_path / "dask.jsonl") == expected
    assert (summary.letters, summary.errors) == (4, 5)


def test_resume_skips_what_is_done_and_redoes_a_torn_line(letters, batch_run, tmp_path):
    options, _, expected = batch_run
    lines = options.out.read_text(encoding="utf-8").splitlines(keepends=True)
    out = tmp_path / "results.jsonl"
    # As if killed mid-run: five letters written, the sixth cut off halfway through its line.
    out.write_text("".join(lines[:5]) + lines[5][:40], encoding="utf-8")
    result = CliRunner().invoke(cli, ["batch", str(letters), "--out", str(out), "--resume", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "5 skipped: already in" in result.output
    assert out.read_text(encoding="utf-8").startswith("".join(lines[:5]))
    assert read_records(out) == expected

    again = run_batch(BatchOptions(folder=letters, out=out, resume=True))
    assert (again.skipped, again.letters, again.errors) == (len(expected), 0, 0)
    assert read_records(out) == expected


def test_resume_keeps_a_record_for_every_copy_of_one_file(tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    for name in ("a.pdf", "b.pdf", "c.pdf"):
        (folder / name).write_bytes(b"")  # three copies of one (empty) file, one hash
    out = tmp_path / "results.jsonl"
    run_batch(BatchOptions(folder=folder, out=out, workers=1))
    out.write_text(out.read_text(encoding="utf-8").splitlines(keepends=True)[0], encoding="utf-8")
    summary = run_batch(BatchOptions(folder=folder, out=out, workers=1, resume=True))
    assert (summary.skipped, summary.errors) == (1, 2)
    assert set(read_records(out)) == {"a.pdf", "b.pdf", "c.pdf"}


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


def test_outputs_inside_the_folder_are_not_read_as_letters(tmp_path):
    folder = tmp_path / "letters"
    render_letter(corpus_text("hw-esais-033"), folder / "one", "txt")
    shutil.copy(folder / "one.txt", folder / "two.txt")
    summary = run_batch(BatchOptions(folder=folder, out=folder / "results.txt", workers=1))
    assert set(read_records(folder / "results.txt")) == {"one.txt", "two.txt"}
    assert summary.letters == 2


def test_the_situations_file_in_the_folder_is_an_input_not_an_ignored_file(tmp_path):
    # `make run` said "1 other file ignored: situations.csv" about the file it had just read.
    from click.testing import CliRunner

    from analyser.cli import cli

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
