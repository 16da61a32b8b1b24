"""Geometry of the report's time chart (bars per month); the template draws it as SVG."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["TimeChart", "time_chart"]

WIDTH, HEIGHT = 640, 220
LEFT, BOTTOM, TOP = 36, 28, 12


@dataclass
class TimeChart:
    """Bars, axis labels and a one-sentence text alternative of a monthly count."""

    title: str
    summary: str
    width: int = WIDTH
    height: int = HEIGHT
    bars: list[dict[str, Any]] = field(default_factory=list)
    years: list[dict[str, Any]] = field(default_factory=list)
    ticks: list[dict[str, Any]] = field(default_factory=list)
    baseline: int = HEIGHT - BOTTOM


def time_chart(months: list[dict[str, Any]], measure: str, title: str) -> TimeChart:
    """One bar per month of `measure`; years marked on the axis; the peak and span said in words."""
    values = [int(m[measure]) for m in months]
    total, top = sum(values), max(values, default=0)
    if not months:
        return TimeChart(title, f"{title}: no dated letters.")
    peak = months[values.index(top)]["period"]
    summary = (
        f"{title}: {total} letters from {months[0]['period']} to {months[-1]['period']}; "
        f"the most in one month was {top} ({peak}). The table below gives every month."
    )
    chart = TimeChart(title, summary)
    plot_width, plot_height = WIDTH - LEFT - 8, HEIGHT - BOTTOM - TOP
    step = plot_width / len(months)
    scale = plot_height / top if top else 0
    for index, (month, value) in enumerate(zip(months, values, strict=True)):
        x = LEFT + index * step
        height = round(value * scale, 1)
        chart.bars.append(
            {"x": round(x + step * 0.1, 1), "width": round(max(step * 0.8, 1), 1), "y": round(chart.baseline - height, 1),
             "height": height, "label": f"{month['period']}: {value}"}
        )  # fmt: skip
        if month["period"].endswith("-01") or index == 0:
            chart.years.append({"x": round(x, 1), "text": month["period"][:4]})
    for tick in sorted({0, top // 2, top}) if top else [0]:
        chart.ticks.append({"y": round(chart.baseline - tick * scale, 1), "text": str(tick)})
    return chart
