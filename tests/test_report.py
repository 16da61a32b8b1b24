"""The report: headline, doubts, copies, offices and months, evidence anchors and CSVs, from a results file alone."""

from __future__ import annotations

import csv
import itertools
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from analyser.report import THREATENING_WFI, summary_csv_path, write_letters_csv, write_report


def result(name: str, *, office: str | None, date: str | None, wfi: bool = True, mandatory: bool = True,
           threat: str | None = "your benefit may be reduced", verdict: str | None = None) -> dict:  # fmt: skip
    """A result record as analyse_file writes it, with only the findings the report reads."""
    evidence = [{"label": "mandatory", "text": "you must take part", "page": 1, "start": 0, "end": 18}]
    if threat:
        evidence.append(
            {"label": "sanction", "text": threat, "page": 1, "start": 40, "end": 40 + len(threat)}
        )
    check = None
    if verdict:
        check = {
            "situation": {"benefit": "esa", "group": "support_group", "flags": {}},
            "verdict": verdict,
            "reasons": [{"code": "ESA_SUPPORT_GROUP_NO_WFI", "text": "The support group need not attend.",
                         "source": "ESA Regulations 2008 reg 54"}],
        }  # fmt: skip
    return {
        "schema": "letter-analysis/1",
        "source": {
            "name": name,
            "sha256": name * 2,
            "media_type": "text/plain",
            "pages": 1,
            "text_source": "text",
        },
        "letter": {
            "type": "wfi" if wfi else "wca",
            "type_confidence": 0.9,
            "is_wfi_summons": wfi,
            "attendance": "mandatory" if mandatory else "voluntary",
            "sanction_language": threat is not None,
            "benefits_mentioned": ["esa"],
            "office": office,
            "letter_date": date,
            "appointment": {"date": "2014-11-14", "time": "10:30", "place": None, "phone": False},
            "evidence": evidence,
        },
        "check": check,
        "warnings": [],
    }


def error(name: str) -> dict:
    return {
        "source": {"name": name, "sha256": "0" * 64, "media_type": None},
        "error": {"type": "EncryptedPdf", "message": "This PDF is protected by a password."},
    }


def write_results(path: Path, records: list[dict], torn_tail: str = "") -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + torn_tail, encoding="utf-8")
    return path


RECORDS = [
    result("a.txt", office="Ipswich Jobcentre Plus", date="2014-11-03"),
    result(
        "b.txt", office="Ipswich Jobcentre Plus", date="2014-11-20", threat="Your benefit may be reduced."
    ),
    result("c.txt", office="Leeds Jobcentre Plus", date="2015-01-05", threat="we may stop your benefit"),
    result("d.txt", office="Leeds Jobcentre Plus", date="2015-01-09", mandatory=False),
    result("e.txt", office=None, date=None, wfi=False, threat=None),
    error("broken.pdf"),
]


class Parsed(HTMLParser):
    """Ids, links, tags and text of a page, to check it without string matching on markup."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.tags: set[str] = set()
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a":
            self.links.append(attributes["href"])

    def handle_data(self, data):
        self.text.append(data)


def words(html: str) -> str:
    return " ".join(" ".join(Parsed(html).text).split())


def test_report_counts_letters_threats_and_campaign_letters(tmp_path):
    html_path = tmp_path / "report.html"
    write_report(write_results(tmp_path / "r.jsonl", RECORDS), html_path)
    html = html_path.read_text(encoding="utf-8")
    page, text = Parsed(html), words(html)
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    assert {"svg", "rect", "main", "header", "nav", "footer", "desc"} <= page.tags
    for label, count in [("letters counted", 5), ("files with errors", 1), (THREATENING_WFI, 3)]:
        assert f"{label} {count}" in text
    # Every letter in the table links to its own evidence section, and each section exists.
    assert {f"#letter-{i}" for i in range(1, 6)} <= set(page.links)
    assert {f"letter-{i}" for i in range(1, 6)} <= page.ids
    assert "Ipswich 2 2 2 2014-11-03 2014-11-20" in text and "Leeds 2 2 1 2015-01-05 2015-01-09" in text
    assert "2014-11: 2" in text and "2015-01: 1" in text  # bar tooltips, one per month
    assert "2014-12 0 0 0" in text  # an empty month between two is shown, not skipped
    assert "likely wrongful" not in text.split("How these figures")[0]  # no situations: nothing judged


def test_likely_wrongful_chart_appears_when_letters_were_judged(tmp_path):
    records = [
        result("a.txt", office="Ipswich Jobcentre Plus", date="2014-11-03", verdict="likely_wrongful"),
        result("b.txt", office="Leeds Jobcentre Plus", date="2014-12-01", verdict="no_concern"),
    ]
    html_path = tmp_path / "report.html"
    write_report(write_results(tmp_path / "r.jsonl", records), html_path)
    html = html_path.read_text(encoding="utf-8")
    assert "Likely wrongful demands, by month" in html and "<title>2014-11: 1</title>" in html
    assert "likely wrongful 1" in words(html)


def test_copies_are_listed_together_and_doubts_shown_with_their_warnings(tmp_path):
    first = result("a.pdf", office="Ipswich Jobcentre Plus", date="2014-11-03", verdict="likely_wrongful")
    copy = result("b.jpg", office="Ipswich Jobcentre", date="2014-11-03", verdict="likely_wrongful")
    copy["duplicate_of"] = "a.pdf"
    doubtful = result("c.pdf", office="IPSWICH JOBCENTRE PLUS", date="2014-11-05", verdict="likely_wrongful")
    doubtful["source"]["ocr_confidence"] = 0.41
    doubtful["warnings"] = ["low OCR confidence on page 1"]
    html_path = tmp_path / "report.html"
    write_report(write_results(tmp_path / "r.jsonl", [first, copy, doubtful]), html_path)
    text = words(html_path.read_text(encoding="utf-8"))
    assert "likely wrongful 1" in text and "letters that need checking 1" in text
    assert "c.pdf wfi likely_wrongful Ipswich low OCR confidence (0.41)" in text
    assert "a.pdf b.jpg 1" in text  # the copy listed under the first
    assert "low OCR confidence on page 1" in text.split("Every letter read")[1]  # the warning, on its row
    assert "Ipswich 1 1 1 1 2014-11-03 2014-11-03" in text  # three spellings, one office


def test_summary_and_letter_csvs(tmp_path):
    results = write_results(tmp_path / "r.jsonl", RECORDS, torn_tail='{"source": {"na')
    html_path, letters_csv = tmp_path / "report.html", tmp_path / "letters.csv"
    write_report(results, html_path, letters_csv)
    with (tmp_path / "report.csv").open(newline="", encoding="utf-8") as handle:
        summary = {(row["table"], row["key"]): int(row["count"]) for row in csv.DictReader(handle)}
    assert summary[("totals", "letters counted")] == 5
    assert summary[("letter type", "wfi")] == 4
    assert summary[("attendance", "voluntary")] == 1
    assert summary[("verdict", "no situation given")] == 5
    assert summary[("threatening by office", "Ipswich")] == 2
    assert summary[("error type", "EncryptedPdf")] == 1
    with letters_csv.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["name"] for row in rows] == ["a.txt", "b.txt", "broken.pdf", "c.txt", "d.txt", "e.txt"]
    assert rows[0]["threatening_wfi"] == "1" and rows[4]["threatening_wfi"] == "0"
    assert rows[2]["error_type"] == "EncryptedPdf"


def test_summary_csv_never_overwrites_the_letters_csv(tmp_path):
    assert summary_csv_path(tmp_path / "report.html") == tmp_path / "report.csv"
    assert (
        summary_csv_path(tmp_path / "report.html", tmp_path / "report.csv") == tmp_path / "report-summary.csv"
    )


def test_letter_text_cannot_inject_markup_or_formulas(tmp_path):
    records = [
        result("x.txt", office="<script>alert(1)</script>", date="2014-11-03", threat="=HYPERLINK(1)"),
        result("y.txt", office="=cmd|' /C calc'!A0", date="2014-11-03"),
    ]
    results = write_results(tmp_path / "r.jsonl", records)
    write_report(results, tmp_path / "report.html")
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    write_letters_csv(results, tmp_path / "letters.csv")
    with (tmp_path / "letters.csv").open(newline="", encoding="utf-8") as handle:
        offices = [row["office_raw"] for row in csv.DictReader(handle)]
    assert offices == ["<script>alert(1)</script>", "'=cmd|' /C calc'!A0"]


def test_the_charts_summary_gives_the_span_of_its_own_letters_and_every_tied_peak():
    # A campaign quoting "since when" read 2011 (the first letter of any kind) for wrongful demands
    # that began in 2014, and one peak year where three tied.
    from analyser.report.chart import time_chart

    wrongful = {"2014-06", "2021-03", "2024-11"}
    months = [
        {"period": f"{year}-{month:02d}", "wrongful": int(f"{year}-{month:02d}" in wrongful)}
        for year in range(2011, 2025)
        for month in range(1, 13)
    ]
    summary = time_chart(months, "wrongful", "Likely wrongful demands").summary

    assert "3 letters from 2014 to 2024" in summary
    assert "the most in one year was 1 (2014, 2021, 2024)" in summary


@pytest.mark.parametrize("count", [2, 7, 13, 24, 36, 120])
def test_chart_labels_shown_on_a_phone_never_overlap(count):
    from analyser.report.chart import PHONE_LABEL_WIDTH, time_chart

    months = [{"period": f"{2014 + i // 12}-{i % 12 + 1:02}", "wrongful": i % 5} for i in range(count)]
    labels = time_chart(months, "wrongful", "Likely wrongful demands").labels
    shown = [label["x"] for label in labels if not label["minor"]]

    assert shown and shown[0] == labels[0]["x"]
    assert all(b - a >= PHONE_LABEL_WIDTH for a, b in itertools.pairwise(shown))
