"""Batch analysis of a folder of letters: discover, tasks, pools, progress, results file and SQLite."""

from analyser.batch.discover import LETTER_SUFFIXES
from analyser.batch.run import BatchOptions, BatchSummary, run_batch
from analyser.batch.tasks import Task, run_task

__all__ = ["BatchOptions", "BatchSummary", "run_batch", "run_task", "Task", "LETTER_SUFFIXES"]
