"""WCA and PIP assessment letter skeletons."""

from __future__ import annotations

import datetime as dt
import random

from .asks import Ask, appointment_text, ask, make_appointment
from .draft import Draft, d
from .formats import format_date, invent_postcode
from .layout import Ctx, footer_lines, layout, new_ctx
from .phrases import PIP_THREATS, WCA_THREATS, WORK_HEAVY
from .pools import BUSINESS_STREETS, LATEST, OFFICES

PROVIDER_FREEPOST = {
    "Atos Healthcare": "Freepost RRKT-ZBLS-AHCX",
    "Centre for Health and Disability Assessments": "Freepost RSLX-KTRG-CHDA",
    "Health Assessment Advisory Service": "Freepost RTHY-UJEA-HAAS",
}


def wca_provider(day: dt.date) -> str:
    if day < d(2015, 3, 1):
        return "Atos Healthcare"
    if day < d(2024, 9, 1):
        return "Centre for Health and Disability Assessments"
    return "Health Assessment Advisory Service"


def assessment_centre(ctx: Ctx) -> str:
    rng = ctx.rng
    postcode = invent_postcode(rng, ctx.office.outward)
    return f"{ctx.office.town} Assessment Centre, Unit {rng.randrange(1, 9)}, {rng.choice(BUSINESS_STREETS)}, {postcode}"


def wca_appointment(rng: random.Random) -> Draft:
    uc = rng.random() < 0.4
    ctx = new_ctx(rng, d(2015, 4, 1) if uc else d(2009, 3, 2), LATEST, "universal_credit" if uc else "esa")
    provider = wca_provider(ctx.letter_date)
    how = "in_person"
    if ctx.letter_date >= d(2020, 6, 1):
        how = rng.choice(["in_person", "phone", "phone", "video"])
    appt = make_appointment(ctx, assessment_centre(ctx), how)
    attend = ask(
        ctx,
        verb="attend this assessment" if how == "in_person" else "take part in this assessment",
        fail=rng.choice(["do not attend", "do not take part"]),
        weights={"must+threat": 0.55, "must": 0.2, "please+threat": 0.1, "please": 0.15},
        threats=WCA_THREATS,
    )
    body = [
        f"The Department for Work and Pensions has asked us to carry out a Work Capability Assessment for your "
        f"{ctx.benefit} claim. A healthcare professional will talk to you about how your health condition "
        "affects you.",
        appointment_text(ctx, appt, "assessment"),
        attend.text,
        f"Please {'bring' if how == 'in_person' else 'have ready'} this letter, proof of your identity and a list "
        "of the medicines you take.",
    ]
    heavy = rng.random() < 0.3
    if heavy:
        body.insert(1, WORK_HEAVY)
    if uc:
        body.append("You still need to report your fit notes.")
    body.append(f"If you need to change this appointment, call us on {ctx.phone}. You can change it once.")
    code = "UCD35" if uc and rng.random() < 0.5 else None
    sender = [provider, PROVIDER_FREEPOST[provider]]
    text = layout(
        ctx, sender, "Your Work Capability Assessment", body, [provider], footer_lines(ctx, code), "WCA"
    )
    draft = Draft(
        ctx,
        text,
        letter_type="wca",
        attendance=attend.attendance,
        sanction=attend.sanction,
        appointment=appt,
        office=provider,
        summary=f"{'UC' if uc else 'ESA'} WCA appointment, {how.replace('_', ' ')} ({attend.note})",
    )
    if heavy:
        draft.tricky.append("WCA letter full of the word 'work'")
    return draft


def wca_questionnaire(rng: random.Random) -> Draft:
    uc = rng.random() < 0.4
    ctx = new_ctx(rng, d(2015, 4, 1) if uc else d(2008, 11, 3), LATEST, "universal_credit" if uc else "esa")
    form = "UC50" if uc else "ESA50"
    provider = wca_provider(ctx.letter_date)
    due = ctx.letter_date + dt.timedelta(days=28)
    due_text = format_date(due, rng.choice(["day_month_year", "slash", "weekday_full"]))
    body = [
        f"You have claimed {ctx.benefit}. We need some information about how your illness or disability "
        "affects your ability to do everyday "
        f"tasks. Please fill in the enclosed questionnaire ({form}) and send it back to us by {due_text} in the "
        "prepaid envelope.",
        "It is important that you fill in this questionnaire. Write in black ink and use CAPITAL LETTERS.",
    ]
    group = None
    if not uc and rng.random() < 0.3:
        group = "assessment_phase"
        body.insert(0, f"While we assess your claim you are in the assessment phase of {ctx.benefit}.")
    threat = rng.random() < 0.5
    if threat:
        fail = "do not send the questionnaire back"
        body.append(rng.choice(WCA_THREATS).format(fail=fail, reason=ctx.reason, benefit=ctx.benefit))
    body.append("After we get your questionnaire, you may be asked to come to a face-to-face assessment.")
    body.append(f"Do not send it or take it to your Jobcentre. If you need more time, call {ctx.phone}.")
    code = "ESA51" if not uc else None
    text = layout(
        ctx,
        [provider, PROVIDER_FREEPOST[provider]],
        f"{form} questionnaire",
        body,
        [provider],
        footer_lines(ctx, code),
        "WCA",
    )
    note = "consequence for not returning the form" if threat else "no consequence stated"
    return Draft(
        ctx,
        text,
        letter_type="wca",
        attendance="none",
        sanction=threat,
        appointment=None,
        office=provider,
        summary=f"{form} questionnaire cover letter, no appointment ({note})",
        esa_group=group,
    )


def pip_consultation(rng: random.Random) -> Draft:
    transfer = rng.random() < 0.25
    end = d(2019, 12, 31) if transfer else LATEST
    start = d(2013, 10, 1)
    ctx = new_ctx(rng, start, end, "pip")
    if ctx.letter_date >= d(2022, 6, 1):  # Scotland moved to Adult Disability Payment
        ctx = new_ctx(rng, start, end, "pip", [o for o in OFFICES if o.nation != "Scotland"])
    if ctx.letter_date < d(2019, 7, 1):
        provider = rng.choice(["Atos Healthcare", "Capita Personal Independence Payment"])
    else:
        provider = rng.choice(["Independent Assessment Services", "Capita Personal Independence Payment"])
    how = rng.choice(["in_person", "in_person", "home"])
    if ctx.letter_date >= d(2020, 6, 1):
        how = rng.choice(["in_person", "home", "phone", "phone", "video"])
    place = "your home" if how == "home" else assessment_centre(ctx)
    appt = make_appointment(ctx, place, how)
    body = []
    if transfer:
        body.append(
            "Your Disability Living Allowance (DLA) is ending. You have claimed Personal Independence Payment "
            "(PIP), and as part of your claim we need to carry out an assessment."
        )
    else:
        body.append(
            f"Thank you for your {ctx.benefit} claim. We have arranged a consultation with a health "
            "professional."
        )
    body.append(appointment_text(ctx, appt, "consultation"))
    important = rng.random() < 0.25
    if important:
        attend = Ask(
            "It is really important that you keep this appointment.",
            "unclear",
            False,
            "'important' without 'must' and no consequence",
        )
    else:
        attend = ask(
            ctx,
            verb="attend this consultation" if how != "phone" else "take part in this consultation",
            fail=rng.choice(["do not attend", "miss this consultation"]),
            weights={"must+threat": 0.45, "must": 0.15, "please+threat": 0.25, "please": 0.15},
            threats=PIP_THREATS,
        )
        if attend.text.startswith("Please") and rng.random() < 0.5:
            attend.text = attend.text.replace("Please attend", "It is important that you attend", 1)
    body.append(attend.text)
    body.append("Please bring two forms of ID, such as a passport, driving licence or a recent utility bill.")
    body.append(
        f"If you cannot attend, please contact our Customer Service Centre straightaway on {ctx.phone}."
    )
    text = layout(
        ctx,
        [provider, "PO Box 12" + str(rng.randrange(10, 99))],
        "Your PIP consultation",
        body,
        [provider],
        footer_lines(ctx),
        "PIP",
    )
    kind = "DLA-to-PIP transfer" if transfer else "PIP"
    return Draft(
        ctx,
        text,
        letter_type="pip_assessment",
        attendance=attend.attendance,
        sanction=attend.sanction,
        appointment=appt,
        office=provider,
        summary=f"{kind} consultation, {how.replace('_', ' ')} ({attend.note})",
    )
