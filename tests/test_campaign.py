"""The campaign's figures: one letter in three renditions counted once, offices as one, doubts kept apart."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import PurePosixPath

import pytest
from campaign_letters import CONFLICTING, LETTERS, RESPELT

pytestmark = pytest.mark.slow


def letter_id(name: str) -> str:
    return PurePosixPath(name).stem


def test_sixty_files_are_twenty_letters(campaign_batch):
    records = [json.loads(line) for line in campaign_batch["out"].read_text(encoding="utf-8").splitlines()]
    assert len(records) == 60 and not [r for r in records if "error" in r]
    firsts = [r for r in records if r["duplicate_of"] is None]
    assert sorted(letter_id(r["source"]["name"]) for r in firsts) == sorted(LETTERS)
    for record in records:
        if record["duplicate_of"]:  # a scan or photo, listed under its own letter's PDF
            assert letter_id(record["duplicate_of"]) == letter_id(record["source"]["name"])
    summary = campaign_batch["summary"]
    assert (summary.letters, summary.duplicates, summary.needs_checking) == (60, 40, len(CONFLICTING))


def test_an_office_spelled_three_ways_is_one_office(campaign_batch):
    if shutil.which("sqlite3") is None:
        pytest.skip("the sqlite3 command-line tool is not installed")
    query = "select office, count(*) from letters group by office"
    shell = subprocess.run(
        ["sqlite3", str(campaign_batch["db"]), query], capture_output=True, text=True, check=True
    )
    counts = dict(line.rsplit("|", 1) for line in shell.stdout.splitlines())
    assert counts["Ayr"] == "12"  # four letters, three renditions each
    with sqlite3.connect(campaign_batch["db"]) as db:
        spellings = {
            raw for (raw,) in db.execute("select distinct office_raw from letters where office = 'Ayr'")
        }
        assert spellings == {"Ayr Jobcentre Plus", *RESPELT.values()}
        assert not any(
            office and (office.lower().endswith(("jobcentre", "plus")) or any(c.isdigit() for c in office))
            for (office,) in db.execute("select distinct office from letters")
        )


def test_conflicting_situations_need_checking_and_stay_out_of_the_headline(campaign_batch):
    with sqlite3.connect(campaign_batch["db"]) as db:
        checking = dict(
            db.execute(
                "select name, needs_checking_reasons from letters where needs_checking = 1 and duplicate_of is null"
            )
        )
        counted = db.execute(
            "select count(*) from letters where duplicate_of is null and needs_checking = 0 and error_type is null"
        ).fetchone()[0]
    assert {letter_id(name) for name in checking} == set(CONFLICTING)
    assert all(reason.startswith("conflict:") for reason in checking.values())
    assert counted == len(LETTERS) - len(CONFLICTING)
    html = campaign_batch["report"].read_text(encoding="utf-8")
    assert f'<th scope="row">letters counted</th><td class="n">{counted}</td>' in html
    section = html[html.index('<h2 id="checking">') : html.index('<h2 id="where">')]
    for name, reason in checking.items():
        assert name in section and reason in section


def test_the_database_holds_the_same_letters_as_the_results_file(campaign_batch):
    records = {
        json.loads(line)["source"]["name"]: json.loads(line)
        for line in campaign_batch["out"].read_text(encoding="utf-8").splitlines()
    }
    with sqlite3.connect(campaign_batch["db"]) as db:
        rows = {name: (verdict, n) for name, verdict, n in db.execute(
            "select l.name, l.verdict, (select count(*) from evidence e where e.name = l.name) from letters l"
        )}  # fmt: skip
        indexes = {name for (name,) in db.execute("select name from sqlite_master where type = 'index'")}
    assert set(rows) == set(records)
    for name, record in records.items():
        assert rows[name] == ((record["check"] or {}).get("verdict"), len(record["letter"]["evidence"]))
    assert {"letters_office", "letters_letter_date", "evidence_name", "warnings_name"} <= indexes


def test_the_report_answers_where_and_since_when(campaign_batch):
    html = campaign_batch["report"].read_text(encoding="utf-8")
    where = html[html.index('<h2 id="where">') : html.index('<h2 id="when">')]
    assert '<th scope="row">Ayr</th><td>KA</td><td class="n">4</td>' in where
    assert '<th scope="row">KA</th>' in where  # the postcode area of the office's address
    when = html[html.index('<h2 id="when">') : html.index('<h2 id="copies">')]
    assert 'role="img"' in when and "<desc" in when and "Counted letters by month" in when
    assert "Likely wrongful demands, by year" in when  # 2009 to 2026: by year
    assert '<h2 id="method">How these figures were made</h2>' in html
