"""Batch on hostile folders: links out and in loops, FIFOs and devices, any file name, two batches on one output."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from campaign_letters import LETTERS, corpus
from click.testing import CliRunner

from analyser.batch import BatchOptions, run_batch
from analyser.batch.discover import discover
from analyser.batch.output import locked_database, locked_output
from analyser.cli import cli
from samples.rendering import text_pdf

LETTER = corpus()["tp-0055"]["text"]


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A letter, plus every kind of folder entry that once crashed, hung or leaked a batch."""
    folder = tmp_path / "letters"
    (folder / "sub").mkdir(parents=True)
    (folder / "letter.txt").write_text(LETTER, encoding="utf-8")
    os.symlink(folder, folder / "sub" / "loop")  # a link back up: a walk that follows it never ends
    os.symlink("self.txt", folder / "self.txt")  # a link to itself
    os.symlink("/etc/passwd", folder / "passwd.txt")  # a link out of the folder
    os.symlink("/dev/zero", folder / "zero.pdf")  # endless bytes
    os.symlink("missing.pdf", folder / "dangling.pdf")
    os.mkfifo(folder / "pipe.pdf")  # opening it waits for a writer that never comes
    os.symlink("../letter.txt", folder / "sub" / "inside.txt")  # a link that stays inside is followed
    latin1 = os.path.join(os.fsencode(folder), "caf\xe9.txt".encode("latin-1"))
    with open(latin1, "wb") as handle:
        handle.write(LETTER.encode("utf-8"))
    return folder


REFUSED = {"passwd.txt", "zero.pdf", "dangling.pdf", "pipe.pdf", "self.txt", "sub/loop"}


def test_the_walk_refuses_what_it_must_not_read(hostile, tmp_path):
    found = discover(hostile, set())
    assert {name for name, _ in found.refused} == REFUSED
    assert [name for name, _ in found.files] == ["caf\\xe9.txt", "letter.txt", "sub/inside.txt"]
    messages = {name: error.message for name, error in found.refused}
    assert "outside the folder" in messages["passwd.txt"] and "outside the folder" in messages["zero.pdf"]
    assert "pipe" in messages["pipe.pdf"] and "loop" in messages["sub/loop"]


def test_a_hostile_folder_gives_one_error_record_per_bad_entry_and_never_hangs(hostile, tmp_path):
    out = tmp_path / "r.jsonl"
    started = time.monotonic()
    result = CliRunner().invoke(
        cli, ["batch", str(hostile), "--out", str(out), "--workers", "1", "--db", str(tmp_path / "r.db")]
    )
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started < 60
    records = {r["source"]["name"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert set(records) == REFUSED | {"caf\\xe9.txt", "letter.txt", "sub/inside.txt"}
    assert {records[n]["error"]["type"] for n in REFUSED} == {"UnsafeFile"}
    assert "root:" not in out.read_text(encoding="utf-8")  # the password file was never read
    assert records["sub/inside.txt"]["duplicate_of"] == "caf\\xe9.txt"  # one letter, counted once
    again = run_batch(BatchOptions(folder=hostile, out=out, workers=1, resume=True))
    assert (again.letters, again.errors) == (0, 0)  # resume neither repeats nor hangs on the FIFO


def test_a_second_batch_on_the_same_output_refuses(tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "letter.txt").write_text(LETTER, encoding="utf-8")
    out = tmp_path / "r.jsonl"
    out.write_text('{"kept": true}\n', encoding="utf-8")
    with locked_output(out):  # as a first batch holds it while it runs
        result = CliRunner().invoke(cli, ["batch", str(folder), "--out", str(out)])
    assert result.exit_code == 1
    assert "Another batch is writing" in result.output and str(out) in result.output
    assert out.read_text(encoding="utf-8") == '{"kept": true}\n'


def _one_letter_and_kept_results(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "letter.txt").write_text(LETTER, encoding="utf-8")
    out = tmp_path / "r.jsonl"
    out.write_text('{"kept": true}\n', encoding="utf-8")
    return folder, out


def test_a_second_batch_on_the_same_database_refuses(tmp_path):
    # Two batches on one --db each emptied it and interleaved their letters, and both exited 0.
    folder, out = _one_letter_and_kept_results(tmp_path)
    db = tmp_path / "c.sqlite"
    with locked_database(db):  # as a first batch holds it while it runs
        result = CliRunner().invoke(cli, ["batch", str(folder), "--out", str(out), "--db", str(db)])
    assert result.exit_code == 1
    assert "Another batch is writing" in result.output and str(db) in result.output
    assert out.read_text(encoding="utf-8") == '{"kept": true}\n'


@pytest.mark.parametrize("db", ["not-sqlite.sqlite", "/proc/nowhere/c.sqlite"])
def test_a_database_that_cannot_be_used_loses_no_results(tmp_path, db):
    # A bad --db used to empty the results file before failing with a traceback.
    folder, out = _one_letter_and_kept_results(tmp_path)
    if not db.startswith("/"):
        db = str(tmp_path / db)
        Path(db).write_bytes(b"this is not a database, just some bytes" * 100)
    result = CliRunner().invoke(cli, ["batch", str(folder), "--out", str(out), "--db", db])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and db in result.output
    assert out.read_text(encoding="utf-8") == '{"kept": true}\n'


@pytest.mark.parametrize("other", ["--db", "--report", "--csv"])
def test_two_outputs_that_are_one_file_are_refused(tmp_path, other):
    folder, out = _one_letter_and_kept_results(tmp_path)
    result = CliRunner().invoke(cli, ["batch", str(folder), "--out", str(out), other, str(out)])
    assert result.exit_code != 0
    assert "same file" in result.output
    assert out.read_text(encoding="utf-8") == '{"kept": true}\n'


def test_resume_after_sigkill_keeps_the_database_consistent(tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    letters = corpus()
    for letter_id in LETTERS:
        (folder / f"{letter_id}.pdf").write_bytes(text_pdf(letters[letter_id]["text"]))
    out, db = tmp_path / "r.jsonl", tmp_path / "r.sqlite"
    command = [
        str(Path(sys.executable).parent / "analyser"),
        "batch",
        str(folder),
        "--out",
        str(out),
        "--db",
        str(db),
        "--workers",
        "1",
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 3):
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)  # the batch only: its worker notices and exits by itself
    finally:
        process.wait()
    killed_at = out.read_bytes().count(b"\n")
    assert 3 <= killed_at < len(LETTERS), "the batch was not killed mid-run"
    subprocess.run([*command, "--resume"], check=True, capture_output=True, timeout=300)
    names = [json.loads(line)["source"]["name"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(names) == sorted(f"{letter_id}.pdf" for letter_id in LETTERS)  # each once, none lost
    with sqlite3.connect(db) as connection:
        rows = [name for (name,) in connection.execute("select name from letters")]
        orphans = connection.execute(
            "select count(*) from evidence where name not in (select name from letters)"
        ).fetchone()[0]
        evidence = connection.execute("select count(*) from evidence").fetchone()[0]
    assert sorted(rows) == sorted(names) and orphans == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert evidence == sum(len(r["letter"]["evidence"]) for r in records)
