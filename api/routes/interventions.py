"""Routes for interventions and support plans: open, check in, close the loop."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Response, status

from api.deps import GraphDep
from api.disclosure import AuditDep
from api.schemas.care import (
    InterventionClose,
    InterventionCreate,
    InterventionList,
    InterventionOut,
    InterventionUpdate,
)
from lrm_graph.care import interventions
from lrm_graph.errors import InvalidInput

router = APIRouter(tags=["interventions"])
Uid = Annotated[str, Path(min_length=1, max_length=256)]


@router.post("/interventions", status_code=status.HTTP_201_CREATED, response_model=InterventionOut)
def open_intervention(
    body: InterventionCreate, graph: GraphDep, request: AuditDep, response: Response
) -> Any:
    """Open an intervention for a learner (the care team, an organization or district
    role); its owner, an adult, defaults to you."""
    plan = interventions.open_plan(
        graph, request, body.learner_uid, body.what, body.cadence_days, body.start, body.owner_uid
    )
    response.headers["Location"] = f"/v1/interventions/{plan['uid']}"
    return plan


@router.get("/interventions/overdue", response_model=InterventionList)
def overdue_interventions(graph: GraphDep, request: AuditDep) -> Any:
    """Your own open interventions whose check-in is past due, most overdue first."""
    return {"items": interventions.overdue(graph, request)}


@router.get("/interventions/{uid}", response_model=InterventionOut)
def get_intervention(uid: Uid, graph: GraphDep, request: AuditDep) -> Any:
    return interventions.get(graph, request, uid)


@router.patch("/interventions/{uid}", response_model=InterventionOut)
def change_intervention(
    uid: Uid, body: InterventionUpdate, graph: GraphDep, request: AuditDep
) -> Any:
    """Change what an intervention is, its cadence or its owner (the owner, an
    organization or district role)."""
    changes = body.model_dump(exclude_unset=True)
    if not changes:
        raise InvalidInput("name what, cadence_days or owner_uid to change")
    if any(value is None for value in changes.values()):
        raise InvalidInput("what, cadence_days and owner_uid cannot be removed")
    return interventions.change(graph, request, uid, changes)


@router.post("/interventions/{uid}/check-ins", response_model=InterventionOut)
def check_in(uid: Uid, graph: GraphDep, request: AuditDep) -> Any:
    """Record a check-in on the intervention now."""
    return interventions.check_in(graph, request, uid)


@router.post("/interventions/{uid}/close", response_model=InterventionOut)
def close_intervention(
    uid: Uid, body: InterventionClose, graph: GraphDep, request: AuditDep
) -> Any:
    """Close the intervention with its outcome; closing it twice is 409."""
    return interventions.close(graph, request, uid, body.outcome)


@router.get("/learners/{uid}/interventions", response_model=InterventionList)
def learner_interventions(
    uid: Uid,
    graph: GraphDep,
    request: AuditDep,
    status: Literal["open", "closed"] | None = None,
) -> Any:
    """A learner's interventions you may read (open first)."""
    return {"items": interventions.list_for_learner(graph, request, uid, status)}
