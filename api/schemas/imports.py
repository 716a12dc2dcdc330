"""Import job response models."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel


class ImportProblem(BaseModel):
    """One problem of a set: where it is, its rule (`code`), the value, whether it is an
    error (the row is skipped) or a warning, and the problems it caused (`knock_ons`)."""

    file: str
    line: int | None = None
    column: str | None = None
    code: str
    severity: Literal["error", "warning"]
    value: str | None = None
    message: str
    user: str | None = None
    knock_ons: list[ImportProblem] = []


class FileCounts(BaseModel):
    rows: int
    skipped: int
    taken_out: int


class ImportReport(BaseModel):
    """Every problem of a set, with the rows each file had, skipped and took out."""

    errors: int
    warnings: int
    files: dict[str, FileCounts]
    problems: list[ImportProblem]


class ImportJobOut(BaseModel):
    """An import job: its status and, once finished, what it did or why it did not."""

    id: str
    kind: str
    source: str | None = None
    status: Literal["queued", "running", "succeeded", "checked", "rejected", "failed"]
    counts: dict[str, Any]
    errors: list[ImportProblem]
    report: ImportReport | None = None
    detail: str | None = None
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None = None
