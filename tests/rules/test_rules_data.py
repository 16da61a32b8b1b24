"""A sweep over requirements.yaml: every row sourced, codes unique, every benefit and group covered."""

from __future__ import annotations

import itertools
from importlib.resources import files

import pytest
import yaml

from analyser.result import ATTENDANCES, BENEFITS, GROUPS, GROUPS_BY_BENEFIT, Flags, Letter, Situation
from analyser.rules import check
from analyser.rules.rulebook import (
    ANSWERS,
    KINDS,
    RULES_FILE,
    Rulebook,
    RulesDataError,
    load_rulebook,
    parse_rulebook,
)

BOOK = load_rulebook()
RAW = yaml.safe_load(files("analyser.rules").joinpath(RULES_FILE).read_text(encoding="utf-8"))
LETTER_FOR_KIND = {
    kind: Letter(type=BOOK.kinds[kind].letter_types[0], attendance="mandatory", sanction_language=True)
    for kind in KINDS
}
HEDGE_WORDS = ("check with an adviser", "in current practice")


def test_the_packaged_yaml_validates() -> None:
    assert isinstance(BOOK, Rulebook)
    assert len(BOOK.requirements) >= 2 * 18  # at least both kinds of every RULES.md row


def test_every_row_has_a_source_with_an_href() -> None:
    for row in BOOK.coded_rows():
        assert row.sources, row.code
        assert all(source.href.startswith(("https://", "http://")) for source in row.sources), row.code


def test_statutory_sources_link_to_legislation_gov_uk() -> None:
    # STYLE.md: each source is "a title naming the Act/SI and section or regulation plus a legislation.gov.uk link".
    for row in BOOK.coded_rows():
        for source in row.sources:
            if "Regulations" in source.title or " Act " in source.title:
                assert source.href.startswith("https://www.legislation.gov.uk/"), (row.code, source)


def test_codes_are_unique_and_stable_in_form() -> None:
    codes = [row.code for row in BOOK.coded_rows()] + [note.code for note in BOOK.letter_notes]
    assert len(codes) == len(set(codes))
    assert all(code.isupper() and " " not in code for code in codes)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("benefit", BENEFITS)
def test_every_contract_benefit_has_a_row_of_each_kind(benefit: str, kind: str) -> None:
    assert any(row.kind == kind and benefit in row.applies_to.benefit for row in BOOK.requirements)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("group", GROUPS)
def test_every_contract_group_is_covered_for_each_of_its_benefits(group: str, kind: str) -> None:
    benefits = [benefit for benefit, groups in GROUPS_BY_BENEFIT.items() if group in groups]
    assert benefits, f"{group} belongs to no benefit"
    for benefit in benefits:
        assert any(
            row.kind == kind
            and benefit in row.applies_to.benefit
            and (row.applies_to.group is None or group in row.applies_to.group)
            for row in BOOK.requirements
        ), (benefit, group, kind)


def test_every_row_of_legal_md_decision_table_is_cited() -> None:
    cited = {number for row in BOOK.coded_rows() for number in row.legal_rows}
    assert cited >= set(range(1, 23))
    assert cited <= set(range(1, 23))


def test_hedged_rows_read_as_hedged() -> None:
    for row in BOOK.requirements:
        text = BOOK.hedged_reason(row)
        assert bool(row.hedge) == any(words in text for words in HEDGE_WORDS), row.code


def test_verdict_table_decides_every_cell_once() -> None:
    cells = [cell for row in BOOK.verdicts for cell in row.cells()]
    assert sorted(cells) == sorted(itertools.product(ANSWERS, ATTENDANCES, (False, True)))


def test_next_step_texts_are_unique_plain_sentences() -> None:
    texts = [step.text for step in BOOK.next_steps] + [
        s for row in BOOK.not_applicable for s in row.next_steps
    ]
    assert len(texts) == len(set(texts))
    assert all(text.rstrip().endswith((".", ")")) for text in texts)


FLAG_SAMPLES = [
    {},
    *({name: True} for name in ("gets_carers_allowance", "underlying_carers_allowance", "carer_premium")),
    {"caring_35_hours": True},
    {"over_pension_age": True},
    *({"lone_parent_youngest_child_age": age} for age in range(7)),
    {"gets_carers_allowance": True, "lone_parent_youngest_child_age": 1},
]


@pytest.mark.parametrize("benefit", BENEFITS)
def test_every_situation_in_a_broad_grid_gets_a_verdict(benefit: str) -> None:
    # A gap in the rows would raise RulesDataError; an answer must exist for every person.
    groups = [None, *GROUPS_BY_BENEFIT.get(benefit, ())]
    for group, flags, style, kind in itertools.product(groups, FLAG_SAMPLES, (None, "old", "new"), KINDS):
        situation = Situation(benefit=benefit, group=group, flags=Flags(**flags, esa_style=style))
        result = check(LETTER_FOR_KIND[kind], situation)
        assert result.verdict in ("likely_wrongful", "possibly_wrongful", "no_concern"), situation
        assert result.reasons and result.next_steps, situation


def _broken(change: dict) -> str:
    """The packaged rules with one part replaced, as YAML text."""
    return yaml.safe_dump({**RAW, **change})


class TestValidation:
    """Malformed rules data fails on load, naming the problem."""

    def test_bare_yes_or_no_is_rejected(self) -> None:
        rows = [{**RAW["requirements"][0], "can_be_required": False}, *RAW["requirements"][1:]]
        with pytest.raises(RulesDataError, match="can_be_required"):
            parse_rulebook(_broken({"requirements": rows}))

    def test_duplicate_codes_are_rejected(self) -> None:
        rows = [*RAW["requirements"], RAW["requirements"][0]]
        with pytest.raises(RulesDataError, match="duplicate codes"):
            parse_rulebook(_broken({"requirements": rows}))

    def test_a_gap_in_the_verdict_table_is_rejected(self) -> None:
        with pytest.raises(RulesDataError, match="verdict table: missing"):
            parse_rulebook(_broken({"verdicts": RAW["verdicts"][1:]}))

    def test_an_unknown_flag_is_rejected(self) -> None:
        row = {**RAW["requirements"][0], "applies_to": {"benefit": ["esa"], "any_flag": ["is_carer"]}}
        with pytest.raises(RulesDataError, match="unknown flags"):
            parse_rulebook(_broken({"requirements": [row, *RAW["requirements"][1:]]}))

    def test_an_undefined_group_is_rejected(self) -> None:
        row = {**RAW["requirements"][0], "applies_to": {"benefit": ["esa"], "group": ["lcwra"]}}
        with pytest.raises(RulesDataError, match="groups not defined"):
            parse_rulebook(_broken({"requirements": [row, *RAW["requirements"][1:]]}))

    def test_a_group_under_the_wrong_benefit_is_rejected(self) -> None:
        groups = {**RAW["groups"], "wrag": {**RAW["groups"]["wrag"], "benefits": ["universal_credit"]}}
        with pytest.raises(RulesDataError, match="groups of esa differ"):
            parse_rulebook(_broken({"groups": groups}))

    def test_a_misspelt_key_is_rejected(self) -> None:
        row = {**RAW["requirements"][0], "sources_": []}
        with pytest.raises(RulesDataError, match="sources_"):
            parse_rulebook(_broken({"requirements": [row, *RAW["requirements"][1:]]}))

    def test_a_letter_type_with_no_explanation_is_rejected(self) -> None:
        with pytest.raises(RulesDataError, match="not-applicable rows: missing"):
            parse_rulebook(_broken({"not_applicable": RAW["not_applicable"][1:]}))

    def test_not_yaml_at_all_is_rejected(self) -> None:
        with pytest.raises(RulesDataError):
            parse_rulebook("requirements: [unclosed")
