"""Relationship rating request and response models (Developmental Relationships Framework)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from api.schemas import AT_LEAST_ONE_FIELD
from api.schemas.json_types import integer

Score = Annotated[int, Field(ge=1, le=5)]
Side = Literal["learner", "adult"]


class RatingIn(BaseModel):
    """Scores 1 (not at all) to 5 (very much so); any of the five, at least one."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=AT_LEAST_ONE_FIELD)

    express_care: Score | None = None
    challenge_growth: Score | None = None
    provide_support: Score | None = None
    share_power: Score | None = None
    expand_possibilities: Score | None = None

    @field_validator("*", mode="before")
    @classmethod
    def _json_integer(cls, value: Any) -> Any:
        return value if value is None else integer(value)


class RatingOut(BaseModel):
    uid: str
    relationship_uid: str
    learner_uid: str
    adult_uid: str
    rater_uid: str | None = None
    side: Side = Field(description="Which end rated: the learner or the adult.")
    express_care: int | None = None
    challenge_growth: int | None = None
    provide_support: int | None = None
    share_power: int | None = None
    expand_possibilities: int | None = None
    rated_at: datetime


class LatestScore(BaseModel):
    score: int
    side: Side
    rated_at: datetime


class LatestScores(BaseModel):
    """For each element, the most recent score given to it (null: never scored)."""

    express_care: LatestScore | None = None
    challenge_growth: LatestScore | None = None
    provide_support: LatestScore | None = None
    share_power: LatestScore | None = None
    expand_possibilities: LatestScore | None = None


class RatingsOut(BaseModel):
    relationship_uid: str
    type: str
    learner_uid: str
    adult_uid: str
    active: bool
    latest: LatestScores
    items: list[RatingOut] = Field(description="Newest first.")
