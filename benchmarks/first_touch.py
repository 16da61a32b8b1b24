"""Measure a sealed blind round once, untouched: the analyser and both baselines, as text, text PDF and scan.

Usage: .venv/bin/python -m benchmarks.first_touch LABELS.jsonl --round NAME --rendered DIR [--workers 2]

DIR holds the round rendered before the run (`pdf/<id>.pdf`, `scan/<id>.pdf`, optionally
`photo/<id>-p<N>.jpg`, one phone photo per page, read together as one letter). The figures are appended to benchmarks/first_touch.json with the date and the
commit measured; `make bench` shows them beside the tuned dev-set rows. A round is measured like
this once: after that it may join training, and later figures on it are development figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.baselines import TfidfBaseline, keyword_letter
from benchmarks.common import REPO, load_jsonl, training_letters

RECORD = Path(__file__).resolve().parent / "first_touch.json"
# Situations whose verdicts RULES.md states outright, each judged on gold and on found findings.
STANDARD_SITUATIONS = [
    {"benefit": "esa", "group": "support_group"},
    {"benefit": "esa", "group": "wrag", "flags": {"esa_style": "old"}},
    {"benefit": "universal_credit", "group": "no_work_related_requirements"},
    {"benefit": "universal_credit", "group": "all_work_related_requirements"},
    {"benefit": "jsa"},
    {"benefit": "income_support", "flags": {"gets_carers_allowance": True}},
    {"benefit": "carers_allowance"},
    {"benefit": "pip"},
]


def _analyse(job: tuple[str, str, str]) -> tuple[str, dict, str]:
    """(id, letter block, extracted text) for one rendition; an empty block when refused."""
    from analyser import analyse_file, analyse_files, analyse_text
    from analyser.errors import AnalyserError

    letter_id, mode, where = job
    try:
        if mode == "text":
            result = analyse_text(where, name=f"{letter_id}.txt")
            return letter_id, result.letter.model_dump(mode="json"), where
        if mode == "photo":
            result = analyse_files(where.split("\n"), include_text=True)
        else:
            result = analyse_file(where, include_text=True)
        text = "\n\n".join(page.text for page in result.pages or [])
        return letter_id, result.letter.model_dump(mode="json"), text
    except AnalyserError as error:
        return letter_id, {"error": type(error).__name__}, ""


def _renditions(gold: list[dict], rendered: Path) -> dict[str, list[tuple[str, str, str]]]:
    modes = {"text": [(g["id"], "text", g["text"]) for g in gold]}
    for mode, pattern in (("text PDF", "pdf/{}.pdf"), ("scan", "scan/{}.pdf")):
        paths = [rendered / pattern.format(g["id"]) for g in gold]
        if all(path.exists() for path in paths):
            modes[mode] = [(g["id"], mode, str(path)) for g, path in zip(gold, paths, strict=True)]
    photos = [sorted((rendered / "photo").glob(f"{g['id']}-p*.jpg"), key=_page_number) for g in gold]
    if all(photos):
        modes["photo"] = [
            (g["id"], "photo", "\n".join(str(p) for p in pages))
            for g, pages in zip(gold, photos, strict=True)
        ]
    return modes


def _page_number(path: Path) -> int:
    return int(path.stem.rsplit("-p", 1)[1])


def _gold_letter(label: dict) -> dict:
    return {
        "type": label["letter_type"],
        "attendance": label["attendance"],
        "attendance_by_group": label.get("attendance_by_group"),
        "sanction_language": label["sanction_language"],
        "benefits_mentioned": label["benefits_mentioned"],
        "esa_group_stated": label.get("esa_group_stated"),
    }


def wrongful_precision_recall(rows: list[tuple[dict, dict]]) -> dict[str, float]:
    """'likely_wrongful' from found findings against the verdict from gold findings, over the
    standard situations: precision, recall, and the count of wrongful demands called harmless."""
    from analyser import check
    from analyser.result import Letter

    fields = set(Letter.model_fields)
    tp = fp = fn = harmless = 0
    for gold, found in rows:
        if not found or "error" in found:
            continue
        want_letter = Letter(**_gold_letter(gold))
        got_letter = Letter(**{k: v for k, v in found.items() if k in fields})
        for situation in STANDARD_SITUATIONS:
            want = check(want_letter, situation).verdict == "likely_wrongful"
            got = check(got_letter, situation).verdict
            tp += want and got == "likely_wrongful"
            fp += (not want) and got == "likely_wrongful"
            fn += want and got != "likely_wrongful"
            harmless += want and got in ("no_concern", "not_applicable")
    return {
        "wrongful_precision": tp / (tp + fp) if tp + fp else 1.0,
        "wrongful_recall": tp / (tp + fn) if tp + fn else 1.0,
        "wrongful_called_harmless": harmless,
    }


def measure(gold: list[dict], rendered: Path, workers: int) -> list[dict]:
    from analyser.evaluate import score

    by_id = {g["id"]: g for g in gold}
    tfidf = TfidfBaseline(training_letters())
    records = []
    for mode, jobs in _renditions(gold, rendered).items():
        with ProcessPoolExecutor(workers) as pool:
            found = list(pool.map(_analyse, jobs, chunksize=4))
        texts = {letter_id: text for letter_id, _, text in found}
        systems = {"letter analyser": {letter_id: letter for letter_id, letter, _ in found}}
        if mode in ("text", "scan", "photo"):
            systems["keyword grep"] = {i: keyword_letter(t) for i, t in texts.items()}
            systems["TF-IDF + logistic regression"] = {i: tfidf.letter(t) for i, t in texts.items()}
        for system, letters in systems.items():
            rows = [(by_id[i], letters[i] if "error" not in letters[i] else {}) for i in by_id]
            metrics = dict(score(rows))
            metrics["refused"] = sum(1 for i in by_id if "error" in letters[i])
            if system == "letter analyser":
                metrics.update(wrongful_precision_recall(rows))
            records.append({"mode": mode, "system": system, "metrics": metrics})
    return records


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels", type=Path)
    parser.add_argument("--round", required=True)
    parser.add_argument("--rendered", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    gold = load_jsonl(args.labels)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO
    ).stdout.strip()
    records = measure(gold, args.rendered, args.workers)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    history = json.loads(RECORD.read_text()) if RECORD.exists() else []
    history.append({"round": args.round, "n": len(gold), "date": stamp, "commit": commit, "records": records})
    RECORD.write_text(json.dumps(history, indent=1) + "\n")
    for record in records:
        metrics = "  ".join(
            f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in record["metrics"].items()
        )
        print(f"{args.round} | {record['mode']} | {record['system']} | n={len(gold)} | {metrics}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
