"""The batch's JSONL results file: locked against a second writer, appended line by line, read back to resume."""

from __future__ import annotations

import fcntl
import json
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, TextIO

from analyser.batch.tasks import Task
from analyser.errors import OutputError, OutputLocked
from analyser.redact import redacted_name

__all__ = [
    "locked_output",
    "locked_database",
    "distinct_outputs",
    "start_output",
    "read_records",
    "done_keys",
    "not_done",
]


@contextmanager
def locked_output(out: Path) -> Iterator[TextIO]:
    """The results file opened for appending under an exclusive lock, nothing changed yet.

    The lock is the file's own (flock), so it goes with the process however it ends - even kill -9.
    A second batch on the same file stops here, before it has written or truncated anything.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a+", encoding="utf-8") as handle:
        _hold(handle, out, "--out")
        yield handle


@contextmanager
def locked_database(db: Path | None) -> Iterator[None]:
    """Hold --db for this run, as the results file is held: two batches writing one database would
    each empty it and interleave their letters. (flock on the file is apart from SQLite's own locks.)"""
    if db is None:
        yield
        return
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
        handle = db.open("ab")
    except OSError as error:
        raise OutputError(
            f"Cannot write the database {db}: {error.strerror}. Nothing was changed."
        ) from error
    with handle:
        _hold(handle, db, "--db")
        yield


def _hold(handle: IO[Any], path: Path, option: str) -> None:
    """An exclusive lock on the open file, or OutputLocked naming the option to change."""
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as error:
        raise OutputLocked(
            f"Another batch is writing {path} now. Wait for it to finish, or give this one another {option}."
        ) from error


def distinct_outputs(paths: dict[str, Path | None]) -> None:
    """Refuse two outputs that are the same file: the second would overwrite the first's results."""
    seen: dict[Path, str] = {}
    for option, path in paths.items():
        if path is None:
            continue
        resolved = path.resolve()
        if resolved in seen:
            raise OutputError(
                f"{seen[resolved]} and {option} are the same file ({path}). Give each its own name."
            )
        seen[resolved] = option


def start_output(handle: TextIO, append: bool) -> None:
    """Empty the locked file for a fresh run, or drop a line torn by a kill before appending."""
    raw = handle.buffer
    raw.seek(0)
    data = raw.read() if append else b""
    keep = data.rfind(b"\n") + 1 if data and not data.endswith(b"\n") else len(data)
    raw.truncate(keep)
    raw.seek(0, 2)


def read_records(out: Path) -> list[dict[str, Any]]:
    """Every complete record in a results file, in the order written (a torn last line is skipped)."""
    records: list[dict[str, Any]] = []
    if not out.exists():
        return records
    with out.open(encoding="utf-8") as handle:
        for line in handle:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and isinstance(record.get("source"), dict):
                records.append(record)
    return records


def done_keys(records: list[dict[str, Any]]) -> dict[tuple[str, int | None], set[str]]:
    """(sha256, page) of every record already written -> the names it was written under."""
    done: dict[tuple[str, int | None], set[str]] = {}
    for record in records:
        source = record["source"]
        if source.get("sha256"):
            done.setdefault((source["sha256"], source.get("page")), set()).add(source.get("name"))
    return done


def not_done(
    tasks: list[Task], done: dict[tuple[str, int | None], set[str]], redact: bool
) -> tuple[list[Task], int]:
    """The tasks whose file (or page) has no record yet, and how many were skipped.

    A file's hash in the output means it is done, even if it has been renamed or moved since. Where
    the folder holds several copies of one file (ten empty files), the name must match too, so that
    every copy still gets its own record.
    """
    copies = Counter(task.sha256 for task in tasks if task.page in (None, 1))
    remaining = []
    for task in tasks:
        if task.sha256 is None:  # unreadable now: read again, so it gets its error record
            remaining.append(task)
            continue
        names = done.get((task.sha256, task.page), set()) | done.get((task.sha256, None), set())
        written_as = redacted_name(task.name, task.sha256) if redact else task.name
        if names and (copies[task.sha256] == 1 or written_as in names):
            continue
        remaining.append(task)
    return remaining, len(tasks) - len(remaining)
