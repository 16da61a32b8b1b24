"""Office names: one canonical name per office, never a phone number, heading or address line; the office's area."""

from __future__ import annotations

import pytest

from analyser.batch.offices import cluster_offices, office_key, region, region_in_text


@pytest.mark.parametrize(
    "read",
    ["0345 604 3719", "Work Focused Interview", "14 High Street", "Jobcentre Plus", "a", "SR4 6TQ",
     "Department for Work and Pensions", "Important", "enquiries@dwp.gov.uk", "Universal Credit  >  Journal",
     "Personal Independence Payment", "Your Universal Credit statement", "DWP | Jobcentre Plus",
     "Medical Services", "Benefit Delivery Centre", "The Pension Service", "# My letter from the jobcentre"],
)  # fmt: skip
def test_what_is_not_an_office_is_never_one(read):
    assert office_key(read) is None
    assert cluster_offices([read]) == {}


def test_spellings_and_misreadings_of_one_office_are_one_office():
    spellings = [
        "Sunderland Jobcentre Plus", "Sunderland Jobcentre", "SUNDERLAND JCP", "Sunder1and Jobcentre Plus",
        "Sunderland Jobcentre Plus.", "Sunderlnd Jobcentre Plus", "Sunderland Jobcentre Plus",
    ]  # fmt: skip
    canonical = cluster_offices(spellings)
    assert set(canonical.values()) == {"Sunderland"}
    # Another office stays another office, whatever the order the spellings came in.
    mixed = [*reversed(spellings), "Sheffield Waingate Jobcentre Plus", "Sunbury Jobcentre"]
    assert cluster_offices(mixed)["Sheffield Waingate Jobcentre Plus"] == "Sheffield Waingate"
    assert cluster_offices(mixed)["Sunbury Jobcentre"] == "Sunbury"
    assert cluster_offices(mixed)["SUNDERLAND JCP"] == "Sunderland"
    # What a reader takes along with the name: a date in the next column, "(DWP)", "on behalf of ...".
    tails = [
        "Kirkcaldy Jobcentre          31 October 2022, 11:02",
        "Kirkcaldy Jobcentre (DWP)",
        "Hexharn Jobcentre",
    ]
    assert cluster_offices([*tails, "Hexham Jobcentre Plus", "Hexham Jobcentre"]) == {
        tails[0]: "Kirkcaldy", tails[1]: "Kirkcaldy", tails[2]: "Hexham",
        "Hexham Jobcentre Plus": "Hexham", "Hexham Jobcentre": "Hexham",
    }  # fmt: skip


def test_the_area_is_the_offices_postcode_never_the_recipients():
    assert region(["Ipswich Jobcentre Plus", "Franciscan Way", "Ipswich", "IP1 1HT"]) == "IP"
    text = "Jobcentre Plus\nBolton Jobcentre\nCrompton House\nBolton BL1 2QF\n\nMs D Okafor\n17 Tannery Row\nM9 4QX\n"
    assert region_in_text(text, "Bolton Jobcentre") == "BL"
    assert (
        region_in_text("Ms D Okafor\n17 Tannery Row\nM9 4QX\n\nBolton Jobcentre\n\nDear", "Bolton Jobcentre")
        is None
    )
