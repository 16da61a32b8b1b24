"""The letter analyser: reads a Jobcentre / DWP letter and says whether it lawfully summons you."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from analyser.analyse import (
        analyse_bytes,
        analyse_file,
        analyse_files,
        analyse_text,
        analyse_uploads,
        check,
    )
    from analyser.result import AnalysisResult, Letter, Situation

__version__ = "0.1.0"
__all__ = [
    "analyse_file",
    "analyse_files",
    "analyse_uploads",
    "analyse_text",
    "analyse_bytes",
    "check",
    "Situation",
    "Letter",
    "AnalysisResult",
    "__version__",
]
# Imported on first use (PEP 562): the CLI and the batch parent process start without spaCy,
# pdfplumber and Tesseract, which only the processes that read letters need.
_HOMES = {
    "analyse_file": "analyser.analyse",
    "analyse_files": "analyser.analyse",
    "analyse_uploads": "analyser.analyse",
    "analyse_text": "analyser.analyse",
    "analyse_bytes": "analyser.analyse",
    "check": "analyser.analyse",
    "Situation": "analyser.result",
    "Letter": "analyser.result",
    "AnalysisResult": "analyser.result",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'analyser' has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name]), name)
