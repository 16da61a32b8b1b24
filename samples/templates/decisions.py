"""Decision letter skeletons: sanctions, ESA group decisions, other UC letters."""

from __future__ import annotations

import datetime as dt
import random

from .draft import Draft, d
from .formats import format_date, later_weekday, pick
from .layout import footer_lines, jobcentre_sender, layout, new_ctx
from .phrases import FURNITURE, THREATS
from .pools import LATEST
from .uc_jsa_is import uc_journal_or_letter

MR_BLOCK = (
    "If you disagree with a decision\nYou can ask us to explain why. If you still disagree, you can ask us to "
    "look at it again. This is called a mandatory reconsideration. You must ask within one month of the date "
    "of this letter."
)
MISSED = {
    "universal_credit": [
        "your appointment with your work coach",
        "your first appointment on the Restart Scheme",
    ],
    "jsa": ["your Jobsearch Review", "your appointment with your work coach"],
    "esa": ["your work-focused interview"],
    "income_support": ["your work focused interview"],
}


def sanction_decision(rng: random.Random) -> Draft:
    benefit = rng.choice(["universal_credit", "universal_credit", "jsa", "esa", "income_support"])
    start = d(2013, 6, 3) if benefit == "universal_credit" else d(2009, 2, 2)
    ctx = new_ctx(rng, start, LATEST, benefit)
    missed = rng.choice(MISSED[benefit])
    if "Restart" in missed and ctx.letter_date < d(2021, 8, 1):
        missed = MISSED[benefit][0]
    missed_day = ctx.letter_date - dt.timedelta(days=rng.randrange(10, 35))
    missed_text = format_date(missed_day, "day_month_year")
    outcome = pick(rng, {"sanction": 0.65, "quoted": 0.22, "no_sanction": 0.13})
    tricky = []
    body = []
    if outcome == "quoted":
        earlier = ctx.letter_date - dt.timedelta(days=rng.randrange(36, 50))
        threat = rng.choice(THREATS).format(fail="do not attend", reason=ctx.reason, benefit=ctx.benefit)
        body.append(
            f'We wrote to you on {format_date(earlier, "day_month_year")}. Our letter said: "You must attend '
            f'{missed} on {missed_text}. {threat}"'
        )
        tricky.append("quotes the earlier appointment letter")
    if outcome == "no_sanction":
        body += [
            f"You did not attend {missed} on {missed_text}. You told us why.",
            f"We have decided that you had {ctx.reason}. We will not reduce your {ctx.benefit} and you will "
            "not be sanctioned.",
        ]
        tricky.append("decision rules out a sanction (negated)")
        sanction, heading = False, "Decision: no sanction"
    else:
        amount = f"£{rng.randrange(5, 16)}.{rng.randrange(100):02d}"
        days = rng.choice([7, 14, 28, 91, 182])
        start_text = format_date(ctx.letter_date + dt.timedelta(days=rng.randrange(3, 10)), "day_month_year")
        body += [
            f"You did not attend {missed} on {missed_text}. You did not have {ctx.reason}.",
            f"We have decided to reduce your {ctx.benefit}. This is called a sanction. From {start_text} your "
            f"payment will be reduced by {amount} a day for {days} days.",
        ]
        if benefit == "universal_credit" and rng.random() < 0.5:
            body.append(
                "If you cannot pay for essentials you can ask for a hardship payment. Hardship payments "
                "are recoverable."
            )
        sanction, heading = True, f"We have decided to reduce your {ctx.benefit}"
    body.append(MR_BLOCK)
    if benefit == "universal_credit":
        text = uc_journal_or_letter(ctx, heading, body, "Decision maker", from_office=False)
    else:
        text = layout(ctx, jobcentre_sender(ctx), heading, body, ["Decision Maker"], footer_lines(ctx), "DM")
    office = ctx.office.name if ctx.office.name in text else None
    draft = Draft(
        ctx,
        text,
        letter_type="decision_notice",
        attendance="none",
        sanction=sanction,
        appointment=None,
        office=office,
        summary=f"Sanction decision about a missed appointment ({outcome.replace('_', ' ')})",
    )
    draft.tricky += tricky
    return draft


def esa_group_decision(rng: random.Random) -> Draft:
    ctx = new_ctx(rng, d(2009, 3, 2), LATEST, "esa")
    group = rng.choice(["wrag", "support_group"])
    reconsideration = rng.random() < 0.25
    tricky = []
    sanction = False
    if group == "wrag":
        body = [
            "We have decided that you have limited capability for work and that you have potential for "
            "work-related activity. You are in the work-related activity group.",
            "You will need to take part in work-focused interviews. We will write to you separately about "
            "attending an interview.",
        ]
        if rng.random() < 0.5:
            sanction = True
            body.append(f"If you do not take part without good cause, your {ctx.benefit} may be reduced.")
    else:
        body = [
            "We have decided that you have limited capability for work-related activity. You are in the "
            "support group.",
            "You do not have to take part in work-focused interviews.",
        ]
        if rng.random() < 0.5:
            body.append(
                f"You cannot be sanctioned while you are in the support group. This will not affect your "
                f"{ctx.benefit}."
            )
            tricky.append("negated sanction in a decision")
    heading = f"Your {ctx.benefit} decision"
    if reconsideration:
        heading = "Mandatory Reconsideration Notice"
        body.insert(
            0,
            "You asked us to look again at our decision about your Work Capability Assessment. We have "
            "looked at it again and we have not changed it.",
        )
        tricky.append("misleading keyword ('Mandatory Reconsideration')")
    else:
        body.append(MR_BLOCK)
    text = layout(
        ctx, jobcentre_sender(ctx), heading, body, ["Decision Maker"], footer_lines(ctx, "ESA"), "ESA"
    )
    name = "WRAG" if group == "wrag" else "support group"
    kind = "mandatory reconsideration notice" if reconsideration else "decision"
    draft = Draft(
        ctx,
        text,
        letter_type="decision_notice",
        attendance="none",
        sanction=sanction,
        appointment=None,
        office=ctx.office.name,
        summary=f"ESA {name} {kind}; asks nothing yet",
        esa_group=group,
    )
    draft.tricky += tricky
    return draft


def uc_other(rng: random.Random) -> Draft:
    ctx = new_ctx(rng, d(2014, 1, 6), LATEST, "universal_credit")
    kind = rng.choice(["statement", "change", "fit_note"])
    if kind == "statement":
        allowance = rng.randrange(250, 400)
        housing = rng.randrange(0, 500)
        earnings = rng.choice([0, 0, rng.randrange(50, 400)])
        total = allowance + housing - earnings
        heading = "Your Universal Credit statement"
        body = [
            f"Your payment will be £{total}.00 and will be paid on "
            f"{format_date(later_weekday(rng, ctx.letter_date, 3, 7), 'day_month_year')}.",
            f"Standard allowance      £{allowance}.00\nHousing costs           £{housing}.00\n"
            f"Earnings deduction    - £{earnings}.00\nTotal                   £{total}.00",
        ]
    elif kind == "change":
        heading = "We've updated your claim"
        body = [
            "Thank you for telling us you have moved home. We have updated your Universal Credit claim with "
            "your new address and housing costs.",
        ]
        if rng.random() < 0.5:
            body.append(
                "Your Housing Benefit has stopped because your housing costs are now paid in Universal "
                "Credit. Tell your council if you have not already done so."
            )
    else:
        heading = "We've received your fit note"
        body = [
            "Thank you for sending your fit note. We have added it to your Universal Credit account.",
            "Your work coach may contact you later about a Work Capability Assessment. You do not need to do "
            "anything now.",
        ]
    body.append(FURNITURE[0])
    if rng.random() < 0.5:
        body.append(FURNITURE[1])
    if rng.random() < 0.4:
        body.append(MR_BLOCK)
    text = uc_journal_or_letter(ctx, heading, body, "Universal Credit", from_office=False)
    office = ctx.office.name if ctx.office.name in text else None
    return Draft(
        ctx,
        text,
        letter_type="other",
        attendance="none",
        sanction=False,
        appointment=None,
        office=office,
        summary=f"UC {kind.replace('_', ' ')} letter; asks nothing",
    )
