"""Bulk load: many nodes and relationships in one request, as importers send them."""

from typing import Any

from fastapi import APIRouter

from api.auth import CallerDep
from api.deps import GraphDep, SettingsDep
from api.disclosure import AuditDep
from api.schemas.bulk import BulkIn, BulkOut
from lrm_graph import audit, bulk, policy, scope_guards

router = APIRouter(prefix="/bulk", tags=["bulk"])


@router.post("", response_model=BulkOut)
def load_bulk(
    body: BulkIn, graph: GraphDep, settings: SettingsDep, caller: CallerDep, ctx: AuditDep
) -> Any:
    """Upsert nodes by (kind, source_id), then relationships; report each rejected row.

    For admins and API keys with the import or write scope (403 otherwise). Answers 200
    with counts and the rejected rows (their section, index and reason); nothing of a
    rejected row is written. More rows than `LRM_BULK_MAX_ROWS` in all is a 413 problem
    and writes nothing. Every learner written is recorded in the audit.
    """
    policy.require_bulk(caller)
    result = bulk.load(graph, settings, body.nodes, body.relationships)
    written = scope_guards.bulk_written(graph, caller, result, body.relationships)
    audit.record(graph, ctx, "write", written)
    return result.answer()
