"""The pipeline's layering: ingest and nlp never import rules or interfaces; rules never imports spaCy."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "analyser"
INTERFACES = {"analyser.cli", "analyser.api", "analyser.web", "analyser.batch", "analyser.report"}
FORBIDDEN = {
    "ingest": INTERFACES | {"analyser.rules", "analyser.nlp", "analyser.analyse"},
    "nlp": INTERFACES | {"analyser.rules", "analyser.analyse"},
    "rules": INTERFACES | {"analyser.nlp", "analyser.ingest", "spacy", "analyser.analyse"},
}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_stages_import_only_what_they_may() -> None:
    for stage, forbidden in FORBIDDEN.items():
        for path in (PACKAGE / stage).rglob("*.py"):
            bad = {
                name
                for name in _imports(path)
                if any(name == f or name.startswith(f + ".") for f in forbidden)
            }
            assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"


def test_every_module_says_what_it_does_in_its_first_line() -> None:
    for path in PACKAGE.rglob("*.py"):
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert docstring and docstring.strip(), f"{path.relative_to(PACKAGE)} has no module docstring"
