"""Bulk load: many nodes and relationships in one request, as importers send them."""

from typing import Any

from fastapi import APIRouter

from api.deps import GraphDep, SettingsDep
from api.schemas.bulk import BulkIn, BulkOut
from lrm_graph import bulk

router = APIRouter(prefix="/bulk", tags=["bulk"])


@router.post("", response_model=BulkOut)
def load_bulk(body: BulkIn, graph: GraphDep, settings: SettingsDep) -> Any:
    """Upsert nodes by (kind, source_id), then relationships; report each rejected row.

    Answers 200 with counts and the rejected rows (their section, index and reason);
    nothing of a rejected row is written. More rows than `LRM_BULK_MAX_ROWS` in all is a
    413 problem and writes nothing.
    """
    return bulk.load(graph, settings, body.nodes, body.relationships).answer()
