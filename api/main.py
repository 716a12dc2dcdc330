"""The FastAPI app: `create_app()` and a lifespan that owns the one driver."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, Depends, FastAPI

from api import errors, middleware, observability, openapi, paging
from api.auth import current_caller
from api.routes import analytics as analytics_routes
from api.routes import audit as audit_routes
from api.routes import auth as auth_routes
from api.routes import (
    bulk,
    health,
    interactions,
    interventions,
    join_requests,
    learner_views,
    mapping_rounds,
    me,
    mentor_requests,
    nodes,
    notes,
    questions,
    ratings,
    relationships,
    reports,
)
from api.routes import connections as connection_routes
from api.routes import imports as import_routes
from api.routes import invitations as invitation_routes
from api.routes import metrics as metrics_routes
from api.routes import oidc as oidc_routes
from api.routes import privacy as privacy_routes
from api.routes import problems as problem_routes
from lrm_graph import __version__
from lrm_graph.auth.callers import CheckedCallers
from lrm_graph.config import Settings, get_settings
from lrm_graph.db import schema
from lrm_graph.db.graph import connect
from lrm_graph.errors import GraphUnavailable
from lrm_graph.imports.oneroster import history
from web import app as web_app

log = logging.getLogger("lrm_graph.api")


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; the database is opened by the lifespan, not at import."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        graph = connect(settings)
        app.state.graph = graph
        app.state.settings = settings
        app.state.schema_ready = False
        try:
            graph.ping()
            schema.apply(graph)
            app.state.schema_ready = True
            history.reap(graph)  # jobs a dead process left running are marked failed
        except GraphUnavailable as exc:
            # Start anyway: /healthz answers, /readyz says 503 and retries the schema.
            log.warning("graph database unavailable at start: %s", exc.detail)
        try:
            yield
        finally:
            graph.close()

    app = FastAPI(
        title="LRM Graph",
        version=__version__,
        summary="The relationships around each learner, kept in a graph.",
        lifespan=lifespan,
        generate_unique_id_function=openapi.operation_id,
        docs_url=None,  # /docs and /redoc come from web.docs, on vendored files (no CDN)
        redoc_url=None,
    )
    app.state.callers = CheckedCallers.from_settings(settings)
    errors.install(app)
    openapi.install(app, settings.page_size_max)
    middleware.install(app, settings, refusal_page=web_app.refusal_page)
    app.add_middleware(paging.PageLinks)
    app.add_middleware(observability.RequestObserver)  # the outermost: every answer has an id
    app.include_router(health.router)
    app.include_router(metrics_routes.router)
    app.include_router(problem_routes.router)  # each problem answer's `type` resolves here
    # Sign-in is the one /v1 route open to anonymous callers.
    app.include_router(auth_routes.router, prefix="/v1")
    app.include_router(oidc_routes.router)  # browsers come back here from the provider
    app.include_router(invitation_routes.page_router)  # an invitation's link opens this
    for router in resource_routers():
        app.include_router(router, prefix="/v1", dependencies=[Depends(current_caller)])
    web_app.include(app)
    errors.guard_literal_paths(app)
    return app


def resource_routers() -> list[APIRouter]:
    """Return every router under /v1 that needs a signed-in caller (all but sign-in)."""
    return [
        *nodes.routers(),
        relationships.router,
        bulk.router,
        questions.router,
        reports.router,
        analytics_routes.router,
        import_routes.router,
        audit_routes.router,
        connection_routes.router,
        privacy_routes.router,
        me.router,
        mentor_requests.router,
        join_requests.router,
        interactions.router,
        notes.router,
        interventions.router,
        learner_views.router,
        mapping_rounds.router,
        ratings.router,
        invitation_routes.router,
    ]
