"""Bulk load: many nodes and relationships in one request, as importers send them."""

from typing import Any

from fastapi import APIRouter

from api.auth import CallerDep
from api.deps import GraphDep, SettingsDep
from api.disclosure import AuditDep
from api.schemas.bulk import BulkIn, BulkOut
from lrm_graph.access import audit, bulk_scope, policy, span_checks
from lrm_graph.imports import bulk

router = APIRouter(prefix="/bulk", tags=["bulk"])


@router.post("", response_model=BulkOut)
def load_bulk(
    body: BulkIn, graph: GraphDep, settings: SettingsDep, caller: CallerDep, ctx: AuditDep
) -> Any:
    """Upsert nodes by (kind, source_id), then relationships; report each rejected row.

    For admins and API keys with the import or write scope (403 otherwise). Answers 200
    with counts and the rejected rows (their section, index and reason); nothing of a
    rejected row is written. More rows than `LRM_BULK_MAX_ROWS` in all is a 413 problem
    and writes nothing. Every learner written is recorded in the audit before it is
    written. A key of one organization writes only within it (rows outside it are
    rejected; a new learner needs an ENROLLED_AT to it in the same load). Rows of an
    erased learner are skipped and counted in `skipped`.
    """
    policy.require_bulk(caller)
    confine = bulk_scope.confinement(graph, caller, settings.bulk_batch_size)

    def record(learners: set[str]) -> None:  # before each write: none goes unrecorded
        audit.record(graph, ctx, "write", span_checks.bulk_purposes(graph, caller, learners))

    result = bulk.load(
        graph, settings, body.nodes, body.relationships, confine=confine, before_write=record
    )
    return result.answer()
