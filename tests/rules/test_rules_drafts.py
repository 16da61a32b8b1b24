"""Draft letters: a challenge for a wrongful demand, a deferral request for a lawful one, and their PDF."""

from __future__ import annotations

import io
import re
from datetime import date
from functools import cached_property

import pdfplumber
import pytest

from analyser.result import (
    AnalysisResult,
    Appointment,
    Evidence,
    Letter,
    Page,
    Situation,
    Source,
)
from analyser.rules import check
from analyser.rules.drafts import PersonDetails, draft_pdf, draft_text

PAGE_TEXT = (
    "Employment and Support Allowance\n\nYour work-focused interview\n\n"
    "You must take part in this interview. If you do not take part and cannot show good cause\n"
    "within 5 working days, your benefit may be reduced. Please bring this letter [ref ESA/77].\n"
)
TODAY = date(2014, 11, 5)
PLACEHOLDERS = ("[", "]", "{", "}", "TODO", "XXX", "None")
ME = PersonDetails(
    name="Janet Ollerenshaw",
    ni_number="JT 48 21 73 B",
    reference="ESA/WFI/2/0413",
    address="14 Bramall Crescent\nSheffield S8 2QW",
)


def _span(label: str, words: str) -> Evidence:
    start = PAGE_TEXT.index(words)
    return Evidence(label=label, text=words, page=1, start=start, end=start + len(words))


def _result(situation: Situation, *, with_pages: bool = True, **letter_fields: object) -> AnalysisResult:
    fields = {
        "type": "wfi",
        "attendance": "mandatory",
        "sanction_language": True,
        "office": "Sheffield Castle Street Jobcentre",
        "letter_date": "2014-11-03",
        "appointment": Appointment(date="2014-11-14", time="10:40", place="4 Exchange Place, Sheffield"),
        "evidence": [
            _span("mandatory", "You must take part"),
            _span("sanction", "your benefit may be reduced"),
        ],
        **letter_fields,
    }
    letter = Letter.model_validate(fields)
    return AnalysisResult(
        source=Source(
            name="letter.txt", sha256="0" * 64, media_type="text/plain", pages=1, text_source="text"
        ),
        letter=letter,
        check=check(letter, situation),
        pages=[Page(number=1, text=PAGE_TEXT, text_source="text")] if with_pages else None,
    )


SUPPORT_GROUP = Situation(benefit="esa", group="support_group")
WRAG = Situation(benefit="esa", group="wrag")


def _assert_no_placeholders(text: str) -> None:
    assert not [mark for mark in PLACEHOLDERS if mark in text], text
    assert not re.search(r"\bdated\s*,|\bon\s+at\b|\bat\s*\.", text), text


class TestChallenge:
    # Built per test, not in the class body: a failing draft fails the tests, not their collection.
    @cached_property
    def text(self) -> str:
        return draft_text(_result(SUPPORT_GROUP), "challenge", ME, today=TODAY)

    def test_it_is_addressed_from_the_person_to_the_office(self) -> None:
        lines = self.text.splitlines()
        assert lines[:3] == ["Janet Ollerenshaw", "14 Bramall Crescent", "Sheffield S8 2QW"]
        assert "5 November 2014" in self.text
        assert "Sheffield Castle Street Jobcentre" in self.text
        assert "National Insurance number: JT 48 21 73 B" in self.text
        assert "Reference: ESA/WFI/2/0413" in self.text
        assert self.text.rstrip().endswith("Yours faithfully\n\nJanet Ollerenshaw")

    def test_it_names_the_letter_and_the_appointment(self) -> None:
        assert "your letter dated 3 November 2014" in self.text
        assert "on 14 November 2014 at 10:40am at 4 Exchange Place, Sheffield" in self.text

    def test_it_quotes_the_whole_threatening_sentence(self) -> None:
        assert (
            'Your letter says: "If you do not take part and cannot show good cause within 5 working days, '
            'your benefit may be reduced."' in self.text
        )

    def test_it_states_the_rule_and_its_source(self) -> None:
        assert (
            "People in the ESA support group cannot be required to attend work-focused interviews"
            in self.text
        )
        assert "reg 54(2)(b)" in self.text

    def test_it_asks_to_cancel_and_confirm_in_writing(self) -> None:
        assert "Please cancel this appointment and confirm in writing" in self.text

    def test_it_has_no_placeholders(self) -> None:
        _assert_no_placeholders(self.text)

    def test_without_page_text_it_quotes_the_span(self) -> None:
        text = draft_text(_result(SUPPORT_GROUP, with_pages=False), "challenge", ME, today=TODAY)
        assert 'Your letter says: "your benefit may be reduced"' in text

    def test_without_a_threat_it_quotes_the_command(self) -> None:
        result = _result(
            SUPPORT_GROUP, sanction_language=False, evidence=[_span("mandatory", "You must take part")]
        )
        assert 'Your letter says: "You must take part in this interview."' in draft_text(
            result, "challenge", ME
        )

    def test_missing_details_are_left_out_not_left_blank(self) -> None:
        result = _result(SUPPORT_GROUP, office=None, letter_date=None, appointment=None, evidence=[])
        text = draft_text(result, "challenge", PersonDetails(name="J Smith"), today=TODAY)
        _assert_no_placeholders(text)
        assert (
            "I am writing about your letter, which asks me to take part in a work-focused interview." in text
        )
        assert "National Insurance" not in text and "Reference" not in text and "Your letter says" not in text

    def test_a_possibly_wrongful_demand_asks_them_to_check(self) -> None:
        result = _result(Situation(benefit="income_support", flags={"gets_carers_allowance": True}))
        assert result.check is not None and result.check.verdict == "possibly_wrongful"
        text = draft_text(result, "challenge", ME, today=TODAY)
        assert "I may not be required to" in text and "trigger points" in text
        assert "confirm in writing whether I am required to attend" in text
        _assert_no_placeholders(text)

    def test_an_unknown_group_lists_only_the_exemptions_without_if_you(self) -> None:
        text = draft_text(_result(Situation(benefit="esa")), "challenge", ME, today=TODAY)
        assert "People in the ESA support group cannot be required" in text
        assert "can be required to attend" not in text and "If you are in" not in text

    def test_hedged_law_is_stated_as_the_persons_understanding(self) -> None:
        text = draft_text(_result(Situation(benefit="housing_benefit")), "challenge", ME, today=TODAY)
        assert "This is my understanding of current practice." in text

    def test_a_programme_referral_is_named_as_such(self) -> None:
        result = _result(SUPPORT_GROUP, type="programme_referral")
        text = draft_text(result, "challenge", ME, today=TODAY)
        assert "take part in an employment programme or work-related activity on 14 November 2014" in text

    def test_brackets_in_the_letter_or_details_do_not_look_like_placeholders(self) -> None:
        details = ME.model_copy(update={"reference": "[ESA] {77}"})
        result = _result(SUPPORT_GROUP, office="Jobcentre [Sheffield]")
        _assert_no_placeholders(draft_text(result, "challenge", details, today=TODAY))


class TestDeferral:
    details = ME.model_copy(
        update={"reason": "My condition has got worse this month.", "later_date": date(2014, 12, 8)}
    )

    @cached_property
    def text(self) -> str:
        return draft_text(_result(WRAG), "deferral", self.details, today=TODAY)

    def test_it_asks_to_defer_for_the_reason_given(self) -> None:
        assert "Request to defer: Work-focused interview on 14 November 2014 at 10:40" in self.text
        assert (
            "defer (put off) this work-focused interview because my condition has got worse this month."
            in self.text
        )

    def test_it_offers_a_later_date_and_phone_or_home(self) -> None:
        assert "I could attend on or after 8 December 2014." in self.text
        assert "by phone or at my home" in self.text

    def test_it_cites_the_deferral_regulations(self) -> None:
        assert "Regulations 59 and 60 of the Employment and Support Allowance Regulations 2008" in self.text
        assert "SI 2008/794" in self.text

    def test_income_support_cites_the_lone_parent_regulations(self) -> None:
        situation = Situation(benefit="income_support", flags={"lone_parent_youngest_child_age": 2})
        text = draft_text(_result(situation), "deferral", self.details, today=TODAY)
        assert "SI 2000/1926" in text and "regs 5-6" in text

    def test_universal_credit_has_no_deferral_regulation_to_cite(self) -> None:
        situation = Situation(benefit="universal_credit", group="all_work_related_requirements")
        text = draft_text(_result(situation), "deferral", self.details, today=TODAY)
        assert "Regulations" not in text and "defer (put off)" in text
        _assert_no_placeholders(text)

    def test_without_reason_or_date_those_lines_are_left_out(self) -> None:
        text = draft_text(_result(WRAG), "deferral", PersonDetails(name="J Smith"), today=TODAY)
        assert "defer (put off) this work-focused interview.\n" in text
        assert "on or after" not in text
        _assert_no_placeholders(text)

    def test_it_has_no_placeholders(self) -> None:
        _assert_no_placeholders(self.text)


class TestWrongKind:
    @pytest.mark.parametrize(
        ("situation", "kind", "letter_fields", "complaint"),
        [
            (WRAG, "challenge", {}, "does not fit the verdict no_concern"),
            (SUPPORT_GROUP, "deferral", {}, "does not fit the verdict likely_wrongful"),
            (WRAG, "deferral", {"attendance": "unclear"}, "compulsory"),
            (WRAG, "challenge", {"type": "wca"}, "not_applicable"),
        ],
    )
    def test_a_draft_that_does_not_fit_the_verdict_is_refused(
        self, situation: Situation, kind: str, letter_fields: dict, complaint: str
    ) -> None:
        with pytest.raises(ValueError, match=complaint):
            draft_text(_result(situation, **letter_fields), kind, ME)  # type: ignore[arg-type]

    def test_no_situation_no_draft(self) -> None:
        result = _result(SUPPORT_GROUP).model_copy(update={"check": None})
        with pytest.raises(ValueError, match="benefit and group"):
            draft_text(result, "challenge", ME)

    def test_an_unknown_kind_is_refused(self) -> None:
        with pytest.raises(ValueError, match="choose one of: challenge, deferral"):
            draft_text(_result(SUPPORT_GROUP), "complaint", ME)  # type: ignore[arg-type]


class TestPdf:
    def _read(self, pdf: bytes) -> str:
        with pdfplumber.open(io.BytesIO(pdf)) as document:
            return " ".join(" ".join((page.extract_text() or "").split()) for page in document.pages)

    def test_the_pdf_opens_and_reads_back(self) -> None:
        text = draft_text(_result(SUPPORT_GROUP), "challenge", ME, today=TODAY)
        pdf = draft_pdf(text)
        assert pdf.startswith(b"%PDF")
        read = self._read(pdf)
        for needed in (
            "Janet Ollerenshaw",
            "Sheffield Castle Street Jobcentre",
            "14 November 2014",
            "your benefit may be reduced",
            "reg 54(2)(b)",
        ):
            assert needed in read

    def test_characters_outside_latin1_are_replaced_sensibly(self) -> None:
        read = self._read(
            draft_pdf(
                "\u201cQuoted\u201d \u2013 it\u2019s \u20ac5\u2026 caf\u00e9 \u0141\u00f3d\u017a \u4e2d"
            )
        )
        assert read == '"Quoted" - it\'s EUR 5... caf\u00e9 ?\u00f3dz ?'

    def test_a_long_letter_runs_onto_more_pages(self) -> None:
        pdf = draft_pdf("\n".join(f"Line {n} of a long letter." for n in range(150)))
        with pdfplumber.open(io.BytesIO(pdf)) as document:
            assert len(document.pages) > 1
