"""Income Support, Universal Credit and JSA letter skeletons."""

from __future__ import annotations

import random

from .asks import appointment_text, ask, make_appointment
from .draft import Draft, article, d
from .formats import format_date, format_time, pick
from .layout import (
    Ctx,
    _paragraphs,
    footer_lines,
    jobcentre_sender,
    layout,
    new_ctx,
    office_place,
)
from .phrases import COMMITMENT_THREATS, IS_THREATS, THREATS
from .pools import LATEST, MEN, SURNAMES, WOMEN


def income_support_wfi(rng: random.Random) -> Draft:
    ctx = new_ctx(rng, d(2008, 2, 1), d(2024, 12, 31), "income_support")
    carer = rng.random() < 0.3
    if carer:
        intro = "You get Income Support and Carer's Allowance because you look after someone."
        purpose = "the help we can give you now and when your caring role changes"
    else:
        intro = "You are getting Income Support as a lone parent."
        purpose = "help with childcare, training, and finding work that fits around your children"
    if rng.random() < 0.85:
        noun = rng.choice(["work focused interview", "Work Focused Interview", "work-focused interview"])
        heading = "Income Support - " + noun
    else:
        noun = rng.choice(["meeting with your lone parent adviser", "review meeting with your adviser"])
        noun = noun.replace("lone parent ", "") if carer else noun
        heading = "Your next meeting with us"
    appt = make_appointment(ctx, office_place(ctx), "phone" if rng.random() < 0.15 else "in_person")
    attend = ask(
        ctx,
        verb=f"take part in a {noun}",
        fail=rng.choice(["do not take part", "do not attend"]),
        weights={"must+threat": 0.55, "must": 0.15, "please+threat": 0.1, "please": 0.2},
        threats=THREATS + IS_THREATS,
    )
    body = [intro, attend.text, f"At the {noun} we will talk about {purpose}.", appointment_text(ctx, appt)]
    body.append(f"If you cannot come, phone {ctx.phone} as soon as you can.")
    adviser = f"{rng.choice(MEN + WOMEN)} {rng.choice(SURNAMES)}"
    role = "Personal Adviser" if carer else "Lone Parent Adviser"
    text = layout(ctx, jobcentre_sender(ctx), heading, body, [adviser, role], footer_lines(ctx), "IS/WFI")
    who = "carer" if carer else "lone parent"
    return Draft(
        ctx,
        text,
        letter_type="wfi",
        attendance=attend.attendance,
        sanction=attend.sanction,
        appointment=appt,
        office=ctx.office.name,
        summary=f"Income Support {who} WFI ({attend.note})",
    )


def uc_journal_or_letter(
    ctx: Ctx, heading: str, body: list[str], signer: str, from_office: bool = True
) -> str:
    """UC messages: a journal entry or a posted letter with UC furniture, from the office or the service."""
    rng = ctx.rng
    office = ctx.office
    if rng.random() < 0.4:
        hour = rng.randrange(8, 17)
        stamp = f"{format_date(ctx.letter_date, 'day_month_year')} {format_time(hour, 0, '24h')}"
        sender = f"your work coach at {office.name}" if from_office else "Universal Credit"
        nav = "Home   Journal   To-do list   Payments   Your commitments"
        lines = ["Universal Credit", nav, "", "Journal", "", stamp, f"From: {sender}", "", heading, ""]
        lines += [f"Hi {ctx.first},", "", *_paragraphs(body), "", signer]
        return "\n".join(lines) + "\n"
    if from_office:
        block = ["Universal Credit", office.name, *office.lines, office.town, office.postcode]
    else:
        block = ["Universal Credit", "FREEPOST DWP"]
    footer = footer_lines(ctx)
    footer.append("Universal Credit is operated by the Department for Work and Pensions")
    if rng.random() < 0.5:
        footer.insert(0, "Use your journal to contact us.")
    signoff = [signer] if signer == "Universal Credit" else [signer, "Universal Credit"]
    return layout(ctx, block, heading, body, signoff, footer, "UC")


def uc_work_search(rng: random.Random) -> Draft:
    ctx = new_ctx(rng, d(2013, 6, 3), LATEST, "universal_credit")
    noun = pick(
        rng,
        {
            "work search interview": 0.35,
            "work search review interview": 0.35,
            "work search review": 0.15,
            "appointment with your work coach": 0.15,
        },
    )
    appt = make_appointment(ctx, office_place(ctx), "phone" if rng.random() < 0.25 else "in_person")
    attend = ask(
        ctx,
        verb=f"attend this {noun}",
        fail=rng.choice(["do not attend", "miss this appointment"]),
        weights={"must+threat": 0.5, "must": 0.2, "please+threat": 0.15, "please": 0.15},
    )
    body = [
        f"I've booked you {article(noun)} {noun} to look at the work search you have done and agree what you will do next.",
        appointment_text(ctx, appt),
        attend.text,
        "Please bring your CV and a record of the jobs you have applied for.",
    ]
    signer = f"{rng.choice(MEN + WOMEN)} (work coach)"
    text = uc_journal_or_letter(ctx, "Work search review", body, signer)
    return Draft(
        ctx,
        text,
        letter_type="wfi",
        attendance=attend.attendance,
        sanction=attend.sanction,
        appointment=appt,
        office=ctx.office.name,
        summary=f"UC work search review ({attend.note})",
    )


def uc_commitment(rng: random.Random) -> Draft:
    ctx = new_ctx(rng, d(2013, 6, 3), LATEST, "universal_credit")
    noun = pick(
        rng, {"claimant commitment interview": 0.8, "appointment to agree your claimant commitment": 0.2}
    )
    appt = make_appointment(ctx, office_place(ctx), "phone" if rng.random() < 0.3 else "in_person")
    attend = ask(
        ctx,
        verb=f"come to your {noun}" if appt.how == "in_person" else f"take part in your {noun}",
        fail="do not attend",
        weights={"must+threat": 0.55, "must": 0.15, "please+threat": 0.1, "please": 0.2},
        threats=THREATS + COMMITMENT_THREATS,
    )
    body = [
        f"Your work coach will go through your claimant commitment with you. This sets out what you will do "
        f"to look for work or prepare for work while you get {ctx.benefit}.",
        appointment_text(ctx, appt),
        attend.text,
        "Bring proof of your identity and details of any work you have done.",
    ]
    text = uc_journal_or_letter(ctx, "Your claimant commitment", body, rng.choice(MEN + WOMEN))
    return Draft(
        ctx,
        text,
        letter_type="wfi",
        attendance=attend.attendance,
        sanction=attend.sanction,
        appointment=appt,
        office=ctx.office.name,
        summary=f"UC claimant commitment appointment ({attend.note})",
    )


def jsa_review(rng: random.Random) -> Draft:
    ctx = new_ctx(rng, d(2008, 1, 7), LATEST, "jsa")
    if ctx.letter_date >= d(2016) and rng.random() < 0.5:
        ctx.benefit = "new style JSA"
    noun = pick(
        rng,
        {
            "Jobsearch Review interview": 0.4,
            "signing on interview": 0.3,
            "Jobsearch Review": 0.15,
            "Work Search Review": 0.15,
        },
    )
    appt = make_appointment(ctx, office_place(ctx))
    attend = ask(
        ctx,
        verb=f"come to your {noun} at the time shown",
        fail="do not come at the time shown",
        weights={"must+threat": 0.6, "must": 0.15, "please+threat": 0.1, "please": 0.15},
    )
    booklet = "ES40 signing booklet" if ctx.letter_date < d(2014) else "My Work Plan booklet"
    body = [
        f"We need to review what you have been doing to look for work while you get {ctx.benefit}.",
        appointment_text(ctx, appt, noun if rng.random() < 0.5 else "appointment"),
        attend.text,
        f"Please bring your {booklet} and any letters from employers.",
    ]
    text = layout(
        ctx, jobcentre_sender(ctx), f"{noun} - {ctx.benefit}", body, ["Work Coach"], footer_lines(ctx), "JSA"
    )
    return Draft(
        ctx,
        text,
        letter_type="wfi",
        attendance=attend.attendance,
        sanction=attend.sanction,
        appointment=appt,
        office=ctx.office.name,
        summary=f"JSA {noun} ({attend.note})",
    )
