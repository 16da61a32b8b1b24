"""Batch results as SQLite (standard library): letters, evidence and warnings tables, one transaction per letter."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from analyser.batch.offices import cluster_offices
from analyser.errors import OutputError

__all__ = ["connect", "add_record", "sync", "finish", "LETTER_COLUMNS"]

# The contract's columns first, in its order; the rest are added for the report and for queries.
LETTER_COLUMNS = (
    "name", "sha256", "duplicate_of", "type", "is_wfi_summons", "attendance", "sanction_language",
    "esa_group_stated", "office", "office_raw", "letter_date", "appointment_date", "verdict", "needs_checking",
    "error_type",
    "error_message", "page", "media_type", "text_source", "ocr_confidence", "region", "appointment_time",
    "benefit", "situation_group", "reasons", "needs_checking_reasons", "threatening_wfi",
)  # fmt: skip
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS letters ({", ".join(c + (" TEXT PRIMARY KEY" if c == "name" else "") for c in LETTER_COLUMNS)});
CREATE TABLE IF NOT EXISTS evidence (name TEXT NOT NULL, label TEXT, text TEXT, page INTEGER, start INTEGER, "end" INTEGER);
CREATE TABLE IF NOT EXISTS warnings (name TEXT NOT NULL, text TEXT);
CREATE INDEX IF NOT EXISTS letters_office ON letters(office);
CREATE INDEX IF NOT EXISTS letters_region ON letters(region);
CREATE INDEX IF NOT EXISTS letters_letter_date ON letters(letter_date);
CREATE INDEX IF NOT EXISTS letters_verdict ON letters(verdict);
CREATE INDEX IF NOT EXISTS letters_duplicate_of ON letters(duplicate_of);
CREATE INDEX IF NOT EXISTS letters_sha256 ON letters(sha256);
CREATE INDEX IF NOT EXISTS evidence_name ON evidence(name);
CREATE INDEX IF NOT EXISTS evidence_label ON evidence(label);
CREATE INDEX IF NOT EXISTS warnings_name ON warnings(name);
"""


def connect(path: Path | str, fresh: bool) -> sqlite3.Connection:
    """The database with its tables (emptied when fresh). WAL: a kill loses at most the letter being written."""
    if path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(str(path), isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.executescript(_SCHEMA)
    if fresh:
        with _transaction(connection):
            for table in ("letters", "evidence", "warnings"):
                connection.execute(f"DELETE FROM {table}")
    return connection


def open_for_batch(path: Path, fresh: bool) -> sqlite3.Connection:
    """connect(), with a database that cannot be opened (not SQLite, no room, no rights) said plainly."""
    try:
        return connect(path, fresh)
    except (sqlite3.Error, OSError) as error:
        raise OutputError(
            f"Cannot use {path} as the --db database ({error}). Nothing was changed."
        ) from error


class _transaction:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def __enter__(self) -> sqlite3.Connection:
        self.connection.execute("BEGIN IMMEDIATE")
        return self.connection

    def __exit__(self, kind: object, *rest: object) -> None:
        self.connection.execute("ROLLBACK" if kind else "COMMIT")


def _rows(record: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """A record as its letters row, evidence rows and warnings rows."""
    source = record["source"]
    name = source.get("name")
    campaign = record.get("campaign") or {}
    row: dict[str, Any] = dict.fromkeys(LETTER_COLUMNS)
    row |= {
        "name": name, "sha256": source.get("sha256"), "duplicate_of": record.get("duplicate_of"),
        "page": source.get("page"), "media_type": source.get("media_type"), "needs_checking": 0,
    }  # fmt: skip
    if "error" in record:
        row |= {"error_type": record["error"].get("type"), "error_message": record["error"].get("message")}
        return row, [], []
    letter, check = record.get("letter") or {}, record.get("check") or {}
    appointment = letter.get("appointment") or {}
    situation = check.get("situation") or {}
    reasons = campaign.get("needs_checking") or []
    row |= {
        "type": letter.get("type"), "is_wfi_summons": _int(letter.get("is_wfi_summons")),
        "attendance": letter.get("attendance"), "sanction_language": _int(letter.get("sanction_language")),
        "esa_group_stated": letter.get("esa_group_stated"), "office": campaign.get("office"),
        "office_raw": letter.get("office"), "letter_date": letter.get("letter_date"),
        "appointment_date": appointment.get("date"), "appointment_time": appointment.get("time"),
        "verdict": check.get("verdict"), "needs_checking": int(bool(reasons)),
        "needs_checking_reasons": "; ".join(reasons) or None, "text_source": source.get("text_source"),
        "ocr_confidence": source.get("ocr_confidence"), "region": campaign.get("region"),
        "benefit": situation.get("benefit"), "situation_group": situation.get("group"),
        "reasons": "; ".join(r.get("code", "") for r in check.get("reasons") or []) or None,
        "threatening_wfi": int(
            bool(letter.get("is_wfi_summons")) and letter.get("attendance") == "mandatory"
            and bool(letter.get("sanction_language"))
        ),
    }  # fmt: skip
    evidence = [
        (name, e.get("label"), e.get("text"), e.get("page"), e.get("start"), e.get("end"))
        for e in letter.get("evidence") or []
    ]
    # The letter's warnings and the rules' own (a date outside the rulebook, an unknown flag), each once.
    every = [*(record.get("warnings") or []), *(check.get("warnings") or [])]
    warnings = [(name, w) for w in dict.fromkeys(every)]
    return row, evidence, warnings


def _int(value: Any) -> int | None:
    return None if value is None else int(bool(value))


def add_record(connection: sqlite3.Connection, record: dict[str, Any]) -> None:
    """Write one record (replacing any earlier row of that name) in one transaction."""
    with _transaction(connection):
        _insert(connection, record)


def _insert(connection: sqlite3.Connection, record: dict[str, Any]) -> None:
    row, evidence, warnings = _rows(record)
    for table in ("letters", "evidence", "warnings"):
        connection.execute(f"DELETE FROM {table} WHERE name = ?", (row["name"],))
    connection.execute(
        f"INSERT INTO letters ({', '.join(LETTER_COLUMNS)}) VALUES ({', '.join('?' * len(LETTER_COLUMNS))})",
        [row[c] for c in LETTER_COLUMNS],
    )
    connection.executemany(
        'INSERT INTO evidence (name, label, text, page, start, "end") VALUES (?,?,?,?,?,?)', evidence
    )
    connection.executemany("INSERT INTO warnings (name, text) VALUES (?, ?)", warnings)


def sync(connection: sqlite3.Connection, records: Iterable[dict[str, Any]]) -> None:
    """Make the database hold exactly these records (the results file, after a kill): add missing, drop extra."""
    by_name = {r["source"]["name"]: r for r in records}
    have = {name for (name,) in connection.execute("SELECT name FROM letters")}
    with _transaction(connection):
        for name in have - set(by_name):
            for table in ("letters", "evidence", "warnings"):
                connection.execute(f"DELETE FROM {table} WHERE name = ?", (name,))
        # Evidence or warnings whose letter row never committed cannot exist (one transaction each), but
        # a database from elsewhere might hold them: they go too.
        for table in ("evidence", "warnings"):
            connection.execute(f"DELETE FROM {table} WHERE name NOT IN (SELECT name FROM letters)")
        for name in sorted(set(by_name) - have):
            _insert(connection, by_name[name])


def finish(connection: sqlite3.Connection) -> None:
    """Give every letter its office's canonical name, misreadings of one office clustered across the batch."""
    raws = [
        raw for (raw,) in connection.execute("SELECT office_raw FROM letters WHERE office_raw IS NOT NULL")
    ]
    canonical = cluster_offices(raws)
    with _transaction(connection):
        connection.execute("UPDATE letters SET office = NULL")
        connection.executemany(
            "UPDATE letters SET office = ? WHERE office_raw = ?", [(v, k) for k, v in canonical.items()]
        )
