"""The shipped pipeline is declared, not assembled: spacy.load gives what runs, and the code's cue names exist."""

from __future__ import annotations

import ast
import subprocess
import sys
import time
from pathlib import Path

import spacy
from thinc.api import Config

from analyser.nlp import MODEL_DIR, build_pipeline, load_pipeline
from analyser.nlp.by_group import GROUP_LABELS
from analyser.nlp.components import PATTERN_IDS_NAMED, cue_patterns, default_cue_rows
from analyser.nlp.tokenizer import LineTokenizer
from analyser.nlp.train import ATTENDANCE_CATS, SANCTION_CAT
from analyser.result import LETTER_TYPES

NLP_DIR = Path(__file__).resolve().parents[2] / "analyser" / "nlp"
DECLARED = ["letter_sentences", "textcat", "findings", "sentence_acts", "cue_ruler", "cue_scope"]
TRAINED = ("textcat", "findings", "sentence_acts")


def test_spacy_load_of_the_shipped_model_is_the_pipeline_that_runs() -> None:
    shipped = Config().from_disk(MODEL_DIR / "config.cfg", interpolate=False)
    assert shipped["nlp"]["pipeline"] == DECLARED
    loaded = spacy.load(MODEL_DIR)
    assert loaded.pipe_names == DECLARED
    assert load_pipeline().pipe_names == DECLARED
    assert isinstance(loaded.tokenizer, LineTokenizer)
    doc = loaded(
        "Dear Ms Smith\nYou must attend a work-focused interview.\nIf you do not, your ESA may be reduced."
    )
    assert {span.label_ for span in doc.spans["live"]} >= {"mandatory", "sanction"}
    assert max(LETTER_TYPES, key=doc.cats.__getitem__) == "wfi"
    # The findings classifier reads what the letter asks of the reader, beside the type.
    attendance = {value: doc.cats[cat] for value, cat in ATTENDANCE_CATS.items()}
    assert max(attendance, key=attendance.__getitem__) == "mandatory"
    assert doc.cats[SANCTION_CAT] > 0.5


def test_spacy_load_needs_no_import_of_analyser_first() -> None:
    # The entry points in pyproject.toml name the components, as they would for any spaCy package.
    code = f"import spacy; print(spacy.load({str(MODEL_DIR)!r}).pipe_names)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == str(DECLARED)


def test_the_model_is_small_and_loads_in_under_a_second() -> None:
    size = sum(path.stat().st_size for path in MODEL_DIR.rglob("*") if path.is_file())
    assert size <= 30_000_000
    spacy.load(MODEL_DIR)  # imports and caches warmed once
    times = []
    for _ in range(3):
        # CPU time: the work of loading, not the wait while other processes share the cores.
        started = time.process_time()
        spacy.load(MODEL_DIR)
        times.append(time.process_time() - started)
    assert min(times) < 1.0, times


def test_the_patterns_are_saved_with_the_model() -> None:
    ruler = spacy.load(MODEL_DIR).get_pipe("cue_ruler")
    assert len(ruler.patterns) > 100
    assert {p["id"] for p in ruler.patterns} == {row["id"] for row in default_cue_rows()}
    # The shipped ruler holds exactly what cues.jsonl compiles to: a phrase added without retraining
    # (or refreshing the model's patterns) would otherwise never run.
    assert ruler.patterns == cue_patterns()


def test_without_a_trained_model_the_rule_components_still_run(tmp_path: Path) -> None:
    nlp = build_pipeline(tmp_path / "no-model")
    assert nlp.pipe_names == [name for name in DECLARED if name not in TRAINED]
    doc = nlp("You must attend this interview.")
    assert [span.label_ for span in doc.spans["live"]] == ["mandatory"]


def _names_compared_with(attribute: str) -> set[str]:
    """Every string the nlp code compares a span's `attribute` with (==, !=, in), literal or set constant."""
    names: set[str] = set()
    for path in NLP_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {
            target.id: node.value
            for node in tree.body
            if isinstance(node, ast.Assign)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Compare) and isinstance(node.left, ast.Attribute)):
                continue
            if node.left.attr != attribute:
                continue
            for right in node.comparators:
                if isinstance(right, ast.Name) and right.id in constants:
                    right = constants[right.id]
                if isinstance(right, ast.Dict):  # `in` a mapping looks at its keys
                    right = ast.Tuple(elts=[key for key in right.keys if key is not None])
                names.update(
                    sub.value
                    for sub in ast.walk(right)
                    if isinstance(sub, ast.Constant) and isinstance(sub.value, str)
                )
    return names


def test_every_cue_id_and_label_the_code_names_exists_in_the_patterns() -> None:
    rows = default_cue_rows()
    ids = {row["id"] for row in rows}
    labels = {row["label"] for row in rows}
    assert PATTERN_IDS_NAMED <= ids, PATTERN_IDS_NAMED - ids
    assert _names_compared_with("id_") <= ids
    named = _names_compared_with("label_") | set(GROUP_LABELS)
    assert named, "the scan found no label comparisons: it is looking in the wrong place"
    assert named <= labels, named - labels
