"""Campaign figures: office extraction accuracy, dedup precision/recall on the 60-file batch, --db throughput cost."""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ANALYSER = Path(sys.executable).parent / "analyser"
SETS = {"corpus": REPO / "samples" / "corpus", "holdout": REPO / "samples" / "holdout"}


def labelled(folder: Path) -> list[dict]:
    return [
        json.loads(line) for path in sorted(folder.glob("*.jsonl")) for line in path.open(encoding="utf-8")
    ]


def offices() -> None:
    """Office read from each labelled letter's text against its label: as written, and normalised."""
    from analyser import analyse_text
    from analyser.batch.offices import office_key

    for name, folder in SETS.items():
        rows = labelled(folder)
        exact = normalised = rejected = 0
        for row in rows:
            read = analyse_text(row["text"]).letter.office
            exact += read == row["office"]
            normalised += office_key(read) == office_key(row["office"])
            rejected += read is not None and office_key(read) is None
        n = len(rows)
        print(
            f"offices {name}: n={n} exact={exact / n:.3f} ({exact}/{n}) normalised={normalised / n:.3f} "
            f"({normalised}/{n}); read but refused as not an office: {rejected}"
        )


def dedup(workers: int) -> None:
    """The test batch (20 letters x PDF, scan, photo): is each duplicate_of another rendition of the same letter?"""
    sys.path.insert(0, str(REPO / "tests"))
    from campaign_letters import LETTERS, make_batch

    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "letters"
        make_batch(folder)
        out = Path(temp) / "r.jsonl"
        subprocess.run([str(ANALYSER), "batch", str(folder), "--out", str(out), "--workers", str(workers)],
                       check=True, capture_output=True)  # fmt: skip
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    same = {Path(r["source"]["name"]).stem: [] for r in records}
    for record in records:
        same[Path(record["source"]["name"]).stem].append(record["source"]["name"])
    truth = sum(len(names) - 1 for names in same.values())  # every rendition after a letter's first
    predicted = [r for r in records if r.get("duplicate_of")]
    right = sum(Path(r["duplicate_of"]).stem == Path(r["source"]["name"]).stem for r in predicted)
    counted = len(records) - len(predicted)
    print(
        f"dedup: files={len(records)} letters={len(LETTERS)} counted={counted} "
        f"precision={right / max(len(predicted), 1):.3f} ({right}/{len(predicted)}) recall={right / truth:.3f} ({right}/{truth})"
    )


def throughput(letters: int, rounds: int, workers: int) -> None:
    """Letters per second without and with --db, in alternating runs on the same text letters."""
    texts = [row["text"] for row in labelled(SETS["corpus"])]
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "letters"
        folder.mkdir()
        for index in range(letters):
            (folder / f"letter-{index:05d}.txt").write_text(texts[index % len(texts)], encoding="utf-8")
        rates: dict[str, list[float]] = {"jsonl": [], "jsonl+db": []}
        for round_ in range(rounds):
            order = ("jsonl", "jsonl+db") if round_ % 2 == 0 else ("jsonl+db", "jsonl")
            for mode in order:
                out = Path(temp) / f"{mode}-{round_}"
                command = [
                    str(ANALYSER),
                    "batch",
                    str(folder),
                    "--out",
                    str(out / "r.jsonl"),
                    "--workers",
                    str(workers),
                ]
                if mode == "jsonl+db":
                    command += ["--db", str(out / "r.sqlite")]
                gc.collect()
                started = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True)
                rates[mode].append(letters / (time.perf_counter() - started))
    for mode, values in rates.items():
        print(f"throughput {mode}: n={len(values)} median={statistics.median(values):.2f} letters/s "
              f"min={min(values):.2f} max={max(values):.2f} runs={[round(v, 2) for v in values]}")  # fmt: skip
    ratios = [db / plain for plain, db in zip(rates["jsonl"], rates["jsonl+db"], strict=True)]
    print(f"throughput ratio with --db / without: median={statistics.median(ratios):.3f} "
          f"min={min(ratios):.3f} max={max(ratios):.3f} (pairs={len(ratios)}, {letters} text letters, {workers} workers)")  # fmt: skip


def db_cost(letters: int, rounds: int) -> None:
    """The writer's own cost, in one process: each letter's JSONL line alone, and with its SQLite transaction."""
    from analyser import analyse_text
    from analyser.batch import db as database

    texts = [row["text"] for row in labelled(SETS["corpus"])][:letters]
    records = [analyse_text(text, name=f"l{i}.txt").model_dump(mode="json") for i, text in enumerate(texts)]
    jsonl, sqlite = [], []
    with tempfile.TemporaryDirectory() as temp:
        for round_ in range(rounds):
            started = time.perf_counter()
            with (Path(temp) / f"{round_}.jsonl").open("w", encoding="utf-8") as handle:
                for record in records:
                    handle.write(json.dumps(record) + "\n")
                    handle.flush()
            middle = time.perf_counter()
            connection = database.connect(Path(temp) / f"{round_}.sqlite", fresh=True)
            for record in records:
                database.add_record(connection, record)
            database.finish(connection)
            connection.close()
            jsonl.append((middle - started) / len(records) * 1000)
            sqlite.append((time.perf_counter() - middle) / len(records) * 1000)
    print(f"writer cost per letter: jsonl median={statistics.median(jsonl):.3f} ms, sqlite median="
          f"{statistics.median(sqlite):.3f} ms (min {min(sqlite):.3f}, max {max(sqlite):.3f}; n={rounds} rounds x {len(records)} letters)")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--parts", default="offices,dedup,throughput")
    parser.add_argument("--letters", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    parts = args.parts.split(",")
    if "offices" in parts:
        offices()
    if "dedup" in parts:
        dedup(args.workers)
    if "dbcost" in parts:
        db_cost(args.letters, args.rounds)
    if "throughput" in parts:
        throughput(args.letters, args.rounds, args.workers)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
