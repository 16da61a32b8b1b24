"""Situations from what people type: CLI options and CSV rows, with errors that say what is allowed."""

from __future__ import annotations

import csv
import io

import pytest

from analyser.errors import InvalidSituation
from analyser.result import BENEFITS, Flags, Situation
from analyser.rules import situation_from_cli, situation_from_csv_row


class TestFromCli:
    def test_nothing_given_is_no_situation(self) -> None:
        assert situation_from_cli(None, None, []) is None

    def test_benefit_and_group(self) -> None:
        assert situation_from_cli("esa", "support_group", []) == Situation(
            benefit="esa", group="support_group"
        )

    @pytest.mark.parametrize(
        ("typed", "benefit"),
        [
            ("UC", "universal_credit"),
            ("Universal Credit", "universal_credit"),
            ("income-support", "income_support"),
        ],
    )
    def test_benefit_spellings_people_use(self, typed: str, benefit: str) -> None:
        situation = situation_from_cli(typed, None, [])
        assert situation is not None and situation.benefit == benefit

    @pytest.mark.parametrize("typed", ["", "unknown", "I don't know", "none"])
    def test_an_unknown_group_is_left_empty(self, typed: str) -> None:
        situation = situation_from_cli("esa", typed, [])
        assert situation is not None and situation.group is None

    @pytest.mark.parametrize(
        ("word", "value"),
        [("true", True), ("YES", True), ("1", True), ("false", False), ("no", False), ("0", False)],
    )
    def test_boolean_flags(self, word: str, value: bool) -> None:
        situation = situation_from_cli("universal_credit", None, [f"caring_35_hours={word}"])
        assert situation is not None and situation.flags.caring_35_hours is value

    def test_all_kinds_of_flag_together(self) -> None:
        situation = situation_from_cli(
            "esa",
            "wrag",
            [
                "gets_carers_allowance=yes",
                "lone_parent_youngest_child_age=2",
                "esa_style=Old",
                "over_pension_age=0",
            ],
        )
        assert situation is not None
        assert situation.flags == Flags(
            gets_carers_allowance=True, lone_parent_youngest_child_age=2, esa_style="old"
        )

    def test_a_flag_name_may_be_spelt_with_dashes(self) -> None:
        situation = situation_from_cli("uc", None, ["caring-35-hours=true"])
        assert situation is not None and situation.flags.caring_35_hours

    def test_unknown_benefit_lists_the_allowed_values(self) -> None:
        with pytest.raises(InvalidSituation) as error:
            situation_from_cli("tax_credits", None, [])
        assert all(benefit in error.value.message for benefit in BENEFITS)

    def test_a_group_that_does_not_go_with_the_benefit_says_which_do(self) -> None:
        with pytest.raises(InvalidSituation) as error:
            situation_from_cli("universal_credit", "support_group", [])
        message = error.value.message
        assert "support_group" in message and "no_work_related_requirements" in message

    def test_unknown_group_lists_the_groups(self) -> None:
        with pytest.raises(InvalidSituation, match="choose one of: support_group"):
            situation_from_cli("esa", "lcwra", [])

    @pytest.mark.parametrize(
        ("flag", "complaint"),
        [
            ("caring_35_hours", "should be NAME=VALUE"),
            ("=true", "should be NAME=VALUE"),
            ("is_carer=true", "unknown flag is_carer; flags: gets_carers_allowance"),
            ("caring_35_hours=maybe", "use true/false, yes/no or 1/0"),
            ("lone_parent_youngest_child_age=two", "use a whole number"),
            ("lone_parent_youngest_child_age=-1", "greater than or equal to 0"),
            ("esa_style=contributory", "esa_style"),
        ],
    )
    def test_bad_flags_say_what_is_wrong(self, flag: str, complaint: str) -> None:
        with pytest.raises(InvalidSituation, match=complaint):
            situation_from_cli("esa", None, [flag])

    def test_a_flag_given_twice_is_an_error(self) -> None:
        with pytest.raises(InvalidSituation, match="given twice"):
            situation_from_cli("esa", None, ["carer_premium=true", "carer_premium=false"])

    def test_flags_without_a_benefit_are_an_error(self) -> None:
        with pytest.raises(InvalidSituation, match="need a benefit"):
            situation_from_cli(None, None, ["caring_35_hours=true"])

    def test_invalid_situation_is_a_value_error_with_exit_code(self) -> None:
        with pytest.raises(ValueError) as error:
            situation_from_cli("nope", None, [])
        assert isinstance(error.value, InvalidSituation) and error.value.exit_code == 2


CSV_TEXT = """\
file,benefit,group,caring_35_hours,lone_parent_youngest_child_age,esa_style,notes
a.pdf,esa,support_group,,,new,first
b.pdf,Universal Credit,,yes,0,,second
c.pdf,,,,,,no situation
d.pdf,income_support,,no,3,,third
"""


class TestFromCsvRow:
    rows = list(csv.DictReader(io.StringIO(CSV_TEXT)))

    def test_rows_become_situations_and_other_columns_are_ignored(self) -> None:
        situations = [situation_from_csv_row(row) for row in self.rows]
        assert situations == [
            Situation(benefit="esa", group="support_group", flags=Flags(esa_style="new")),
            Situation(
                benefit="universal_credit",
                flags=Flags(caring_35_hours=True, lone_parent_youngest_child_age=0),
            ),
            None,
            Situation(benefit="income_support", flags=Flags(lone_parent_youngest_child_age=3)),
        ]

    def test_column_names_are_matched_loosely(self) -> None:
        row = {" Benefit ": "esa", "Group": "wrag", "Over Pension Age": "true"}
        assert situation_from_csv_row(row) == Situation(
            benefit="esa", group="wrag", flags=Flags(over_pension_age=True)
        )

    def test_a_bad_cell_is_an_invalid_situation(self) -> None:
        with pytest.raises(InvalidSituation, match="caring_35_hours"):
            situation_from_csv_row({"benefit": "esa", "caring_35_hours": "sometimes"})

    def test_a_row_with_flags_but_no_benefit_is_an_error(self) -> None:
        with pytest.raises(InvalidSituation, match="need a benefit"):
            situation_from_csv_row({"benefit": "", "carer_premium": "yes"})

    def test_short_rows_from_dictreader_are_tolerated(self) -> None:
        # csv.DictReader fills missing cells with None and puts extra cells under the key None.
        assert situation_from_csv_row({"benefit": "jsa", "group": None, None: ["extra"]}) == Situation(
            benefit="jsa"
        )
