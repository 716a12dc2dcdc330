"""Request and response models of the learner's own voice (/v1/me) and join requests."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from api.schemas import AT_LEAST_ONE_FIELD, not_null
from lrm_graph.store.fields import FREE_TEXT, Name, Text
from lrm_graph.vocabulary import CommunityKind, GoalKind, GoalStatus, MemberRole, NodeKind

Uid = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=128)]
Reason = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500), FREE_TEXT
]


class PreferencesUpdate(BaseModel):
    """How the learner likes to learn, in their words (null or []: nothing said)."""

    model_config = ConfigDict(extra="forbid")

    learning_preferences: list[Name] | None = Field(max_length=20)


class OwnGoalCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)

    title: Name
    kind: GoalKind = Field(description="ambition (long-term) or learning (nearer).")
    industry_uid: Uid | None = Field(default=None, description="An industry it is tied to.")
    description: Text | None = None


class OwnGoalUpdate(BaseModel):
    """Any of these; `industry_uid: null` unties the goal from its industry."""

    model_config = ConfigDict(
        extra="forbid", use_enum_values=True, json_schema_extra=AT_LEAST_ONE_FIELD
    )

    title: Name | None = not_null()  # a goal keeps its title
    kind: GoalKind | None = None
    description: Text | None = None
    industry_uid: Uid | None = None
    status: GoalStatus | None = None
    progress: int | None = Field(default=None, ge=0, le=100, description="Percent.")


class OwnGoalOut(BaseModel):
    uid: str
    title: str
    kind: GoalKind | None = None
    description: str | None = None
    status: GoalStatus | None = None
    progress: int | None = None
    industry_uid: str | None = None
    industry_name: str | None = None
    pursuit_uid: str = Field(description="The uid of the learner's PURSUES of the goal.")
    since: date | None = None
    source: str | None = None
    created_at: datetime
    updated_at: datetime


class GoalList(BaseModel):
    items: list[OwnGoalOut]


class InterestAdd(BaseModel):
    """Exactly one: a catalogue interest's uid, or a name (found whatever its case, or
    added to the catalogue)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"oneOf": [{"required": ["interest_uid"]}, {"required": ["name"]}]},
    )

    interest_uid: Uid | None = not_null()
    name: Name | None = not_null()

    @model_validator(mode="after")
    def _exactly_one(self) -> InterestAdd:
        given = [name for name in self.model_fields_set if getattr(self, name) is not None]
        if len(given) != 1 or len(self.model_fields_set) != 1:
            raise ValueError("give exactly one of interest_uid and name")
        return self


class TrustAdd(BaseModel):
    model_config = ConfigDict(extra="forbid")

    adult_uid: Uid = Field(description="An adult or a (cleared) expert.")


class TieOut(BaseModel):
    """A node the learner named (an interest, an adult they trust) and the relationship."""

    uid: str
    name: str
    node_kind: NodeKind
    relationship_uid: str
    since: date | None = None
    source: str | None = None


class TieList(BaseModel):
    items: list[TieOut]


class CommunityJoin(BaseModel):
    model_config = ConfigDict(extra="forbid")

    community_uid: Uid


class OwnCommunityOut(BaseModel):
    uid: str
    name: str
    kind: CommunityKind | None = None
    open: bool
    role: MemberRole
    relationship_uid: str
    since: date | None = None


class CommunityList(BaseModel):
    items: list[OwnCommunityOut]


class JoinOut(BaseModel):
    status: Literal["joined", "requested"] = Field(
        description="joined: a member now (an open community); requested: a join request "
        "waits for those who run the (closed) community."
    )
    community_uid: str
    relationship_uid: str | None = None
    request_uid: str | None = None


class JoinRequestOut(BaseModel):
    uid: str
    learner_uid: str
    learner_name: str | None = None
    community_uid: str
    community_name: str | None = None
    status: Literal["pending", "approved", "declined", "withdrawn"]
    reason: str | None = None
    relationship_uid: str | None = None
    decided_by: str | None = None
    created_at: datetime
    decided_at: datetime | None = None


class JoinRequestList(BaseModel):
    items: list[JoinRequestOut]


class JoinRequestPage(JoinRequestList):
    next_cursor: str | None = None


class Decline(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Reason = Field(description="Why, in words the learner will read.")
