"""Dates, times and identifiers written in the many styles real letters use."""

from __future__ import annotations

import datetime as dt
import random

from .pools import INWARD_LETTERS, LATEST, NINO_BANNED, NINO_FIRST, NINO_SECOND

# --------------------------------------------------------------------------------------------------
# Dates, times, identifiers
# --------------------------------------------------------------------------------------------------

DATE_STYLES = ["weekday_full", "day_month_year", "slash", "dots", "ordinal_no_year", "us", "weekday_no_year"]
YEARLESS = {"ordinal_no_year", "weekday_no_year"}
TIME_STYLES = ["colon_am", "dot_space_am", "compact", "24h"]


def ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def format_date(day: dt.date, style: str) -> str:
    month, weekday = day.strftime("%B"), day.strftime("%A")
    return {
        "weekday_full": f"{weekday} {day.day} {month} {day.year}",
        "day_month_year": f"{day.day} {month} {day.year}",
        "slash": day.strftime("%d/%m/%Y"),
        "dots": f"{day.day}.{day.month}.{day.strftime('%y')}",
        "ordinal_no_year": f"{ordinal(day.day)} {month}",
        "us": f"{month} {day.day}, {day.year}",
        "weekday_no_year": f"{weekday} {day.day} {month}",
        "ordinal_year": f"{ordinal(day.day)} {month} {day.year}",
    }[style]


def format_time(hour: int, minute: int, style: str) -> str:
    half = "am" if hour < 12 else "pm"
    h12 = hour % 12 or 12
    if style == "compact" and minute == 0:
        return f"{h12}{half}"
    if style == "dot_space_am":
        return f"{h12}.{minute:02d} {half}"
    if style == "24h":
        return f"{hour:02d}:{minute:02d}"
    return f"{h12}:{minute:02d}{half}"


def working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and (day.month, day.day) not in {(12, 25), (12, 26), (1, 1)}


def random_weekday(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    end = min(end, LATEST)
    while True:
        day = start + dt.timedelta(days=rng.randrange((end - start).days + 1))
        if working_day(day):
            return day


def later_weekday(rng: random.Random, after: dt.date, low: int = 5, high: int = 20) -> dt.date:
    options = [after + dt.timedelta(days=n) for n in range(low, high + 1)]
    return rng.choice([day for day in options if working_day(day)])


def invent_nino(rng: random.Random) -> str:
    while True:
        prefix = rng.choice(NINO_FIRST) + rng.choice(NINO_SECOND)
        if prefix not in NINO_BANNED:
            break
    digits = [f"{rng.randrange(100):02d}" for _ in range(3)]
    suffix = rng.choice("ABCD")
    return (
        f"{prefix} {' '.join(digits)} {suffix}"
        if rng.random() < 0.7
        else f"{prefix}{''.join(digits)}{suffix}"
    )


def invent_phone(rng: random.Random, freephone: bool = False) -> str:
    # Ofcom's ranges reserved for drama, so no real line is printed.
    if freephone:
        return f"0808 157 0{rng.randrange(1000):03d}"
    return f"01632 960 {rng.randrange(1000):03d}"


def capital(text: str) -> str:
    return text[0].upper() + text[1:]


def pick(rng: random.Random, weighted: dict[str, float]) -> str:
    return rng.choices(list(weighted), weights=list(weighted.values()))[0]


def invent_postcode(rng: random.Random, outward: str) -> str:
    return f"{outward} {rng.randrange(1, 10)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"
