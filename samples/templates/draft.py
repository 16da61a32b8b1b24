"""The Draft a skeleton returns: a letter's text with the labels its parts imply."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .asks import Appointment
from .layout import Ctx

# --------------------------------------------------------------------------------------------------
# Skeletons. Each returns a Draft whose labels come from the parts it chose.
# --------------------------------------------------------------------------------------------------


@dataclass
class Draft:
    ctx: Ctx
    text: str
    letter_type: str
    attendance: str
    sanction: bool
    appointment: Appointment | None
    office: str | None
    summary: str
    esa_group: str | None = None
    by_group: dict[str, str] | None = None
    tricky: list[str] = field(default_factory=list)


def d(year: int, month: int = 1, day: int = 1) -> dt.date:
    return dt.date(year, month, day)


def article(noun: str) -> str:
    return "an" if noun[0].lower() in "aeiou" else "a"
