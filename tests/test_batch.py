"""Batch: a folder of real letters and broken files in, one record per letter out, resumable, on processes or Dask."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from batch_letters import BROKEN, corpus_text, make_broken, planted_letter, read_records, sha256, two_page_pdf
from click.testing import CliRunner

from analyser import analyse_file
from analyser.batch import BatchOptions, run_batch
from analyser.cli import cli
from analyser.errors import AnalyserError
from samples.rendering import render_letter


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
