"""Rebuild analyser/models/letter_type from the labelled samples: labelled letters -> DocBin -> spacy train."""

from __future__ import annotations

import bisect
import json
import random
import shutil
import tempfile
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import DocBin
from thinc.api import Config

from analyser.ingest.cleanup import clean_text
from analyser.nlp import acts, anchored, components, tokenizer  # noqa: F401  (register what pipeline.cfg names)
from analyser.nlp.acts import LABELLED_KEY
from analyser.result import ATTENDANCES, LETTER_TYPES

SEED = 13
TEMPLATE_SHARE = 0.4  # templates add volume but never dominate what the classifier learns
# The findings classifier's labels: what the letter asks (one of four) and whether it threatens.
ATTENDANCE_CATS = {value: f"att_{value}" for value in ATTENDANCES}
SANCTION_CAT = "sanction"


def load_corpus(corpus_dir: Path | Sequence[Path]) -> list[dict[str, Any]]:
    """Every labelled letter in <folder>/*.jsonl, for one folder or several."""
    folders = [corpus_dir] if isinstance(corpus_dir, Path) else list(corpus_dir)
    letters: list[dict[str, Any]] = []
    for folder in folders:
        for path in sorted(folder.glob("*.jsonl")):
            letters.extend(
                json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
            )
    return letters


def split(
    letters: list[dict[str, Any]], dev_share: float = 0.15
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A fixed, stratified dev sample of hand-written letters; train holds every hand-written letter
    (the dev sample too: the shipped model learns from all of them, and the dev sample only picks
    the best epoch), templates capped."""
    rng = random.Random(SEED)
    written = [letter for letter in letters if letter.get("source") != "template"]
    templated = [letter for letter in letters if letter.get("source") == "template"]
    train, dev = [], []
    for letter_type in LETTER_TYPES:
        group = [letter for letter in written if letter["letter_type"] == letter_type]
        rng.shuffle(group)
        cut = int(round(len(group) * dev_share))
        dev.extend(group[:cut])
        train.extend(group)
    rng.shuffle(templated)
    cap = int(len(train) * TEMPLATE_SHARE / (1 - TEMPLATE_SHARE))
    train.extend(templated[:cap])
    rng.shuffle(train)
    return train, dev


def to_docbin(letters: list[dict[str, Any]]) -> DocBin:
    """Letters as spaCy Docs with one-hot type categories, the findings' categories (one-hot attendance,
    sanction language), text cleaned as ingest cleans it, and for a letter with sentence labels, those
    labels as character ranges of the cleaned text (user_data, for the sentence classifier)."""
    nlp = spacy.blank("en")
    docs = DocBin(store_user_data=True)
    for letter in letters:
        cleaned = clean_text(letter["text"])
        doc = nlp.make_doc(cleaned.text)
        if "sentences" in letter:
            doc.user_data[LABELLED_KEY] = labelled_sentences(letter, cleaned.origin)
        doc.cats = {label: float(label == letter["letter_type"]) for label in LETTER_TYPES}
        doc.cats.update({cat: float(value == letter["attendance"]) for value, cat in ATTENDANCE_CATS.items()})
        doc.cats[SANCTION_CAT] = float(bool(letter["sanction_language"]))
        docs.add(doc)
    return docs


def labelled_sentences(letter: dict[str, Any], origin: list[int]) -> list[tuple[int, int, list[str]]]:
    """A letter's labelled sentences as (start, end, acts) in its cleaned text: each sentence is
    found in the raw text the writer labelled, then mapped through cleanup's map of characters."""
    found = []
    in_order = all(a <= b for a, b in zip(origin, origin[1:], strict=False))
    after: dict[str, int] = {}  # a sentence written twice (a quoted threat): its next copy, in order
    for sentence in letter["sentences"]:
        start = letter["text"].find(sentence["text"], after.get(sentence["text"], 0))
        if start < 0:
            start = letter["text"].find(sentence["text"])
        if start < 0 or not sentence["labels"]:
            continue  # samples/validate.py reports a sentence that is not in its letter
        after[sentence["text"]] = start + len(sentence["text"])
        end = start + len(sentence["text"])
        if in_order:
            first, last = bisect.bisect_left(origin, start), bisect.bisect_left(origin, end)
        else:  # a text table's cells were joined (ingest/tables.py): its characters moved
            inside = [i for i, o in enumerate(origin) if start <= o < end]
            first, last = (inside[0], inside[-1] + 1) if inside else (0, 0)
        if last > first:
            found.append((first, last, list(sentence["labels"])))
    return found


def train(corpus_dir: Path | Sequence[Path], output_dir: Path) -> dict[str, Any]:
    """Train the letter pipeline (pipeline.cfg) and write it to output_dir; return its dev scores."""
    from spacy.cli.train import train as spacy_train

    letters = load_corpus(corpus_dir)
    if not letters:
        raise SystemExit(f"no labelled letters in {corpus_dir}")
    train_set, dev_set = split(letters)
    config = resources.files("analyser.nlp").joinpath("pipeline.cfg")
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        to_docbin(train_set).to_disk(work_dir / "train.spacy")
        to_docbin(dev_set).to_disk(work_dir / "dev.spacy")
        with resources.as_file(config) as config_path:
            spacy_train(
                config_path,
                work_dir / "out",
                overrides={
                    "paths.train": str(work_dir / "train.spacy"),
                    "paths.dev": str(work_dir / "dev.spacy"),
                },
            )
        # The dev sample is trained on too, so "best" would stop at the first perfect score: the
        # pipeline after a fixed number of epochs ([training] max_epochs, patience 0) is the one shipped.
        best = work_dir / "out" / "model-last"
        if output_dir.exists():
            shutil.rmtree(output_dir)
        shutil.copytree(best, output_dir)
    _forget_paths(output_dir / "config.cfg")
    meta = json.loads((output_dir / "meta.json").read_text())
    return {"train": len(train_set), "dev": len(dev_set), "scores": meta.get("performance", {})}


def _forget_paths(config_path: Path) -> None:
    # The training data lived in a temporary folder: the shipped config names none, so two runs
    # write the same file.
    config = Config().from_disk(config_path, interpolate=False)
    for key in ("train", "dev"):
        config["paths"][key] = None
    config.to_disk(config_path)
