"""Request and response models of mentor requests."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from api.schemas.relationships import RelationshipOut
from api.schemas.voice import Uid
from lrm_graph.store.fields import FREE_TEXT, Name

Hope = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000), FREE_TEXT
]
Status = Literal["open", "assigned", "declined", "withdrawn"]


class MentorRequestCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    hope: Hope = Field(description="What the learner hopes for, in their words.")
    goal_uid: Uid | None = Field(default=None, description="A goal the learner pursues.")
    interest: Name | None = Field(default=None, description="An interest, in their words.")


class MentorRequestOut(BaseModel):
    uid: str
    learner_uid: str
    learner_name: str | None = None
    hope: str
    goal_uid: str | None = None
    goal_title: str | None = None
    interest: str | None = None
    status: Status
    reason: str | None = Field(default=None, description="Why it was declined.")
    adult_uid: str | None = None
    relationship_uid: str | None = None
    decided_by: str | None = None
    created_at: datetime
    decided_at: datetime | None = None


class MentorRequestList(BaseModel):
    items: list[MentorRequestOut]


class MentorRequestPage(MentorRequestList):
    next_cursor: str | None = None


class Assign(BaseModel):
    model_config = ConfigDict(extra="forbid")

    adult_uid: Uid = Field(description="An adult, or a cleared expert (a proposed connection).")
    type: Literal["MENTORS", "COACHES", "ADVISES", "COUNSELS"] = "MENTORS"


class AssignmentOut(BaseModel):
    request: MentorRequestOut
    relationship: RelationshipOut = Field(
        description="Made with source learner_requested; an expert's is a proposed "
        "connection (see /v1/connections)."
    )
