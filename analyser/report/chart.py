"""Geometry of the report's time chart (one bar per month or per year); the template draws it as SVG."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

__all__ = ["TimeChart", "time_chart", "MONTHS_PER_CHART"]

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, BOTTOM, TOP = 52, 24, 28, 12
LABEL_WIDTH = 44  # pixels a period label needs, so labels never overlap
# On a phone the chart shrinks to about 0.58 of its width, so the page draws its text at 20 px (about
# 11.5 px on the screen) and shows only the labels this far apart: the rest are "minor" and hidden there.
PHONE_LABEL_WIDTH = 84
MONTHS_PER_CHART = 36  # longer spans are drawn by year: monthly bars would be hairlines


@dataclass
class TimeChart:
    """Bars, axis labels and a one-sentence text alternative of a count over time."""

    title: str
    summary: str
    width: int = WIDTH
    height: int = HEIGHT
    bars: list[dict[str, Any]] = field(default_factory=list)
    labels: list[dict[str, Any]] = field(default_factory=list)
    ticks: list[dict[str, Any]] = field(default_factory=list)
    baseline: int = HEIGHT - BOTTOM
    left: int = LEFT


def _by_year(months: list[dict[str, Any]], measure: str) -> list[tuple[str, int]]:
    totals: dict[str, int] = {}
    for month in months:
        totals[month["period"][:4]] = totals.get(month["period"][:4], 0) + int(month[measure])
    return list(totals.items())


def time_chart(months: list[dict[str, Any]], measure: str, title: str) -> TimeChart:
    """Bars of `measure` per month (per year over long spans); the span and the peak said in words."""
    if not months:
        return TimeChart(title, f"{title}: no dated letters.")
    by_year = len(months) > MONTHS_PER_CHART
    unit = "year" if by_year else "month"
    points = _by_year(months, measure) if by_year else [(m["period"], int(m[measure])) for m in months]
    title = f"{title}, by {unit}"
    values = [value for _, value in points]
    total, top = sum(values), max(values)
    # The span of this measure's own letters (the chart's axis runs over every dated letter), and every
    # period tied for the most: "since when" is what a campaign quotes.
    counted = [period for period, value in points if value]
    peaks = [period for period, value in points if value == top]
    named = ", ".join(peaks[:3]) + (f" and {len(peaks) - 3} more" if len(peaks) > 3 else "")
    summary = (
        f"{title}: {total} letter{'' if total == 1 else 's'}"
        + (
            f" from {counted[0]} to {counted[-1]}"
            if len(counted) > 1
            else f" in {counted[0]}"
            if counted
            else ""
        )
        + (f"; the most in one {unit} was {top} ({named})" if top else "")
        + ". The tables below give every year and month."
    )
    chart = TimeChart(title, summary)
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - BOTTOM - TOP
    step = plot_width / len(points)
    every = max(1, math.ceil(LABEL_WIDTH / step))
    every_on_a_phone = every * math.ceil(math.ceil(PHONE_LABEL_WIDTH / step) / every)
    scale = plot_height / top if top else 0
    for index, (period, value) in enumerate(points):
        x = LEFT + index * step
        height = round(value * scale, 1)
        chart.bars.append(
            {"x": round(x + step * 0.1, 1), "width": round(max(step * 0.8, 1), 1), "y": round(chart.baseline - height, 1),
             "height": height, "label": f"{period}: {value}"}
        )  # fmt: skip
        if index % every == 0:
            minor = index % every_on_a_phone != 0
            chart.labels.append({"x": round(x + step / 2, 1), "text": period, "minor": minor})
    for tick in sorted({0, top // 2, top}) if top else [0]:
        chart.ticks.append({"y": round(chart.baseline - tick * scale, 1), "text": str(tick)})
    return chart
