"""The audit log: who read or wrote which learner's data, what, when, from where, and why.

Append-only. A disclosure is recorded before the answer leaves: if the entry cannot be
written, the request fails (GraphUnavailable, 503) and nothing is served unrecorded.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from lrm_graph import clock
from lrm_graph.access import visibility
from lrm_graph.auth.caller import Caller
from lrm_graph.db.graph import Graph
from lrm_graph.db.pages import Page
from lrm_graph.errors import Forbidden, LrmError
from lrm_graph.vocabulary import NodeKind

log = logging.getLogger("lrm_graph.audit")

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


def signed_in(request: Request) -> Caller:
    """Return the request's caller; 403 for a request nobody signed in to."""
    if request.caller is None:  # the API signs every /v1 caller in first
        raise Forbidden("sign in first")
    return request.caller


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
    """Write the entries in one statement: alone, one round trip; in a unit, among its last."""
    if entries:
        graph.write_last("audit/record_entries", entries=entries)
    return len(entries)


@dataclass(frozen=True)
class Operation:
    """One audited operation in progress: its transaction and its audit context."""

    graph: Graph  # a unit: every query on it runs in the operation's one transaction
    request: Request
    action: str
    recorded: set[tuple[str, str]] = field(default_factory=set)
    entries: list[dict[str, Any]] = field(default_factory=list)
    aimed_at: list[str] = field(default_factory=list)  # a refusal is recorded for these

    def aim(self, *uids: str) -> None:
        """Aim the operation at more nodes (uids of any kind), found once it has read what
        it works on: a refusal is recorded for the learners among them too."""
        self.aimed_at.extend(uids)

    def record(
        self, purposes: Mapping[str, str] | Iterable[tuple[str, str]], action: str | None = None
    ) -> int:
        """Record the learners the operation reads or writes ({uid: purpose}), as allowed,
        as its action (or `action`: a `grant`), each learner once per action; the entries
        are written in one statement when the operation ends, and commit with the work or
        not at all."""
        action = action or self.action
        items = purposes.items() if isinstance(purposes, Mapping) else purposes
        new = [(uid, purpose) for uid, purpose in items if (uid, action) not in self.recorded]
        self.recorded.update((uid, action) for uid, _ in new)
        self.entries.extend(_entry(self.request, action, uid, why, "allowed") for uid, why in new)
        return len(new)


@contextmanager
def operation(
    graph: Graph, request: Request, action: str, aimed_at: Iterable[str] = ()
) -> Iterator[Operation]:
    """Run one operation's checks, audit entry and work in one transaction.

    When the block raises an `LrmError`, nothing of it is written; instead the refusal is
    recorded for each learner among `aimed_at` (uids of any kind; the others are passed
    over) and for the hidden learner a 404 names: `denied` (404 for a learner the caller
    may not see), `denied (403)`, `refused (404|409)` or `invalid (422)`.
    Nodes found once the block has read what it works on join them by `Operation.aim`.
    """
    aimed = list(aimed_at)
    try:
        with graph.unit() as unit:
            op = Operation(unit, request, action, aimed_at=aimed)
            yield op
            _append(unit, op.entries)
    except LrmError as exc:
        if not exc.audited and exc.status < 500:
            # Outside the transaction that is rolled back (an operation may run inside
            # another's unit): the refusal is recorded whatever becomes of it.
            _record_refusal(graph.detached(), request, action, exc, aimed)
        raise


def refusal_outcome(exc: LrmError) -> str:
    """Return how the audit log words a refused request."""
    if getattr(exc, "learner_uid", None) is not None and exc.status == 404:
        return "denied"  # a learner the caller may not see: worded like any denied read
    if exc.status in (401, 403):
        return f"denied ({exc.status})"
    if exc.status == 422:
        return "invalid (422)"
    return f"refused ({exc.status})"


def _record_refusal(
    graph: Graph, request: Request, action: str, exc: LrmError, aimed_at: list[str]
) -> None:
    hidden = getattr(exc, "learner_uid", None)
    try:
        aimed_at = list(dict.fromkeys(aimed_at))  # a learner aimed at twice is one entry
        rows = graph.read("nodes/get_kinds", uids=aimed_at) if aimed_at else []
        learners = [row["uid"] for row in rows if row["node_kind"] == NodeKind.LEARNER.value]
        if hidden is not None and hidden not in learners:
            learners.append(hidden)
        outcome = refusal_outcome(exc)
        purpose = "none" if outcome == "denied" else None  # as a denied read is worded
        entries = [_entry(request, action, uid, purpose, outcome) for uid in learners]
        if not entries:
            entries = [_entry(request, action, None, None, outcome)]
        _append(graph, entries)
        exc.audited = True
    except LrmError:  # the request is refused either way, and a refusal discloses nothing
        log.warning("could not record a refused %s in the audit log", request.what)


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


def read_log(graph: Graph, request: Request, **filters: Any) -> Page:
    """Show district admins one page of the log, newest first (`GET /v1/audit`, `lrm audit`).

    Reading the log is itself recorded, as a `read` with the purpose `district`: for the
    learner the read is narrowed to, or as one entry naming no learner when it is not. The
    entry is written after the page is read, in the same transaction, so nothing leaves
    unrecorded and a page never lists its own reading (the next one does). A caller who is
    not an admin is refused (403) and that is recorded too. `filters`: those of
    `list_entries`.
    """
    learner_uid = filters.get("learner_uid")
    aimed_at = [learner_uid] if learner_uid is not None else []
    with operation(graph, request, "read", aimed_at=aimed_at) as op:
        if not signed_in(request).is_admin:
            raise Forbidden("the audit log is for district admins")
        page = list_entries(op.graph, **filters)
        if learner_uid is not None:
            op.record({learner_uid: visibility.ALL})
        else:
            record_event(op.graph, request, "read", "allowed", purpose=visibility.ALL)
    return page
