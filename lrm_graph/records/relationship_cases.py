"""The operations on relationships, one use case each: create, read, change, end, list.

Each runs on `audit.operation`: the policy's check (`lrm_graph.access.relationship_checks`:
404 for a relationship of a learner the caller may not see, 403 for one they may see but
not do this), the audit entry and the work, in one transaction. A relationship that widens
who sees a learner is a grant (`lrm_graph.access.grants`), allowed only to a caller
entitled to make it and recorded as `grant`. `create_checked` is the one rule for making a
relationship: an accepted mentor match, an assigned mentor request and a learner's own
ties run it too. A refusal is recorded as what it was for the learners it aimed at.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from lrm_graph.access import audit, relationship_checks
from lrm_graph.access.grants import GRANT
from lrm_graph.auth.caller import Caller
from lrm_graph.db.graph import Graph
from lrm_graph.db.pages import Page
from lrm_graph.store import relationships
from lrm_graph.store.relationships import RelationshipChanges, RelationshipFields
from lrm_graph.vocabulary import RelType


def create_checked(
    op: audit.Operation, caller: Caller, fields: RelationshipFields
) -> dict[str, Any]:
    """Create the relationship in the operation `op` if the caller may: its ends read once,
    checked against the policy and the grant rule, recorded (as a grant where it is one),
    then checked against the vocabulary and written."""
    ends = relationships.read_ends(op.graph, fields.from_uid, fields.to_uid)
    disclosed, grant = relationship_checks.check_create(op.graph, caller, fields, ends)
    start = ends[fields.from_uid]["node_kind"]
    proposed = relationships.starts_as_proposal(RelType(fields.type), start)  # no access yet
    op.record(disclosed, GRANT if grant and not proposed else None)
    return relationships.create(op.graph, fields, ends)


def create(graph: Graph, request: audit.Request, fields: RelationshipFields) -> dict[str, Any]:
    """Join two nodes; the pair must be one the type allows (422 names the allowed pairs)."""
    caller = audit.signed_in(request)
    aimed_at = [fields.from_uid, fields.to_uid]
    with audit.operation(graph, request, "write", aimed_at=aimed_at) as op:
        return create_checked(op, caller, fields)


def get(graph: Graph, request: audit.Request, uid: str) -> dict[str, Any]:
    """Return the relationship; 404 unless the caller may read it."""
    caller = audit.signed_in(request)
    with audit.operation(graph, request, "read") as op:
        rel, disclosed = relationship_checks.read(op.graph, caller, uid)
        op.record(disclosed)
        return rel


def update(
    graph: Graph, request: audit.Request, uid: str, changes: RelationshipChanges
) -> dict[str, Any]:
    """Change its facts; a mentor may log an interaction with a mentee (last_interaction_at)."""
    changed = set(changes.model_dump(exclude_unset=True))
    return _change(
        graph,
        request,
        uid,
        changed,
        lambda unit, rel: relationships.update(unit, uid, changes, rel),
    )


def end(
    graph: Graph, request: audit.Request, uid: str, until: date | None, reason: str | None
) -> dict[str, Any]:
    """End it on `until` (default today); it stays on record as history."""
    return _change(
        graph,
        request,
        uid,
        None,
        lambda unit, rel: relationships.end(unit, uid, until, reason, rel),
    )


def _change(
    graph: Graph,
    request: audit.Request,
    uid: str,
    changed: set[str] | None,
    work: Callable[[Graph, dict[str, Any]], dict[str, Any]],
) -> dict[str, Any]:
    """Read the relationship once, check the change (`changed` None: ending it), record it
    and do it, in one operation."""
    caller = audit.signed_in(request)
    with audit.operation(graph, request, "write") as op:
        rel = relationships.get(op.graph, uid)
        op.aim(rel["from_uid"], rel["to_uid"])
        ending = changed is None
        checked = relationship_checks.check_change(
            op.graph, caller, rel, changed or set(), end=ending
        )
        op.record(checked)
        return work(op.graph, rel)


def list_page(
    graph: Graph,
    request: audit.Request,
    *,
    node: str | None,
    rel_type: RelType | None,
    active: bool | None,
    cursor: str | None,
    limit: int,
) -> Page:
    """Return one page of the relationships the caller may read (of `node`, if given)."""
    caller = audit.signed_in(request)
    with audit.operation(graph, request, "read", aimed_at=[node] if node else []) as op:
        scope = relationship_checks.list_scope(op.graph, caller, node)
        page = relationships.list_relationships(
            op.graph,
            node=node,
            rel_type=rel_type,
            active=active,
            cursor=cursor,
            limit=limit,
            scope=scope,
        )
        op.record(relationship_checks.listed(page.items, scope))
        return page
