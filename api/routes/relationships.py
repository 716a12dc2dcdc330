"""Relationships: create (checked against the vocabulary), read, list, change, end.

Each handler parses, calls the relationship's use case (`lrm_graph.records.relationship_cases`:
the check, the audit entry and the work in one transaction) and shapes the answer.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status

from api.deps import GraphDep, PageLimitDep
from api.disclosure import AuditDep
from api.schemas.relationships import (
    RelationshipCreate,
    RelationshipEnd,
    RelationshipOut,
    RelationshipPage,
    RelationshipUpdate,
)
from lrm_graph.records import relationship_cases
from lrm_graph.vocabulary import RelType

router = APIRouter(prefix="/relationships", tags=["relationships"])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=RelationshipOut)
def create_relationship(
    body: RelationshipCreate, graph: GraphDep, ctx: AuditDep, response: Response
) -> Any:
    """Join two nodes; the pair must be one the type allows (422 names the allowed pairs).
    A relationship that shows a learner to someone new (a class, a community, an
    enrollment, a caring adult) is a grant: only for those entitled to grant that access."""
    created = relationship_cases.create(graph, ctx, body)
    response.headers["Location"] = f"/v1/relationships/{created['uid']}"
    return created


@router.get("/{uid}", response_model=RelationshipOut)
def get_relationship(uid: str, graph: GraphDep, ctx: AuditDep) -> Any:
    return relationship_cases.get(graph, ctx, uid)


@router.patch("/{uid}", response_model=RelationshipOut)
def update_relationship(uid: str, body: RelationshipUpdate, graph: GraphDep, ctx: AuditDep) -> Any:
    """Change its facts; a mentor may log an interaction with a mentee (last_interaction_at)."""
    return relationship_cases.update(graph, ctx, uid, body)


@router.post("/{uid}/end", response_model=RelationshipOut)
def end_relationship(uid: str, body: RelationshipEnd, graph: GraphDep, ctx: AuditDep) -> Any:
    """End it on `until` (default today); it stays on record as history."""
    return relationship_cases.end(graph, ctx, uid, body.until, body.reason)


@router.get("", response_model=RelationshipPage)
def list_relationships(
    graph: GraphDep,
    ctx: AuditDep,
    limit: PageLimitDep,
    node: Annotated[str | None, Query(max_length=128)] = None,
    type: Annotated[RelType | None, Query()] = None,
    active: bool | None = None,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
) -> Any:
    """List relationships, of one node when `node` is given (give one on large graphs);
    only those you may read: every learner end one you see, or both ends readable."""
    page = relationship_cases.list_page(
        graph, ctx, node=node, rel_type=type, active=active, cursor=cursor, limit=limit
    )
    return {"items": page.items, "next_cursor": page.next_cursor}
