"""Run the app under uvicorn with the connection timeouts a public server needs (idle, slow and half-sent requests)."""

from __future__ import annotations

import asyncio
import os

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

# A request's head (request line and headers) must arrive within this many seconds of the connection
# opening, or of the previous response: uvicorn bounds idle keep-alive connections, not slow heads.
HEAD_SECONDS = float(os.environ.get("ANALYSER_HEAD_SECONDS") or 10)
KEEP_ALIVE_SECONDS = 5
# Connections served at once; more wait in the kernel's queue rather than costing memory here.
MAX_CONNECTIONS = 200


class TimedH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, closing a connection whose request head does not arrive in time."""

    _head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._start_head_timer()

    def data_received(self, data: bytes) -> None:
        if self._head_timer is None and self._between_requests():
            self._start_head_timer()
        super().data_received(data)
        if not self._between_requests():
            self._stop_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_head_timer()
        super().connection_lost(exc)

    def _between_requests(self) -> bool:
        return self.cycle is None or self.cycle.response_complete

    def _start_head_timer(self) -> None:
        self._head_timer = self.loop.call_later(HEAD_SECONDS, self._head_timeout)

    def _stop_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timeout(self) -> None:
        self._head_timer = None
        if self._between_requests():
            self.transport.close()


def run(host: str, port: int) -> None:
    """Serve analyser.api:app on host:port until interrupted."""
    uvicorn.run(
        "analyser.api:app",
        host=host,
        port=port,
        http=TimedH11Protocol,
        log_level="info",
        access_log=False,
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        limit_concurrency=MAX_CONNECTIONS,
        timeout_graceful_shutdown=10,
    )
