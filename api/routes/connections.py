"""Connections of outside experts with learners: propose, approve, consent, revoke, read."""

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response, status

from api.deps import GraphDep, PageLimitDep
from api.disclosure import AuditDep
from api.schemas.connections import (
    ConnectionCreate,
    ConnectionOut,
    ConnectionPage,
    ConnectionRevoke,
)
from lrm_graph.access import safeguarding
from lrm_graph.access.safeguarding import ConnectionStatus
from lrm_graph.vocabulary import RelType

router = APIRouter(prefix="/connections", tags=["connections"])
Uid = Annotated[str, Path(min_length=1, max_length=256)]


@router.post("", status_code=status.HTTP_201_CREATED, response_model=ConnectionOut)
def propose_connection(
    body: ConnectionCreate, graph: GraphDep, request: AuditDep, response: Response
) -> Any:
    """Propose that a cleared expert mentor (or coach) a learner: staff, the learner or a
    guardian. Nothing is visible to the expert until the connection is active."""
    created = safeguarding.propose(
        graph, request, body.expert_uid, body.learner_uid, RelType(body.type)
    )
    response.headers["Location"] = f"/v1/connections/{created['uid']}"
    return created


@router.get("", response_model=ConnectionPage)
def list_connections(
    graph: GraphDep,
    request: AuditDep,
    limit: PageLimitDep,
    learner: Annotated[str | None, Query(max_length=128)] = None,
    expert: Annotated[str | None, Query(max_length=128)] = None,
    status: ConnectionStatus | None = None,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
) -> Any:
    """List the connections of the learners you may see (an expert: their own)."""
    page = safeguarding.list_connections(
        graph, request, learner=learner, expert=expert, status=status, cursor=cursor, limit=limit
    )
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.get("/{uid}", response_model=ConnectionOut)
def get_connection(uid: Uid, graph: GraphDep, request: AuditDep) -> Any:
    return safeguarding.get(graph, request, uid)


@router.post("/{uid}/approve", response_model=ConnectionOut)
def approve_connection(uid: Uid, graph: GraphDep, request: AuditDep) -> Any:
    """Approve a proposed connection: an admin, or a school admin or counselor of the
    learner's organization. For a learner of 18 or more it is then active."""
    return safeguarding.approve(graph, request, uid)


@router.post("/{uid}/consent", response_model=ConnectionOut)
def consent_to_connection(uid: Uid, graph: GraphDep, request: AuditDep) -> Any:
    """Consent, as the learner's guardian, to an approved connection; it is then active."""
    return safeguarding.consent(graph, request, uid)


@router.post("/{uid}/revoke", response_model=ConnectionOut)
def revoke_connection(
    uid: Uid, graph: GraphDep, request: AuditDep, body: ConnectionRevoke | None = None
) -> Any:
    """Revoke a connection at any step (staff, a guardian or the learner); the expert's
    access ends with this request."""
    return safeguarding.revoke(graph, request, uid, body.reason if body else None)
