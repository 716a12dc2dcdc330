"""One place that turns every error into RFC 9457 `application/problem+json`."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Route
from starlette.types import Scope

from api import observability
from api.disclosure import client_ip, request_label
from lrm_graph import clock, logs, problem_types
from lrm_graph.access import audit
from lrm_graph.access.visibility import Hidden
from lrm_graph.errors import LrmError
from lrm_graph.problem_types import ProblemType

PROBLEM_JSON = "application/problem+json"
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
log = logging.getLogger("lrm_graph.api")


def problem(request: Request, kind: ProblemType | int, detail: str, **extra: Any) -> JSONResponse:
    """Return a problem+json response of a type (or of a status's general type); `instance`
    is the path."""
    kind = kind if isinstance(kind, ProblemType) else problem_types.for_status(kind)
    body = {
        "type": kind.uri,
        "title": kind.title,
        "status": kind.status,
        "detail": detail,
        "instance": request.url.path,
        **extra,
    }
    return JSONResponse(body, status_code=kind.status, media_type=PROBLEM_JSON)


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in exc.errors()
    ]


def record_denial(request: Request, exc: LrmError) -> None:
    """Put failed sign-ins and denied requests in the audit log (best effort: the
    request is refused either way, and a refusal discloses nothing)."""
    if exc.audited or (not isinstance(exc, Hidden) and exc.status not in (401, 403, 429)):
        return  # recorded already by the use case (`audit.operation`), or no denial
    caller = getattr(request.state, "caller", None)
    context = audit.Request(caller, request_label(request), client_ip(request))
    action = "sign_in" if request.url.path.endswith("/auth/token") else "request"
    graph = getattr(request.app.state, "graph", None)
    if graph is None:
        return
    try:
        if isinstance(exc, Hidden):
            audit.record(graph, context, "read", {exc.learner_uid: "none"}, outcome="denied")
        else:
            audit.record_event(graph, context, action, outcome=f"denied ({exc.status})")
    except LrmError:
        log.warning("could not record a denied %s in the audit log", context.what)


def allowed_methods(request: Request) -> list[str]:
    """Return the methods of this path: those its OpenAPI document lists for a path without
    parameters, else every method some route takes at it (Starlette names only the first
    route's when several share a path)."""
    documented = _documented_methods(request.app).get(request.url.path)
    if documented is not None:
        return documented
    return _routed_methods(request.app, request.scope)


def _documented_methods(app: FastAPI) -> dict[str, list[str]]:
    """Return {path without parameters: its methods} from the OpenAPI document."""
    return {
        path: [method for method in METHODS if method.lower() in operations]
        for path, operations in app.openapi()["paths"].items()
        if "{" not in path
    }


def _routed_methods(app: FastAPI, scope: Scope) -> list[str]:
    return [
        method
        for method in METHODS
        if any(
            route.matches({**scope, "method": method})[0] is Match.FULL
            for route in app.router.routes
        )
    ]


def _method_not_allowed(request: Request) -> None:
    raise StarletteHTTPException(405)


def guard_literal_paths(app: FastAPI) -> None:
    """Answer 405 (with `Allow`) to a method a path without parameters does not take, where
    a parameter route would otherwise take the path as its value (`PATCH
    /v1/interventions/overdue` reaching `PATCH /v1/interventions/{uid}` for a 404): RFC 9110
    and the OpenAPI document say which methods such a path has.

    Call it once every router is included; the guards go first, ahead of every router.
    """
    for path, methods in _documented_methods(app).items():
        scope: Scope = {"type": "http", "path": path, "root_path": "", "headers": []}
        shadowed = set(_routed_methods(app, scope)) - set(methods)
        if shadowed:
            guard = Route(path, _method_not_allowed, methods=sorted(shadowed))
            app.router.routes.insert(0, guard)


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the same shape."""

    @app.exception_handler(LrmError)
    async def lrm_error(request: Request, exc: LrmError) -> JSONResponse:
        record_denial(request, exc)
        extra = dict(exc.extra)
        retry_after = extra.pop("retry_after", None)
        response = problem(request, exc.problem, exc.detail, **extra)
        if exc.status == 401:
            response.headers["WWW-Authenticate"] = "Bearer"
        if retry_after is not None:
            seconds = max(1, int((retry_after - clock.now()).total_seconds()))
            response.headers["Retry-After"] = str(seconds)
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = _validation_errors(exc)
        where = ", ".join(".".join(str(p) for p in e["loc"]) + ": " + e["msg"] for e in errors)
        return problem(
            request,
            problem_types.INVALID_REQUEST,
            f"the request is not valid: {where}",
            errors=errors,
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        response = problem(request, exc.status_code, str(exc.detail))
        response.headers.update(exc.headers or {})
        if exc.status_code == 405:  # RFC 9110: Allow lists every method of the path
            response.headers["Allow"] = ", ".join(allowed_methods(request))
        return response

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Starlette answers an unhandled error outside every middleware, after the
        # observer has let go of the request's id: take it up again for the log and answer.
        rid = observability.request_id_of(request.scope)
        token = logs.request_id.set(rid)
        try:
            log.exception("unexpected error on %s %s", request.method, request.url.path)
        finally:
            logs.request_id.reset(token)
        response = problem(request, 500, "something went wrong on our side; it has been logged")
        response.headers[observability.HEADER] = rid
        return response
