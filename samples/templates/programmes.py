"""Employment programme referral skeletons, mandatory and voluntary."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from .asks import appointment_text, ask, make_appointment, offer
from .draft import Draft, d
from .formats import capital, invent_postcode
from .layout import Ctx, footer_lines, jobcentre_sender, layout, new_ctx
from .pools import BUSINESS_STREETS, LATEST


@dataclass(frozen=True)
class Scheme:
    name: str
    start: dt.date
    end: dt.date
    benefits: tuple[str, ...]
    providers: tuple[str, ...]

    @property
    def called(self) -> str:
        """The name as used in a sentence: "the Work Programme" but "Mandatory Work Activity"."""
        return f"the {self.name}" if self.name.endswith(("Programme", "Scheme")) else self.name


MANDATORY_SCHEMES = [
    Scheme(
        "Work Programme",
        d(2011, 6, 13),
        d(2017, 3, 31),
        ("jsa", "esa", "universal_credit"),
        ("Ingeus", "A4e", "Seetec", "Reed in Partnership", "G4S", "Serco", "Maximus", "Shaw Trust"),
    ),
    Scheme(
        "Mandatory Work Activity",
        d(2011, 5, 3),
        d(2016, 3, 31),
        ("jsa",),
        ("Seetec", "Reed in Partnership", "G4S", "Ingeus"),
    ),
    Scheme(
        "Work and Health Programme",
        d(2018, 1, 8),
        LATEST,
        ("universal_credit", "jsa"),
        ("Shaw Trust", "Reed in Partnership", "Maximus", "Serco", "Seetec", "Ingeus"),
    ),
    Scheme(
        "Restart Scheme",
        d(2021, 7, 1),
        LATEST,
        ("universal_credit",),
        ("Maximus", "Seetec", "Reed in Partnership", "Fedcap", "Ingeus", "G4S", "Serco"),
    ),
]
VOLUNTARY_SCHEMES = [
    Scheme("Work Choice", d(2010, 10, 25), d(2017, 3, 31), ("esa",), ("Remploy", "Shaw Trust", "Seetec")),
    Scheme(
        "Work and Health Programme",
        d(2018, 1, 8),
        LATEST,
        ("esa", "universal_credit"),
        ("Shaw Trust", "Reed in Partnership", "Maximus", "Ingeus"),
    ),
    Scheme(
        "Intensive Personalised Employment Support",
        d(2020, 1, 6),
        LATEST,
        ("esa", "universal_credit"),
        ("Shaw Trust", "Fedcap", "Seetec"),
    ),
]


def programme_ctx(rng: random.Random, scheme: Scheme) -> tuple[Ctx, str]:
    benefit = rng.choice(scheme.benefits)
    start = max(scheme.start, d(2013, 6, 3)) if benefit == "universal_credit" else scheme.start
    ctx = new_ctx(rng, start, scheme.end, benefit)
    return ctx, rng.choice(scheme.providers)


def provider_office(ctx: Ctx, provider: str) -> tuple[str, list[str], str]:
    """Provider office name, its sender block, and the place string."""
    rng = ctx.rng
    name = f"{provider} {ctx.office.town}"
    line = f"Suite {rng.randrange(1, 9)}, {rng.choice(BUSINESS_STREETS)}"
    postcode = invent_postcode(rng, ctx.office.outward)
    return name, [name, line, ctx.office.town, postcode], f"{name}, {line}, {ctx.office.town}"


def programme_mandatory(rng: random.Random) -> Draft:
    scheme = rng.choice(MANDATORY_SCHEMES)
    ctx, provider = programme_ctx(rng, scheme)
    name, provider_block, place = provider_office(ctx, provider)
    from_provider = rng.random() < 0.4
    appt = make_appointment(ctx, place, "phone" if rng.random() < 0.15 else "in_person")
    attend = ask(
        ctx,
        verb=f"take part in {scheme.called}" if rng.random() < 0.5 else "attend this appointment",
        fail=rng.choice(["do not take part", "do not attend"]),
        weights={"must+threat": 0.6, "must": 0.15, "please+threat": 0.1, "please": 0.15},
    )
    if from_provider:
        intro = f"Welcome to {scheme.called}. Jobcentre Plus has referred you to us and we will support you."
        sender, office, signer = provider_block, name, [f"{provider} Employment Coach"]
    else:
        intro = (
            f"We have referred you to {scheme.called}. {provider}, or one of their partners, will support "
            f"you while you get {ctx.benefit}."
        )
        sender, office, signer = jobcentre_sender(ctx), ctx.office.name, ["Work Coach"]
    body = [intro, appointment_text(ctx, appt, f"first appointment with {provider}"), attend.text]
    body.append("The programme lasts until you are told otherwise. Please bring proof of your identity.")
    code = "MAN 01" if rng.random() < 0.4 else None
    text = layout(
        ctx, sender, f"{scheme.name} - starting with {provider}", body, signer, footer_lines(ctx, code), "PRG"
    )
    who = "provider" if from_provider else "Jobcentre"
    return Draft(
        ctx,
        text,
        letter_type="programme_referral",
        attendance=attend.attendance,
        sanction=attend.sanction,
        appointment=appt,
        office=office,
        summary=f"{scheme.name} referral ({who} letter, {provider}; {attend.note})",
    )


def programme_voluntary(rng: random.Random) -> Draft:
    scheme = rng.choice(VOLUNTARY_SCHEMES)
    ctx, provider = programme_ctx(rng, scheme)
    name, provider_block, place = provider_office(ctx, provider)
    from_provider = rng.random() < 0.5
    appt = make_appointment(ctx, place, "phone" if rng.random() < 0.2 else "in_person")
    attend = offer(ctx, rng.choice(["programme", "meeting"]), negated_rate=0.35)
    body = [
        f"You told us you would like some support to find work while you get {ctx.benefit}. "
        f"{capital(scheme.called)} can help you with a CV, confidence, and finding work that suits your health.",
        appointment_text(ctx, appt, f"introductory meeting with {provider}"),
        attend.text,
    ]
    if from_provider:
        sender, office = provider_block, name
    else:
        sender, office = jobcentre_sender(ctx), ctx.office.name
    text = layout(
        ctx,
        sender,
        f"{scheme.name} - your introductory meeting",
        body,
        [provider if from_provider else "Disability Employment Adviser"],
        footer_lines(ctx),
        "PRG",
    )
    draft = Draft(
        ctx,
        text,
        letter_type="programme_referral",
        attendance="voluntary",
        sanction=False,
        appointment=appt,
        office=office,
        summary=f"Voluntary {scheme.name} referral ({provider}; {attend.note})",
    )
    if attend.note == "negated sanction":
        draft.tricky.append("voluntary letter mentions sanctions only to rule them out")
    return draft
