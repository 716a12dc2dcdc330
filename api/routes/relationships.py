"""Relationships: create (checked against the vocabulary), read, list, change, end."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status

from api.deps import GraphDep, SettingsDep
from api.schemas.relationships import (
    RelationshipCreate,
    RelationshipEnd,
    RelationshipOut,
    RelationshipPage,
    RelationshipUpdate,
)
from lrm_graph import relationships
from lrm_graph.errors import InvalidInput
from lrm_graph.vocabulary import RelType

router = APIRouter(prefix="/relationships", tags=["relationships"])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=RelationshipOut)
def create_relationship(body: RelationshipCreate, graph: GraphDep, response: Response) -> Any:
    """Join two nodes; the pair must be one the type allows (422 names the allowed pairs)."""
    created = relationships.create(graph, body)
    response.headers["Location"] = f"/v1/relationships/{created['uid']}"
    return created


@router.get("/{uid}", response_model=RelationshipOut)
def get_relationship(uid: str, graph: GraphDep) -> Any:
    return relationships.get(graph, uid)


@router.patch("/{uid}", response_model=RelationshipOut)
def update_relationship(uid: str, body: RelationshipUpdate, graph: GraphDep) -> Any:
    return relationships.update(graph, uid, body)


@router.post("/{uid}/end", response_model=RelationshipOut)
def end_relationship(uid: str, body: RelationshipEnd, graph: GraphDep) -> Any:
    """End it on `until` (default today); it stays on record as history."""
    return relationships.end(graph, uid, body.until, body.reason)


@router.get("", response_model=RelationshipPage)
def list_relationships(
    graph: GraphDep,
    settings: SettingsDep,
    node: Annotated[str | None, Query(max_length=128)] = None,
    type: Annotated[RelType | None, Query()] = None,
    active: bool | None = None,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
    limit: Annotated[int, Query(ge=1)] = 50,
) -> Any:
    """List relationships, of one node when `node` is given (give one on large graphs)."""
    if limit > settings.page_size_max:
        raise InvalidInput(f"limit may be at most {settings.page_size_max}")
    page = relationships.list_relationships(
        graph, node=node, rel_type=type, active=active, cursor=cursor, limit=limit
    )
    return {"items": page.items, "next_cursor": page.next_cursor}
