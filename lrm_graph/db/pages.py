"""Cursor pagination: opaque cursors over uid order."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from typing import Any

from lrm_graph.errors import InvalidInput


@dataclass
class Page:
    items: list[dict[str, Any]] = field(default_factory=list)
    next_cursor: str | None = None


def encode(uid: str) -> str:
    return base64.urlsafe_b64encode(uid.encode()).decode().rstrip("=")


def decode(cursor: str | None) -> str:
    """Return the uid a cursor stands for ('' for the first page)."""
    if not cursor:
        return ""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        return base64.b64decode(padded, altchars=b"-_", validate=True).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise InvalidInput("cursor is not one this API gave out") from exc


def page_of(rows: list[dict[str, Any]], limit: int) -> Page:
    """Make a page from up to `limit + 1` rows, each with a `uid`."""
    items = rows[:limit]
    more = len(rows) > limit
    return Page(items, encode(items[-1]["uid"]) if more and items else None)
