"""Imports: a OneRoster CSV set uploaded as a zip, run as a job whose status anyone with the
import scope can read; the history of imports, newest first."""

from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, File, Query, Response, UploadFile, status
from pydantic import StringConstraints

from api.auth import CallerDep
from api.deps import GraphDep, SettingsDep
from api.disclosure import AuditDep
from api.schemas.imports import ImportJobOut, ImportJobPage
from lrm_graph.imports.oneroster import jobs, uploads
from lrm_graph.imports.oneroster.problems import DEFAULT_MAX_SKIPPED

router = APIRouter(prefix="/imports", tags=["imports"])
JobId = Annotated[str, StringConstraints(min_length=1, max_length=64)]


@router.post("/oneroster", status_code=status.HTTP_202_ACCEPTED, response_model=ImportJobOut)
def import_oneroster(
    file: Annotated[UploadFile, File(description="A OneRoster 1.1 or 1.2 CSV set, zipped.")],
    graph: GraphDep,
    settings: SettingsDep,
    caller: CallerDep,
    background: BackgroundTasks,
    response: Response,
    ctx: AuditDep,
    strict: Annotated[bool, Query(description="Refuse the whole set on any error.")] = False,
    max_skipped: Annotated[
        float,
        Query(
            ge=0,
            le=100,
            description="Refuse the set if a file would skip more than this percent of its rows.",
        ),
    ] = DEFAULT_MAX_SKIPPED,
    check: Annotated[bool, Query(description="Only check: the report, nothing written.")] = False,
) -> Any:
    """Accept a zipped OneRoster set and import it after answering (needs the import scope,
    for the whole district: an organization's key gets 403).

    Answers 202 with the queued job; `GET /v1/imports/{id}` (the Location) tells how it
    ends: succeeded with counts and the problem report (rows with errors skipped), checked
    (`check=true`: the report only), rejected (refused whole, nothing written; the report
    says why), or failed.
    """
    options = {"strict": strict, "max_skipped": max_skipped, "check_only": check}
    job, staged = uploads.accept(graph, ctx, file.file, file.filename or "upload.zip", options)
    background.add_task(jobs.run_oneroster, graph, settings, job["id"], staged, **options)
    response.headers["Location"] = f"/v1/imports/{job['id']}"
    return job


@router.get("", response_model=ImportJobPage)
def list_imports(
    graph: GraphDep,
    ctx: AuditDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> Any:
    """Return the history of imports, newest first (without their reports: `GET
    /v1/imports/{id}` gives one with its report). A job a dead process left running is
    marked failed, with the reason, first."""
    return uploads.past(graph, ctx, limit, cursor)


@router.get("/{job_id}", response_model=ImportJobOut)
def get_import(job_id: JobId, graph: GraphDep, ctx: AuditDep) -> Any:
    """Return an import job: queued, running (with its progress: rows done of rows to
    write), succeeded, checked, rejected or failed."""
    return uploads.job(graph, ctx, job_id)
