"""The work budget of one letter: time, pages, decoded pixels and characters, and a cancel flag.

`ingest_bytes` opens a budget for the file it reads; the readers and OCR call `check()` between pages
and regions and `spend_*()` before costly work, so a hostile file stops at the first limit it passes
instead of when the machine runs out. Outside a budget (a unit test calling a reader directly) the
calls do nothing.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field

from analyser.errors import TooLarge, WorkLimit
from analyser.ingest.limits import Limits


@dataclass
class Budget:
    """What one letter may still cost; raises a typed error the moment any of it runs out."""

    limits: Limits
    cancel: threading.Event = field(default_factory=threading.Event)
    started: float = field(default_factory=time.monotonic)
    pages: int = 0
    pixels: int = 0
    chars: int = 0

    def check(self) -> None:
        """Stop if the client has gone or the time is up (called between pages and regions)."""
        if self.cancel.is_set():
            raise WorkLimit("The analysis was stopped.")
        if time.monotonic() - self.started > self.limits.max_seconds:
            raise WorkLimit(
                f"This file took longer than {self.limits.max_seconds:.0f} seconds to read, so it was "
                "stopped. Upload only the pages of the letter, or a smaller, clearer copy."
            )

    def remaining_ms(self) -> int:
        """Milliseconds left, for work that can be told its own deadline (Tesseract's recognition)."""
        return max(1, int((self.limits.max_seconds - (time.monotonic() - self.started)) * 1000))

    def spend_pages(self, count: int = 1) -> None:
        self.pages += count
        self._within(
            self.pages,
            self.limits.max_pages,
            f"This file has more than {self.limits.max_pages} pages; upload only the pages of the letter.",
        )
        self.check()

    def spend_pixels(self, count: int) -> None:
        self.pixels += count
        self._within(
            self.pixels,
            self.limits.max_total_pixels,
            f"The pages of this file hold more than {self.limits.max_total_pixels:,} pixels in all, "
            "too many to read safely. Upload only the pages of the letter, at a lower resolution.",
        )
        self.check()

    def spend_chars(self, count: int) -> None:
        self.chars += count
        self._within(
            self.chars,
            self.limits.max_chars,
            f"This file holds more than {self.limits.max_chars:,} characters of text, far more than "
            "a letter. Upload only the letter.",
        )

    @staticmethod
    def _within(spent: int, limit: int, message: str) -> None:
        if spent > limit:
            raise TooLarge(message)


_current: ContextVar[Budget | None] = ContextVar("analyser_budget", default=None)


@contextlib.contextmanager
def budget(limits: Limits, cancel: threading.Event | None = None) -> Iterator[Budget]:
    """Open a budget for the work done inside the block (nested blocks share the outer one)."""
    outer = _current.get()
    if outer is not None:
        yield outer
        return
    opened = Budget(limits, cancel or threading.Event())
    token = _current.set(opened)
    try:
        yield opened
    finally:
        _current.reset(token)


def current() -> Budget | None:
    """The budget of the letter being read on this thread, if any."""
    return _current.get()


def check() -> None:
    """Between pages and regions: stop when cancelled or out of time."""
    if (spent := _current.get()) is not None:
        spent.check()


def remaining_ms() -> int:
    """Milliseconds the current letter may still take; 0 (no deadline) outside a budget."""
    spent = _current.get()
    return spent.remaining_ms() if spent is not None else 0


def spend_pages(count: int = 1) -> None:
    if (spent := _current.get()) is not None:
        spent.spend_pages(count)


def spend_pixels(count: int) -> None:
    if (spent := _current.get()) is not None:
        spent.spend_pixels(count)


def spend_chars(count: int) -> None:
    if (spent := _current.get()) is not None:
        spent.spend_chars(count)
