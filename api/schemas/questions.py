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


class CallerTie(BaseModel):
    """One of the caller's own active relationships to a group."""

    uid: str
    type: RelType
    role: str | None = None


class NetworkNode(BaseModel):
    uid: str
    node_kind: NodeKind
    name: str | None
    hops: int = Field(description="Relationships between the learner and this node.")
    members: int | None = Field(
        default=None,
        exclude_if=lambda members: members is None,  # groups only
        description="People actively tied to this group (a community, organization, "
        "interest, industry or resource); absent on people and goals.",
    )
    kind: str | None = Field(
        default=None,
        exclude_if=lambda kind: kind is None,
        description="A group's own kind (school, club, class_section, ...).",
    )
    caller_ties: list[CallerTie] | None = Field(
        default=None,
        exclude_if=lambda ties: ties is None,  # groups only
        description="The caller's own active relationships to this group (groups only).",
    )


class CollapsedGroup(BaseModel):
    """A hub the network shows as one node, not walked through."""

    uid: str
    kind: str = Field(description="The group's own kind (school, club, ...), else its node kind.")
    node_kind: NodeKind
    name: str
    member_count: int


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
    hub_members: int = Field(
        description="A group with more members than this is a hub: one node, not walked."
    )
    collapsed: list[CollapsedGroup] = Field(
        description="The hubs met: each one node with its member count, not walked through."
    )
    hidden_learners: int = Field(
        description="Learners met whom the caller may not see: counted, never shown, and "
        "none of their relationships is in the answer."
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
    name: str
    grade_level: str | None = None
    relationships: list[CaseloadRelationship]


class CaseloadOut(BaseModel):
    adult: CaseloadAdult
    capacity: int | None
    count: int
    room: int | None = Field(description="capacity - count (negative when over capacity).")
    learners: list[CaseloadLearner] = Field(description="Those of them the caller may see.")
    hidden_learners: int = Field(description="Those of them the caller may not see: counted.")


class PathRelationship(BaseModel):
    """A relationship on a path; one the caller may not read is a hop with no facts (every
    field null)."""

    uid: str | None
    type: RelType | None
    from_uid: str | None
    to_uid: str | None
    since: date | None = None
    strength: int | None = None


class PathNode(BaseModel):
    """A node on a path; a learner the caller may not see: an anonymous hop (no uid, no name)."""

    uid: str | None
    node_kind: NodeKind
    name: str | None


class PathOut(BaseModel):
    found: bool
    length: int | None = Field(description="Relationships on the path; null when not found.")
    nodes: list[PathNode]
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
