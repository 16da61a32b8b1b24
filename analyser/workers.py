"""Analysis in worker processes the server can stop: killed when the client leaves or time runs out, recycled when big.

One letter at a time per process. A thread cannot be stopped in the middle of Tesseract's layout
analysis, and a Python process rarely gives memory back to the system after a 2 GB page, so each
letter runs in a worker process that the server kills (and replaces) when the client disconnects or
the hard deadline passes, and retires when it has grown past `max_rss_mb` or served `max_jobs` letters.
Workers are forked from a server process that has imported the analyser already (multiprocessing's
"forkserver"), so a replacement is ready in about half a second.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from analyser.errors import AnalyserError, ClientGone, WorkLimit
from analyser.ingest.limits import Limits
from analyser.result import AnalysisResult, Situation

log = logging.getLogger(__name__)

# Past the budget's own deadline, how long a worker gets to answer with its typed error before it is killed.
GRACE_SECONDS = 2.0
POLL_SECONDS = 0.25


@dataclass(frozen=True)
class Job:
    """One letter to analyse, as the worker receives it."""

    files: tuple[tuple[bytes, str], ...]  # (bytes, name): one file, or one photo per page of one letter
    situation: Situation | None
    limits: Limits
    include_text: bool


class WorkerCrashed(Exception):
    """The worker died or failed unexpectedly; `frames` says where (files and lines, never the letter)."""

    def __init__(self, kind: str, frames: str = "") -> None:
        super().__init__(kind)
        self.kind = kind
        self.frames = frames


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / 2**20


def _serve(conn: Connection) -> None:
    """The worker's loop: warm up, then analyse one job at a time until the pipe closes."""
    import traceback

    from analyser.analyse import analyse_uploads
    from analyser.nlp import load_pipeline

    load_pipeline()
    conn.send(("ready", None, _rss_mb()))
    while True:
        try:
            job: Job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            result = analyse_uploads(
                list(job.files), job.situation, limits=job.limits, include_text=job.include_text
            )
            reply: tuple[str, object] = ("ok", result)
        except AnalyserError as error:
            reply = ("error", error)
        except Exception as error:  # reported as frames only: messages can quote the letter
            frames = "".join(
                f"  {frame.filename}:{frame.lineno} in {frame.name}\n"
                for frame in traceback.extract_tb(error.__traceback__)
            )
            reply = ("crash", WorkerCrashed(type(error).__name__, frames))
        conn.send((*reply, _rss_mb()))


class Worker:
    """One worker process and its end of the pipe."""

    def __init__(self, context: multiprocessing.context.BaseContext) -> None:
        self.conn, child = context.Pipe()
        self.process: BaseProcess = context.Process(target=_serve, args=(child,), daemon=True)  # type: ignore[attr-defined]
        self.process.start()
        child.close()
        self.jobs = 0
        self.rss_mb = 0.0

    def wait_ready(self) -> None:
        _, _, self.rss_mb = self.conn.recv()

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
            self.process.join(timeout=5)
        self.conn.close()


class WorkerPool:
    """`size` worker processes; `run` hands a job to an idle one and stops it if the client goes."""

    def __init__(self, size: int, max_jobs: int = 200, max_rss_mb: float = 350.0) -> None:
        self.size = size
        self.max_jobs = max_jobs
        self.max_rss_mb = max_rss_mb
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["analyser.analyse"])
        self._idle: asyncio.Queue[Worker] = asyncio.Queue()
        self._all: set[Worker] = set()
        self._lock = threading.Lock()
        self.replaced = 0
        self._replacing: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        """Start every worker and wait until each has loaded the model."""
        workers = await asyncio.gather(*(asyncio.to_thread(self._spawn) for _ in range(self.size)))
        for worker in workers:
            self._idle.put_nowait(worker)

    def _spawn(self) -> Worker:
        worker = Worker(self._context)
        with self._lock:
            self._all.add(worker)
        worker.wait_ready()
        return worker

    def _retire(self, worker: Worker) -> None:
        """Kill a worker and start its replacement, both in the background: the event loop never waits on them."""
        with self._lock:
            self._all.discard(worker)
        self.replaced += 1
        loop = asyncio.get_running_loop()

        async def replace() -> None:
            try:
                await asyncio.to_thread(worker.kill)
                self._idle.put_nowait(await asyncio.to_thread(self._spawn))
            except Exception:
                log.exception("could not start a replacement worker")

        task = loop.create_task(replace())
        self._replacing.add(task)  # held, or the loop may drop the task half-way
        task.add_done_callback(self._replacing.discard)

    async def run(self, job: Job, disconnected: Callable[[], Awaitable[bool]]) -> AnalysisResult:
        """Analyse `job` in a worker; raise its typed error, ClientGone, WorkLimit or WorkerCrashed."""
        worker = await self._idle.get()
        healthy = False
        try:
            await asyncio.to_thread(worker.conn.send, job)
            await self._wait(worker, job.limits.max_seconds + GRACE_SECONDS, disconnected)
            kind, payload, worker.rss_mb = await asyncio.to_thread(worker.conn.recv)
            worker.jobs += 1
            healthy = True
        except (EOFError, OSError, BrokenPipeError):
            raise WorkerCrashed("WorkerDied") from None
        finally:
            if healthy and worker.rss_mb <= self.max_rss_mb and worker.jobs < self.max_jobs:
                self._idle.put_nowait(worker)
            else:
                # Killed mid-letter, crashed, or grown big: a fresh process gives the memory back.
                self._retire(worker)
        if kind == "ok":
            assert isinstance(payload, AnalysisResult)
            return payload
        assert isinstance(payload, Exception)
        raise payload

    async def _wait(
        self, worker: Worker, seconds: float, disconnected: Callable[[], Awaitable[bool]]
    ) -> None:
        loop = asyncio.get_running_loop()
        readable = loop.create_future()
        fd = worker.conn.fileno()

        def wake() -> None:
            if not readable.done():
                readable.set_result(None)

        loop.add_reader(fd, wake)
        deadline = time.monotonic() + seconds
        try:
            while not readable.done():
                await asyncio.wait({readable}, timeout=POLL_SECONDS)
                if readable.done():
                    break
                if await disconnected():
                    raise ClientGone("The analysis was stopped because the connection closed.")
                if time.monotonic() > deadline:
                    raise WorkLimit(
                        f"This file took longer than {seconds - GRACE_SECONDS:.0f} seconds to read, so it "
                        "was stopped. Upload only the pages of the letter, or a smaller, clearer copy."
                    )
        finally:
            loop.remove_reader(fd)

    def close(self) -> None:
        """Kill every worker (at server shutdown)."""
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()
