"""ESA letter skeletons: WRAG interviews, support-group keep-in-touch, group-conditional letters."""

from __future__ import annotations

import random

from .asks import Ask, appointment_text, ask, make_appointment, offer
from .draft import Draft, article, d
from .formats import pick
from .layout import footer_lines, jobcentre_sender, layout, new_ctx, office_place
from .phrases import FURNITURE, THREATS
from .pools import LATEST, MEN, SURNAMES, WOMEN


def esa_wrag_wfi(rng: random.Random) -> Draft:
    ctx = new_ctx(rng, d(2009, 1, 5), LATEST, "esa")
    style = pick(rng, {"wfi": 0.75, "hwc": 0.1, "no_interview": 0.15})
    if style == "wfi":
        noun = rng.choice(["work-focused interview", "work focused interview", "work focussed interview"])
        heading = f"{noun[0].upper() + noun[1:]} for Employment and Support Allowance claimants"
        signer = "Personal Adviser"
    elif style == "hwc":
        noun, heading, signer = (
            "Health and Work Conversation",
            "Your Health and Work Conversation",
            "Work Coach",
        )
    else:
        noun = rng.choice(["meeting with your personal adviser", "appointment with your work coach"])
        heading, signer = (
            rng.choice(["Your next appointment", "Meeting about work and support"]),
            "Work Coach",
        )
    body = []
    group = None
    if rng.random() < 0.6:
        group = "wrag"
        body.append(f"You get {ctx.benefit} and you are in the work-related activity group.")
    else:
        body.append(f"You are getting {ctx.benefit}.")
    body.append(
        f"At this {noun} we will discuss the possibility of going into paid work, training for work, or "
        "looking for work in the future, and agree an action plan."
    )
    how = "phone" if rng.random() < 0.2 else "in_person"
    appt = make_appointment(ctx, office_place(ctx), how)
    attend = ask(
        ctx,
        verb=f"take part in this {noun}" if rng.random() < 0.5 else f"attend this {noun}",
        fail=rng.choice(["do not take part", "do not attend"]),
        weights={"must+threat": 0.55, "must": 0.15, "please+threat": 0.1, "please": 0.2},
    )
    body += [attend.text, appointment_text(ctx, appt)]
    body.append(f"If you cannot make this time, phone us on {ctx.phone} before the appointment.")
    if rng.random() < 0.5:
        body.append("You can bring someone with you, for example a friend or family member aged 16 or over.")
    if rng.random() < 0.4:
        body.append(rng.choice(FURNITURE))
    adviser = f"{rng.choice(MEN + WOMEN)} {rng.choice(SURNAMES)}"
    text = layout(ctx, jobcentre_sender(ctx), heading, body, [adviser, signer], footer_lines(ctx), "ESA/WFI")
    summary = f"ESA {'WRAG ' if group else ''}{'HWC' if style == 'hwc' else 'WFI'} ({attend.note})"
    return Draft(
        ctx,
        text,
        letter_type="wfi",
        attendance=attend.attendance,
        sanction=attend.sanction,
        appointment=appt,
        office=ctx.office.name,
        summary=summary,
        esa_group=group,
    )


def esa_support_keep_in_touch(rng: random.Random) -> Draft:
    ctx = new_ctx(rng, d(2012, 3, 1), LATEST, "esa")
    noun = pick(
        rng,
        {
            "keep in touch interview": 0.4,
            "interview with your work coach": 0.4,
            "meeting with your work coach": 0.2,
        },
    )
    body = [
        f"We've set up {article(noun)} {noun} for you. Your work coach will tell you how we can help you while "
        f"you're getting {ctx.benefit}."
    ]
    group = None
    if rng.random() < 0.6:
        group = "support_group"
        body.insert(0, f"You are in the support group for {ctx.benefit}.")
    body.append(
        "We know most people's lives are made better if they can work. Your work coach can help you think "
        "about work at some point in the future, and about training or volunteering."
    )
    if rng.random() < 0.65:
        attend = offer(ctx, "meeting" if "meeting" in noun else "interview", negated_rate=0.35)
    else:
        attend = Ask("", "unclear", False, "just a date and time, no obligation or choice stated")
    appt = make_appointment(ctx, office_place(ctx), "phone" if rng.random() < 0.2 else "in_person")
    body.append(appointment_text(ctx, appt))
    if attend.text:
        body.append(attend.text)
    body.append(f"If this time does not suit you, call us on {ctx.phone}.")
    adviser = f"{rng.choice(MEN + WOMEN)} {rng.choice(SURNAMES)}"
    text = layout(
        ctx,
        jobcentre_sender(ctx),
        "Keeping in touch",
        body,
        [adviser, "Work Coach"],
        footer_lines(ctx),
        "ESA",
    )
    draft = Draft(
        ctx,
        text,
        letter_type="wfi",
        attendance=attend.attendance,
        sanction=False,
        appointment=appt,
        office=ctx.office.name,
        summary=f"ESA support-group keep-in-touch offer ({attend.note})",
        esa_group=group,
    )
    if attend.note == "negated sanction":
        draft.tricky.append("voluntary letter mentions sanctions only to rule them out")
    return draft


def esa_group_conditional(rng: random.Random) -> Draft:
    ctx = new_ctx(rng, d(2013, 1, 7), d(2019, 12, 31), "esa")
    noun = rng.choice(["work-focused interview", "work focused interview"])
    by_group: dict[str, str] = {"wrag": "mandatory"}
    wrag = f"If you are in the work-related activity group, you must attend this {noun}."
    threat = rng.random() < 0.7
    if threat:
        wrag += " " + rng.choice(THREATS).format(fail="do not attend", reason=ctx.reason, benefit=ctx.benefit)
    support_style = rng.choice(["voluntary", "voluntary_negated", "unclear"])
    if support_style == "unclear":
        by_group["support_group"] = "unclear"
        support = "If you are in the support group, we would still like you to come along."
    else:
        by_group["support_group"] = "voluntary"
        support = "If you are in the support group, you do not have to attend, but you are welcome to."
        if support_style == "voluntary_negated":
            support += " You cannot be sanctioned if you are in the support group."
    clauses = [wrag, support]
    if rng.random() < 0.35:
        by_group["assessment_phase"] = "mandatory"
        clauses.insert(
            1, "If you are still waiting for your Work Capability Assessment, you must also attend."
        )
    appt = make_appointment(ctx, office_place(ctx))
    body = [
        f"We have booked a {noun} for you with a personal adviser. It is about work you may be able to do in "
        "the future and the support we can give you.",
        appointment_text(ctx, appt, "interview"),
        *clauses,
        f"If you are not sure which group you are in, phone us on {ctx.phone}.",
    ]
    heading = f"{ctx.benefit} - {noun}"
    text = layout(
        ctx, jobcentre_sender(ctx), heading, body, ["Personal Adviser"], footer_lines(ctx), "ESA/WFI"
    )
    draft = Draft(
        ctx,
        text,
        letter_type="wfi",
        attendance="unclear",
        sanction=threat,
        appointment=appt,
        office=ctx.office.name,
        summary="ESA WFI whose obligation depends on the reader's group",
        by_group=by_group,
    )
    draft.tricky.append("attendance conditional on ESA group")
    return draft
