"""The letter context (who, where, when) and the layout every letter shares."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from .formats import (
    capital,
    format_date,
    invent_nino,
    invent_phone,
    invent_postcode,
    random_weekday,
)
from .phrases import ALT_FORMATS, WELSH_LINE
from .pools import (
    BENEFIT_NAMES,
    MEN,
    OFFICES,
    REASONS,
    STREETS,
    SURNAMES,
    WOMEN,
    Office,
)

# --------------------------------------------------------------------------------------------------
# The letter context and the common layout
# --------------------------------------------------------------------------------------------------


@dataclass
class Ctx:
    """Everything shared by one letter: reader, office, dates and the benefit it is about."""

    rng: random.Random
    office: Office
    letter_date: dt.date
    benefit_code: str
    title: str = ""
    first: str = ""
    surname: str = ""
    address: list[str] = field(default_factory=list)
    nino: str = ""
    phone: str = ""
    benefit: str = ""

    @property
    def reason(self) -> str:
        return REASONS.get(self.benefit_code, "a good reason")

    @property
    def dear(self) -> str:
        return f"Dear {self.title} {self.surname}"


def new_ctx(
    rng: random.Random, start: dt.date, end: dt.date, benefit_code: str, offices: list[Office] | None = None
) -> Ctx:
    office = rng.choice(offices or OFFICES)
    ctx = Ctx(rng, office, random_weekday(rng, start, end), benefit_code)
    if rng.random() < 0.5:
        ctx.first, ctx.title = rng.choice(MEN), "Mr"
    else:
        ctx.first, ctx.title = rng.choice(WOMEN), rng.choice(["Ms", "Mrs", "Miss"])
    ctx.surname = rng.choice(SURNAMES)
    house = f"{rng.randrange(1, 120)} {rng.choice(STREETS)}"
    if rng.random() < 0.25:
        house = f"Flat {rng.randrange(1, 12)}, {house}"
    ctx.address = [
        f"{ctx.title} {ctx.first} {ctx.surname}",
        house,
        office.town,
        invent_postcode(rng, office.outward),
    ]
    ctx.nino = invent_nino(rng)
    ctx.phone = invent_phone(rng, freephone=rng.random() < 0.4)
    ctx.benefit = rng.choice(BENEFIT_NAMES.get(benefit_code, [benefit_code]))
    return ctx


def letter_date_text(ctx: Ctx) -> str:
    return format_date(
        ctx.letter_date, ctx.rng.choice(["day_month_year", "slash", "weekday_full", "ordinal_year"])
    )


def reference(ctx: Ctx, prefix: str) -> str:
    return f"{prefix}/{ctx.rng.randrange(10000, 999999)}"


def layout(
    ctx: Ctx,
    sender: list[str],
    heading: str,
    body: list[str],
    signoff: list[str],
    footer: list[str],
    ref_prefix: str = "REF",
) -> str:
    """Lay out a posted letter: address blocks in one of three orders, a reference block, body, footer."""
    rng = ctx.rng
    refs = [
        f"Date: {letter_date_text(ctx)}",
        f"Our ref: {reference(ctx, ref_prefix)}",
        f"National Insurance number: {ctx.nino}",
        f"Phone: {ctx.phone}",
    ]
    style = rng.choice(["sender_first", "claimant_first", "boxed"])
    if style == "sender_first":
        top = [*sender, "", *ctx.address, "", *refs]
    elif style == "claimant_first":
        pad = " " * 44
        top = [*(pad + line for line in sender), "", *ctx.address, "", *(pad + line for line in refs)]
    else:
        width = max(len(line) for line in refs) + 2
        box = [
            "+" + "-" * width + "+",
            *(f"| {line.ljust(width - 1)}|" for line in refs),
            "+" + "-" * width + "+",
        ]
        top = [*ctx.address, "", *box, "", *sender]
    closing = ["Yours sincerely", "", *signoff]
    parts = [*top, "", capital(heading), "", ctx.dear, "", *_paragraphs(body), "", *closing]
    if footer:
        parts += ["", *footer]
    return "\n".join(parts) + "\n"


def _paragraphs(body: list[str]) -> list[str]:
    lines: list[str] = []
    for paragraph in body:
        lines += [paragraph, ""]
    return lines[:-1]


def footer_lines(ctx: Ctx, code: str | None = None) -> list[str]:
    rng = ctx.rng
    lines = []
    if rng.random() < 0.7:
        lines.append(rng.choice(ALT_FORMATS))
    if ctx.office.nation == "Wales" and rng.random() < 0.6:
        lines.append(WELSH_LINE)
    if code or rng.random() < 0.4:
        pages = rng.choice([2, 3])
        lines.append(f"{code + '  ' if code else ''}Page 1 of {pages}")
    return lines


def jobcentre_sender(ctx: Ctx) -> list[str]:
    head = ctx.rng.choice([["Jobcentre Plus"], ["Department for Work and Pensions"], []])
    return [*head, ctx.office.name, *ctx.office.lines, ctx.office.town, ctx.office.postcode]


def office_place(ctx: Ctx) -> str:
    office = ctx.office
    if ctx.rng.random() < 0.35:
        return office.name
    return ", ".join([office.name, *office.lines, office.town])
