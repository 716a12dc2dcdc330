"""One place that turns every error into RFC 9457 `application/problem+json`."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from lrm_graph import clock
from lrm_graph.errors import LrmError

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("lrm_graph.api")


def problem(request: Request, status: int, detail: str, **extra: Any) -> JSONResponse:
    """Return a problem+json response; `type` names the status, `instance` the path."""
    phrase = HTTPStatus(status).phrase
    body = {
        "type": f"urn:lrm-graph:problem:{phrase.lower().replace(' ', '-')}",
        "title": extra.pop("title", phrase),
        "status": status,
        "detail": detail,
        "instance": request.url.path,
        **extra,
    }
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON)


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in exc.errors()
    ]


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the same shape."""

    @app.exception_handler(LrmError)
    async def lrm_error(request: Request, exc: LrmError) -> JSONResponse:
        extra = dict(exc.extra)
        retry_after = extra.pop("retry_after", None)
        response = problem(request, exc.status, exc.detail, title=exc.title, **extra)
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
        return problem(request, 422, f"the request is not valid: {where}", errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return problem(request, exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return problem(request, 500, "something went wrong on our side; it has been logged")
