"""The situation each letter of a batch is judged against: one JSON for all, or a CSV row per file."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from analyser.errors import AnalyserError, InvalidSituation
from analyser.result import Situation

__all__ = ["situations"]

CSV_FILE_COLUMNS = ("file", "filename", "name", "path")


def situations(situation_file: Path | None, situations_csv: Path | None) -> Callable[[str], Situation | None]:
    """The situation for a letter by its relative path: its CSV row, else the one for all, else none."""
    default = _situation_file(situation_file) if situation_file else None
    by_file = _situations_csv(situations_csv) if situations_csv else {}

    def situation_for(relative: str) -> Situation | None:
        for key in (relative, PurePosixPath(relative).name):
            if key in by_file:
                return by_file[key]
        return default

    return situation_for


def _situation_file(path: Path) -> Situation:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InvalidSituation(f"{path}: cannot read the situation JSON ({error}).") from error
    if not isinstance(data, dict):
        raise InvalidSituation(f"{path}: the situation must be a JSON object with benefit, group and flags.")
    return Situation.parse(data)


def _situations_csv(path: Path) -> dict[str, Situation | None]:
    """File name (relative to the folder, or bare) -> that person's situation (None where the row has none)."""
    from analyser.rules.situations import situation_from_csv_row

    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        headers = {(h or "").strip().lower(): h for h in reader.fieldnames or []}
        column = next((headers[c] for c in CSV_FILE_COLUMNS if c in headers), None)
        if column is None:
            raise InvalidSituation(
                f"{path}: needs a column naming each letter's file ({', '.join(CSV_FILE_COLUMNS)})."
            )
        by_file: dict[str, Situation | None] = {}
        for line, row in enumerate(reader, start=2):
            name = (row.get(column) or "").strip().replace("\\", "/").removeprefix("./")
            if not name:
                continue
            try:
                by_file[name] = situation_from_csv_row(row)
            except AnalyserError as error:
                raise InvalidSituation(f"{path} line {line} ({name}): {error.message}") from error
    return by_file
