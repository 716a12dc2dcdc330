"""Relationship mapping round request and response models."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from lrm_graph.mapping.rounds import RoundStatus
from lrm_graph.store.fields import Name

Uid = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=128)]
MAX_MARKS = 1000
By = Literal["adult", "learner"]


class RoundCreate(BaseModel):
    """Open a round at an organization (one open round there at a time)."""

    model_config = ConfigDict(extra="forbid")

    name: Name
    organization_uid: Uid


class RoundOut(BaseModel):
    uid: str
    name: str
    organization_uid: str
    organization_name: str | None = None
    status: RoundStatus
    opened_at: datetime
    closed_at: datetime | None = None
    opened_by: str | None = Field(default=None, description="Person (or account) uid.")
    closed_by: str | None = None


class RoundPage(BaseModel):
    items: list[RoundOut]
    next_cursor: str | None = None


class RosterLearner(BaseModel):
    learner_uid: str
    learner_name: str | None = None
    grade_level: str | None = None
    directory_opt_out: bool = Field(
        description="Opted out of the directory: still on their own school's roster."
    )


class RosterOut(BaseModel):
    round: RoundOut
    whole_roster: bool = Field(
        description="Every learner enrolled there; false: only those you see yourself."
    )
    learners: list[RosterLearner]


class MarksIn(BaseModel):
    """Learners the signed-in adult has a positive relationship with."""

    model_config = ConfigDict(extra="forbid")

    learner_uids: list[Uid] = Field(min_length=1, max_length=MAX_MARKS)


class TrustedIn(BaseModel):
    """Adults the signed-in learner trusts."""

    model_config = ConfigDict(extra="forbid")

    adult_uids: list[Uid] = Field(min_length=1, max_length=MAX_MARKS)


class MarkResult(BaseModel):
    adult_uid: str
    learner_uid: str
    accepted: bool
    new: bool | None = Field(default=None, description="False: it was marked already.")
    reason: str | None = Field(default=None, description="Why a row was rejected.")


class MarkResults(BaseModel):
    items: list[MarkResult]


class Tie(BaseModel):
    learner_uid: str
    learner_name: str | None = None
    adult_uid: str
    adult_name: str | None = None
    by: list[By] = Field(description="adult: the adult marked the learner; learner: named.")


class NoTieLearner(BaseModel):
    learner_uid: str
    learner_name: str | None = None
    grade_level: str | None = None


class AssignedMentor(BaseModel):
    learner_uid: str
    learner_name: str | None = None
    adult_uid: str
    adult_name: str | None = None
    named: bool = Field(description="The learner named this mentor in this round.")
    named_before: bool | None = Field(
        default=None, description="...in the round compared with (null: there is none)."
    )


class DiffSummary(BaseModel):
    ties: int
    ties_before: int | None = None
    gained: int
    lost: int
    no_tie: int
    assigned_mentors: int
    mentors_named: int
    mentors_named_before: int | None = None


class DiffOut(BaseModel):
    round: RoundOut
    against: RoundOut | None = Field(description="The round compared with (null: none).")
    gained: list[Tie]
    lost: list[Tie]
    no_tie: list[NoTieLearner]
    mentors: list[AssignedMentor]
    summary: DiffSummary
