"""`Link: <...>; rel="next"` (RFC 8288) on every paged list: any JSON answer to a GET
with a `next_cursor` gets a link to the same request with `cursor` set to it, so that
clients page by following links whichever list they read."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class PageLinks:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        body: list[bytes] = []

        async def linking_send(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if message["status"] == 200 and headers.get("content-type") == "application/json":
                    start = message  # held until the body says whether there is a next page
                    return
            elif start is not None and message["type"] == "http.response.body":
                body.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                cursor = _next_cursor(b"".join(body))
                if cursor:
                    MutableHeaders(scope=start)["Link"] = (
                        f'<{next_page(scope, cursor)}>; rel="next"'
                    )
                await send(start)
                message = {**message, "body": b"".join(body), "more_body": False}
            await send(message)

        await self.app(scope, receive, linking_send)


def _next_cursor(body: bytes) -> str | None:
    try:
        answer = json.loads(body)
    except ValueError:
        return None
    cursor = answer.get("next_cursor") if isinstance(answer, dict) else None
    return cursor if isinstance(cursor, str) and cursor else None


def next_page(scope: Scope, cursor: str) -> str:
    """Return the path and query of the next page: the same query with `cursor` set."""
    query = [
        (k, v)
        for k, v in parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
        if k != "cursor"
    ]
    return f"{scope.get('root_path', '')}{scope['path']}?{urlencode([*query, ('cursor', cursor)])}"
