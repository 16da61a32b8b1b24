"""A batch's results as a publishable HTML report (Jinja, inline SVG, no scripts) and CSVs, from its SQLite tables."""

from analyser.report.figures import THREATENING_WFI, Figures, figures, open_results
from analyser.report.files import CSV_COLUMNS, summary_csv_path, write_letters_csv, write_report
from analyser.report.html import render_html

__all__ = [
    "THREATENING_WFI", "Figures", "figures", "open_results", "CSV_COLUMNS", "summary_csv_path",
    "write_letters_csv", "write_report", "render_html",
]  # fmt: skip
