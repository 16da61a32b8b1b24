"""The rules stage: judges a Letter against a person's Situation (verdict, reasons, sources), with no NLP."""

from analyser.rules.actions import with_actions
from analyser.rules.engine import check, letter_warnings
from analyser.rules.situations import situation_from_cli, situation_from_csv_row

__all__ = ["with_actions", "check", "letter_warnings", "situation_from_cli", "situation_from_csv_row"]
