"""`python -m benchmarks [--smoke]`: every figure the issues name, in one run, into benchmarks/results.md."""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import bench_accuracy, bench_e2e, bench_ingest, bench_nlp, bench_photo

HERE = Path(__file__).resolve().parent
SECTIONS = [
    ("ingest", bench_ingest.run),
    ("nlp", bench_nlp.run),
    ("end to end", bench_e2e.run),
    ("accuracy", bench_accuracy.run),
    ("photos", bench_photo.run),
]
# Batch and API benchmarks start servers and worker pools of their own: run them as scripts.
SCRIPTS = {
    "batch": (["benchmarks.bench_batch"], ["--scans", "4", "--letters", "40", "--rounds", "1"]),
    "api": (["benchmarks.bench_api"], ["--requests", "20", "--concurrency", "4"]),
    "scale": (["benchmarks.bench_scale"], ["--letters", "12", "--small", "4"]),
    "labeller agreement": (["benchmarks.agreement"], []),
}


def _machine() -> str:
    return f"{platform.node()} · {platform.machine()} · {os.cpu_count()} cores · Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--smoke", action="store_true", help="one iteration on tiny inputs: checks the benchmark runs"
    )
    parser.add_argument("--out", type=Path, default=HERE, help="where results.md and results.json go")
    parser.add_argument("--only", nargs="*", help="section names to run (default: all)")
    args = parser.parse_args()
    rows, script_output = [], {}
    started = time.perf_counter()
    for name, run in SECTIONS:
        if args.only and name not in args.only:
            continue
        print(f"== {name}", flush=True)
        for row in run(args.smoke):
            rows.append(row)
            print(f"  {row['measure']}: {row['value']}  {row.get('status', '')}", flush=True)
    for name, (module, smoke_args) in SCRIPTS.items():
        if args.only and name not in args.only:
            continue
        print(f"== {name}", flush=True)
        command = [sys.executable, "-m", *module, *(smoke_args if args.smoke else [])]
        result = subprocess.run(command, capture_output=True, text=True, cwd=HERE.parent)
        script_output[name] = result.stdout + (
            f"\n(exit {result.returncode})\n{result.stderr[-2000:]}" if result.returncode else ""
        )
        print(script_output[name], flush=True)
    elapsed = time.perf_counter() - started
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    (args.out / "results.json").write_text(
        json.dumps(
            {
                "date": stamp,
                "machine": _machine(),
                "smoke": args.smoke,
                "seconds": round(elapsed, 1),
                "rows": rows,
                "scripts": script_output,
            },
            indent=1,
            default=str,
        )
    )
    lines = [
        f"# Benchmark results{' (smoke run)' if args.smoke else ''}",
        "",
        f"Measured {stamp} on {_machine()}; the whole run took {elapsed:.0f} s.",
        "",
        "Ratios are measured side by side in the same run; goals are the issues' and are never loosened here.",
        "",
        "| section | measure | value | goal | detail |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['section']} | {row['measure']} | {row['value']} | {row.get('status', '')} | {row.get('detail', '')} |"
        )
    for name, output in script_output.items():
        lines += ["", f"## {name}", "", "```", output.strip(), "```"]
    (args.out / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out / 'results.md'} in {elapsed:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
