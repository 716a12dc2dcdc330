"""Response models of a learner's export and of the erased-learners tally."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class LearnerExport(BaseModel):
    """Everything kept about one learner, as stored (field names as in the graph)."""

    learner: dict[str, Any]
    relationships: list[dict[str, Any]] = Field(
        description="Every relationship either way, ended ones too, with `direction`, the "
        "`other` end (another learner by uid only) and `active`."
    )
    goals: list[dict[str, Any]]
    interests: list[dict[str, Any]]
    accounts: list[dict[str, Any]] = Field(description="Sign-in accounts (no secrets).")
    records: dict[str, list[dict[str, Any]]] = Field(
        description="Records of relationship work about the learner, by kind: interactions, "
        "notes (all of them, whatever their visibility), interventions, mentor_requests, "
        "join_requests, ratings, mapping_marks."
    )
    import_jobs: list[dict[str, Any]] = Field(
        description="Import jobs whose problems quote the learner's source id, with those problems."
    )
    audit: list[dict[str, Any]] = Field(description="Every audit entry about the learner.")
    exported_at: datetime


class ErasedCount(BaseModel):
    organization_uid: str = Field(description="Their latest school ('' when none).")
    grade_level: str = Field(description="'' when none was on record.")
    learners: int


class ErasedCounts(BaseModel):
    items: list[ErasedCount]
