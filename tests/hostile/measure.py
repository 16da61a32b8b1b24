"""Print each hostile case's answer, time and peak memory against a server.

Usage, from the repository: `PYTHONPATH=. python tests/hostile/measure.py [SOURCE [TIMEOUT]]`.

With SOURCE (a checkout of another version, e.g. before hardening) the server runs from there, to compare.
A case left unanswered after TIMEOUT seconds gets a fresh server for the next one, so one stuck case
does not starve the rest.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from hostile_inputs import CASES
from hostile_server import run_case, running_server

if __name__ == "__main__":
    source = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else None
    timeout = float(sys.argv[2]) if len(sys.argv) > 2 else 120.0
    print(f"source: {source or 'this checkout'}; client gives up after {timeout:.0f} s")
    print("| case | answer | seconds | server MB idle | peak server MB | peak worker MB |")
    print("|---|---|---:|---:|---:|---:|")
    remaining = list(CASES)
    tracebacks = 0
    with tempfile.TemporaryDirectory() as logs:
        while remaining:
            with running_server(Path(logs), source) as server:
                while remaining:
                    case = remaining.pop(0)
                    idle, _ = server.rss_mb()
                    out = run_case(server, case, timeout)
                    answer = f"{out.status} {out.error_type or ''}".strip() if out.status else "no answer"
                    print(
                        f"| {case.name} | {answer} | {out.seconds:.2f} | {idle:.0f} | {out.peak_total_mb:.0f} "
                        f"| {out.peak_worker_mb:.0f} |",
                        flush=True,
                    )
                    if out.status is None:
                        break  # still working on it: the next case gets a fresh server
                tracebacks += server.log.read_text(errors="replace").count("Traceback")
    print(f"tracebacks in the server logs: {tracebacks}")
