"""The development commands of `analyser`: `evaluate` (score against gold labels) and `train` (rebuild the model)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

# Where the trained pipeline ships: inside the package, as package data (analyser.nlp.MODEL_DIR reads it).
MODEL_DIR = Path(__file__).resolve().parent / "models" / "letter_type"
# The labelled letters `analyser train` learns from (relative to the repository): the corpus, the
# earlier blind rounds once measured, and the sealed rounds after their one measurement. Never ../shared/eval.
TRAINING_FOLDERS = ("samples/corpus", "samples/holdout", "samples/blind", "samples/sentences")


@click.command()
@click.argument("labels", type=click.Path(exists=True, dir_okay=False))
@click.option("--scans", is_flag=True, help="Also render every letter as a degraded scan and score that.")
@click.option("--photos", is_flag=True, help="Also photograph every letter (phone photos) and score that.")
@click.option(
    "--unreadable",
    type=int,
    default=100,
    show_default=True,
    help="With --photos: how many unreadable photos to make, to count how many are refused.",
)
@click.option("--seed", type=int, default=7, show_default=True, help="Seed of the photo renditions.")
@click.option("--photo-dir", type=click.Path(file_okay=False), help="With --photos: keep the photos here.")
@click.option("--workers", type=int, default=2, show_default=True)
@click.option(
    "--json", "json_out", type=click.Path(dir_okay=False), help="Also write the results here, one per line."
)
def evaluate(
    labels: str,
    scans: bool,
    photos: bool,
    unreadable: int,
    seed: int,
    photo_dir: str | None,
    workers: int,
    json_out: str | None,
) -> None:
    """Score the analyser against gold-labelled letters (format: shared/eval/README.md).

    Example: analyser evaluate ../shared/eval/dev/letters.jsonl --scans --photos
    """
    from analyser.evaluate import load_labels, misses, report, run, scan_renderer_available

    if scans and not scan_renderer_available():
        raise click.UsageError(
            "--scans renders letters with samples/rendering.py: run it from the repository's root."
        )
    gold = load_labels(Path(labels))
    modes = ["text", "scan"] if scans else ["text"]
    outputs: list[tuple[str, list[tuple[dict[str, Any], dict[str, Any]]]]] = []
    for mode in modes:
        rows = run(gold, mode, workers=workers)
        outputs.append((mode, rows))
    if photos:
        from analyser.photo_eval import photo_report, run_photos

        rows, stats = run_photos(gold, workers, seed, Path(photo_dir) if photo_dir else None)
        outputs.append(("photo", rows))
    for mode, rows in outputs:
        for line in report(rows, f"{Path(labels).name} as {mode}"):
            click.echo(line)
        if mode == "photo":
            for line in photo_report(stats):
                click.echo(line)
        for line in misses(rows):
            click.echo(line)
        if json_out:
            with open(json_out if mode == "text" else f"{json_out}.{mode}", "w", encoding="utf-8") as handle:
                for g, letter in rows:
                    handle.write(json.dumps({"source": {"name": f"{g['id']}.txt"}, "letter": letter}) + "\n")
    if photos and unreadable:
        from analyser.photo_eval import run_unreadable, unreadable_report

        click.echo(f"== {unreadable} unreadable photos made from {Path(labels).name}")
        for line in unreadable_report(run_unreadable([g["text"] for g in gold], unreadable, workers, seed)):
            click.echo(line)


@click.command()
@click.option(
    "--corpus",
    type=click.Path(exists=True, file_okay=False),
    multiple=True,
    default=TRAINING_FOLDERS,
    show_default=True,
    help="A folder of labelled letters (*.jsonl); repeat for several (run from the repository's root).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default=str(MODEL_DIR),
    show_default="analyser/models/letter_type",
)
@click.option("--calibration-only", is_flag=True, help="Refit models/calibration.json, keeping the model.")
def train(corpus: tuple[str, ...], out: str, calibration_only: bool) -> None:
    """Rebuild the trained letter pipeline in analyser/models/ from the labelled samples (corpus,
    holdout and the measured blind rounds), then refit the confidence calibration on them.

    Example: analyser train
    """
    from analyser.nlp.calibrate import calibrate
    from analyser.nlp.confidence import TABLE_PATH
    from analyser.nlp.read import load_pipeline
    from analyser.nlp.train import train as train_model

    if not calibration_only:
        scores = train_model([Path(folder) for folder in corpus], Path(out))
        click.echo(
            f"trained on {scores['train']} letters (a sample of {scores['dev']} of them scored: "
            f"macro F1 {scores['scores'].get('cats_macro_f', 0):.3f}) -> {out}"
        )
    load_pipeline(Path(out))
    fitted = calibrate([Path(folder) for folder in corpus], Path(out))
    click.echo(
        f"calibration cross-fitted by writer on {fitted['letters']} letters ({fitted['findings']} findings): "
        f"5-fold cross-validated ECE {fitted['cv_ece']:.3f} -> {TABLE_PATH}"
    )
