"""Analyse a folder of letters in parallel (processes or a Dask cluster), one JSON line per letter, in name order."""

from __future__ import annotations

import hashlib
import json
import logging
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analyser.batch import db as database
from analyser.batch.checking import needs_checking
from analyser.batch.dedup import Deduper
from analyser.batch.discover import discover
from analyser.batch.offices import cluster_offices, region
from analyser.batch.output import (
    distinct_outputs,
    done_keys,
    locked_database,
    locked_output,
    not_done,
    read_records,
    start_output,
)
from analyser.batch.pools import open_pool
from analyser.batch.progress import BatchProgress
from analyser.batch.schedule import run_tasks
from analyser.batch.situations import situations
from analyser.batch.tasks import make_tasks, refused_record
from analyser.errors import AnalyserError, OutputError
from analyser.redact import redact_result, redacted_name
from analyser.settings import available_cores
from analyser.typography import counted

__all__ = ["BatchOptions", "BatchSummary", "run_batch"]

log = logging.getLogger(__name__)

# Tasks queued per worker: enough to keep every worker busy, few enough that Ctrl-C stops quickly.
QUEUED_PER_WORKER = 4


@dataclass
class BatchOptions:
    """What `analyser batch` was asked to do."""

    folder: Path
    out: Path
    situation_file: Path | None = None
    situations_csv: Path | None = None
    workers: int | None = None
    resume: bool = False
    split_pages: bool = False
    redact: bool = False
    # A Dask scheduler address (tcp://host:8786) or "local"; its workers must be able to import analyser.
    dask_address: str | None = None
    report: Path | None = None
    csv: Path | None = None
    db: Path | None = None


@dataclass
class BatchSummary:
    """What one run did: counts of this run's letters, plus where the outputs went."""

    out: Path
    letters: int = 0
    duplicates: int = 0
    needs_checking: int = 0
    wfi_summonses: int = 0
    likely_wrongful: int = 0
    errors: int = 0
    skipped: int = 0
    ignored: list[str] = field(default_factory=list)  # files that are not letters by their extension
    report: Path | None = None
    csv: Path | None = None
    db: Path | None = None

    def count(self, record: dict[str, Any]) -> None:
        """Add one finished record to the counts: the headline ones count each letter once, unchecked ones apart."""
        if "error" in record:
            self.errors += 1
            return
        self.letters += 1
        if record.get("duplicate_of"):
            self.duplicates += 1
        elif (record.get("campaign") or {}).get("needs_checking"):
            self.needs_checking += 1
        else:
            self.wfi_summonses += bool(record["letter"].get("is_wfi_summons"))
            self.likely_wrongful += (record.get("check") or {}).get("verdict") == "likely_wrongful"

    def text(self) -> str:
        """A few printable lines: the counts and where the outputs are."""
        if not (self.letters or self.errors) and self.skipped:
            lines = [f"Nothing new to read: all {counted(self.skipped, 'file')} are already in {self.out}"]
        else:
            lines = [
                f"{counted(self.letters, 'letter')} read: "
                f"{counted(self.wfi_summonses, 'work-focused interview summons', 'summonses')}, "
                f"{self.likely_wrongful} likely wrongful",
                f"{counted(self.errors, 'file')} could not be read (error records in {self.out})",
            ]
        if self.duplicates:
            lines.append(f"{self.duplicates} were other copies of a letter already read (counted once)")
        if self.needs_checking:
            lines.append(f"{self.needs_checking} need checking by hand (not in the figures above)")
        if self.skipped and (self.letters or self.errors):
            lines.append(f"{self.skipped} skipped: already in {self.out}")
        if self.ignored:
            shown = ", ".join(self.ignored[:3]) + (", ..." if len(self.ignored) > 3 else "")
            lines.append(
                f"{counted(len(self.ignored), 'other file')} ignored, not letters by their extension: {shown}"
            )
        lines.append(f"results: {self.out}")
        lines += [
            f"{label}: {path}"
            for label, path in (("database", self.db), ("CSV", self.csv), ("report", self.report))
            if path
        ]
        return "\n".join(lines)


def run_batch(options: BatchOptions) -> BatchSummary:
    """Analyse every letter under options.folder, writing options.out line by line; then the CSV and report."""
    folder = options.folder.resolve()
    if not folder.is_dir():
        raise AnalyserError(f"{options.folder} is not a folder.")
    if options.workers is not None and options.workers < 1:
        raise AnalyserError("--workers must be 1 or more.")
    named = {"--out": options.out, "--report": options.report, "--csv": options.csv, "--db": options.db}
    distinct_outputs(named)
    summary = BatchSummary(out=options.out, report=options.report, csv=options.csv, db=options.db)
    outputs = {p for p in named.values() if p is not None}
    if options.db is not None:
        outputs |= {options.db.with_name(options.db.name + suffix) for suffix in ("-wal", "-shm", "-journal")}
    # The situations files are the run's own inputs, not strangers in the folder: neither read nor "ignored".
    ours = outputs | {p for p in (options.situation_file, options.situations_csv) if p is not None}
    found = discover(folder, ours)
    summary.ignored = found.ignored
    situation_for = situations(options.situation_file, options.situations_csv)
    resuming = options.resume
    tasks = list(make_tasks(found.files, situation_for, resuming or options.split_pages, options.split_pages))
    refused = found.refused
    workers = options.workers or available_cores()
    with locked_output(options.out) as handle, locked_database(options.db):
        previous = read_records(options.out) if resuming else []
        if resuming:
            tasks, summary.skipped = not_done(tasks, done_keys(previous), options.redact)
            written = {r["source"].get("name") for r in previous}
            refused = [
                (n, e) for n, e in refused if _written_name(n, _name_hash(n), options.redact) not in written
            ]
        log.info(
            "batch: %d letters to analyse, %d skipped, %d ignored",
            len(tasks),
            summary.skipped,
            len(summary.ignored),
        )
        # The pool first: if it cannot start (no Dask scheduler there), the results file is left as it was.
        with open_pool(options.dask_address, workers) if tasks else nullcontext() as pool:
            # The database before the results file is emptied: a --db that cannot be opened loses nothing.
            connection = database.open_for_batch(options.db, fresh=not resuming) if options.db else None
            start_output(handle, append=resuming)
            if connection is not None and resuming:
                database.sync(connection, previous)  # a kill may have left it one letter behind the JSONL
            dedup = Deduper()
            for record in previous:
                dedup.first_of(record, record["source"].get("name"))
            with BatchProgress(len(tasks) + len(refused)) as progress:

                def write(record: dict[str, Any]) -> None:
                    record = _finish_record(record, dedup, options.redact)
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                    handle.flush()  # each line is safe on disk before the next letter finishes
                    if connection is not None:
                        database.add_record(connection, record)
                    summary.count(record)
                    progress.advance()

                for name, error in refused:
                    write(refused_record(name, error))
                if pool is not None:
                    run_tasks(pool, tasks, workers * QUEUED_PER_WORKER, write)
            if connection is not None:
                database.finish(connection)
                connection.close()
    _write_reports(options)
    return summary


def _written_name(name: str, sha256: str | None, redact: bool) -> str:
    return redacted_name(name, sha256) if redact else name


def _name_hash(name: str) -> str:
    """Stands in for the content hash of an entry that was never opened, so redacted names stay distinct."""
    return hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()


def _finish_record(record: dict[str, Any], dedup: Deduper, redact: bool) -> dict[str, Any]:
    """The record as written: which letter it repeats, its office, area and doubts; redacted if asked."""
    if "error" in record:
        if not redact:
            return record
        source = record["source"]
        if source.get("sha256") is None:  # refused by the walk: name it by its path's hash instead
            redacted = redact_result({**record, "source": {**source, "sha256": _name_hash(source["name"])}})
            redacted["source"]["sha256"] = None
            return redacted
        return redact_result(record)
    source, letter = record["source"], record["letter"]
    name = _written_name(source["name"], source.get("sha256"), redact)
    duplicate_of = dedup.first_of(
        record, name
    )  # on the unredacted facts: names and references tell letters apart
    fingerprint = record.pop("fingerprint", None)
    region_read = record.pop("office_region", None)
    raw_office = letter.get("office")
    record["campaign"] = {
        "office": cluster_offices([raw_office]).get(raw_office) if raw_office else None,
        "region": region(letter.get("office_address")) or region_read,
        "needs_checking": needs_checking(record),
    }
    if redact:
        record = redact_result(record)
    record["duplicate_of"] = duplicate_of
    record["fingerprint"] = fingerprint
    return record


def _write_reports(options: BatchOptions) -> None:
    """The per-letter CSV and the HTML report, built from the database (or the results file loaded into one)."""
    from analyser.report import write_letters_csv, write_report

    try:
        if options.report:
            write_report(options.out, options.report, options.csv, db=options.db, redacted=options.redact)
        elif options.csv:
            write_letters_csv(options.out, options.csv, db=options.db)
    except OSError as error:
        raise OutputError(
            f"Cannot write {error.filename or 'the report'}: {error.strerror}. The results are safe in {options.out}."
        ) from error
