"""The letter analyser: reads a Jobcentre / DWP letter and says whether it lawfully summons you."""

from analyser.analyse import analyse_bytes, analyse_file, analyse_text, check
from analyser.result import AnalysisResult, Letter, Situation

__version__ = "0.1.0"
__all__ = [
    "analyse_file",
    "analyse_text",
    "analyse_bytes",
    "check",
    "Situation",
    "Letter",
    "AnalysisResult",
    "__version__",
]
