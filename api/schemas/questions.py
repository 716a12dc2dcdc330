"""Response models of the questions: network, caseload, path, search."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from lrm_graph.vocabulary import AdultRole, NodeKind, RelType


class NodeRef(BaseModel):
    """A node in short: enough to show it and to fetch the rest."""

    uid: str
    node_kind: NodeKind
    name: str


class RedactableRef(BaseModel):
    """A node in short, or a learner the caller may not see: then its uid only."""

    uid: str
    node_kind: NodeKind
    name: str | None = Field(description="Null for a learner the caller may not see.")


class NetworkNode(RedactableRef):
    hops: int = Field(description="Relationships between the learner and this node.")
    members: int | None = Field(
        default=None,
        exclude_if=lambda members: members is None,  # absent unless asked for
        description="People tied to this group or adult (with `walk_groups_up_to` only).",
    )


class NetworkEdge(BaseModel):
    uid: str
    type: RelType
    from_uid: str
    to_uid: str
    since: date | None = None
    until: date | None = None
    strength: int | None = None
    source: str | None = None
    role: str | None = None
    last_interaction_at: datetime | None = None


class NetworkOut(BaseModel):
    learner: NetworkNode
    depth: int
    nodes: dict[NodeKind, list[NetworkNode]] = Field(
        description="The nodes besides the learner, by kind (every kind present, maybe empty)."
    )
    edges: dict[RelType, list[NetworkEdge]] = Field(
        description="The active relationships walked, by type (only the types found)."
    )
    truncated: bool = Field(description="True when the node cap cut the answer short.")


class CaseloadAdult(NodeRef):
    roles: list[AdultRole] = []
    caseload_capacity: int | None = None


class CaseloadRelationship(BaseModel):
    uid: str
    type: RelType
    since: date | None = None
    strength: int | None = None
    last_interaction_at: datetime | None = None


class CaseloadLearner(BaseModel):
    uid: str
    name: str | None = Field(description="Null for a learner the caller may not see.")
    grade_level: str | None = None
    relationships: list[CaseloadRelationship]


class CaseloadOut(BaseModel):
    adult: CaseloadAdult
    capacity: int | None
    count: int
    room: int | None = Field(description="capacity - count (negative when over capacity).")
    learners: list[CaseloadLearner]


class PathRelationship(BaseModel):
    uid: str
    type: RelType
    from_uid: str
    to_uid: str
    since: date | None = None
    strength: int | None = None


class PathOut(BaseModel):
    found: bool
    length: int | None = Field(description="Relationships on the path; null when not found.")
    nodes: list[RedactableRef]
    relationships: list[PathRelationship]


class SearchItem(NodeRef):
    score: float
    roles: list[AdultRole] | None = Field(default=None, description="An adult's roles.")
    grade_level: str | None = Field(default=None, description="A learner's grade.")
    kind: str | None = Field(default=None, description="A community's or organization's kind.")
    schools: list[str] = Field(
        default=[],
        description="Organizations a person works at or is enrolled at, or a community is "
        "part of: what tells two people of one name apart.",
    )


class SearchOut(BaseModel):
    items: list[SearchItem]
