"""Relationship request and response models."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from lrm_graph.store.fields import FREE_TEXT
from lrm_graph.store.relationships import RelationshipChanges, RelationshipFields
from lrm_graph.vocabulary import NodeKind, RelType

RelationshipCreate = RelationshipFields
RelationshipUpdate = RelationshipChanges


class RelationshipEnd(BaseModel):
    model_config = ConfigDict(extra="forbid")

    until: date | None = Field(default=None, description="The last day; default today.")
    reason: (
        Annotated[str, StringConstraints(strip_whitespace=True, max_length=500), FREE_TEXT] | None
    ) = None


class RelationshipOut(BaseModel):
    uid: str
    type: RelType
    from_uid: str
    to_uid: str
    from_kind: NodeKind
    to_kind: NodeKind
    active: bool
    since: date | None = None
    until: date | None = None
    ended_reason: str | None = None
    strength: int | None = None
    source: str | None = None
    role: str | None = None
    last_interaction_at: datetime | None = None
    properties: dict[str, Any] = {}
    connection_status: str | None = Field(
        default=None, description="An expert's edge to a learner: see /v1/connections."
    )
    created_at: datetime
    updated_at: datetime


class RelationshipPage(BaseModel):
    items: list[RelationshipOut]
    next_cursor: str | None = None
