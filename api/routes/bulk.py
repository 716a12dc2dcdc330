"""Bulk load: many nodes and relationships in one request, as importers send them."""

from typing import Any

from fastapi import APIRouter

from api.deps import GraphDep, SettingsDep
from api.disclosure import AuditDep
from api.schemas.bulk import BulkIn, BulkOut
from lrm_graph.imports import bulk_load

router = APIRouter(prefix="/bulk", tags=["bulk"])


@router.post("", response_model=BulkOut)
def load_bulk(body: BulkIn, graph: GraphDep, settings: SettingsDep, ctx: AuditDep) -> Any:
    """Upsert nodes by (kind, source_id), then relationships; report each rejected row.

    For admins and API keys with the import or write scope (403 otherwise). Answers 200
    with counts and the rejected rows (their section, index and reason); nothing of a
    rejected row is written. More rows than `LRM_BULK_MAX_ROWS` in all is a 413 problem
    and writes nothing. Every learner written is recorded in the audit before it is
    written. A key of one organization writes only within it (rows outside it are
    rejected; a new learner needs an ENROLLED_AT to it in the same load). Rows of an
    erased learner are skipped and counted in `skipped`.
    """
    return bulk_load.load_for(graph, ctx, settings, body.nodes, body.relationships).answer()
