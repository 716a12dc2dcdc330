"""Newest-first cursors over (time, uid): opaque, like every other list's cursor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from lrm_graph.db import pages
from lrm_graph.errors import InvalidInput


def after(cursor: str | None) -> dict[str, Any]:
    """Return the query parameters `before_at` and `before_uid` a cursor stands for."""
    key = pages.decode(cursor)
    if not key:
        return {"before_at": None, "before_uid": None}
    at, _, uid = key.partition("|")
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        raise InvalidInput("cursor is not one this API gave out") from None
    if not uid or moment.tzinfo is None:
        raise InvalidInput("cursor is not one this API gave out")
    return {"before_at": moment, "before_uid": uid}


def cut(
    nodes: list[dict[str, Any]], limit: int, time_field: str
) -> tuple[list[dict[str, Any]], str | None]:
    """Keep the first `limit` of up to `limit + 1` nodes (newest first, each with `uid` and
    `time_field`); return them and the cursor of the next page (None: no more)."""
    kept = nodes[:limit]
    if len(nodes) <= limit or not kept:
        return kept, None
    last = kept[-1]
    return kept, pages.encode(f"{last[time_field].isoformat()}|{last['uid']}")


@dataclass(frozen=True)
class Window:
    """Which page of a newest-first list: after `cursor`, `limit` rows, between two times."""

    cursor: str | None = None
    limit: int = 50
    since: datetime | None = None
    until: datetime | None = None

    def params(self) -> dict[str, Any]:
        """Return the query parameters: since, until, before_at, before_uid, limit (+1)."""
        return {"since": self.since, "until": self.until, "limit": self.limit + 1,
                **after(self.cursor)}  # fmt: skip


FIRST_PAGE = Window()
