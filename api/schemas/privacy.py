"""Response models of a learner's export and of the erased-learners tally."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class LearnerExport(BaseModel):
    """Everything kept about one learner, as stored (field names as in the graph)."""

    learner: dict[str, Any]
    relationships: list[dict[str, Any]] = Field(
        description="Every relationship either way, ended ones too, with `direction`, the "
        "`other` end (another learner by uid only) and `active`; only those the caller may "
        "read (a relationship with another learner they do not see is left out)."
    )
    withheld_relationships: int = Field(
        default=0,
        description="Relationships left out: another learner end the caller does not see.",
    )
    goals: list[dict[str, Any]]
    interests: list[dict[str, Any]]
    accounts: list[dict[str, Any]] = Field(description="Sign-in accounts (no secrets).")
    records: dict[str, list[dict[str, Any]]] = Field(
        description="Records of relationship work about the learner, by kind: interactions, "
        "notes (those the caller may read, as any read shows them; every note in a legal-hold "
        "export), interventions, mentor_requests, "
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


class LegalHoldRequest(BaseModel):
    """Why everything kept about a learner is handed over: recorded in the audit."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"reason": "Litigation hold, case 2026-CV-0142"}]},
    )

    reason: str = Field(min_length=3, max_length=500, description="The matter or request.")
