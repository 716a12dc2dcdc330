"""Connection request and response models (an expert and a learner, step by step)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from lrm_graph.access.safeguarding import ConnectionStatus
from lrm_graph.store.fields import FREE_TEXT
from lrm_graph.vocabulary import ScreeningStatus

Uid = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=128)]
ConnectionType = Literal["MENTORS", "COACHES"]
Step = Literal["proposed", "approved", "consented", "activated", "revoked"]


class ConnectionCreate(BaseModel):
    """A proposal: this cleared expert would mentor (or coach) this learner."""

    model_config = ConfigDict(extra="forbid")

    expert_uid: Uid
    learner_uid: Uid
    type: ConnectionType = "MENTORS"


class ConnectionRevoke(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: (
        Annotated[str, StringConstraints(strip_whitespace=True, max_length=500), FREE_TEXT] | None
    ) = None


class ConnectionStepOut(BaseModel):
    step: Step
    by: str | None = Field(default=None, description="Who took the step (their sign-in).")
    role: str | None = None
    at: datetime


class ConnectionOut(BaseModel):
    uid: str = Field(description="The uid of the expert's relationship to the learner.")
    type: ConnectionType
    expert_uid: str
    expert_name: str | None = None
    learner_uid: str
    status: ConnectionStatus
    active: bool = Field(description="The relationship has not ended.")
    expert_screening: ScreeningStatus = Field(description="As it stands today.")
    grants_access: bool = Field(
        description="Active, not ended, and the expert cleared and current: the expert may "
        "see the learner now."
    )
    needs_guardian_consent: bool = Field(description="The learner is under 18 (or of unknown age).")
    since: date | None = None
    until: date | None = None
    revoked_reason: str | None = None
    steps: list[ConnectionStepOut]


class ConnectionPage(BaseModel):
    items: list[ConnectionOut]
    next_cursor: str | None = None
