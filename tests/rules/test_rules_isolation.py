"""The rules stage runs with no NLP: it never imports spaCy or analyser.nlp (STYLE.md, CONTRACT.md)."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import analyser.rules

RULES_DIR = Path(analyser.rules.__file__).parent
FORBIDDEN = ("spacy", "analyser.nlp")


def _imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
            modules |= {f"{node.module}.{alias.name}" for alias in node.names}
    return modules


def test_no_rules_module_imports_nlp_or_spacy() -> None:
    for path in RULES_DIR.glob("*.py"):
        bad = {m for m in _imported_modules(path) if m.startswith(FORBIDDEN)}
        assert not bad, f"{path.name} imports {bad}"


def test_check_runs_without_loading_spacy() -> None:
    # A fresh interpreter, with the `analyser` package stood in by a bare namespace so that whatever
    # analyser/__init__.py imports (the whole pipeline) is not counted against the rules stage.
    script = textwrap.dedent(
        f"""
        import sys, types
        package = types.ModuleType("analyser")
        package.__path__ = [{str(RULES_DIR.parent)!r}]
        sys.modules["analyser"] = package
        from analyser.result import Letter, Situation
        from analyser.rules import check, letter_warnings
        letter = Letter(type="wfi", attendance="mandatory", sanction_language=True, esa_group_stated="support_group")
        assert check(letter, Situation(benefit="esa")).verdict == "likely_wrongful"
        assert letter_warnings(letter)
        loaded = sorted(m for m in sys.modules if m.startswith({FORBIDDEN!r}))
        print(",".join(loaded))
        """
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "", f"check() loaded {run.stdout.strip()}"
