"""Score phone photos: each gold letter photographed page by page (samples/photo.py), read as one
letter, with character error rate and seconds per photo; and how often unreadable photos are refused."""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
REFUSALS = ("UnreadableImage", "NoTextFound")


@dataclass
class PhotoStats:
    """What reading one letter's photos cost and how close the text came."""

    photos: int
    seconds: float  # wall clock
    cpu_seconds: float  # this process's CPU time: steady when the machine is busy with other work
    cer: float | None  # None when the letter was refused
    refused: str | None  # the error type, when refused


def _renderer() -> ModuleType:
    # The photo renderer is a development tool in samples/, next to the scan renderer.
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from samples import photo

    return photo


def photo_files(gold: dict[str, Any], seed: int, out: Path | None = None) -> list[tuple[bytes, str]]:
    """The letter as phone photos, one JPEG per page, the same for the same seed and id."""
    photo = _renderer()
    rng = random.Random(f"{seed}:{gold['id']}")
    files = []
    for number, page in enumerate(photo.page_images(gold["text"]), 1):
        name = f"{gold['id']}-p{number}.jpg"
        files.append((photo.jpeg_bytes(photo.photograph(page, rng), rng), name))
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            (out / name).write_bytes(files[-1][0])
    return files


def cer(gold: str, read: str) -> float:
    """Character error rate: edits to turn the read text into the gold text, per gold character."""
    from rapidfuzz.distance import Levenshtein

    want, got = " ".join(gold.split()), " ".join(read.split())
    return Levenshtein.distance(want, got) / max(1, len(want))


def _photo_job(job: tuple[dict[str, Any], int, str | None]) -> tuple[dict[str, Any], PhotoStats]:
    from analyser import analyse_uploads
    from analyser.errors import AnalyserError

    gold, seed, out = job
    files = photo_files(gold, seed, Path(out) if out else None)
    started, cpu = time.perf_counter(), time.process_time()
    try:
        result = analyse_uploads(files, include_text=True)
    except AnalyserError as error:
        took = (time.perf_counter() - started, time.process_time() - cpu)
        return {}, PhotoStats(len(files), *took, None, error.type)
    took = (time.perf_counter() - started, time.process_time() - cpu)
    text = "\n".join(page.text for page in result.pages or [])
    letter = result.letter.model_dump(mode="json")
    return letter, PhotoStats(len(files), *took, cer(gold["text"], text), None)


def run_photos(
    labels: list[dict[str, Any]], workers: int = 1, seed: int = 7, out: Path | None = None
) -> tuple[list[tuple[dict[str, Any], dict[str, Any]]], list[PhotoStats]]:
    """Every gold letter photographed and read: (gold, letter) rows for the scorer, and the stats."""
    jobs = [(gold, seed, str(out) if out else None) for gold in labels]
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            found = list(pool.map(_photo_job, jobs))
    else:
        found = [_photo_job(job) for job in jobs]
    rows = [(gold, letter) for gold, (letter, _) in zip(labels, found, strict=True)]
    return rows, [stats for _, stats in found]


def _unreadable_job(job: tuple[int, str, int]) -> tuple[str, str | None]:
    from analyser import analyse_uploads
    from analyser.errors import AnalyserError

    number, text, seed = job
    photo = _renderer()
    kind = photo.UNREADABLE_KINDS[number % len(photo.UNREADABLE_KINDS)]
    rng = random.Random(f"{seed}:unreadable:{number}")
    image = photo.unreadable_photo(kind, photo.page_images(text)[0], rng)
    try:
        analyse_uploads([(photo.jpeg_bytes(image, rng), f"unreadable-{number}.jpg")])
    except AnalyserError as error:
        return kind, error.type
    return kind, None


def run_unreadable(
    texts: list[str], count: int, workers: int = 1, seed: int = 7
) -> list[tuple[str, str | None]]:
    """`count` unreadable photos (blurred, dark, cut off, blank, not a letter): (kind, error type or None)."""
    jobs = [(number, texts[number % len(texts)], seed) for number in range(count)]
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            return list(pool.map(_unreadable_job, jobs))
    return [_unreadable_job(job) for job in jobs]


def _spread(values: list[float]) -> str:
    if not values:
        return "n=0"
    return (
        f"n={len(values)} mean={statistics.mean(values):.3f} median={statistics.median(values):.3f} "
        f"sd={statistics.pstdev(values):.3f} max={max(values):.3f}"
    )


def photo_report(stats: list[PhotoStats]) -> Iterable[str]:
    """CER, seconds per photo and refusals of readable photos (each one a false refusal)."""
    rates = [s.cer for s in stats if s.cer is not None]
    yield f"photo_cer                    {_spread(rates)}"
    yield f"photo_cer_over_10pct         {sum(rate > 0.10 for rate in rates)} of {len(rates)}"
    yield f"seconds_per_photo            {_spread([s.seconds / s.photos for s in stats])}"
    yield f"cpu_seconds_per_photo        {_spread([s.cpu_seconds / s.photos for s in stats])}"
    refused = Counter(s.refused for s in stats if s.refused)
    yield f"false_refusals               {sum(refused.values())} of {len(stats)} {dict[str, Any](refused)}"


def unreadable_report(found: list[tuple[str, str | None]]) -> Iterable[str]:
    """Refusal rate over the unreadable set, overall and by kind."""
    refused = sum(1 for _, error in found if error in REFUSALS)
    yield f"unreadable_refused           {refused} of {len(found)} ({refused / max(1, len(found)):.1%})"
    for kind in sorted({kind for kind, _ in found}):
        group = [error for k, error in found if k == kind]
        caught = sum(1 for error in group if error in REFUSALS)
        yield f"  {kind:13} {caught}/{len(group)}  {dict[str, Any](Counter(error or 'answered' for error in group))}"
