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


class ImportFile(BaseModel):
    name: str
    bytes: int
    sha256: str


class ImportOptions(BaseModel):
    strict: bool = False
    max_skipped: float | None = None
    check: bool = False


class ImportProgress(BaseModel):
    """How far a job's write step is: the rows it writes and those done (none before it
    starts writing; done is total once it succeeded)."""

    rows_total: int | None = None
    rows_done: int | None = None


class ImportRollback(BaseModel):
    """Why a failed import stopped (reason) and what rolling it back did: nodes and
    relationships set back as they were (restored) and those it had created (deleted); what
    someone else changed after the import wrote it was left as they made it (kept, the
    first uids named)."""

    reason: str | None = None
    batches: int
    restored: int
    deleted: int
    kept: int
    kept_uids: list[str] = []


class ImportFailure(BaseModel):
    """The problem type a failed import stopped on, as a request would have been answered:
    422 for a value the graph refused while writing, 503 when the graph did not answer,
    500 for anything unexpected."""

    type: str
    title: str
    status: int


class ImportJobSummary(BaseModel):
    """An import job as the history lists it: who imported what, how, and how it ended."""

    id: str
    kind: str
    source: str | None = None
    status: Literal[
        "queued", "running", "rolling back", "succeeded", "checked", "rejected", "failed"
    ]
    by: str | None = None
    files: list[ImportFile] = []
    version: str | None = None
    modes: dict[str, str] = {}
    options: ImportOptions
    counts: dict[str, Any]
    progress: ImportProgress = ImportProgress()
    detail: str | None = None
    rollback: ImportRollback | None = None
    problem: ImportFailure | None = None
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None = None


class ImportJobOut(ImportJobSummary):
    """An import job with its problem report (and, when refused, its errors)."""

    errors: list[ImportProblem]
    report: ImportReport | None = None


class ImportJobPage(BaseModel):
    items: list[ImportJobSummary]
    next_cursor: str | None = None
