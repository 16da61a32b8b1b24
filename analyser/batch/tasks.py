"""One letter of a batch as a task: read it (whole or one page) in a worker, return its JSON record."""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

import pypdfium2 as pdfium
from PIL import Image

from analyser.batch.dedup import fingerprint
from analyser.batch.discover import read_regular
from analyser.batch.offices import region_in_text
from analyser.errors import AnalyserError
from analyser.ingest.limits import Limits
from analyser.result import Situation

__all__ = ["Task", "make_tasks", "run_task", "error_record", "file_sha256", "refused_record"]

log = logging.getLogger(__name__)

SPLITTABLE_SUFFIXES = frozenset({".pdf", ".tif", ".tiff"})


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


def make_tasks(
    files: list[tuple[str, str]],
    situation_for: Callable[[str], Situation | None],
    hash_files: bool,
    split_pages: bool,
) -> Iterator[Task]:
    """One task per letter: a file, or each page of it when splitting pages."""
    for relative, path in files:
        situation = situation_for(relative)
        sha256 = file_sha256(path) if hash_files else None
        pages = _page_count(path) if split_pages else None
        if pages is None:
            yield Task(relative, path, situation, sha256)
        else:
            for page in range(1, pages + 1):
                yield Task(f"{relative}#page={page}", path, situation, sha256, page)


def file_sha256(path: str) -> str | None:
    try:
        return hashlib.sha256(read_regular(path, _max_bytes())).hexdigest()
    except (OSError, AnalyserError):
        return None


def _max_bytes() -> int:
    return Limits.from_env().max_bytes


def _page_count(path: str) -> int | None:
    """How many pages a PDF or TIFF has, or None to treat the file whole (other types, or unreadable)."""
    suffix = PurePosixPath(path).suffix.lower()
    if suffix not in SPLITTABLE_SUFFIXES:
        return None
    try:
        data = read_regular(path, _max_bytes())
        if suffix == ".pdf":
            document = pdfium.PdfDocument(data)
            try:
                return len(document) or None
            finally:
                document.close()
        with Image.open(io.BytesIO(data)) as image:
            return getattr(image, "n_frames", 1)
    except Exception:  # encrypted, damaged or mislabelled: analysing it whole gives the proper error record
        return None


def run_task(task: Task) -> dict[str, Any]:
    """Analyse one letter and return its JSON record (a result, or an error record); never raises."""
    from analyser.analyse import analyse_bytes  # workers only: the parent never reads letters

    try:
        data = task.data if task.data is not None else read_regular(task.path, _max_bytes())
        if task.page is not None:
            data = _page_bytes(data, task)
        result = analyse_bytes(data, task.name, task.situation, include_text=True)
    except AnalyserError as error:
        return error_record(task, error.type, error.message)
    except OSError as error:
        return error_record(
            task, "CorruptFile", f"The file could not be opened ({error.strerror or 'OS error'})."
        )
    except Exception as error:
        # The type only: messages and tracebacks of library errors can quote the letter's text.
        log.warning("internal error on %s: %s", task.name, type(error).__name__)
        return error_record(
            task,
            "InternalError",
            f"An unexpected error ({type(error).__name__}) stopped this file being read.",
        )
    text = "\n".join(page.text for page in result.pages or [])
    result.pages = None
    record = result.model_dump(mode="json")
    record["fingerprint"] = fingerprint(text)  # what finds the same letter as another rendition
    # Read here because only the worker has the text; the parent prefers letter.office_address when set.
    record["office_region"] = region_in_text(text, result.letter.office)
    if task.page is not None:
        # The page was cut out of the file: keep the file's own hash, which is what --resume looks for.
        record["source"]["sha256"] = task.sha256
        record["source"]["page"] = task.page
    return record


def _page_bytes(data: bytes, task: Task) -> bytes:
    """One page of a PDF (as a one-page PDF) or of a TIFF (as a one-frame TIFF), in memory."""
    assert task.page is not None
    buffer = io.BytesIO()
    if PurePosixPath(task.path).suffix.lower() == ".pdf":
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


def error_record(task: Task, error_type: str, message: str) -> dict[str, Any]:
    """The contract's error record: the file's name and hash, no media type, the error's type and message."""
    sha256 = task.sha256
    if sha256 is None:
        sha256 = hashlib.sha256(task.data).hexdigest() if task.data is not None else file_sha256(task.path)
    source: dict[str, Any] = {"name": task.name, "sha256": sha256, "media_type": None}
    if task.page is not None:
        source["page"] = task.page
    return {"source": source, "error": {"type": error_type, "message": message}}


def refused_record(name: str, error: AnalyserError) -> dict[str, Any]:
    """The error record of a folder entry the walk refused to open (nothing read, so no hash)."""
    return {"source": {"name": name, "sha256": None, "media_type": None}, "error": error.as_dict()}
