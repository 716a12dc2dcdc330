"""Import job response models."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel


class ImportProblem(BaseModel):
    """One problem of a rejected set: where it is and what is wrong."""

    file: str
    line: int | None = None
    column: str | None = None
    message: str


class ImportJobOut(BaseModel):
    """An import job: its status and, once finished, what it did or why it did not."""

    id: str
    kind: str
    source: str | None = None
    status: Literal["queued", "running", "succeeded", "rejected", "failed"]
    counts: dict[str, Any]
    errors: list[ImportProblem]
    detail: str | None = None
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None = None
