"""Batch progress: a bar with rate and ETA on a terminal, a plain line every few seconds otherwise."""

from __future__ import annotations

import sys
import time

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

__all__ = ["BatchProgress"]

PLAIN_PROGRESS_SECONDS = 5.0


class _RateColumn(ProgressColumn):
    def render(self, task: RichTask) -> Text:
        return Text(f"{task.speed or 0:.1f} letters/s")


class BatchProgress:
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

    def __enter__(self) -> BatchProgress:
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
