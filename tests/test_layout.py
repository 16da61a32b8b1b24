"""The pipeline's layering: ingest and nlp never import rules or interfaces; rules never imports spaCy."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "analyser"
INTERFACES = {
    "analyser.cli",
    "analyser.cli_dev",
    "analyser.api",
    "analyser.web",
    "analyser.batch",
    "analyser.report",
}
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


def _only_reexports(tree: ast.Module) -> list[str]:
    """The statements of an __init__.py that are more than a docstring, imports and __all__."""
    extra = []
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # the docstring
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if all(isinstance(t, ast.Name) and t.id in {"__all__", "__version__", "_HOMES"} for t in targets):
                continue
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            continue
        if isinstance(node, ast.FunctionDef) and node.name == "__getattr__":
            continue  # PEP 562: the package's names, imported on first use (still only re-exports)
        extra.append(ast.unparse(node).splitlines()[0])
    return extra


def test_init_files_only_re_export() -> None:
    for path in PACKAGE.rglob("__init__.py"):
        assert _only_reexports(ast.parse(path.read_text(encoding="utf-8"))) == [], path.relative_to(PACKAGE)


def test_no_module_is_over_350_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 350
    }
    assert long == {}
