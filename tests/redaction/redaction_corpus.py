"""A generated corpus of the forms personal details take in letters, and the recall of redact_text on it.

Each item is a snippet as it appears in a letter or a result field, with the secrets it holds.
`python tests/redaction/redaction_corpus.py` prints the recall; tests/redaction/test_redact.py holds it at 100%.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from analyser.redact import redact_text

FIRST = [
    "Jo",
    "Siôn",
    "Rhiannon",
    "Dafydd",
    "Zoë",
    "José",
    "Ciarán",
    "Łukasz",
    "Aoife",
    "Mohammed",
    "Chloé",
    "Björn",
]
LAST = [
    "Bloggs",
    "Llŷr",
    "ap Gruffydd",
    "O'Neill",
    "Ellis-Jones",
    "Wójcik",
    "McDonald",
    "Ó Súilleabháin",
    "Nguyen",
    "D'Arcy",
    "Prŷs",
    "Smith",
]
TITLES = ["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "MR", "mrs"]
NI = [
    "QQ123456C",
    "qq123456c",
    "QQ 12 34 56 C",
    "QQ-12-34-56-C",
    "qq 12 34 56 c",
    "AB.12.34.56.D",
    "JT 65 43 21",
]
POSTCODES = [
    "SW1A 1AA",
    "sw1a 1aa",
    "IP4 1AA",
    "cf10 3nq",
    "LL57 2DG",
    "M1 1AE",
    "BT7 1NN",
    "EH1 2NG",
    "NR210AA",
]
STREETS = [
    "1 Example Road",
    "14 Ashfield Terrace",
    "5 Heol y Parc",
    "22a Church Lane",
    "7 Ffordd Penrhos",
    "101 Lower Mill Street",
    "3 Maes y Deri",
    "9-11 Station Approach",
]
DWELLINGS = [
    "Flat 3, Rosebank House",
    "Rose Cottage, Church Road",
    "Apartment 12",
    "Unit 4B",
    "Ty Gwyn Farm",
    "Bwthyn Bach Cottage",
    "The Old Rectory Barns",
    "flat 7",
]
PHONES = [
    "(01234) 567890",
    "01234 567 890",
    "07700 900123",
    "+44 7700 900123",
    "+44 (0)1234 567890",
    "0113-496-0000",
    "07700900123",
    "020 7946 0018 ext 123",
]
EMAILS = ["jo.bloggs@example.com", "SION.LLYR@EXAMPLE.CO.UK", "rhiannon+dwp@mail.example.org"]
DOBS = [
    ("Date of birth", "12/03/1985"),
    ("DOB", "3 March 1985"),
    ("D.O.B.", "01-02-1979"),
    ("born on", "29th February 1988"),
    ("Date of birth:", "1985-03-12"),
    ("dob:", "7 Sept 2001"),
]
REFS = [
    ("Our ref", "ESA/WFI/77312"),
    ("Your reference", "ab12345c"),
    ("Claim reference number", "UC-2026-00491"),
    ("Ref", "R12/88812"),
    ("Customer reference:", "CRN 44781230"),
]
EXTS = ["ext 4412", "ext. 12", "extension 3301", "Ext: 77"]


@dataclass(frozen=True)
class Item:
    kind: str
    text: str
    secrets: tuple[str, ...]


def _name_parts(name: str) -> tuple[str, ...]:
    return tuple(part for part in name.split(" ") if part != "ap")


def generate() -> list[Item]:
    """Every form, several times over with different values; deterministic."""
    items: list[Item] = []
    names = [f"{first} {last}" for first, last in zip(FIRST, LAST, strict=True)]
    names += [f"{first} {last}" for first, last in zip(FIRST[3:], LAST[:9], strict=True)]
    for title, name in zip(itertools.cycle(TITLES), names):
        items.append(Item("titled name", f"Dear {title} {name},\nYou must attend.", _name_parts(name)))
        items.append(
            Item("greeting without title", f"Dear {name}\n\nYour appointment is below.", _name_parts(name))
        )
        items.append(
            Item("labelled name", f"Customer name: {name}\nDate: 3 November 2026", _name_parts(name))
        )
        items.append(
            Item("name in sentence", f"We wrote to {title} {name} on 2 May 2026.", _name_parts(name))
        )
        items.append(
            Item(
                "bare name repeated after a cue",
                f"Dear {name},\n\n{name}, you must attend. Ask for {name.split()[0]} at reception.",
                _name_parts(name),
            )
        )
    for name, street, postcode in zip(names, itertools.cycle(STREETS), itertools.cycle(POSTCODES)):
        block = f"{name}\n{street}\nLittle Snoring\nNorfolk\n{postcode}\n\nDear {name.split()[0]},"
        items.append(Item("address block without title", block, (*_name_parts(name), street, postcode)))
    for dwelling, postcode in zip(DWELLINGS, itertools.cycle(reversed(POSTCODES))):
        items.append(
            Item("named house", f"Mx Jo Bloggs\n{dwelling}\nBangor\n{postcode}\n", (dwelling, postcode))
        )
        items.append(
            Item("inline dwelling", f"Place: your home, {dwelling}, Bangor {postcode}", (dwelling, postcode))
        )
    for street, postcode in zip(STREETS, POSTCODES[:8], strict=True):
        items.append(
            Item("inline street", f"We will visit you at {street}, Cardiff {postcode}.", (street, postcode))
        )
        items.append(Item("address label", f"Address: {street}, Leeds", (street,)))
    for number in NI:
        digits = re.sub(r"\D", "", number)
        items.append(Item("NI number", f"National Insurance number: {number}", (number, digits)))
        items.append(
            Item("NI number inline", f"Your NI number {number} is on our records.", (number, digits))
        )
        items.append(Item("NI number in table", f"NINO\t{number}\tBenefit\tESA", (number, digits)))
    for postcode in POSTCODES:
        items.append(Item("postcode", f"Leeds {postcode}", (postcode,)))
        items.append(Item("postcode in sentence", f"the office nearest {postcode} is closed", (postcode,)))
    for phone in PHONES:
        items.append(
            Item("phone", f"Call us on {phone} if you cannot come.", (phone, re.sub(r"\D", "", phone)[-6:]))
        )
        items.append(Item("phone label", f"Telephone: {phone}", (phone, re.sub(r"\D", "", phone)[-6:])))
    for email in EMAILS:
        items.append(Item("email", f"Email: {email}", (email,)))
        items.append(Item("email inline", f"We replied to {email} yesterday.", (email,)))
    for label, dob in DOBS:
        items.append(Item("date of birth", f"{label} {dob}\nNI number: QQ123456C", (dob,)))
        items.append(
            Item("date of birth inline", f"The claimant ({label} {dob}) is in the support group.", (dob,))
        )
    for label, ref in REFS:
        digits = re.sub(r"\D", "", ref)
        items.append(Item("reference", f"{label}: {ref}", (ref, digits)))
        items.append(Item("reference inline", f"Please quote {label} {ref} when you call.", (ref, digits)))
    for ext in EXTS:
        items.append(Item("extension", f"Phone 0800 169 0310 {ext} and ask for Jo.", (ext, "0800 169 0310")))
    return items


# Letter furniture that must come through untouched: the analysis rests on it.
KEEP = [
    "You must attend a work focused interview on Friday 14 November 2026 at 10:30am.",
    "Appointment 2014-11-03 at 10:30 at Ipswich Jobcentre Plus.",
    "Place: Ipswich Jobcentre Plus, Franciscan Way",
    "If you do not attend without good cause, your benefit may be reduced.",
    "Dear Sir or Madam",
    "Dear Customer",
    "Employment and Support Allowance (ESA) support group",
    "Universal Credit: complete your ESA50 form within 28 days.",
    "If you miss Work Focused Interviews your payments may stop.",
    "Date: 3 November 2026",
    "Time: 9:15am",
]


def leaks(item: Item) -> list[str]:
    """The secrets of an item still present after redaction (as whole words, compared without case)."""
    out = redact_text(item.text)
    return [s for s in item.secrets if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", out, re.IGNORECASE)]


def recall(items: list[Item]) -> tuple[float, int, list[tuple[Item, list[str]]]]:
    """Share of secrets removed, their number, and the items that leaked."""
    total = sum(len(item.secrets) for item in items)
    leaked = [(item, found) for item in items if (found := leaks(item))]
    missed = sum(len(found) for _, found in leaked)
    return (total - missed) / total, total, leaked


if __name__ == "__main__":
    corpus = generate()
    share, secrets, leaked = recall(corpus)
    kept = sum(redact_text(line) == line for line in KEEP)
    print(
        f"redaction corpus: {len(corpus)} items, {secrets} secrets, recall {share:.2%}, "
        f"{len(leaked)} items leaking; letter furniture kept {kept}/{len(KEEP)}"
    )
    for item, found in leaked:
        print(f"  LEAK {item.kind}: {found} in {redact_text(item.text)!r}")
    for line in KEEP:
        if redact_text(line) != line:
            print(f"  CHANGED {line!r} -> {redact_text(line)!r}")
