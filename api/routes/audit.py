"""The record of disclosures, for district admins: `GET /v1/audit?learner=`."""

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response

from api.auth import CallerDep
from api.deps import GraphDep
from lrm_graph import tabular
from lrm_graph.access import audit
from lrm_graph.errors import Forbidden

router = APIRouter(prefix="/audit", tags=["audit"])


@router.get("", response_model=None)
def read_audit(
    caller: CallerDep,
    graph: GraphDep,
    learner: Annotated[str | None, Query(max_length=128)] = None,
    actor: Annotated[str | None, Query(max_length=128)] = None,
    since: datetime | None = None,
    until: datetime | None = None,
    cursor: Annotated[str | None, Query(max_length=256)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    format: Literal["json", "csv"] = "json",
) -> Any:
    """Who read or wrote a learner's data, newest first; `format=csv` exports it."""
    if not caller.is_admin:
        raise Forbidden("the audit log is for district admins")
    page = audit.list_entries(
        graph, learner_uid=learner, actor_id=actor, since=since, until=until,
        cursor=cursor, limit=limit,
    )  # fmt: skip
    if format == "csv":
        body = tabular.csv_text(page.items, list(audit.COLUMNS))
        headers = {"Content-Disposition": 'attachment; filename="audit.csv"'}
        return Response(body, media_type="text/csv", headers=headers)
    return {"items": page.items, "next_cursor": page.next_cursor}
