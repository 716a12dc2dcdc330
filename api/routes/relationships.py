"""Relationships: create (checked against the vocabulary), read, list, change, end.

Each handler asks `lrm_graph.access.relationship_checks` first (404 for a relationship of a
learner the caller may not see, 403 for one they may see but not change) and records
the learners it touches in the audit before answering (a write: before it is made).
"""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status

from api.auth import CallerDep
from api.deps import GraphDep, PageLimitDep
from api.disclosure import AuditDep
from api.schemas.relationships import (
    RelationshipCreate,
    RelationshipEnd,
    RelationshipOut,
    RelationshipPage,
    RelationshipUpdate,
)
from lrm_graph.access import audit, relationship_checks
from lrm_graph.records import relationships
from lrm_graph.vocabulary import RelType

router = APIRouter(prefix="/relationships", tags=["relationships"])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=RelationshipOut)
def create_relationship(
    body: RelationshipCreate,
    graph: GraphDep,
    caller: CallerDep,
    ctx: AuditDep,
    response: Response,
) -> Any:
    """Join two nodes; the pair must be one the type allows (422 names the allowed pairs)."""
    audit.record(graph, ctx, "write", relationship_checks.check_create(graph, caller, body))
    created = relationships.create(graph, body)
    response.headers["Location"] = f"/v1/relationships/{created['uid']}"
    return created


@router.get("/{uid}", response_model=RelationshipOut)
def get_relationship(uid: str, graph: GraphDep, caller: CallerDep, ctx: AuditDep) -> Any:
    rel, disclosed = relationship_checks.read(graph, caller, uid)
    audit.record(graph, ctx, "read", disclosed)
    return rel


@router.patch("/{uid}", response_model=RelationshipOut)
def update_relationship(
    uid: str, body: RelationshipUpdate, graph: GraphDep, caller: CallerDep, ctx: AuditDep
) -> Any:
    """Change its facts; a mentor may log an interaction with a mentee (last_interaction_at)."""
    changed = set(body.model_dump(exclude_unset=True))
    disclosed = relationship_checks.check_change(graph, caller, uid, changed)
    audit.record(graph, ctx, "write", disclosed)
    return relationships.update(graph, uid, body)


@router.post("/{uid}/end", response_model=RelationshipOut)
def end_relationship(
    uid: str, body: RelationshipEnd, graph: GraphDep, caller: CallerDep, ctx: AuditDep
) -> Any:
    """End it on `until` (default today); it stays on record as history."""
    disclosed = relationship_checks.check_change(graph, caller, uid, set(), end=True)
    audit.record(graph, ctx, "write", disclosed)
    return relationships.end(graph, uid, body.until, body.reason)


@router.get("", response_model=RelationshipPage)
def list_relationships(
    graph: GraphDep,
    caller: CallerDep,
    ctx: AuditDep,
    limit: PageLimitDep,
    node: Annotated[str | None, Query(max_length=128)] = None,
    type: Annotated[RelType | None, Query()] = None,
    active: bool | None = None,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
) -> Any:
    """List relationships, of one node when `node` is given (give one on large graphs);
    only those you may read: every learner end one you see, or both ends readable."""
    scope = relationship_checks.list_scope(graph, caller, node)
    page = relationships.list_relationships(
        graph, node=node, rel_type=type, active=active, cursor=cursor, limit=limit, scope=scope
    )
    audit.record(graph, ctx, "read", relationship_checks.listed(page.items, scope))
    return {"items": page.items, "next_cursor": page.next_cursor}
