"""Pools the letters draw on: offices, people, streets, identifiers, benefit names."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

LATEST = dt.date(2026, 4, 30)

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

MEN = [
    "David",
    "Michael",
    "Paul",
    "Darren",
    "Gareth",
    "Craig",
    "Stuart",
    "Imran",
    "Lee",
    "Kevin",
    "Tomasz",
    "Ian",
]
WOMEN = [
    "Sarah",
    "Karen",
    "Joanne",
    "Emma",
    "Rhian",
    "Nicola",
    "Aisha",
    "Donna",
    "Leanne",
    "Fiona",
    "Marie",
    "Jade",
]
SURNAMES = [
    "Hughes",
    "Patel",
    "Walsh",
    "Robertson",
    "Evans",
    "Okafor",
    "Baxter",
    "Khan",
    "Thomson",
    "Lloyd",
    "Marsh",
    "Fletcher",
    "Begum",
    "Nowak",
    "Price",
    "Campbell",
    "Holt",
    "Doyle",
    "Ahmed",
    "Pritchard",
    "Sutcliffe",
    "Reid",
]
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
