"""An adult's page: who they are, their caseload against their capacity, their mentees and
the communities they are in or teach.

The adult as the API reads them (404 alike for an adult who does not exist and one the
caller may not read); the caseload only for those the API shows it to (the adult
themself, their organization's staff, the district), learners the caller may not see
without a name; communities, a catalogue, for anyone who reads the adult.
"""

from __future__ import annotations

from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit, node_checks
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Forbidden, NotFound
from lrm_graph.records import traversal
from lrm_graph.store import nodes
from lrm_graph.vocabulary import NodeKind, RelType


def adult_page(graph: Graph, request: audit.Request, uid: str) -> dict[str, Any]:
    """Return the adult, their caseload (None when the caller may not read it), mentees
    and communities; 404 unless the caller may read the adult."""
    caller = request.caller
    if caller is None:
        raise Forbidden("sign in first")
    with audit.operation(graph, request, "read") as op:
        kind, _ = node_checks.check_node(op.graph, caller, uid)
        if kind is not NodeKind.ADULT:
            raise NotFound(f"no adult with uid {uid!r}")
        adult = nodes.get(op.graph, NodeKind.ADULT, uid)
        caseload: dict[str, Any] | None = None
        try:
            caseload, seen = traversal.caseload(op.graph, caller, uid)
        except Forbidden:
            seen = {}
        communities = op.graph.read("homes/list_adult_communities", adult_uid=uid,
                                    today=clock.today())  # fmt: skip
        op.record(seen)
        return {
            "adult": adult,
            "caseload": caseload,
            "mentees": _mentees(caseload),
            "communities": [
                {**row["community"], "ties": row["ties"], "members": row["members"]}
                for row in communities
            ],
        }


def _mentees(caseload: dict[str, Any] | None) -> list[dict[str, Any]] | None:
    if caseload is None:
        return None
    return [
        learner for learner in caseload["learners"]
        if any(rel["type"] == RelType.MENTORS for rel in learner["relationships"])
    ]  # fmt: skip
