"""A report a page at a time: each section's rows in a stable order on a unique key, and an
opaque cursor that says where each section's next page starts.

A section's `order` names the fields of its unique key, in order (`-field`: descending).
A cursor holds, for each section it pages, the key of the last row given out; the next
page starts after it (keyset paging: a row added or removed meanwhile never shifts the
others, so no row is given twice or skipped). A cursor carries a check of its own text
and the report's name: one changed by hand, or given to another report, is a 422.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from lrm_graph.db import pages
from lrm_graph.errors import InvalidInput

Key = list[Any]  # the values of a section's key fields, JSON scalars
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
ALL = 2**62  # a limit no report reaches: every row
CHECK = 16  # hex digits of the cursor's check
NOT_OURS = "cursor is not one this API gave out for this report"


@dataclass(frozen=True)
class PageRequest:
    """Which page: `limit` rows of each section after `cursor` (None: the first page)."""

    limit: int = DEFAULT_LIMIT
    cursor: str | None = None

    def check(self) -> None:
        if not 1 <= self.limit <= MAX_LIMIT and self.limit != ALL:
            raise InvalidInput(f"limit must be between 1 and {MAX_LIMIT}")


EVERY_ROW = PageRequest(limit=ALL)


def key_of(order: tuple[str, ...], row: Mapping[str, Any]) -> Key:
    """Return a row's key: the values of its order's fields."""
    return [row[field.lstrip("-")] for field in order]


def every_page(
    read: Callable[[Key | None, int], list[dict[str, Any]] | None],
    order: tuple[str, ...],
    size: int,
    first: list[dict[str, Any]] | None = None,
) -> Iterator[list[dict[str, Any]]]:
    """Yield a section's pages in turn: `first` (when already read, else `read(None, size)`),
    then each `read(after, size)` after the key of the page before's last row, until a
    page comes back short."""
    rows = read(None, size) if first is None else first
    while rows:
        yield rows
        if len(rows) < size:
            return
        rows = read(key_of(order, rows[-1]), size)


def sort_key(order: tuple[str, ...], key: Key) -> tuple[Any, ...]:
    """Return a key as Python sorts it the way Cypher orders it (nulls last)."""
    parts: list[Any] = []
    for field, value in zip(order, key, strict=True):
        if field.startswith("-"):
            parts.append((value is None, -value if value is not None else 0))
        else:
            parts.append((value is None, value if value is not None else ""))
    return tuple(parts)


def after(order: tuple[str, ...], rows: Iterable[Mapping[str, Any]], key: Key | None,
          limit: int) -> list[dict[str, Any]]:  # fmt: skip
    """Return up to `limit` of `rows` (already in order) that come after `key`."""
    if key is None:
        found = list(rows)
    else:
        start = sort_key(order, key)
        found = [row for row in rows if sort_key(order, key_of(order, row)) > start]
    return [dict(row) for row in found[:limit]]


def encode(report: str, keys: Mapping[str, Key]) -> str:
    """Return the cursor of the pages after `keys` ({section: key of its last row})."""
    body = json.dumps({"r": report, "k": dict(keys)}, separators=(",", ":"), sort_keys=True,
                      default=str)  # fmt: skip
    return pages.encode(_check(body) + body)


def decode(report: str, cursor: str, sections: Iterable[str]) -> dict[str, Key]:
    """Return {section: key after which its next page starts}; 422 for a cursor this API
    did not give out for this report."""
    text = pages.decode(cursor)
    check, body = text[:CHECK], text[CHECK:]
    if check != _check(body):
        raise InvalidInput(NOT_OURS)
    try:
        found = json.loads(body)
    except ValueError:
        raise InvalidInput(NOT_OURS) from None
    keys = found.get("k") if isinstance(found, dict) else None
    known = set(sections)
    if found.get("r") != report or not isinstance(keys, dict) or not keys:
        raise InvalidInput(NOT_OURS)
    if not set(keys) <= known or not all(isinstance(k, list) and k for k in keys.values()):
        raise InvalidInput(NOT_OURS)
    return keys


def _check(body: str) -> str:
    return hashlib.sha256(body.encode()).hexdigest()[:CHECK]
