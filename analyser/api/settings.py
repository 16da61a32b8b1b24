"""The server's settings and the dependencies routes ask for: limits, worker count, the loaded pipeline."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from fastapi import FastAPI
from spacy.language import Language

from analyser.ingest.limits import Limits
from analyser.nlp import load_pipeline
from analyser.settings import Settings as Environment
from analyser.settings import available_cores


@dataclass(frozen=True)
class ServerConfig:
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
    def from_env(cls) -> ServerConfig:
        """Limits.from_env() with uploads capped at ANALYSER_MAX_UPLOAD_BYTES (20 MB); ANALYSER_WORKERS workers,
        ANALYSER_ISOLATION (process or thread), ANALYSER_MAX_WORKER_RSS_MB."""
        environment = Environment.from_env()
        limits = Limits.from_env()
        isolation = environment.isolation
        # Processes: twice the cores, so a normal letter finds a free worker while hostile ones run out their time.
        workers = environment.workers or available_cores() * (2 if isolation == "process" else 1)
        return cls(
            limits=replace(limits, max_bytes=min(limits.max_bytes, environment.max_upload_bytes)),
            workers=max(1, workers),
            isolation=isolation,
            max_worker_rss_mb=environment.max_worker_rss_mb,
        )


@lru_cache
def get_settings() -> ServerConfig:
    """The server's settings, read from the environment once (tests override this dependency)."""
    return ServerConfig.from_env()


def get_pipeline() -> Language:
    """The spaCy pipeline, loaded once per process (lifespan loads it before the first request)."""
    return load_pipeline()


def current_settings(app: FastAPI) -> ServerConfig:
    """get_settings as the routes see it, overrides included, for code outside dependency injection."""
    settings: ServerConfig = app.dependency_overrides.get(get_settings, get_settings)()
    return settings
