"""Put the web app into the FastAPI app: its static files, `/docs` and `/redoc`, and
the routers of pages (left out of the OpenAPI document: they are pages, not the API)."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from web import docs
from web.pages import STATIC_DIR
from web.routes import routers


def include(app: FastAPI) -> None:
    """Mount the static files and include the docs and every router of pages."""
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(docs.router)
    for router in routers():
        app.include_router(router, include_in_schema=False)
