"""The report page: the figures rendered through a Jinja template (autoescaped), no scripts, nothing fetched."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from analyser.batch.checking import LOW_CONFIDENCE
from analyser.batch.dedup import SIMILAR_TEXT
from analyser.report.chart import time_chart
from analyser.report.figures import THREATENING_WFI, Figures

__all__ = ["render_html"]

_ENVIRONMENT = Environment(
    loader=PackageLoader("analyser.report", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_html(figures: Figures, results_name: str, redacted: bool = False) -> str:
    """The whole report page as a string."""
    charts = []
    if figures.has_checks:
        charts.append(time_chart(figures.months, "likely_wrongful", "Likely wrongful demands"))
    charts.append(time_chart(figures.months, "threatening", THREATENING_WFI))
    return _ENVIRONMENT.get_template("report.html").render(
        f=figures,
        charts=charts,
        source=results_name,
        redacted=redacted,
        threatening=THREATENING_WFI,
        low_confidence=LOW_CONFIDENCE,
        similar_text=int(SIMILAR_TEXT * 100),
    )
