"""A batch's results file as a self-contained HTML report (inline SVG charts, no scripts) and CSVs."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

__all__ = ["ReportData", "load_records", "summarise", "write_letters_csv", "write_report", "LETTER_COLUMNS"]

LETTER_COLUMNS = (
    "name", "sha256", "page", "media_type", "error_type", "error_message",
    "type", "type_confidence", "is_wfi_summons", "attendance", "sanction_language", "is_threatening_wfi",
    "benefits_mentioned", "esa_group_stated", "office", "letter_date", "appointment_date", "appointment_time",
    "benefit", "group", "verdict", "reasons", "warnings", "judged_at", "conflicts",
)  # fmt: skip
THREATENING_WFI = "WFI summonses with mandatory attendance and threats"
NO_SITUATION = "no situation given"
UNKNOWN_OFFICE = "office not found"
UNKNOWN_MONTH = "date not found"
TOP_THREATS = 15
TOP_BARS = 25
# Spreadsheets run a cell starting with these as a formula; letter text must never become one.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class ReportData:
    """Every count the report shows, from the results file alone."""

    letters: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    by_type: Counter[str] = field(default_factory=Counter)
    by_verdict: Counter[str] = field(default_factory=Counter)
    by_attendance: Counter[str] = field(default_factory=Counter)
    by_sanction: Counter[str] = field(default_factory=Counter)
    by_error: Counter[str] = field(default_factory=Counter)
    threatening_by_office: Counter[str] = field(default_factory=Counter)
    threatening_by_month: Counter[str] = field(default_factory=Counter)
    wrongful_by_office: Counter[str] = field(default_factory=Counter)
    wrongful_by_month: Counter[str] = field(default_factory=Counter)
    threats: Counter[str] = field(default_factory=Counter)
    has_checks: bool = False

    def totals(self) -> dict[str, int]:
        """The headline numbers."""
        return {
            "letters read": len(self.letters),
            "files with errors": len(self.errors),
            "work-focused interview summonses": sum(
                1 for r in self.letters if r["letter"].get("is_wfi_summons")
            ),
            THREATENING_WFI: sum(self.threatening_by_office.values()),
            "likely wrongful": self.by_verdict.get("likely_wrongful", 0),
        }

    def tables(self) -> dict[str, Counter[str]]:
        """Every counted breakdown, by the name the report and the summary CSV give it."""
        tables = {
            "letter type": self.by_type,
            "verdict": self.by_verdict,
            "attendance": self.by_attendance,
            "sanction language": self.by_sanction,
            "error type": self.by_error,
            f"{THREATENING_WFI} by office": self.threatening_by_office,
            f"{THREATENING_WFI} by month": self.threatening_by_month,
        }
        if self.has_checks:
            tables["likely wrongful by office"] = self.wrongful_by_office
            tables["likely wrongful by month"] = self.wrongful_by_month
        tables["threat phrases (letters using each)"] = self.threats
        return tables


def load_records(results_jsonl: Path) -> list[dict[str, Any]]:
    """Every record of a results file, in name order; lines that are not JSON (a torn last line) are skipped."""
    records = []
    with results_jsonl.open(encoding="utf-8") as handle:
        for line in handle:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and isinstance(record.get("source"), dict):
                records.append(record)
    return sorted(records, key=lambda r: (str(r["source"].get("name")), r["source"].get("page") or 0))


def is_threatening_wfi(letter: dict[str, Any]) -> bool:
    """The campaign's count: a WFI summons that says attendance is mandatory and threatens benefit."""
    return (
        bool(letter.get("is_wfi_summons"))
        and letter.get("attendance") == "mandatory"
        and bool(letter.get("sanction_language"))
    )


def summarise(records: Iterable[dict[str, Any]]) -> ReportData:
    """Count results and errors into the report's tables."""
    data = ReportData()
    for record in records:
        if "error" in record:
            data.errors.append(record)
            data.by_error[record["error"].get("type", "unknown")] += 1
            continue
        data.letters.append(record)
        letter, check = record["letter"], record.get("check")
        office = letter.get("office") or UNKNOWN_OFFICE
        month = (letter.get("letter_date") or "")[:7] or UNKNOWN_MONTH
        data.by_type[letter.get("type", "other")] += 1
        data.by_verdict[check["verdict"] if check else NO_SITUATION] += 1
        data.by_attendance[letter.get("attendance", "none")] += 1
        data.by_sanction["yes" if letter.get("sanction_language") else "no"] += 1
        if is_threatening_wfi(letter):
            data.threatening_by_office[office] += 1
            data.threatening_by_month[month] += 1
        if check:
            data.has_checks = True
            if check["verdict"] == "likely_wrongful":
                data.wrongful_by_office[office] += 1
                data.wrongful_by_month[month] += 1
        data.threats.update(
            {
                _phrase(e["text"])
                for e in letter.get("evidence", [])
                if e.get("label") == "sanction" and e.get("text")
            }
        )
    return data


def _phrase(text: str) -> str:
    """Evidence text as a comparable phrase: lower case, one space between words, no end punctuation."""
    return re.sub(r"\s+", " ", text).strip(" .,;:!?\"'").lower()


def letter_row(record: dict[str, Any]) -> dict[str, Any]:
    """One CSV row for a result or an error record."""
    source = record["source"]
    row: dict[str, Any] = {
        "name": source.get("name"),
        "sha256": source.get("sha256"),
        "page": source.get("page"),
        "media_type": source.get("media_type"),
    }
    if "error" in record:
        return row | {
            "error_type": record["error"].get("type"),
            "error_message": record["error"].get("message"),
        }
    letter, check = record["letter"], record.get("check") or {}
    appointment = letter.get("appointment") or {}
    situation = check.get("situation") or {}
    return row | {
        "type": letter.get("type"),
        "type_confidence": letter.get("type_confidence"),
        "is_wfi_summons": letter.get("is_wfi_summons"),
        "attendance": letter.get("attendance"),
        "sanction_language": letter.get("sanction_language"),
        "is_threatening_wfi": is_threatening_wfi(letter),
        "benefits_mentioned": ";".join(letter.get("benefits_mentioned") or []),
        "esa_group_stated": letter.get("esa_group_stated"),
        "office": letter.get("office"),
        "letter_date": letter.get("letter_date"),
        "appointment_date": appointment.get("date"),
        "appointment_time": appointment.get("time"),
        "benefit": situation.get("benefit"),
        "group": situation.get("group"),
        "verdict": check.get("verdict"),
        "reasons": ";".join(reason["code"] for reason in check.get("reasons") or []),
        "warnings": " | ".join(record.get("warnings") or []),
        "judged_at": (check.get("judged_at") or {}).get("date"),
        "conflicts": ";".join(conflict["code"] for conflict in check.get("conflicts") or []),
    }


def write_letters_csv(results_jsonl: Path, csv_path: Path) -> None:
    """One CSV row per letter (and per error record) of a results file."""
    _write_csv(csv_path, LETTER_COLUMNS, (letter_row(r) for r in load_records(results_jsonl)))


def summary_csv_path(html_path: Path, csv_path: Path | None = None) -> Path:
    """Where the summary CSV goes: next to the HTML, named like it, never over the per-letter CSV."""
    path = html_path.with_suffix(".csv")
    if csv_path is not None and path.resolve() == csv_path.resolve():
        path = html_path.with_name(f"{html_path.stem}-summary.csv")
    return path


def write_report(results_jsonl: Path, html_path: Path, csv_path: Path | None = None) -> None:
    """The HTML report, its summary CSV next to it, and (if csv_path) the per-letter CSV."""
    records = load_records(results_jsonl)
    data = summarise(records)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    html_path.write_text(render_html(data, results_jsonl.name), encoding="utf-8")
    summary_rows = [{"table": "totals", "key": k, "count": v} for k, v in data.totals().items()]
    for table, counts in data.tables().items():
        rows = _ordered(counts, by_month=table.endswith("by month"))
        summary_rows.extend({"table": table, "key": k, "count": v} for k, v in rows)
    _write_csv(summary_csv_path(html_path, csv_path), ("table", "key", "count"), summary_rows)
    if csv_path is not None:
        _write_csv(csv_path, LETTER_COLUMNS, (letter_row(r) for r in records))


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


def _ordered(counts: Counter[str], by_month: bool = False) -> list[tuple[str, int]]:
    """Months in time order (unknown last); everything else most frequent first, then by name."""
    if by_month:
        return sorted(counts.items(), key=lambda kv: (kv[0] == UNKNOWN_MONTH, kv[0]))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def render_html(data: ReportData, results_name: str) -> str:
    """The whole report page: plain HTML and CSS, charts as inline SVG, nothing fetched, no scripts."""
    totals = "".join(
        f"<tr><th scope='row'>{escape(k)}</th><td>{v}</td></tr>" for k, v in data.totals().items()
    )
    breakdowns = "".join(
        _count_table(name, data.tables()[name])
        for name in ("letter type", "verdict", "attendance", "sanction language", "error type")
    )
    charts = [
        (f"{THREATENING_WFI}, by office", data.threatening_by_office, False),
        (f"{THREATENING_WFI}, by month", data.threatening_by_month, True),
    ]
    if data.has_checks:
        charts += [
            ("Likely wrongful, by office", data.wrongful_by_office, False),
            ("Likely wrongful, by month", data.wrongful_by_month, True),
        ]
    # Months stay in time order and all shown; offices are cut to the busiest.
    chart_html = "".join(
        f"<figure><figcaption>{escape(title)}</figcaption>"
        f"{bar_chart(_ordered(counts, by_month)[: None if by_month else TOP_BARS], title)}</figure>"
        for title, counts, by_month in charts
    )
    return _PAGE.format(
        title="Letters report",
        source=escape(results_name),
        totals=totals,
        breakdowns=breakdowns,
        charts=chart_html,
        threats=_threats(data),
        letters=_letters_table(data.letters),
        evidence="".join(_evidence_section(i, r) for i, r in enumerate(data.letters, 1)),
        errors=_errors_table(data.errors),
    )


def _count_table(name: str, counts: Counter[str]) -> str:
    rows = "".join(f"<tr><td>{escape(k)}</td><td>{v}</td></tr>" for k, v in _ordered(counts))
    body = rows or "<tr><td colspan='2'>none</td></tr>"
    return f"<table><caption>By {escape(name)}</caption><tr><th>{escape(name)}</th><th>letters</th></tr>{body}</table>"


def bar_chart(items: list[tuple[str, int]], title: str) -> str:
    """A horizontal bar chart as inline SVG: one labelled bar per item, its count at the end."""
    if not items:
        return "<p>None.</p>"
    label_width, bar_width, row_height = 260, 360, 22
    top = max(count for _, count in items)
    rows = []
    for index, (label, count) in enumerate(items):
        y = index * row_height
        width = max(1, round(bar_width * count / top))
        short = label if len(label) <= 40 else label[:39] + "…"
        rows.append(
            f"<text x='{label_width - 6}' y='{y + 15}' text-anchor='end'>{escape(short)}</text>"
            f"<rect x='{label_width}' y='{y + 3}' width='{width}' height='{row_height - 6}'>"
            f"<title>{escape(label)}: {count}</title></rect>"
            f"<text x='{label_width + width + 4}' y='{y + 15}'>{count}</text>"
        )
    height = row_height * len(items)
    return (
        f"<svg class='chart' role='img' aria-label='{escape(title)}' xmlns='http://www.w3.org/2000/svg' "
        f"width='{label_width + bar_width + 50}' height='{height}' viewBox='0 0 {label_width + bar_width + 50} {height}'>"
        f"{''.join(rows)}</svg>"
    )


def _threats(data: ReportData) -> str:
    if not data.threats:
        return "<p>No letter threatened benefit.</p>"
    rows = "".join(
        f"<tr><td>“{escape(phrase)}”</td><td>{count}</td></tr>"
        for phrase, count in data.threats.most_common(TOP_THREATS)
    )
    return f"<table><tr><th>threat (evidence labelled sanction)</th><th>letters</th></tr>{rows}</table>"


def _yes(value: Any) -> str:
    return "yes" if value else "no"


def _letters_table(letters: list[dict[str, Any]]) -> str:
    if not letters:
        return "<p>No letters were read.</p>"
    rows = []
    for index, record in enumerate(letters, 1):
        letter, check = record["letter"], record.get("check")
        rows.append(
            f"<tr><td><a href='#letter-{index}'>{escape(record['source']['name'])}</a></td>"
            f"<td>{escape(letter.get('type', ''))}</td><td>{_yes(letter.get('is_wfi_summons'))}</td>"
            f"<td>{escape(letter.get('attendance', ''))}</td><td>{_yes(letter.get('sanction_language'))}</td>"
            f"<td>{escape(check['verdict'] if check else NO_SITUATION)}</td>"
            f"<td>{escape(letter.get('office') or '')}</td><td>{escape(letter.get('letter_date') or '')}</td></tr>"
        )
    head = "<tr><th>letter</th><th>type</th><th>WFI</th><th>attendance</th><th>threat</th><th>verdict</th><th>office</th><th>date</th></tr>"
    return f"<table class='letters'>{head}{''.join(rows)}</table>"


def _evidence_section(index: int, record: dict[str, Any]) -> str:
    quotes = "".join(
        f"<li><span class='label'>{escape(e.get('label', ''))}</span> (page {e.get('page', '?')}): "
        f"<q>{escape(e.get('text', ''))}</q></li>"
        for e in record["letter"].get("evidence", [])
    )
    reasons = "".join(
        f"<li>{escape(reason.get('text', ''))} <small>({escape(reason.get('source', ''))})</small></li>"
        for reason in (record.get("check") or {}).get("reasons", [])
    )
    return (
        f"<section id='letter-{index}'><h3>{escape(record['source']['name'])}</h3>"
        f"<ul>{quotes or '<li>No evidence quoted.</li>'}</ul>"
        + (f"<p>Why:</p><ul>{reasons}</ul>" if reasons else "")
        + "<p><a href='#letters'>Back to the letters</a></p></section>"
    )


def _errors_table(errors: list[dict[str, Any]]) -> str:
    if not errors:
        return "<p>Every file was read.</p>"
    rows = "".join(
        f"<tr><td>{escape(str(r['source'].get('name')))}</td><td>{escape(r['error'].get('type', ''))}</td>"
        f"<td>{escape(r['error'].get('message', ''))}</td></tr>"
        for r in errors
    )
    return f"<table><tr><th>file</th><th>error</th><th>what to do</th></tr>{rows}</table>"


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #0b0c0c; }}
table {{ border-collapse: collapse; margin: 0 1.5rem 1.5rem 0; }}
th, td {{ border-bottom: 1px solid #b1b4b6; padding: .3rem .6rem; text-align: left; vertical-align: top; }}
caption {{ font-weight: bold; text-align: left; padding: .3rem 0; }}
.breakdowns {{ display: flex; flex-wrap: wrap; align-items: flex-start; }}
figure {{ margin: 0 0 1.5rem; }} figcaption {{ font-weight: bold; margin-bottom: .4rem; }}
svg.chart text {{ font-size: 12px; fill: #0b0c0c; }} svg.chart rect {{ fill: #1d70b8; }}
.label {{ font-family: monospace; background: #f3f2f1; padding: 0 .3rem; }}
section {{ border-top: 1px solid #b1b4b6; margin-top: 1rem; }}
section:target {{ background: #fff7bf; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>From the results file <code>{source}</code>.</p>
<h2 id="totals">Totals</h2>
<table>{totals}</table>
<div class="breakdowns">{breakdowns}</div>
<h2 id="charts">Where and when</h2>
{charts}
<h2 id="threats">What the letters had in common</h2>
<p>The threats to benefit the letters made most often, counting each letter once per phrase.</p>
{threats}
<h2 id="letters">Letters</h2>
{letters}
<h2 id="errors">Files that could not be read</h2>
{errors}
<h2 id="evidence">Evidence quoted from each letter</h2>
{evidence}
</body>
</html>
"""
