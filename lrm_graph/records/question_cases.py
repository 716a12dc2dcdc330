"""The questions, one use case each: an adult's caseload, the shortest path between two
nodes, search by name (a learner's network: `network.learner_network`).

Each runs on `audit.operation`: the answer holds only what the caller may read
(`lrm_graph.records.traversal` asks the policy), and every learner it discloses is
recorded in the audit in the same transaction, before the answer leaves; a refusal is
recorded as what it was for the nodes it aimed at.
"""

from __future__ import annotations

from typing import Any

from lrm_graph.access import audit
from lrm_graph.db.graph import Graph
from lrm_graph.records import traversal


def caseload(graph: Graph, request: audit.Request, uid: str) -> dict[str, Any]:
    """Return the learners this adult mentors, advises, coaches or counsels, by name."""
    caller = audit.signed_in(request)
    with audit.operation(graph, request, "read", aimed_at=[uid]) as op:
        answer, disclosed = traversal.caseload(op.graph, caller, uid)
        op.record(disclosed)
        return answer


def path(
    graph: Graph,
    request: audit.Request,
    ends: tuple[str, str],
    max_hops: int,
    *,
    hub_members: int,
    through_hubs: bool = False,
) -> dict[str, Any]:
    """Return the shortest path of active relationships between two nodes (through no hub
    unless `through_hubs`)."""
    caller = audit.signed_in(request)
    with audit.operation(graph, request, "read", aimed_at=list(ends)) as op:
        answer, disclosed = traversal.path(op.graph, caller, ends, max_hops,
                                           hub_members=hub_members,
                                           through_hubs=through_hubs)  # fmt: skip
        op.record(disclosed)
        return answer


def search(graph: Graph, request: audit.Request, text: str, limit: int) -> list[dict[str, Any]]:
    """Return the people and communities the caller may find by name."""
    caller = audit.signed_in(request)
    with audit.operation(graph, request, "read") as op:
        items, disclosed = traversal.search_for(op.graph, caller, text, limit)
        op.record(disclosed)
        return items
