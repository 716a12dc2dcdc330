"""The audit log: who read or wrote which learner's data, what, when, from where, and why.

Append-only. A disclosure is recorded before the answer leaves: if the entry cannot be
written, the request fails (GraphUnavailable, 503) and nothing is served unrecorded.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from lrm_graph import clock
from lrm_graph.auth.caller import Caller
from lrm_graph.db.graph import Graph
from lrm_graph.db.pages import Page

COLUMNS = (
    "at", "actor", "actor_role", "actor_kind", "actor_id", "learner_uid", "action",
    "what", "purpose", "ip", "outcome", "uid",
)  # fmt: skip


@dataclass(frozen=True)
class Request:
    """Where a disclosure happens: the caller (None before sign-in), what, from where."""

    caller: Caller | None
    what: str  # e.g. "GET /v1/learners/{uid}"
    ip: str | None


def record(
    graph: Graph,
    request: Request,
    action: str,
    purposes: Mapping[str, str] | Iterable[tuple[str, str]],
    outcome: str = "allowed",
) -> int:
    """Append one entry per learner disclosed ({learner uid: purpose}); return the count."""
    items = purposes.items() if isinstance(purposes, Mapping) else purposes
    entries = [_entry(request, action, uid, purpose, outcome) for uid, purpose in items]
    return _append(graph, entries)


def record_event(
    graph: Graph, request: Request, action: str, outcome: str, purpose: str | None = None
) -> int:
    """Append an entry that concerns no one learner: a failed sign-in, a denied request,
    an import run from the CLI (with its purpose)."""
    return _append(graph, [_entry(request, action, None, purpose, outcome)])


def _entry(
    request: Request, action: str, learner_uid: str | None, purpose: str | None, outcome: str
) -> dict[str, Any]:
    caller = request.caller
    return {
        "uid": uuid.uuid4().hex,
        "at": clock.now(),
        "actor_kind": caller.kind if caller else "anonymous",
        "actor_id": caller.id if caller else None,
        "actor": caller.display if caller else None,
        "actor_role": caller.role.value if caller else None,
        "learner_uid": learner_uid,
        "action": action,
        "what": request.what,
        "purpose": purpose,
        "ip": request.ip,
        "outcome": outcome,
    }


def _append(graph: Graph, entries: list[dict[str, Any]]) -> int:
    if not entries:
        return 0
    rows = graph.write("audit/record_entries", entries=entries)
    return int(rows[0]["recorded"])


def list_entries(
    graph: Graph,
    *,
    learner_uid: str | None = None,
    actor_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    cursor: str | None = None,
    limit: int = 100,
) -> Page:
    """Return one page of entries, newest first."""
    rows = graph.read(
        "audit/list_entries",
        learner_uid=learner_uid,
        actor_id=actor_id,
        since=since,
        until=until,
        before=cursor,
        limit=limit + 1,
    )
    page = rows[:limit]
    next_cursor = page[-1]["key"] if len(rows) > limit and page else None
    return Page([row["e"] for row in page], next_cursor)
