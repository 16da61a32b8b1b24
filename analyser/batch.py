"""Analyse a folder of letters in parallel (processes or a Dask cluster), one JSON line per letter as it finishes."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any, TextIO

import psutil
import pypdfium2 as pdfium
from PIL import Image
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.progress import Task as RichTask
from rich.text import Text

from analyser.errors import AnalyserError, InvalidSituation
from analyser.ingest.limits import Limits
from analyser.redact import redact_result, redacted_name
from analyser.result import Situation

__all__ = ["BatchOptions", "BatchSummary", "run_batch", "run_task", "Task", "LETTER_SUFFIXES"]

log = logging.getLogger(__name__)

# Files read as letters; anything else in the folder is ignored (and counted).
READABLE_SUFFIXES = frozenset({".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".txt"})
# Files people save letters as by mistake: analysed so each gets an error record saying what to do.
MISTAKEN_SUFFIXES = frozenset({".doc", ".docx", ".odt", ".rtf", ".gif", ".webp", ".heic", ".bmp", ".zip"})
LETTER_SUFFIXES = READABLE_SUFFIXES | MISTAKEN_SUFFIXES
SPLITTABLE_SUFFIXES = frozenset({".pdf", ".tif", ".tiff"})
CSV_FILE_COLUMNS = ("file", "filename", "name", "path")
LOCAL_DASK = "local"
# Tasks queued per worker: enough to keep every worker busy, few enough that Ctrl-C stops quickly.
QUEUED_PER_WORKER = 4
PLAIN_PROGRESS_SECONDS = 5.0


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


@dataclass
class BatchSummary:
    """What one run did: counts of this run's letters, plus where the outputs went."""

    out: Path
    letters: int = 0
    wfi_summonses: int = 0
    likely_wrongful: int = 0
    errors: int = 0
    skipped: int = 0
    ignored: int = 0
    report: Path | None = None
    csv: Path | None = None

    def count(self, record: dict[str, Any]) -> None:
        """Add one finished record to the counts."""
        if "error" in record:
            self.errors += 1
            return
        self.letters += 1
        self.wfi_summonses += bool(record["letter"].get("is_wfi_summons"))
        self.likely_wrongful += (record.get("check") or {}).get("verdict") == "likely_wrongful"

    def text(self) -> str:
        """A few printable lines: the counts and where the outputs are."""
        lines = [
            f"{self.letters} letters read: {self.wfi_summonses} work-focused interview summonses, "
            f"{self.likely_wrongful} likely wrongful",
            f"{self.errors} files could not be read (error records in {self.out})",
        ]
        if self.skipped:
            lines.append(f"{self.skipped} skipped: already in {self.out}")
        if self.ignored:
            lines.append(f"{self.ignored} other files ignored (not letters by their extension)")
        lines.append(f"results: {self.out}")
        if self.csv:
            lines.append(f"CSV: {self.csv}")
        if self.report:
            lines.append(f"report: {self.report}")
        return "\n".join(lines)


@dataclass(frozen=True)
class Task:
    """One letter to analyse: a file, or one page of it, with the situation to judge it against."""

    name: str  # relative to the folder, with "#page=N" for a page
    path: str
    situation: Situation | None = None
    sha256: str | None = None  # of the whole file; computed by the worker when not known
    page: int | None = None  # 1-based, when --split-pages made each page a letter
    # The file's bytes, sent along when the worker may not share our disk (a Dask cluster).
    data: bytes | None = field(default=None, repr=False)


def run_batch(options: BatchOptions) -> BatchSummary:
    """Analyse every letter under options.folder, writing options.out line by line; then the CSV and report."""
    folder = options.folder.resolve()
    if not folder.is_dir():
        raise AnalyserError(f"{options.folder} is not a folder.")
    if options.workers is not None and options.workers < 1:
        raise AnalyserError("--workers must be 1 or more.")
    summary = BatchSummary(out=options.out, report=options.report, csv=options.csv)
    outputs = {p.resolve() for p in (options.out, options.report, options.csv) if p is not None}
    files, summary.ignored = _letter_files(folder, outputs)
    situation_for = _situations(options)
    tasks = list(
        _tasks(folder, files, situation_for, options.resume or options.split_pages, options.split_pages)
    )
    if options.resume:
        tasks, summary.skipped = _not_done(tasks, _done(options.out), options.redact)
    log.info(
        "batch: %d letters to analyse, %d skipped, %d ignored", len(tasks), summary.skipped, summary.ignored
    )
    workers = options.workers or os.cpu_count() or 1
    # The pool first: if it cannot start (no Dask scheduler there), the results file is left as it was.
    with (
        _pool(options.dask_address, workers) if tasks else nullcontext() as pool,
        _open_output(options.out, append=options.resume) as handle,
        _Progress(len(tasks)) as progress,
    ):

        def write(record: dict[str, Any]) -> None:
            if options.redact:
                record = redact_result(record)
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            handle.flush()  # each line is safe on disk before the next letter finishes
            summary.count(record)
            progress.advance()

        _run_tasks(pool, tasks, workers * QUEUED_PER_WORKER, write)
    _write_reports(options)
    return summary


def _letter_files(folder: Path, outputs: set[Path]) -> tuple[list[Path], int]:
    """Every letter file under folder (sorted; hidden files and our own outputs left out) and how many others."""
    letters, ignored = [], 0
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(root) / name
            if name.startswith((".", "~$")) or path.resolve() in outputs:
                continue
            if path.suffix.lower() in LETTER_SUFFIXES:
                letters.append(path)
            else:
                ignored += 1
    return letters, ignored


def _situations(options: BatchOptions) -> Callable[[str], Situation | None]:
    """The situation for a letter by its relative path: its CSV row, else the one for all, else none."""
    default = _situation_file(options.situation_file) if options.situation_file else None
    by_file = _situations_csv(options.situations_csv) if options.situations_csv else {}

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


def _done(out: Path) -> dict[tuple[str, int | None], set[str]]:
    """(sha256, page) of every record already in the output -> the names it was written under."""
    done: dict[tuple[str, int | None], set[str]] = {}
    if not out.exists():
        return done
    with out.open(encoding="utf-8") as handle:
        for line in handle:
            try:
                source = json.loads(line)["source"]
            except (ValueError, KeyError, TypeError):
                continue  # a line torn by a kill: that letter is done again
            if source.get("sha256"):
                done.setdefault((source["sha256"], source.get("page")), set()).add(source.get("name"))
    return done


def _not_done(
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
        assert task.sha256 is not None
        names = done.get((task.sha256, task.page), set()) | done.get((task.sha256, None), set())
        written_as = redacted_name(task.name, task.sha256) if redact else task.name
        if names and (copies[task.sha256] == 1 or written_as in names):
            continue
        remaining.append(task)
    return remaining, len(tasks) - len(remaining)


def _tasks(
    folder: Path,
    files: list[Path],
    situation_for: Callable[[str], Situation | None],
    hash_files: bool,
    split_pages: bool,
) -> Iterator[Task]:
    """One task per letter: a file, or each page of it when splitting pages."""
    for path in files:
        relative = path.relative_to(folder).as_posix()
        situation = situation_for(relative)
        sha256 = _sha256(path) if hash_files else None
        pages = _page_count(path) if split_pages else None
        if pages is None:
            yield Task(relative, str(path), situation, sha256)
        else:
            for page in range(1, pages + 1):
                yield Task(f"{relative}#page={page}", str(path), situation, sha256, page)


def _sha256(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def _page_count(path: Path) -> int | None:
    """How many pages a PDF or TIFF has, or None to treat the file whole (other types, or unreadable)."""
    suffix = path.suffix.lower()
    if suffix not in SPLITTABLE_SUFFIXES:
        return None
    try:
        if suffix == ".pdf":
            document = pdfium.PdfDocument(path)
            try:
                return len(document) or None
            finally:
                document.close()
        with Image.open(path) as image:
            return getattr(image, "n_frames", 1)
    except Exception:  # encrypted, damaged or mislabelled: analysing it whole gives the proper error record
        return None


def run_task(task: Task) -> dict[str, Any]:
    """Analyse one letter and return its JSON record (a result, or an error record); never raises."""
    from analyser.analyse import analyse_bytes, analyse_file  # workers only: the parent never reads letters

    try:
        if task.page is not None:
            data = task.data if task.data is not None else Path(task.path).read_bytes()
            result = analyse_bytes(_page_bytes(data, task), task.name, task.situation)
        elif task.data is not None:
            result = analyse_bytes(task.data, task.name, task.situation)
        else:
            result = analyse_file(task.path, task.situation, name=task.name)
    except AnalyserError as error:
        return _error_record(task, error.type, error.message)
    except Exception as error:
        # The type only: messages and tracebacks of library errors can quote the letter's text.
        log.warning("internal error on %s: %s", task.name, type(error).__name__)
        return _error_record(
            task,
            "InternalError",
            f"An unexpected error ({type(error).__name__}) stopped this file being read.",
        )
    record = result.model_dump(mode="json")
    if task.page is not None:
        # The page was cut out of the file: keep the file's own hash, which is what --resume looks for.
        record["source"]["sha256"] = task.sha256
        record["source"]["page"] = task.page
    return record


def _page_bytes(data: bytes, task: Task) -> bytes:
    """One page of a PDF (as a one-page PDF) or of a TIFF (as a one-frame TIFF), in memory."""
    assert task.page is not None
    buffer = io.BytesIO()
    if Path(task.path).suffix.lower() == ".pdf":
        source, single = pdfium.PdfDocument(data), pdfium.PdfDocument.new()
        try:
            single.import_pages(source, [task.page - 1])
            single.save(buffer)
        finally:
            single.close()
            source.close()
    else:
        with Image.open(io.BytesIO(data)) as image:
            image.seek(task.page - 1)
            dpi = image.info.get("dpi")
            image.save(buffer, format="TIFF", **({"dpi": dpi} if dpi else {}))
    return buffer.getvalue()


def _error_record(task: Task, error_type: str, message: str) -> dict[str, Any]:
    """The contract's error record: the file's name and hash, no media type, the error's type and message."""
    sha256 = task.sha256
    if sha256 is None:
        sha256 = hashlib.sha256(task.data).hexdigest() if task.data is not None else _sha256(Path(task.path))
    source: dict[str, Any] = {"name": task.name, "sha256": sha256, "media_type": None}
    if task.page is not None:
        source["page"] = task.page
    return {"source": source, "error": {"type": error_type, "message": message}}


def _run_tasks(
    pool: _ProcessPool | _DaskPool, tasks: list[Task], window: int, write: Callable[[dict[str, Any]], None]
) -> None:
    """Run tasks with at most `window` queued, writing each record as it finishes.

    A worker that dies (a crash in a PDF or OCR library, the out-of-memory killer) breaks a process
    pool and fails every letter in flight. Those are retried one at a time in a fresh pool, so only a
    letter that breaks a pool on its own gets an error record. Ctrl-C stops queuing, writes the
    letters already being read, then raises KeyboardInterrupt; a second Ctrl-C stops at once.
    """
    pending, suspects = deque(tasks), deque[Task]()
    running: dict[Future[dict[str, Any]], Task] = {}
    alone: Task | None = None  # a suspect running by itself: if the pool breaks now, this letter did it
    stopping = False

    def settle(future: Future[dict[str, Any]]) -> bool:
        """Write a finished future's record, or queue it to retry alone; True if its pool broke."""
        nonlocal alone
        task = running.pop(future)
        was_alone = task is alone
        if was_alone:
            alone = None
        try:
            record = future.result()
        except BrokenProcessPool:
            if was_alone:
                write(_error_record(task, "InternalError", "The process reading this file crashed."))
            else:
                suspects.append(task)
            return True
        except Exception as error:  # e.g. a Dask worker lost three times over (KilledWorker)
            record = _error_record(
                task, "InternalError", f"The worker reading this file failed ({type(error).__name__})."
            )
        write(record)
        return False

    while running or (not stopping and (pending or suspects)):
        try:
            if not stopping and suspects and not running:
                alone = suspects.popleft()
                running[pool.submit(alone)] = alone
            while not stopping and not suspects and pending and len(running) < window:
                task = pending.popleft()
                running[pool.submit(task)] = task
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
        except KeyboardInterrupt:
            if stopping:
                raise
            stopping = True
            print("stopping after the letters in progress (Ctrl-C again to stop at once)", file=sys.stderr)
            for future in [f for f in running if f.cancel()]:
                del running[future]
            continue
        if any([settle(future) for future in finished]):
            # Everything in flight fails with the pool: collect it all before starting a fresh one.
            for future in wait(running).done:
                settle(future)
            pool.restart()
    if stopping:
        raise KeyboardInterrupt


class _ProcessPool:
    """Worker processes on this machine, each loading the model once."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # forkserver: workers fork from a clean process that has imported analyser, never from this one,
        # which may hold threads (Dask, rich) that fork would copy in a locked state.
        if "forkserver" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("forkserver")
            # Every worker forks from a server that has imported the reading code once.
            context.set_forkserver_preload(["analyser.batch", "analyser.analyse"])
        else:
            context = multiprocessing.get_context("spawn")
        self._abort = context.Event()
        return ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(), self._abort)
        )

    def submit(self, task: Task) -> Future[dict[str, Any]]:
        return self._executor.submit(run_task, task)

    def restart(self) -> None:
        self.close(wait=False)
        self._executor = self._start()

    def close(self, wait: bool = True) -> None:
        """Stop the workers: after their letters (wait), or at once."""
        if not wait:
            self._abort.set()
        self._executor.shutdown(wait=wait, cancel_futures=True)


class _DaskPool:
    """Workers of a Dask cluster (at an address, or a local one started here), each loading the model once."""

    def __init__(self, address: str, workers: int) -> None:
        from distributed import Client, LocalCluster

        self._cluster = None
        if address == LOCAL_DASK:
            self._cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
            )
        try:
            self._client = Client(self._cluster or address, timeout="20s")
        except OSError as error:
            raise AnalyserError(f"Cannot reach the Dask scheduler at {address}: {error}") from error
        self._client.run(_load_model)
        self._executor = self._client.get_executor(pure=False)
        self._max_bytes = Limits.from_env().max_bytes

    def submit(self, task: Task) -> Future[dict[str, Any]]:
        # The worker may be on another machine: send the bytes, unless over the size limit (it reports that).
        path = Path(task.path)
        if task.data is None and path.is_file() and path.stat().st_size <= self._max_bytes:
            task = replace(task, data=path.read_bytes())
        return self._executor.submit(run_task, task)

    def restart(self) -> None:
        """Nothing to do: Dask replaces lost workers itself."""

    def close(self, wait: bool = True) -> None:
        self._executor.shutdown(wait=wait)
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


@contextmanager
def _pool(dask_address: str | None, workers: int) -> Iterator[_ProcessPool | _DaskPool]:
    pool = _DaskPool(dask_address, workers) if dask_address else _ProcessPool(workers)
    try:
        yield pool
    except BaseException:
        pool.close(wait=False)  # stopped (a second Ctrl-C, an error): no one will write what is in flight
        raise
    pool.close()


def _start_worker(parent: int, abort: threading.Event) -> None:
    """Process-pool initializer: leave Ctrl-C to the parent, die with it or when told, load the model once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent drains the work in flight on Ctrl-C
    threading.Thread(target=_exit_with, args=(parent, abort), daemon=True).start()
    _load_model()


def _exit_with(parent: int, abort: threading.Event) -> None:
    # A killed parent never tells its pool to stop, and a forkserver worker's own parent (the
    # forkserver) waits for its workers: without this, both would wait for work forever.
    try:
        process = psutil.Process(parent)
        while process.is_running() and process.status() != psutil.STATUS_ZOMBIE and not abort.wait(1.0):
            pass
    except psutil.Error:
        pass
    os._exit(1)


def _load_model() -> None:
    from analyser.nlp import load_pipeline

    load_pipeline()


@contextmanager
def _open_output(out: Path, append: bool) -> Iterator[TextIO]:
    """The results file, appended to (after dropping a line torn by a kill) or started afresh."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if append and out.exists():
        data = out.read_bytes()
        if data and not data.endswith(b"\n"):
            with out.open("rb+") as handle:
                handle.truncate(data.rfind(b"\n") + 1)
    with out.open("a" if append else "w", encoding="utf-8") as handle:
        yield handle


class _RateColumn(ProgressColumn):
    def render(self, task: RichTask) -> Text:
        return Text(f"{task.speed or 0:.1f} letters/s")


class _Progress:
    """A progress bar with rate and ETA on a terminal; a plain line every few seconds otherwise."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0
        self._started = self._last_line = time.monotonic()
        console = Console(stderr=True)
        self._bar = None
        if console.is_terminal:
            self._bar = Progress(
                TextColumn("letters"),
                BarColumn(),
                MofNCompleteColumn(),
                _RateColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=console,
                transient=False,
            )

    def __enter__(self) -> _Progress:
        if self._bar is not None:
            self._bar.start()
            self._task_id = self._bar.add_task("letters", total=self.total)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def advance(self) -> None:
        self.done += 1
        if self._bar is not None:
            self._bar.advance(self._task_id)
            return
        now = time.monotonic()
        if now - self._last_line >= PLAIN_PROGRESS_SECONDS or self.done == self.total:
            self._last_line = now
            rate = self.done / max(now - self._started, 1e-9)
            eta = (self.total - self.done) / rate if rate else 0.0
            print(
                f"batch: {self.done}/{self.total} letters, {rate:.1f}/s, ETA {int(eta // 60)}:{int(eta % 60):02d}",
                file=sys.stderr,
                flush=True,
            )


def _write_reports(options: BatchOptions) -> None:
    """The per-letter CSV and the HTML report, both built from the results file alone."""
    from analyser.report import write_letters_csv, write_report

    if options.report:
        write_report(options.out, options.report, options.csv)
    elif options.csv:
        write_letters_csv(options.out, options.csv)
