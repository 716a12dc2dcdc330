"""Put the web app into the FastAPI app: its static files, `/docs` and `/redoc`, and
the routers of pages (left out of the OpenAPI document: they are pages, not the API).
What `api.main`, the composition root, takes from the web app is here, and only here."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response

from web import docs
from web.pages import STATIC_DIR, error_page
from web.routes import routers


def include(app: FastAPI) -> None:
    """Mount the static files and include the docs and every router of pages."""
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(docs.router)
    for router in routers():
        app.include_router(router, include_in_schema=False)


def refusal_page(request: Request, status_code: int, detail: str) -> Response:
    """Answer a request refused before any route (too many sign-ins) with the error page."""
    return error_page(request, None, status_code, detail)
