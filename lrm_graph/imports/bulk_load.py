"""A bulk load as one use case (`POST /v1/bulk`): who may load, the audit, the load.

For admins and API keys with the import or write scope (403 otherwise); a key of one
organization writes only within it (`lrm_graph.access.bulk_scope`). Every learner written
is recorded in the audit before the batch that writes it (`bulk.load` calls back before
each write), so nothing is written unrecorded. Batches commit one by one (a load is many
transactions, so that a large one neither holds the store nor starts over).
"""

from __future__ import annotations

from lrm_graph.access import audit, bulk_scope, policy, span_checks
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.imports import bulk


def load_for(
    graph: Graph,
    request: audit.Request,
    settings: Settings,
    nodes: list[dict],
    relationships: list[dict],
) -> bulk.BulkResult:
    """Load the rows for the caller; return the counts and the rejected rows."""
    caller = audit.signed_in(request)
    policy.require_bulk(caller)
    confine = bulk_scope.confinement(graph, caller, settings.bulk_batch_size)

    def record(learners: set[str]) -> None:  # before each write: none goes unrecorded
        purposes = span_checks.bulk_purposes(graph, caller, learners)
        audit.record(graph, request, "write", purposes)

    return bulk.load(graph, settings, nodes, relationships, confine=confine, before_write=record)
