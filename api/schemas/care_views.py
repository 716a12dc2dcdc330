"""Response models of a learner's brief and timeline."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from api.schemas.care import InteractionFacts, InterventionOut, NoteOut


class NamedRef(BaseModel):
    uid: str
    name: str | None = None


class BriefLearner(BaseModel):
    uid: str
    name: str | None = None
    grade_level: str | None = None
    learning_preferences: list[str] = []


class BriefGoal(BaseModel):
    uid: str
    title: str | None = None
    kind: str | None = None
    status: str | None = None
    progress: int | None = None
    since: date | None = None
    industries: list[NamedRef] = []


class TeamMember(BaseModel):
    uid: str
    name: str | None = None
    node_kind: str
    types: list[str]
    since: date | None = None
    last_interaction_at: datetime | None = None


class AtRiskTie(BaseModel):
    uid: str
    type: str
    adult_uid: str
    adult_name: str | None = None
    adult_kind: str
    since: date | None = None
    until: date | None = None
    last_interaction_at: datetime | None = None
    risk: Literal["quiet", "ending"]


class GoalPathStep(BaseModel):
    uid: str | None = Field(description="None for a learner you may not see.")
    name: str | None = None
    node_kind: str | None = None


class GoalGap(BaseModel):
    goal_uid: str
    goal_name: str | None = None
    industry_uid: str
    industry_name: str | None = None
    distance: int | None = Field(description="Hops to the nearest tie found; None: none.")
    path: list[GoalPathStep] = Field(description="The warm introduction, learner first.")
    introducer: GoalPathStep | None = Field(description="The first adult on the way.")


class GoalGaps(BaseModel):
    k: int = Field(description="A tie within k hops connects a goal.")
    hops_searched: int = Field(description="How far around the learner introductions are found.")
    truncated: bool = Field(description="The walk stopped at its cap of nodes.")
    items: list[GoalGap]


class BriefOut(BaseModel):
    learner: BriefLearner
    generated_at: datetime
    quiet_days: int
    goals: list[BriefGoal]
    interests: list[NamedRef]
    last_interactions: list[InteractionFacts]
    care_team: list[TeamMember] = Field(description="The care team but you.")
    open_interventions: list[InterventionOut]
    at_risk: list[AtRiskTie] = Field(description="Caring ties gone quiet or ending soon.")
    goal_gaps: GoalGaps
    notes: list[NoteOut] = Field(description="The latest notes you may read.")
    openers: list[str]


class TimelineEvent(BaseModel):
    """One event; besides these fields, each kind carries its own facts."""

    model_config = ConfigDict(extra="allow")

    at: datetime
    precision: Literal["day", "instant"]
    kind: Literal[
        "relationship_begun", "relationship_ended", "goal_set", "goal_ended", "interaction",
        "intervention_opened", "intervention_closed", "note",
    ]  # fmt: skip
    uid: str


class TimelineOut(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    learner_uid: str
    from_: date | None = Field(default=None, alias="from")
    to: date | None = None
    events: list[TimelineEvent]
    truncated: bool
