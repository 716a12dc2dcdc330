"""The operations on nodes of every kind, one use case each: create, read, change, archive,
erase, upsert by source id, list.

Each one runs on `audit.operation`: it checks the caller against the policy
(`lrm_graph.access.node_checks`: 404 for what they may not read, 403 for what they may read
but not do), records the learners it reads or writes in the audit and does the work, in
one transaction. A refusal (403, 404, 409, 422) is recorded as what it was for the node
it aimed at, never as an allowed write.
"""

from __future__ import annotations

from typing import Any

from lrm_graph.access import audit, node_checks
from lrm_graph.db.graph import Graph
from lrm_graph.db.pages import Page
from lrm_graph.errors import InvalidInput
from lrm_graph.store import nodes
from lrm_graph.store.fields import Fields
from lrm_graph.vocabulary import NodeKind


def create(graph: Graph, request: audit.Request, kind: NodeKind, fields: Fields) -> dict[str, Any]:
    """Create a node of `kind` (a new learner of a school's caller is enrolled at their
    school, so they keep seeing it); 403 for a role that may not, 409 for a taken source_id."""
    caller = audit.signed_in(request)
    with audit.operation(graph, request, "write") as op:
        enroll_at = node_checks.check_create(op.graph, caller, kind)
        node = nodes.create(op.graph, kind, fields, enroll_at=enroll_at)
        op.record(node_checks.disclosed_by(op.graph, caller, kind, node["uid"]))
        return node


def get(graph: Graph, request: audit.Request, kind: NodeKind, uid: str) -> dict[str, Any]:
    """Return the node; 404 unless the caller may read it."""
    caller = audit.signed_in(request)
    with audit.operation(graph, request, "read", aimed_at=[uid]) as op:
        disclosed = node_checks.check_read(op.graph, caller, kind, uid)
        node = nodes.get(op.graph, kind, uid)
        op.record(disclosed)
        return node


def update(
    graph: Graph, request: audit.Request, kind: NodeKind, uid: str, changes: dict[str, Any]
) -> dict[str, Any]:
    """Change some fields of the node (a None value removes an optional one)."""
    caller = audit.signed_in(request)
    with audit.operation(graph, request, "write", aimed_at=[uid]) as op:
        if not changes:
            raise InvalidInput("the body names no field to change")
        op.record(node_checks.check_write(op.graph, caller, kind, uid))
        return nodes.update(op.graph, kind, uid, changes)


def archive(graph: Graph, request: audit.Request, kind: NodeKind, uid: str) -> dict[str, Any]:
    """Archive the node and end its active relationships; its history stays."""
    caller = audit.signed_in(request)
    with audit.operation(graph, request, "write", aimed_at=[uid]) as op:
        op.record(node_checks.check_write(op.graph, caller, kind, uid))
        return nodes.archive(op.graph, kind, uid)


def erase(graph: Graph, request: audit.Request, kind: NodeKind, uid: str) -> None:
    """Erase a node that is not a learner for good (a learner's erasure is the family's
    right: `lrm_graph.privacy.family_rights.erase_learner`), the erase recorded in the
    transaction that removes it."""
    if kind is NodeKind.LEARNER:
        raise ValueError("a learner is erased by lrm_graph.privacy.family_rights.erase_learner")
    caller = audit.signed_in(request)
    with audit.operation(graph, request, "erase", aimed_at=[uid]) as op:
        op.record(node_checks.check_write(op.graph, caller, kind, uid, erase=True))
        nodes.erase(op.graph, kind, uid)


def upsert(
    graph: Graph, request: audit.Request, kind: NodeKind, source_id: str, fields: Fields
) -> tuple[dict[str, Any], bool]:
    """Create or replace the node of `kind` known by `source_id`; return it and whether it
    is new. A replace is a change of that node, checked and recorded as one."""
    caller = audit.signed_in(request)
    with audit.operation(graph, request, "write") as op:
        existing = nodes.find_by_source(op.graph, kind, [source_id]).get(source_id)
        enroll_at = None
        if existing is not None:
            op.aim(existing)
            op.record(node_checks.check_write(op.graph, caller, kind, existing))
        else:
            enroll_at = node_checks.check_create(op.graph, caller, kind)
        node, created = nodes.upsert(op.graph, kind, source_id, fields, enroll_at=enroll_at)
        if created:
            op.record(node_checks.disclosed_by(op.graph, caller, kind, node["uid"]))
        return node, created


def list_page(
    graph: Graph,
    request: audit.Request,
    kind: NodeKind,
    filters: nodes.NodeFilter,
    cursor: str | None,
    limit: int,
) -> Page:
    """Return one page of the nodes of `kind` the caller may read, in uid order."""
    caller = audit.signed_in(request)
    with audit.operation(graph, request, "read") as op:
        limited, visible = node_checks.list_filter(op.graph, caller, kind, filters)
        page = nodes.list_nodes(op.graph, kind, limited, cursor, limit)
        op.record(node_checks.listed(op.graph, caller, kind, page.items, visible))
        return page
