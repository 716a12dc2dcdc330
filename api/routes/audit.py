"""The record of disclosures, for district admins: `GET /v1/audit?learner=` (reading it
is recorded: `lrm_graph.access.audit.read_log`)."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response

from api.deps import GraphDep
from api.disclosure import AuditDep
from api.schemas.json_types import IsoDateTime
from lrm_graph import tabular
from lrm_graph.access import audit

router = APIRouter(prefix="/audit", tags=["audit"])


CSV_EXPORT: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "The entries (`format=csv`: a CSV file)."}
}


@router.get("", response_model=None, responses=CSV_EXPORT)
def read_audit(
    request: AuditDep,
    graph: GraphDep,
    learner: Annotated[str | None, Query(max_length=128)] = None,
    actor: Annotated[str | None, Query(max_length=128)] = None,
    since: IsoDateTime | None = None,
    until: IsoDateTime | None = None,
    cursor: Annotated[str | None, Query(max_length=256)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    format: Literal["json", "csv"] = "json",
) -> Any:
    """Who read or wrote a learner's data, newest first; `format=csv` exports it."""
    page = audit.read_log(
        graph, request, learner_uid=learner, actor_id=actor, since=since, until=until,
        cursor=cursor, limit=limit,
    )  # fmt: skip
    if format == "csv":
        body = tabular.csv_text(page.items, list(audit.COLUMNS))
        headers = {"Content-Disposition": 'attachment; filename="audit.csv"'}
        return Response(body, media_type="text/csv", headers=headers)
    return {"items": page.items, "next_cursor": page.next_cursor}
