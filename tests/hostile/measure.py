"""Print each hostile case's answer, time and peak memory against a server: `python tests/hostile/measure.py [SOURCE]`.

With SOURCE (a checkout of another version, e.g. before hardening) the server runs from there, to compare.
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
    with tempfile.TemporaryDirectory() as logs, running_server(Path(logs), source) as server:
        idle_total, _ = server.rss_mb()
        print(f"server idle: {idle_total:.0f} MB in all; source: {source or 'this checkout'}")
        print("| case | answer | seconds | peak worker MB | peak server MB |")
        print("|---|---|---:|---:|---:|")
        for case in CASES:
            out = run_case(server, case, timeout)
            answer = (
                f"{out.status} {out.error_type or ''}".strip()
                if out.status
                else f"no answer in {timeout:.0f} s"
            )
            print(
                f"| {case.name} | {answer} | {out.seconds:.2f} | {out.peak_worker_mb:.0f} | {out.peak_total_mb:.0f} |",
                flush=True,
            )
        after_total, _ = server.rss_mb()
        print(f"server after all cases: {after_total:.0f} MB in all (idle {idle_total:.0f} MB)")
        log = server.log.read_text(errors="replace")
        print(f"tracebacks in the server log: {log.count('Traceback')}")
