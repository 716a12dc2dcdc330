"""Analytics request (query) and response models."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from lrm_graph.analysis.options import (
    K_MAX,
    LIMIT_MAX,
    SAMPLES_MAX,
    TOP_MAX,
    LearnerFilter,
    Options,
)
from lrm_graph.store.fields import Grade
from lrm_graph.vocabulary import NodeKind

Uid = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=128)]


class AnalyticsQuery(BaseModel):
    """The filters every analytic takes: they pick the learners reported on."""

    model_config = ConfigDict(extra="forbid")

    organization: Uid | None = Field(default=None, description="Learners enrolled at it.")
    grade: Grade | None = Field(default=None, description="Learners in this grade.")
    community: Uid | None = Field(default=None, description="Learners who are members.")
    format: Literal["json", "csv"] = Field(default="json", description="csv: a download.")

    def learner_filter(self) -> LearnerFilter:
        return LearnerFilter(self.organization, self.grade, self.community)

    def options(self) -> Options:
        """Return the analytics knobs this query sets (the rest keep their defaults)."""
        known = Options.__dataclass_fields__
        return Options(**{k: v for k, v in self.model_dump().items() if k in known})


class GoalGapsQuery(AnalyticsQuery):
    k: int = Field(default=2, ge=1, le=K_MAX, description="Hops from the learner that count.")
    include_connected: bool = Field(default=False, description="List connected goals too.")


class StructureQuery(AnalyticsQuery):
    top: int = Field(default=20, ge=1, le=TOP_MAX, description="Bridging adults listed.")
    samples: int = Field(
        default=100, ge=1, le=SAMPLES_MAX, description="Betweenness samples on large graphs."
    )
    seed: int | None = Field(default=0, description="Seed of the samples (null: random).")


class PerLearnerQuery(AnalyticsQuery):
    limit: int = Field(default=5, ge=1, le=LIMIT_MAX, description="Listed per learner.")


class AnalyticOut(BaseModel):
    """What every analytic's answer carries besides its own rows."""

    scope: str = Field(
        description='The learners the answer covers: "the whole district", or "the N '
        'learners the caller may see" (the filters narrow it further).'
    )


class NodeRef(BaseModel):
    uid: str
    name: str
    node_kind: NodeKind


class PathStep(BaseModel):
    uid: str | None = Field(description="null: a learner the caller may not see.")
    name: str | None = Field(description="null: a learner the caller may not see.")
    node_kind: NodeKind


class GoalGapOut(BaseModel):
    learner_uid: str
    learner_name: str
    goal_uid: str
    goal_name: str
    industry_uid: str
    industry_name: str
    connected: bool
    distance: int | None = Field(description="Hops to the nearest tie; null: none reachable.")
    path: list[PathStep] = Field(description="The warm introduction, learner first.")


class GoalGapsOut(AnalyticOut):
    k: int
    items: list[GoalGapOut]


class IsolatedGroupOut(BaseModel):
    group: int
    size: int
    learners: list[NodeRef]
    communities: list[NodeRef]


class BridgingAdultOut(NodeRef):
    betweenness: float
    articulation_point: bool
    learners: int = Field(description="Learners directly linked to this adult.")


class StructureOut(AnalyticOut):
    isolated_groups: list[IsolatedGroupOut]
    bridging_adults: list[BridgingAdultOut]
    betweenness_exact: bool
    betweenness_samples: int | None


class MatchCandidateOut(BaseModel):
    adult_uid: str
    adult_name: str
    node_kind: NodeKind
    score: int
    room: int = Field(description="Caseload room before the assignment.")
    assigned: bool
    reasons: list[str]
    goal_industry: list[str]
    community: list[str]
    interest: list[str]


class MentorMatchOut(BaseModel):
    learner_uid: str
    learner_name: str
    assigned_uid: str | None
    assigned_name: str | None
    candidates: list[MatchCandidateOut]


class MentorMatchesOut(AnalyticOut):
    weights: dict[str, int]
    assigned: int
    unassigned: int
    items: list[MentorMatchOut]


class CommunitySuggestionOut(BaseModel):
    community_uid: str
    community_name: str
    node_kind: NodeKind
    kind: str | None
    open: bool | None
    score: int
    reasons: list[str]
    peer: list[str]
    goal_industry: list[str]


class LearnerSuggestionsOut(BaseModel):
    learner_uid: str
    learner_name: str
    suggestions: list[CommunitySuggestionOut]


class CommunitySuggestionsOut(AnalyticOut):
    weights: dict[str, int]
    items: list[LearnerSuggestionsOut]


class MatchAccept(BaseModel):
    """A suggested match a person accepts: it becomes a relationship, source `suggested`."""

    model_config = ConfigDict(extra="forbid")

    learner_uid: Uid
    adult_uid: Uid
    type: Literal["MENTORS", "ADVISES", "COACHES", "COUNSELS"] = "MENTORS"


CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "JSON, or CSV with format=csv."}
}
