"""The HTTP API and the upload page: requests in, analyse_bytes in a worker pool, one JSON error shape out."""

from __future__ import annotations

from analyser import __version__
from analyser.api.app import app, create_app
from analyser.api.guard import FORM_OVERHEAD_BYTES
from analyser.api.settings import ServerConfig, get_pipeline, get_settings
from analyser.errors import InternalError, TooLarge

__all__ = [
    "app",
    "create_app",
    "ServerConfig",
    "get_settings",
    "get_pipeline",
    "FORM_OVERHEAD_BYTES",
    "InternalError",
    "TooLarge",
    "__version__",
]
