"""Bulk load request and response models."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class BulkIn(BaseModel):
    """Rows to load; each row is checked on its own, so a bad one does not sink the rest."""

    model_config = ConfigDict(extra="forbid")

    nodes: list[dict[str, Any]] = Field(
        default_factory=list,
        description='Each {"kind": "learner", "source_id": "...", ...the kind\'s fields}.',
    )
    relationships: list[dict[str, Any]] = Field(
        default_factory=list,
        description=(
            'Each {"type": "MENTORS", "from": {"kind": "adult", "source_id": "..."} or '
            '{"uid": "..."}, "to": {...}, and optionally since, until, strength, source, '
            "role, last_interaction_at, properties}."
        ),
    )


class BulkCounts(BaseModel):
    """Rows that created, changed and left as they were what they name."""

    created: int
    updated: int
    unchanged: int


class BulkRejected(BaseModel):
    section: Literal["nodes", "relationships"]
    index: int
    reason: str


class BulkSkipped(BaseModel):
    """Rows of learners who were erased: skipped, so an erasure holds."""

    erased_learners: int
    relationships: int


class BulkOut(BaseModel):
    nodes: BulkCounts
    relationships: BulkCounts
    rejected: list[BulkRejected]
    skipped: BulkSkipped
