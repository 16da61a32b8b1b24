"""The app factory: the FastAPI app with its lifespan, error handlers, size guard, static files and routes."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from functools import partial

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from analyser import __version__, web
from analyser.api import routes
from analyser.api.errors import analyser_error_handler, http_error_handler, validation_error_handler
from analyser.api.guard import CatchAll, UploadSizeGuard, keep_uploads_in_memory, refuse_upload
from analyser.api.settings import current_settings
from analyser.errors import AnalyserError
from analyser.nlp import load_pipeline
from analyser.web import info
from analyser.web import routes as page_routes
from analyser.workers import WorkerPool

log = logging.getLogger("analyser.api")

# Letters read into memory per analysis thread: one being analysed and one ready to go.
ADMITTED_PER_WORKER = 2


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Load the model and start the analysis workers before serving; stop them after."""
    settings = current_settings(app)
    await asyncio.to_thread(load_pipeline)
    app.state.pool = app.state.executor = None
    if settings.isolation == "process":
        app.state.pool = WorkerPool(settings.workers, max_rss_mb=settings.max_worker_rss_mb)
        await app.state.pool.start()
    else:
        # A pool of its own, sized to the cores: analysis is CPU-bound, and each thread keeps its own
        # Tesseract engine, so long-lived threads beat anyio's, which retire when idle.
        app.state.executor = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="analyse")
    app.state.admission = asyncio.Semaphore(ADMITTED_PER_WORKER * settings.workers)
    log.info(
        "ready: %d analysis %s, uploads up to %s",
        settings.workers,
        "processes" if app.state.pool else "threads",
        web.describe_size(settings.max_upload_bytes),
    )
    try:
        yield
    finally:
        if getattr(app.state, "pool", None) is not None:
            app.state.pool.close()
        if getattr(app.state, "executor", None) is not None:
            app.state.executor.shutdown(wait=False, cancel_futures=True)


def create_app() -> FastAPI:
    """A new app serving the API under /api/ and the upload page at /."""
    app = FastAPI(
        title="Letter analyser",
        version=__version__,
        summary="Reads a Jobcentre / DWP letter: is it a work-focused interview, must you go, is the demand wrongful?",
        description="Upload a letter (PDF, scan, photo, TIFF or text) with an optional situation (benefit, group, "
        "circumstances) and get the analysis described in CONTRACT.md. Letters are read in memory and never kept.",
        lifespan=lifespan,
        docs_url=None,  # served by web.info with its assets from this server (works offline, under the CSP)
        redoc_url=None,
    )
    app.add_exception_handler(AnalyserError, analyser_error_handler)
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    app.add_exception_handler(StarletteHTTPException, http_error_handler)
    app.add_middleware(
        UploadSizeGuard,
        limit=lambda: current_settings(app).max_upload_bytes,
        refuse=partial(refuse_upload, app),
    )
    app.add_middleware(CatchAll)  # outermost of ours: nothing from a request reaches the log as a traceback
    keep_uploads_in_memory()
    app.mount("/static", StaticFiles(directory=web.STATIC_DIR), name="static")
    app.mount("/docs-assets", StaticFiles(directory=info.DOCS_ASSETS), name="docs-assets")
    app.include_router(routes.router)
    app.include_router(page_routes.router)
    app.include_router(info.router)
    return app


# The app uvicorn serves ("analyser.api:app").
app = create_app()
