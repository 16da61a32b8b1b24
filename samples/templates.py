"""Generate 160 labelled template letters (fixed seed) into samples/corpus/templated.jsonl."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SEED = 20240614
OUT = Path(__file__).parent / "corpus" / "templated.jsonl"
LATEST = dt.date(2026, 4, 30)
OCR_RATE = 0.05

# --------------------------------------------------------------------------------------------------
# Pools: offices, people, providers
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Office:
    name: str
    lines: tuple[str, ...]
    town: str
    postcode: str
    nation: str

    @property
    def outward(self) -> str:
        return self.postcode.split()[0]


def _office(name: str, lines: str, town: str, postcode: str, nation: str = "England") -> Office:
    return Office(name, tuple(lines.split("; ")), town, postcode, nation)


OFFICES: list[Office] = [
    _office("Ipswich Jobcentre Plus", "Crown House; 21 Tower Ramparts", "Ipswich", "IP1 3HR"),
    _office("Norwich Jobcentre Plus", "Weavers Court; 9 Magdalen Street", "Norwich", "NR3 1LW"),
    _office("Leeds Eastgate Jobcentre", "40 Eastgate", "Leeds", "LS2 7NF"),
    _office("Bradford Jobcentre Plus", "Provincial House; 12 Manor Row", "Bradford", "BD1 4PB"),
    _office("Sheffield Waingate Jobcentre Plus", "Castle Chambers; 5 Waingate", "Sheffield", "S3 8LR"),
    _office("Hull Jobcentre Plus", "Ferensway House; 77 Ferensway", "Hull", "HU2 8NL"),
    _office("Leicester Jobcentre Plus", "Charnwood House; 30 Belgrave Gate", "Leicester", "LE1 3GR"),
    _office("Derby Jobcentre Plus", "18 Becket Street", "Derby", "DE1 1HT"),
    _office("Nottingham Station Street Jobcentre", "2 Station Street", "Nottingham", "NG2 3HX"),
    _office("Hanley Jobcentre Plus", "Trinity House; 6 Lichfield Street", "Stoke-on-Trent", "ST1 3EB"),
    _office(
        "Wolverhampton Jobcentre Plus", "Molineux Chambers; 14 Stafford Street", "Wolverhampton", "WV1 1NA"
    ),
    _office("Coventry Jobcentre Plus", "Spire House; 31 Corporation Street", "Coventry", "CV1 1GF"),
    _office("Plymouth Jobcentre Plus", "Drake Chambers; 3 Union Street", "Plymouth", "PL1 3EZ"),
    _office("Exeter Jobcentre Plus", "Clifton House; 25 Sidwell Street", "Exeter", "EX4 6NN"),
    _office("Bristol Kingsland Jobcentre", "Kingsland House; 8 Temple Way", "Bristol", "BS2 0BY"),
    _office("Reading Jobcentre Plus", "Forbury Chambers; 44 Friar Street", "Reading", "RG1 1DX"),
    _office("Brighton Jobcentre Plus", "Regency House; 10 Edward Street", "Brighton", "BN2 0JL"),
    _office("Margate Jobcentre Plus", "7 Cecil Square", "Margate", "CT9 1BD"),
    _office("Peterborough Jobcentre Plus", "Bridge House; 16 Cowgate", "Peterborough", "PE1 1LZ"),
    _office("Lincoln Jobcentre Plus", "52 Silver Street", "Lincoln", "LN2 1EH"),
    _office("Blackpool Jobcentre Plus", "Talbot House; 3 Talbot Road", "Blackpool", "FY1 1LF"),
    _office("Preston Jobcentre Plus", "Ribble House; 60 Lancaster Road", "Preston", "PR1 2RH"),
    _office("Bolton Jobcentre Plus", "Deane House; 27 Great Moor Street", "Bolton", "BL1 1NP"),
    _office("Wigan Jobcentre Plus", "11 Rodney Street", "Wigan", "WN1 1DG"),
    _office("Sunderland Jobcentre Plus", "Wearside House; 19 Fawcett Street", "Sunderland", "SR1 1RH"),
    _office("Middlesbrough Jobcentre Plus", "Corporation House; 4 Albert Road", "Middlesbrough", "TS1 1PR"),
    _office("Carlisle Jobcentre Plus", "Eden House; 9 Lowther Street", "Carlisle", "CA3 8DR"),
    _office("Barrow Jobcentre Plus", "36 Duke Street", "Barrow-in-Furness", "LA14 1HP"),
    _office("Dundee Jobcentre Plus", "Tayside House; 15 Ward Road", "Dundee", "DD1 1NE", "Scotland"),
    _office("Paisley Jobcentre Plus", "Abbey Mill House; 2 Gilmour Street", "Paisley", "PA1 1DL", "Scotland"),
    _office("Kirkcaldy Jobcentre Plus", "Forth House; 23 Whytescauseway", "Kirkcaldy", "KY1 1XF", "Scotland"),
    _office("Inverness Jobcentre Plus", "Ness House; 8 Academy Street", "Inverness", "IV1 1JN", "Scotland"),
    _office("Aberdeen Jobcentre Plus", "Granite House; 41 Union Terrace", "Aberdeen", "AB10 1NJ", "Scotland"),
    _office("Ayr Jobcentre Plus", "12 Wellington Square", "Ayr", "KA7 1EN", "Scotland"),
    _office("Swansea Jobcentre Plus", "Tawe House; 5 Orchard Street", "Swansea", "SA1 5AT", "Wales"),
    _office("Wrexham Jobcentre Plus", "Clywedog House; 17 Hill Street", "Wrexham", "LL11 1SN", "Wales"),
    _office("Newport Jobcentre Plus", "Usk House; 29 Clarence Place", "Newport", "NP19 7AB", "Wales"),
    _office(
        "Merthyr Tydfil Jobcentre Plus",
        "Taff House; 6 Glebeland Street",
        "Merthyr Tydfil",
        "CF47 8AU",
        "Wales",
    ),
    _office("Rhyl Jobcentre Plus", "Clwyd Chambers; 3 Wellington Road", "Rhyl", "LL18 1BN", "Wales"),
    _office("Llanelli Jobcentre Plus", "Stepney House; 14 Stepney Street", "Llanelli", "SA15 3TR", "Wales"),
]

MEN = "David Michael Paul Darren Gareth Craig Stuart Imran Lee Kevin Tomasz Ian".split()
WOMEN = "Sarah Karen Joanne Emma Rhian Nicola Aisha Donna Leanne Fiona Marie Jade".split()
SURNAMES = (
    "Hughes Patel Walsh Robertson Evans Okafor Baxter Khan Thomson Lloyd Marsh Fletcher Begum Nowak Price "
    "Campbell Holt Doyle Ahmed Pritchard Sutcliffe Reid"
).split()
STREETS = [
    "Elm Grove",
    "Station Road",
    "Victoria Terrace",
    "Mill Lane",
    "Church Street",
    "Park View",
    "Oak Avenue",
    "Heather Close",
    "Brookside",
    "Albert Road",
    "Kingsway",
    "Meadow Drive",
    "Rowan Court",
    "Hill Crescent",
]
BUSINESS_STREETS = [
    "Riverside Business Park",
    "Mercury Court",
    "Enterprise Way",
    "The Quadrant",
    "Castle Wharf",
]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"
NINO_BANNED = {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}

# Benefits as the letters name them; benefits_mentioned is read back from the text with these patterns.
BENEFIT_PATTERNS: list[tuple[str, str]] = [
    ("esa", r"\bESA\b|Employment and Support Allowance"),
    ("income_support", r"Income Support"),
    ("universal_credit", r"Universal Credit"),
    ("jsa", r"\bJSA\b|Jobseeker's Allowance"),
    ("pension_credit", r"Pension Credit"),
    ("carers_allowance", r"Carer's Allowance"),
    ("pip", r"\bPIP\b|Personal Independence Payment"),
    ("dla", r"\bDLA\b|Disability Living Allowance"),
    ("attendance_allowance", r"Attendance Allowance"),
    ("housing_benefit", r"Housing Benefit"),
]
BENEFIT_NAMES: dict[str, list[str]] = {
    "esa": ["ESA", "Employment and Support Allowance"],
    "income_support": ["Income Support"],
    "universal_credit": ["Universal Credit"],
    "jsa": ["JSA", "Jobseeker's Allowance"],
    "pip": ["PIP", "Personal Independence Payment"],
    "pension_credit": ["Pension Credit"],
}
# ESA and IS use "good cause"; UC, JSA and PIP use "good reason".
REASONS = {"esa": "good cause", "income_support": "good cause"}

# --------------------------------------------------------------------------------------------------
# Phrase pools. Each pool carries its labelling meaning, so labels follow from the parts chosen.
# --------------------------------------------------------------------------------------------------

MUST = [
    "You must {verb}.",
    "You are required to {verb}.",
    "It is a condition of your {benefit} that you {verb}.",
    "You need to {verb}.",
    "You have to {verb}.",
    "We expect you to {verb}.",
]
ASK_ONLY = ["Please {verb}.", "We would like you to {verb}.", "We have booked this for you. Please {verb}."]
THREATS = [
    "If you {fail} without {reason}, your {benefit} may be affected.",
    "If you {fail} and do not have {reason}, your {benefit} could be reduced.",
    "If you {fail} without {reason}, you may get a sanction. This means we will reduce your payments.",
    "If you {fail}, we may stop your payments.",
    "Your {benefit} could be stopped or reduced if you {fail} without {reason}.",
]
IS_THREATS = ["If you {fail} without {reason}, your {benefit} may be reduced by 20%."]
COMMITMENT_THREATS = [
    "Your payment can be reduced if you don't keep a commitment without {reason}. This is known as a sanction.",
]
WCA_THREATS = [
    "If you {fail} without {reason}, we may decide that you are capable of work and your {benefit} could stop.",
    "If you {fail} and cannot show {reason}, your {benefit} may be stopped.",
]
PIP_THREATS = [
    "If you fail to attend without {reason}, the decision maker is likely to disallow your claim.",
    "If you {fail} without {reason}, your claim may be refused and your {benefit} will not be paid.",
]
NEGATED = [
    "This will not affect your {benefit}.",
    "You will not be sanctioned if you decide not to come.",
    "Your {benefit} will not be affected if you choose not to take part.",
    "You cannot be sanctioned for not going.",
    "If you do not come, your payments will not be reduced or stopped.",
]
VOLUNTARY = [
    "This {thing} is voluntary.",
    "You do not have to come to this {thing}.",
    "It is up to you whether you take part.",
    "Taking part is optional.",
    "You don't have to attend, but we hope you will.",
]
FURNITURE = [
    "If your circumstances change, tell us straight away or you may be paid the wrong amount.",
    "If you give us information that is wrong or incomplete, you could be prosecuted or have to pay a penalty.",
    "Please bring this letter with you.",
]
ALT_FORMATS = [
    "If you need this letter in large print, Braille or audio, or in another format, please contact us.",
    "We have other ways we can communicate with you, such as Braille, large print or British Sign Language.",
    "This letter is available in other formats. Ask us if you need one.",
]
WELSH_LINE = "Os hoffech gael y llythyr hwn yn Gymraeg, ffoniwch ni."
WORK_HEAVY = (
    "This assessment looks at your capability for work and your capability for work-related activity. "
    "It is not a job interview and nobody will ask you to look for work. Your work coach will not be there. "
    "The healthcare professional will ask how your condition affects your ability to work, whether you "
    "could do some work-related activity, and about any work you have done in the past. If you are "
    "working now, tell them how many hours you work."
)

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


PLAN: list[tuple[Callable[[random.Random], Draft], int]] = [
    (esa_wrag_wfi, 16),
    (esa_support_keep_in_touch, 10),
    (esa_group_conditional, 8),
    (income_support_wfi, 10),
    (uc_work_search, 12),
    (uc_commitment, 10),
    (jsa_review, 10),
    (wca_appointment, 14),
    (wca_questionnaire, 8),
    (pip_consultation, 12),
    (programme_mandatory, 12),
    (programme_voluntary, 6),
    (compliance, 10),
    (sanction_decision, 10),
    (esa_group_decision, 6),
    (uc_other, 6),
]

# --------------------------------------------------------------------------------------------------
# OCR noise, labels, output
# --------------------------------------------------------------------------------------------------

OCR_SWAPS = {"l": "1", "1": "l", "I": "l", "O": "0", "0": "O"}


def ocr_noise(text: str, rng: random.Random) -> str:
    """Imitate a poor scan: confuse l/1/I, O/0 and rn/m, and break a few long words with hyphen+newline."""
    long_words = list(re.finditer(r"[A-Za-z]{9,}", text))
    chosen = rng.sample(long_words, k=min(len(long_words), rng.randint(2, 4)))
    for match in sorted(chosen, key=lambda m: m.start(), reverse=True):
        cut = match.start() + rng.randint(3, len(match.group()) - 3)
        text = text[:cut] + "-\n" + text[cut:]
    out: list[str] = []
    i = 0
    while i < len(text):
        if text.startswith("rn", i) and rng.random() < 0.3:
            out.append("m")
            i += 2
            continue
        char = text[i]
        if char == "m" and rng.random() < 0.06:
            out.append("rn")
        elif char in OCR_SWAPS and rng.random() < 0.12:
            out.append(OCR_SWAPS[char])
        else:
            out.append(char)
        i += 1
    return "".join(out)


def benefits_in(text: str) -> list[str]:
    return [code for code, pattern in BENEFIT_PATTERNS if re.search(pattern, text)]


THREAT_MARKERS = [
    "may be affected",
    "be reduced",
    "get a sanction",
    "stop your payments",
    "could stop",
    "may be stopped",
    "disallow",
    "will not be paid",
    "could be stopped",
    "be suspended",
]
VOLUNTARY_MARKERS = ["voluntary", "do not have to", "don't have to", "up to you", "optional"]


def check(draft: Draft) -> None:
    """Guard the by-construction labels against wording that slipped in from a shared pool."""
    text = draft.text
    if not draft.sanction:
        threats = [m for m in THREAT_MARKERS if re.search(rf"(?<!not ){re.escape(m)}", text)]
        assert not threats, (draft.summary, threats)
    if draft.appointment and draft.appointment.place:
        assert draft.appointment.place in text, draft.summary
    if draft.office:
        assert draft.office in text, draft.summary
    if draft.attendance == "unclear" and draft.by_group is None:
        assert not any(marker in text for marker in VOLUNTARY_MARKERS), draft.summary


def record(number: int, draft: Draft, rng: random.Random) -> dict:
    check(draft)
    tricky = list(draft.tricky)
    if draft.letter_type == "wfi" and "interview" not in draft.text.lower():
        tricky.append("WFI that never says 'interview'")
    text = draft.text
    if rng.random() < OCR_RATE:
        text = ocr_noise(text, rng)
        tricky.append("OCR noise")
    notes = draft.summary + (f"; hard: {', '.join(tricky)}" if tricky else "")
    return {
        "id": f"tp-{number:04d}",
        "source": "template",
        "text": text,
        "letter_type": draft.letter_type,
        "is_wfi_summons": draft.letter_type == "wfi",
        "attendance": draft.attendance,
        "attendance_by_group": draft.by_group,
        "sanction_language": draft.sanction,
        "benefits_mentioned": benefits_in(draft.text),
        "esa_group_stated": draft.esa_group,
        "appointment": draft.appointment.label() if draft.appointment else None,
        "office": draft.office,
        "letter_date": draft.ctx.letter_date.isoformat(),
        "hard": bool(tricky),
        "notes": notes,
    }


def generate(seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    jobs = [skeleton for skeleton, count in PLAN for _ in range(count)]
    rng.shuffle(jobs)
    return [record(number, skeleton(rng), rng) for number, skeleton in enumerate(jobs, 1)]


def main() -> None:
    records = generate()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as handle:
        for item in records:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} letters to {OUT}")


if __name__ == "__main__":
    main()
