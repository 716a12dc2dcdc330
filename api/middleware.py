"""Request limits and CORS: what every request meets before any route.

- Bodies over `max_request_bytes` (`max_upload_bytes` for bulk loads and imports) answer
  413 problem+json before the route reads them.
- Too many failed sign-ins from one IP address within a window answer 429 (accounts
  also lock after repeated failures, in `lrm_graph.auth.accounts`), whether they come to
  the API (`POST /v1/auth/token`) or the web app's sign-in form (`POST /`, answered with
  a page): one count for both. The count is kept in this process: behind a load
  balancer each process counts its own, and the address is the one uvicorn sees (run it
  with `--proxy-headers` behind a trusted proxy).
- CORS is off (no CORS headers at all) unless `cors_origins` names origins.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict, deque
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import problem
from lrm_graph.access import audit
from lrm_graph.config import Settings
from lrm_graph.errors import LrmError

log = logging.getLogger("lrm_graph.api")

UPLOAD_PREFIXES = ("/v1/bulk", "/v1/imports")
SIGN_IN_PATH = "/v1/auth/token"
WEB_SIGN_IN_PATH = "/"  # the web app's sign-in form (web.routes.signin)
MAX_TRACKED = 10_000  # addresses with recent failures before old ones are swept
# A page answering a refused request (status, detail), for the web app's sign-in form.
RefusalPage = Callable[[Request, int, str], Response]


def install(app: FastAPI, settings: Settings, refusal_page: RefusalPage | None = None) -> None:
    """Add the limits, and CORS when origins are configured (the last added runs first).
    `refusal_page` answers a refused web sign-in (the web app's error page)."""
    app.add_middleware(
        SignInLimit,
        max_failures=settings.signin_ip_max_failures,
        window_seconds=settings.signin_ip_window_seconds,
        refusal_page=refusal_page,
    )
    app.add_middleware(
        BodyLimit, max_bytes=settings.max_request_bytes, max_upload=settings.max_upload_bytes
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
            expose_headers=["Location", "Retry-After", "Link", "X-Request-ID"],
        )


async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, detail: str,
                  headers: dict[str, str] | None = None) -> None:  # fmt: skip
    response = problem(Request(scope), status, detail)
    response.headers.update(headers or {})
    await response(scope, receive, send)


class BodyLimit:
    """Answer 413 for a body over the limit, whether or not it says its length."""

    def __init__(self, app: ASGIApp, max_bytes: int, max_upload: int) -> None:
        self.app, self.max_bytes, self.max_upload = app, max_bytes, max_upload

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        limit = self.max_upload if path.startswith(UPLOAD_PREFIXES) else self.max_bytes
        too_large = f"the request body is larger than {limit} bytes"
        length = _content_length(scope)
        if length is not None:
            if length > limit:
                await _refuse(scope, receive, send, 413, too_large)
                return
            await self.app(scope, receive, send)  # the server holds the body to its length
            return
        # No length (chunked): read up to the limit first, then hand the body on.
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            size += len(message.get("body", b""))
            if size > limit:
                await _refuse(scope, receive, send, 413, too_large)
                return
            if message["type"] != "http.request" or not message.get("more_body"):
                break
        await self.app(scope, _replay(messages, receive), send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replayed() -> Message:
        return pending.pop(0) if pending else await receive()

    return replayed


class SignInLimit:
    """Answer 429 to sign-ins from an address with too many recent failures."""

    def __init__(
        self,
        app: ASGIApp,
        max_failures: int,
        window_seconds: int,
        clock: Callable[[], float] = time.monotonic,
        refusal_page: RefusalPage | None = None,
    ) -> None:
        self.app, self.max_failures, self.window = app, max_failures, window_seconds
        self.clock, self.refusal_page = clock, refusal_page
        self.failures: defaultdict[str, deque[float]] = defaultdict(deque)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        is_sign_in = (
            scope["type"] == "http"
            and scope["method"] == "POST"
            and scope["path"] in (SIGN_IN_PATH, WEB_SIGN_IN_PATH)
        )
        if not is_sign_in:
            await self.app(scope, receive, send)
            return
        ip = scope["client"][0] if scope.get("client") else "unknown"
        recent = self._recent(ip)
        if len(recent) >= self.max_failures:
            retry = max(1, int(recent[0] + self.window - self.clock()))
            await _record_refusal(scope, ip)
            detail = "too many failed sign-ins from this address; try again later"
            headers = {"Retry-After": str(retry)}
            if scope["path"] == WEB_SIGN_IN_PATH and self.refusal_page is not None:
                page = self.refusal_page(Request(scope), 429, detail)
                page.headers.update(headers)
                await page(scope, receive, send)
                return
            await _refuse(scope, receive, send, 429, detail, headers)
            return

        async def counting_send(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 401:
                self._count_failure(ip)
            await send(message)

        await self.app(scope, receive, counting_send)

    def _count_failure(self, ip: str) -> None:
        if ip not in self.failures and len(self.failures) >= MAX_TRACKED:
            # Many addresses failing at once: forget those whose failures are all old.
            for known in list(self.failures):
                self._recent(known)
        self.failures[ip].append(self.clock())

    def _recent(self, ip: str) -> deque[float]:
        """Return the failures of `ip` within the window, forgetting older ones."""
        recent = self.failures.get(ip, deque())
        horizon = self.clock() - self.window
        while recent and recent[0] < horizon:
            recent.popleft()
        if not recent:
            self.failures.pop(ip, None)  # the table holds only addresses failing now
        return recent


async def _record_refusal(scope: Scope, ip: str) -> None:
    """Put the refused sign-in in the audit log (best effort: it is refused either way)."""
    graph: Any = getattr(scope["app"].state, "graph", None) if "app" in scope else None
    if graph is None:
        return
    request = audit.Request(None, f"{scope['method']} {scope['path']}", ip)
    try:
        await run_in_threadpool(audit.record_event, graph, request, "sign_in", "denied (429)")
    except LrmError:
        log.warning("could not record a refused sign-in in the audit log")
