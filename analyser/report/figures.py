"""The report's figures, queried from the batch's SQLite tables: headline, doubts, copies, where and when."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analyser.batch import db as database
from analyser.batch.checking import needs_checking
from analyser.batch.offices import UNKNOWN_OFFICE, UNKNOWN_REGION, cluster_offices, region
from analyser.batch.output import read_records

__all__ = ["Figures", "open_results", "figures", "COUNTED", "THREATENING_WFI"]

THREATENING_WFI = "WFI summonses with mandatory attendance and threats"
# The letters the headline counts: read, not another copy of one already counted, nothing to check.
COUNTED = "error_type IS NULL AND duplicate_of IS NULL AND needs_checking = 0"
_MEASURES = (
    "count(*) AS letters, coalesce(sum(is_wfi_summons), 0) AS wfi, coalesce(sum(threatening_wfi), 0) AS threatening, "
    "coalesce(sum(verdict = 'likely_wrongful'), 0) AS likely_wrongful"
)


@dataclass
class Figures:
    """Everything the page and the summary CSV show."""

    totals: dict[str, int] = field(default_factory=dict)
    headline: dict[str, int] = field(default_factory=dict)
    has_checks: bool = False
    checking: list[dict[str, Any]] = field(default_factory=list)
    copies: list[dict[str, Any]] = field(default_factory=list)
    offices: list[dict[str, Any]] = field(default_factory=list)
    regions: list[dict[str, Any]] = field(default_factory=list)
    years: list[dict[str, Any]] = field(default_factory=list)
    months: list[dict[str, Any]] = field(default_factory=list)
    breakdowns: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    letters: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)


def open_results(results_jsonl: Path, db: Path | None = None) -> sqlite3.Connection:
    """The batch's database; or, without one, the results file loaded into one in memory (same tables)."""
    if db is not None and db.exists():
        return database.connect(db, fresh=False)
    connection = database.connect(":memory:", fresh=True)
    records = read_records(results_jsonl)
    for record in records:
        if "error" not in record and "campaign" not in record:  # written before offices and doubts were added
            raw = (record.get("letter") or {}).get("office")
            record["campaign"] = {
                "office": cluster_offices([raw]).get(raw) if raw else None,
                "region": region((record.get("letter") or {}).get("office_address")),
                "needs_checking": needs_checking(record),
            }
        database.add_record(connection, record)
    database.finish(connection)
    return connection


def _dicts(connection: sqlite3.Connection, sql: str, *args: Any) -> list[dict[str, Any]]:
    cursor = connection.execute(sql, args)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def figures(connection: sqlite3.Connection) -> Figures:
    """Every figure of the report, from the letters, evidence and warnings tables."""
    f = Figures()
    one = connection.execute(
        "SELECT count(*), coalesce(sum(error_type IS NOT NULL), 0), coalesce(sum(duplicate_of IS NOT NULL), 0),"
        " coalesce(sum(error_type IS NULL AND duplicate_of IS NULL AND needs_checking = 1), 0),"
        " coalesce(sum(verdict IS NOT NULL), 0) FROM letters"
    ).fetchone()
    f.totals = {
        "files read": one[0], "files with errors": one[1], "other copies of a letter already counted": one[2],
        "letters that need checking": one[3],
    }  # fmt: skip
    f.has_checks = one[4] > 0
    (h,) = _dicts(connection, f"SELECT {_MEASURES} FROM letters WHERE {COUNTED}")
    f.headline = {
        "letters counted": h["letters"], "work-focused interview summonses": h["wfi"], THREATENING_WFI: h["threatening"],
    }  # fmt: skip
    if f.has_checks:
        f.headline["likely wrongful"] = h["likely_wrongful"]
    f.checking = _dicts(
        connection,
        "SELECT name, type, verdict, office, letter_date, needs_checking_reasons AS reasons FROM letters"
        " WHERE error_type IS NULL AND duplicate_of IS NULL AND needs_checking = 1 ORDER BY name",
    )
    f.copies = _dicts(
        connection,
        "SELECT duplicate_of AS first, group_concat(name, ', ') AS others, count(*) AS n FROM"
        " (SELECT duplicate_of, name FROM letters WHERE duplicate_of IS NOT NULL ORDER BY name)"
        " GROUP BY duplicate_of ORDER BY duplicate_of",
    )
    f.offices = _dicts(
        connection,
        f"SELECT coalesce(office, '{UNKNOWN_OFFICE}') AS office, max(region) AS region, {_MEASURES},"
        " min(letter_date) AS first, max(letter_date) AS last, group_concat(DISTINCT office_raw) AS spellings"
        f" FROM letters WHERE {COUNTED} GROUP BY 1 ORDER BY letters DESC, office",
    )
    f.regions = _dicts(
        connection,
        f"SELECT coalesce(region, '{UNKNOWN_REGION}') AS region, {_MEASURES}, count(DISTINCT office) AS offices,"
        f" min(letter_date) AS first, max(letter_date) AS last FROM letters WHERE {COUNTED}"
        " GROUP BY 1 ORDER BY letters DESC, region",
    )
    f.years = _dicts(
        connection,
        f"SELECT coalesce(substr(letter_date, 1, 4), 'date not found') AS period, {_MEASURES}"
        f" FROM letters WHERE {COUNTED} GROUP BY 1 ORDER BY letter_date IS NULL, 1",
    )
    f.months = _months(_dicts(
        connection,
        f"SELECT substr(letter_date, 1, 7) AS period, {_MEASURES} FROM letters"
        f" WHERE {COUNTED} AND letter_date IS NOT NULL GROUP BY 1 ORDER BY 1",
    ))  # fmt: skip
    for title, column in (("letter type", "type"), ("attendance", "attendance"), ("verdict", "verdict")):
        f.breakdowns[title] = [
            (str(k if k is not None else "no situation given"), n)
            for k, n in connection.execute(
                f"SELECT {column}, count(*) FROM letters WHERE {COUNTED} GROUP BY 1 ORDER BY 2 DESC, 1"
            )
        ]
    f.breakdowns["error type"] = list(
        connection.execute(
            "SELECT error_type, count(*) FROM letters WHERE error_type IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1"
        )
    )
    f.letters = _letters(connection)
    f.errors = _dicts(
        connection,
        "SELECT name, error_type, error_message FROM letters WHERE error_type IS NOT NULL ORDER BY name",
    )
    return f


def _months(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every month from the first to the last letter, empty months included, so the time axis is honest."""
    if not rows:
        return []
    by_period = {r["period"]: r for r in rows}
    year, month = map(int, rows[0]["period"].split("-"))
    last = rows[-1]["period"]
    filled = []
    while True:
        period = f"{year:04d}-{month:02d}"
        filled.append(
            by_period.get(period)
            or {"period": period, "letters": 0, "wfi": 0, "threatening": 0, "likely_wrongful": 0}
        )
        if period >= last:
            return filled
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _letters(connection: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every letter read, with its status, every warning and its evidence."""
    letters = _dicts(connection, "SELECT * FROM letters WHERE error_type IS NULL ORDER BY name")
    warnings: dict[str, list[str]] = {}
    for name, text in connection.execute("SELECT name, text FROM warnings ORDER BY rowid"):
        warnings.setdefault(name, []).append(text)
    evidence: dict[str, list[dict[str, Any]]] = {}
    for row in _dicts(connection, "SELECT name, label, text, page FROM evidence ORDER BY rowid"):
        evidence.setdefault(row["name"], []).append(row)
    for index, letter in enumerate(letters, 1):
        letter["anchor"] = f"letter-{index}"
        letter["warnings"] = warnings.get(letter["name"], [])
        letter["evidence"] = evidence.get(letter["name"], [])
        if letter["duplicate_of"]:
            letter["status"] = f"copy of {letter['duplicate_of']}"
        elif letter["needs_checking"]:
            letter["status"] = "needs checking"
        else:
            letter["status"] = "counted"
    return letters
