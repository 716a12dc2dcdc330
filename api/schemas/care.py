"""Request and response models of the care team's records: interactions, notes,
interventions."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from api.schemas import AT_LEAST_ONE_FIELD, not_null
from api.schemas.json_types import IsoAwareDateTime
from lrm_graph.care.interactions import MAX_LEARNERS, InteractionKind
from lrm_graph.care.notes import Visibility
from lrm_graph.store.fields import FREE_TEXT

Uid = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=128)]
Summary = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000), FREE_TEXT
]
NoteText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=10_000), FREE_TEXT
]
CadenceDays = Annotated[int, Field(ge=1, le=365, description="Days between check-ins.")]


class InteractionCreate(BaseModel):
    """Who met (or wrote to) which learners, when, how, and a short summary."""

    model_config = ConfigDict(extra="forbid")

    learner_uids: list[Uid] = Field(
        min_length=1, max_length=MAX_LEARNERS, json_schema_extra={"uniqueItems": True}
    )  # a learner named twice is a 422 (lrm_graph.care.interactions)
    kind: InteractionKind
    summary: Summary
    at: IsoAwareDateTime | None = Field(
        default=None, description="When it happened (not in the future); default: now."
    )


class InteractionFacts(BaseModel):
    uid: str = Field(description="The interaction's uid (shared by its per-learner records).")
    kind: InteractionKind
    summary: str
    at: datetime
    author_uid: str
    author_name: str | None = None
    created_at: datetime


class InteractionOut(InteractionFacts):
    learner_uids: list[str] = Field(description="The learners it touched whom you may see.")


class InteractionPage(BaseModel):
    items: list[InteractionOut]
    next_cursor: str | None = None


class NoteCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    learner_uid: Uid
    text: NoteText
    visibility: Visibility


class NoteUpdate(BaseModel):
    """Either or both; neither can be removed (null is refused)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=AT_LEAST_ONE_FIELD)

    text: NoteText | None = not_null()
    visibility: Visibility | None = not_null()


class NoteOut(BaseModel):
    uid: str
    learner_uid: str
    author_uid: str
    author_name: str | None = None
    text: str
    visibility: Visibility
    created_at: datetime
    updated_at: datetime | None = None


class NotePage(BaseModel):
    items: list[NoteOut]
    next_cursor: str | None = None


class InterventionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    learner_uid: Uid
    what: Summary
    start: date | None = Field(default=None, description="Default: today.")
    cadence_days: CadenceDays
    owner_uid: Uid | None = Field(default=None, description="An adult; default: you.")


class InterventionUpdate(BaseModel):
    """Any of these; none can be removed (null is refused)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=AT_LEAST_ONE_FIELD)

    what: Summary | None = not_null()
    cadence_days: CadenceDays | None = not_null()
    owner_uid: Uid | None = not_null()


class InterventionClose(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outcome: Summary


class InterventionOut(BaseModel):
    uid: str
    learner_uid: str
    owner_uid: str
    owner_name: str | None = None
    what: str
    start: date
    cadence_days: int
    status: str = Field(description="open or closed")
    outcome: str | None = None
    closed_at: datetime | None = None
    closed_by: str | None = None
    last_check_in_at: datetime | None = None
    due_on: date | None = Field(default=None, description="Next check-in due (open only).")
    overdue: bool = False
    days_overdue: int = 0
    created_by: str
    created_at: datetime


class InterventionList(BaseModel):
    items: list[InterventionOut]
