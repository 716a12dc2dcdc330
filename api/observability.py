"""Each request's id (`X-Request-ID`), its log line and its metrics, before any route."""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lrm_graph import logs, metrics

HEADER = "X-Request-ID"
SCOPE_KEY = "lrm.request_id"  # where the id waits for the 500 handler, which runs outside
# An id from the request is kept only if it is short and plain (it goes into log lines).
USABLE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
log = logging.getLogger("lrm_graph.access")


class RequestObserver:
    """Give each request an id (the caller's, or a new one), answer with it, log the
    request once and count it by route template and status."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(HEADER.lower().encode(), b"").decode("latin-1")
        rid = given if USABLE_ID.match(given) else uuid.uuid4().hex
        scope[SCOPE_KEY] = rid
        token = logs.request_id.set(rid)
        started, status = time.perf_counter(), 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[HEADER] = rid
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            labels = (scope["method"], route_template(scope), str(status))
            metrics.REQUESTS.labels(*labels).inc()
            metrics.REQUEST_SECONDS.labels(*labels).observe(seconds)
            log.info("%s %s %s %.1f ms", scope["method"], scope["path"], status, seconds * 1000)
            logs.request_id.reset(token)


def request_id_of(scope: Scope) -> str:
    """Return the id `RequestObserver` gave this request (`-` before it ran)."""
    return str(scope.get(SCOPE_KEY, "-"))


def route_template(scope: Scope) -> str:
    """Return the template of the route that answered (`/v1/learners/{uid}`), or
    `unmatched`: a route of an included router knows its path without the prefix."""
    route_format = getattr(scope.get("route"), "path_format", None)
    if route_format is None:
        return "unmatched"
    try:
        filled = route_format.format(**scope.get("path_params", {}))
    except (KeyError, IndexError, ValueError):
        return route_format
    path: str = scope["path"]
    return path.removesuffix(filled) + route_format if path.endswith(filled) else route_format
