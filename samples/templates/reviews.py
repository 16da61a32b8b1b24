"""Claim review, compliance and interview-under-caution skeletons."""

from __future__ import annotations

import random

from .asks import appointment_text, ask, make_appointment
from .draft import Draft, d
from .formats import pick
from .layout import Ctx, footer_lines, jobcentre_sender, layout, new_ctx, office_place
from .phrases import FURNITURE
from .pools import LATEST

DOCUMENTS = [
    "your passport or driving licence",
    "bank statements for the last 3 months",
    "your tenancy agreement",
    "recent payslips if you work",
    "a recent utility bill",
]
PENSION_DOCUMENTS = [
    "your passport or birth certificate",
    "statements for any bank or building society accounts",
    "details of any private pension",
    "your council tax bill",
]
# Pension Credit has no sanctions; a missed review visit can still lead to payments being suspended.
PENSION_THREATS = [
    "If you {fail}, your {benefit} may be suspended.",
    "If you {fail}, we may stop your payments.",
]


def listing(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " and " + items[-1]


def interview_under_caution(ctx: Ctx) -> Draft:
    office = f"Fraud and Error Service, {ctx.office.town}"
    appt = make_appointment(ctx, office_place(ctx))
    body = [
        f"We are looking into your claim for {ctx.benefit}. We would like to talk to you in an interview "
        "under caution. The interview will be recorded.",
        appointment_text(ctx, appt, "interview"),
        "This interview is voluntary. You do not have to attend, but it is your chance to tell us your side.",
        "You may bring a solicitor with you. Free legal advice is available.",
        FURNITURE[1],
    ]
    sender = [office, *ctx.office.lines, ctx.office.postcode]
    text = layout(
        ctx, sender, "Interview under caution", body, ["Investigation Officer"], footer_lines(ctx), "FES"
    )
    draft = Draft(
        ctx,
        text,
        letter_type="other_appointment",
        attendance="voluntary",
        sanction=False,
        appointment=appt,
        office=office,
        summary="Voluntary interview under caution",
    )
    draft.tricky.append("misleading keywords ('interview under caution')")
    return draft


def pension_credit_visit(ctx: Ctx) -> Draft:
    appt = make_appointment(ctx, "your home", "home")
    attend = ask(
        ctx,
        verb="be at home for this visit",
        fail="are not at home and do not contact us",
        weights={"must+threat": 0.3, "must": 0.2, "please+threat": 0.2, "please": 0.3},
        threats=PENSION_THREATS,
    )
    body = [
        "We need to check that the Pension Credit you get is right. A visiting officer will call on you.",
        appointment_text(ctx, appt, "review visit"),
        attend.text,
        f"Please have ready {listing(ctx.rng.sample(PENSION_DOCUMENTS, 3))}.",
        FURNITURE[1],
    ]
    sender = ["The Pension Service", *ctx.office.lines, ctx.office.town]
    text = layout(ctx, sender, "Pension Credit review", body, ["Visiting Officer"], footer_lines(ctx), "PC")
    summary = f"Pension Credit review home visit ({attend.note})"
    return Draft(
        ctx,
        text,
        letter_type="other_appointment",
        attendance=attend.attendance,
        sanction=attend.sanction,
        appointment=appt,
        office="The Pension Service",
        summary=summary,
    )


def claim_review(ctx: Ctx, uc_review: bool) -> Draft:
    rng = ctx.rng
    phone = uc_review and rng.random() < 0.7
    appt = make_appointment(ctx, office_place(ctx), "phone" if phone else "in_person")
    what = "claim review" if uc_review else "Customer Compliance interview"
    attend = ask(
        ctx,
        verb=f"take part in this {what}",
        fail="do not take part or do not give us the documents",
        weights={"must+threat": 0.55, "must": 0.15, "please+threat": 0.1, "please": 0.2},
    )
    body = [
        f"We need to review your claim for {ctx.benefit} to check your details are up to date.",
        appointment_text(ctx, appt, what),
        attend.text,
        f"Please {'bring' if appt.how == 'in_person' else 'have ready'} {listing(rng.sample(DOCUMENTS, 3))}.",
        FURNITURE[1],
    ]
    signer = "Universal Credit" if uc_review else "Customer Compliance Officer"
    text = layout(ctx, jobcentre_sender(ctx), f"Your {what}", body, [signer], footer_lines(ctx), "CCO")
    summary = f"{what[0].upper() + what[1:]} ({attend.note})"
    return Draft(
        ctx,
        text,
        letter_type="other_appointment",
        attendance=attend.attendance,
        sanction=attend.sanction,
        appointment=appt,
        office=ctx.office.name,
        summary=summary,
    )


def compliance(rng: random.Random) -> Draft:
    kind = pick(rng, {"compliance": 0.45, "uc_review": 0.25, "pension_visit": 0.15, "caution": 0.15})
    if kind == "pension_visit":
        return pension_credit_visit(new_ctx(rng, d(2009), LATEST, "pension_credit"))
    if kind == "uc_review":
        return claim_review(new_ctx(rng, d(2018, 1, 2), LATEST, "universal_credit"), uc_review=True)
    benefit = rng.choice(["jsa", "esa", "income_support", "universal_credit"])
    ctx = new_ctx(rng, d(2013, 6, 3) if benefit == "universal_credit" else d(2009), LATEST, benefit)
    return interview_under_caution(ctx) if kind == "caution" else claim_review(ctx, uc_review=False)
