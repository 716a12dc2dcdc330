"""Routes for interactions the care team logs: a check-in, a meeting, a message, an event."""

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response, status

from api.deps import GraphDep, PageLimitDep, SettingsDep
from api.disclosure import AuditDep
from api.schemas.care import InteractionCreate, InteractionOut, InteractionPage
from lrm_graph.care import interactions
from lrm_graph.care.paging import Window

router = APIRouter(tags=["interactions"])
Uid = Annotated[str, Path(min_length=1, max_length=256)]
Cursor = Annotated[str | None, Query(max_length=512)]


@router.post("/interactions", status_code=status.HTTP_201_CREATED, response_model=InteractionOut)
def log_interaction(
    body: InteractionCreate,
    graph: GraphDep,
    settings: SettingsDep,
    request: AuditDep,
    response: Response,
) -> Any:
    """Log an interaction with one or more learners (a person on the care team of each, or
    an organization or district role). It sets `last_interaction_at` on your caring
    relationships with them and counts as a check-in of your open interventions."""
    logged = interactions.log(
        graph, request, body.learner_uids, body.kind, body.summary, body.at,
        caring_types=settings.caring_types,
    )  # fmt: skip
    response.headers["Location"] = f"/v1/interactions/{logged['uid']}"
    return logged


@router.get("/interactions/{uid}", response_model=InteractionOut)
def get_interaction(uid: Uid, graph: GraphDep, request: AuditDep) -> Any:
    """One interaction, showing only the learners you may see."""
    return interactions.get(graph, request, uid)


@router.get("/learners/{uid}/interactions", response_model=InteractionPage)
def learner_interactions(
    uid: Uid,
    graph: GraphDep,
    request: AuditDep,
    limit: PageLimitDep,
    cursor: Cursor = None,
) -> Any:
    """A learner's interactions, newest first (staff who see the learner)."""
    page = interactions.list_for_learner(graph, request, uid, Window(cursor, limit))
    return {"items": page.items, "next_cursor": page.next_cursor}
