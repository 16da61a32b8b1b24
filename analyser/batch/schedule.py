"""Feed tasks to a pool with a bounded queue and hand back records in task (name) order."""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from analyser.batch.pools import Pool
from analyser.batch.tasks import Task, error_record

__all__ = ["run_tasks"]

# Finished records held back while an earlier letter is still being read, per queued task.
REORDER_ALLOWANCE = 4


def run_tasks(pool: Pool, tasks: list[Task], window: int, write: Callable[[dict[str, Any]], None]) -> None:
    """Run tasks with at most `window` queued, writing records in the tasks' order as they become ready.

    Writing in order makes the output (and which rendition of a letter counts as its first) the
    same on every run, and makes a killed run's output a prefix that --resume continues.
    A worker that dies (a crash in a PDF or OCR library, the out-of-memory killer) breaks a process
    pool and fails every letter in flight. Those are retried one at a time in a fresh pool, so only a
    letter that breaks a pool on its own gets an error record. Ctrl-C stops queuing, writes the
    letters already read in order, then raises KeyboardInterrupt; a second Ctrl-C stops at once.
    """
    pending = deque(enumerate(tasks))
    suspects: deque[tuple[int, Task]] = deque()
    running: dict[Future[dict[str, Any]], tuple[int, Task]] = {}
    ready: dict[int, dict[str, Any]] = {}
    next_out = 0
    alone: int | None = None  # a suspect running by itself: if the pool breaks now, this letter did it
    stopping = False

    def settle(future: Future[dict[str, Any]]) -> bool:
        """Keep a finished future's record, or queue it to retry alone; True if its pool broke."""
        nonlocal alone
        index, task = running.pop(future)
        was_alone = index == alone
        if was_alone:
            alone = None
        try:
            record = future.result()
        except BrokenProcessPool:
            if not was_alone:
                suspects.append((index, task))
                return True
            record = error_record(task, "InternalError", "The process reading this file crashed.")
        except Exception as error:  # e.g. a Dask worker lost three times over (KilledWorker)
            record = error_record(
                task, "InternalError", f"The worker reading this file failed ({type(error).__name__})."
            )
        ready[index] = record
        return False

    def flush() -> None:
        nonlocal next_out
        while next_out in ready:
            write(ready.pop(next_out))
            next_out += 1

    def room() -> bool:
        ahead = (pending[0][0] if pending else len(tasks)) - next_out
        return len(running) < window and ahead < window * REORDER_ALLOWANCE

    while running or (not stopping and (pending or suspects)):
        try:
            if not stopping and suspects and not running:
                index, task = suspects.popleft()
                alone = index
                running[pool.submit(task)] = (index, task)
            while not stopping and not suspects and pending and room():
                index, task = pending.popleft()
                running[pool.submit(task)] = (index, task)
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
        flush()
    if stopping:
        raise KeyboardInterrupt
