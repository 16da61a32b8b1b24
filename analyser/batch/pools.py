"""Where batch letters are read: worker processes here, or a Dask cluster, behind one Pool protocol."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from multiprocessing.context import BaseContext
from typing import Any, Protocol

import psutil

from analyser.batch.discover import read_regular
from analyser.batch.tasks import Task, run_task
from analyser.errors import AnalyserError
from analyser.ingest.limits import Limits

__all__ = ["Pool", "ProcessPool", "DaskPool", "open_pool", "LOCAL_DASK"]

LOCAL_DASK = "local"


class Pool(Protocol):
    """What the scheduler needs of a pool: submit a task, start afresh after a crash, close."""

    def submit(self, task: Task) -> Future[dict[str, Any]]: ...

    def restart(self) -> None: ...

    def close(self, wait: bool = True) -> None: ...


class ProcessPool:
    """Worker processes on this machine, each loading the model once."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # forkserver: workers fork from a clean process that has imported analyser, never from this one,
        # which may hold threads (Dask, rich) that fork would copy in a locked state.
        context: BaseContext
        if "forkserver" in multiprocessing.get_all_start_methods():
            forkserver = multiprocessing.get_context("forkserver")
            # Every worker forks from a server that has imported the reading code once.
            forkserver.set_forkserver_preload(["analyser.batch.tasks", "analyser.analyse"])
            context = forkserver
        else:
            context = multiprocessing.get_context("spawn")
        self._abort = context.Event()
        initializer: Callable[..., None] = _start_worker
        return ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=initializer, initargs=(os.getpid(), self._abort)
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


class DaskPool:
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
        # The worker may be on another machine: send the bytes (read safely here; over the limit, it says so).
        if task.data is None:
            try:
                task = replace(task, data=read_regular(task.path, self._max_bytes))
            except (OSError, AnalyserError):
                pass  # the worker tries the path itself and writes the error record
        return self._executor.submit(run_task, task)

    def restart(self) -> None:
        """Nothing to do: Dask replaces lost workers itself."""

    def close(self, wait: bool = True) -> None:
        self._executor.shutdown(wait=wait)
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


@contextmanager
def open_pool(dask_address: str | None, workers: int) -> Iterator[Pool]:
    """A Dask pool when given a scheduler (or 'local'), else local processes; closed on the way out."""
    pool: Pool = DaskPool(dask_address, workers) if dask_address else ProcessPool(workers)
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
