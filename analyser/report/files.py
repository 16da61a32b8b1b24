"""Write the report's files: the HTML page, its summary CSV and the per-letter CSV, all from one database."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from analyser.batch.db import LETTER_COLUMNS
from analyser.report.figures import Figures, figures, open_results
from analyser.report.html import render_html

__all__ = ["write_report", "write_letters_csv", "summary_csv_path", "CSV_COLUMNS"]

CSV_COLUMNS = (*LETTER_COLUMNS, "warnings")
# Spreadsheets run a cell starting with these as a formula; letter text must never become one.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def summary_csv_path(html_path: Path, csv_path: Path | None = None) -> Path:
    """Where the summary CSV goes: next to the HTML, named like it, never over the per-letter CSV."""
    path = html_path.with_suffix(".csv")
    if csv_path is not None and path.resolve() == csv_path.resolve():
        path = html_path.with_name(f"{html_path.stem}-summary.csv")
    return path


def write_report(
    results_jsonl: Path,
    html_path: Path,
    csv_path: Path | None = None,
    *,
    db: Path | None = None,
    redacted: bool = False,
) -> None:
    """The HTML report, its summary CSV next to it, and (if csv_path) the per-letter CSV."""
    connection = open_results(results_jsonl, db)
    try:
        data = figures(connection)
        html_path.parent.mkdir(parents=True, exist_ok=True)
        html_path.write_text(render_html(data, results_jsonl.name, redacted), encoding="utf-8")
        _write_csv(summary_csv_path(html_path, csv_path), ("table", "key", "count"), _summary_rows(data))
        if csv_path is not None:
            _write_csv(csv_path, CSV_COLUMNS, _letter_rows(connection))
    finally:
        connection.close()


def write_letters_csv(results_jsonl: Path, csv_path: Path, *, db: Path | None = None) -> None:
    """One CSV row per letter (and per error record) of a batch."""
    connection = open_results(results_jsonl, db)
    try:
        _write_csv(csv_path, CSV_COLUMNS, _letter_rows(connection))
    finally:
        connection.close()


def _letter_rows(connection: Any) -> Iterable[dict[str, Any]]:
    columns = ", ".join(LETTER_COLUMNS)
    cursor = connection.execute(
        f"SELECT {columns}, (SELECT group_concat(text, ' | ') FROM warnings w WHERE w.name = l.name)"
        " FROM letters l ORDER BY name"
    )
    for row in cursor:
        yield dict(zip(CSV_COLUMNS, row, strict=True))


def _summary_rows(data: Figures) -> Iterable[dict[str, Any]]:
    for key, count in {**data.headline, **data.totals}.items():
        yield {"table": "totals", "key": key, "count": count}
    for table, counts in data.breakdowns.items():
        yield from ({"table": table, "key": key, "count": count} for key, count in counts)
    for table, rows, key in (
        ("by office", data.offices, "office"), ("by region", data.regions, "region"),
        ("by year", data.years, "period"), ("by month", data.months, "period"),
    ):  # fmt: skip
        for row in rows:
            for measure in ("letters", "wfi", "threatening", "likely_wrongful"):
                yield {"table": f"{measure} {table}", "key": row[key], "count": row[measure]}


def _write_csv(path: Path, columns: Iterable[str], rows: Iterable[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value
