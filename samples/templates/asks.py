"""Appointments and obligation wording: what a letter asks and how firmly."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .formats import (
    DATE_STYLES,
    TIME_STYLES,
    YEARLESS,
    format_date,
    format_time,
    later_weekday,
    pick,
)
from .layout import Ctx
from .phrases import ASK_ONLY, MUST, NEGATED, THREATS, VOLUNTARY

# --------------------------------------------------------------------------------------------------
# Appointments and obligation wording
# --------------------------------------------------------------------------------------------------


@dataclass
class Appointment:
    day: dt.date
    hour: int
    minute: int
    place: str | None
    how: str  # in_person, phone, video, home
    when_text: str = ""
    time_text: str = ""

    def label(self) -> dict:
        return {
            "date": self.day.isoformat(),
            "time": f"{self.hour:02d}:{self.minute:02d}",
            "place": self.place,
            "phone": self.how == "phone",
        }


def make_appointment(ctx: Ctx, place: str | None, how: str = "in_person") -> Appointment:
    rng = ctx.rng
    day = later_weekday(rng, ctx.letter_date)
    hour, minute = rng.randrange(9, 16), rng.choice([0, 0, 15, 30, 45])
    styles = [s for s in DATE_STYLES if s not in YEARLESS or day.year == ctx.letter_date.year]
    appointment = Appointment(day, hour, minute, place if how in ("in_person", "home") else None, how)
    appointment.when_text = format_date(day, rng.choice(styles))
    appointment.time_text = format_time(hour, minute, rng.choice(TIME_STYLES))
    return appointment


def appointment_text(ctx: Ctx, appt: Appointment, what: str = "appointment") -> str:
    """The appointment as a Date/Time/Place table or inside a sentence."""
    when, at = appt.when_text, appt.time_text
    if ctx.rng.random() < 0.5:
        rows = [f"Date:   {when}", f"Time:   {at}"]
        if appt.how == "phone":
            rows.append("How:    By telephone. We will call you on the number we have for you.")
        elif appt.how == "video":
            rows.append("How:    Video call. We will send you a link the day before.")
        else:
            rows.append(f"Place:  {appt.place}")
        return "\n".join([f"Your {what}", *rows])
    if appt.how == "phone":
        return (
            f"This is a telephone {what} on {when} at {at}. We will call you on the number we have for you."
        )
    if appt.how == "video":
        return f"Your {what} will be a video call on {when} at {at}. We will send you a link."
    if appt.how == "home":
        return f"We will visit you at {appt.place} on {when} at {at} for your {what}."
    return ctx.rng.choice(
        [
            f"Your {what} is on {when} at {at}, at {appt.place}.",
            f"We have booked your {what} at {appt.place} on {when} at {at}.",
        ]
    )


@dataclass
class Ask:
    text: str
    attendance: str
    sanction: bool
    note: str


def ask(ctx: Ctx, verb: str, fail: str, weights: dict[str, float], threats: list[str] | None = None) -> Ask:
    """Ask the reader to attend. Modes: must+threat, must, please+threat, please."""
    rng = ctx.rng
    mode = pick(rng, weights)
    pool = MUST if mode.startswith("must") else ASK_ONLY
    sentences = [rng.choice(pool).format(verb=verb, benefit=ctx.benefit)]
    threat = mode.endswith("+threat")
    if threat:
        template = rng.choice(threats or THREATS)
        sentences.append(template.format(fail=fail, reason=ctx.reason, benefit=ctx.benefit))
    attendance = "unclear" if mode == "please" else "mandatory"
    notes = {
        "must+threat": "obligation plus consequence",
        "must": "obligation wording, no consequence stated",
        "please+threat": "only 'please' but a consequence is stated",
        "please": "only asks to attend, no obligation or consequence",
    }
    return Ask(" ".join(sentences), attendance, threat, notes[mode])


def offer(ctx: Ctx, thing: str, negated_rate: float) -> Ask:
    """Voluntary wording, sometimes with a threat ruled out (hard)."""
    rng = ctx.rng
    sentences = [rng.choice(VOLUNTARY).format(thing=thing)]
    negated = rng.random() < negated_rate
    if negated:
        sentences.append(rng.choice(NEGATED).format(benefit=ctx.benefit))
    return Ask(
        " ".join(sentences), "voluntary", False, "negated sanction" if negated else "explicitly voluntary"
    )
