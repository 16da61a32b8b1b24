"""The server's settings and the dependencies routes ask for: limits, worker count, the loaded pipeline."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from functools import lru_cache

from fastapi import FastAPI
from spacy.language import Language

from analyser.ingest.limits import Limits
from analyser.nlp import load_pipeline

DEFAULT_MAX_UPLOAD_BYTES = 20_000_000


@dataclass(frozen=True)
class Settings:
    """What a server run is configured with: the input limits and how many letters it analyses at once."""

    limits: Limits
    workers: int
    # "process": each letter in a worker process that is killed when the client leaves or time runs
    # out, and recycled past max_worker_rss_mb; "thread": in this process (tests that patch the analyser).
    isolation: str = "process"
    max_worker_rss_mb: float = 350.0

    @property
    def max_upload_bytes(self) -> int:
        return self.limits.max_bytes

    @classmethod
    def from_env(cls) -> Settings:
        """Limits.from_env() with uploads capped at ANALYSER_MAX_UPLOAD_BYTES (20 MB); ANALYSER_WORKERS workers,
        ANALYSER_ISOLATION (process or thread), ANALYSER_MAX_WORKER_RSS_MB."""
        limits = Limits.from_env()
        upload = int(os.environ.get("ANALYSER_MAX_UPLOAD_BYTES") or DEFAULT_MAX_UPLOAD_BYTES)
        isolation = os.environ.get("ANALYSER_ISOLATION") or "process"
        # Processes: twice the cores, so a normal letter finds a free worker while hostile ones run out their time.
        workers = int(os.environ.get("ANALYSER_WORKERS") or _cores() * (2 if isolation == "process" else 1))
        return cls(
            limits=replace(limits, max_bytes=min(limits.max_bytes, upload)),
            workers=max(1, workers),
            isolation=isolation,
            max_worker_rss_mb=float(os.environ.get("ANALYSER_MAX_WORKER_RSS_MB") or 350),
        )


def _cores() -> int:
    # The cores this process may run on, not the machine's: containers often pin fewer.
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@lru_cache
def get_settings() -> Settings:
    """The server's settings, read from the environment once (tests override this dependency)."""
    return Settings.from_env()


def get_pipeline() -> Language:
    """The spaCy pipeline, loaded once per process (lifespan loads it before the first request)."""
    return load_pipeline()


def current_settings(app: FastAPI) -> Settings:
    """get_settings as the routes see it, overrides included, for code outside dependency injection."""
    settings: Settings = app.dependency_overrides.get(get_settings, get_settings)()
    return settings
