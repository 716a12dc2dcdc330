"""`/imports`: roster imports for the staff allowed to import (the import scope: district
admins). A form uploads a zipped OneRoster set and starts it as a job, through the API's
use case (`lrm_graph.imports.oneroster.uploads`: who may import, the audit, the staged
job); the history lists past imports. `/imports/{id}` follows one job, whether it was
started here, through `POST /v1/imports/oneroster` or by `lrm import oneroster`: its
status, the rows written of the rows to write, and its problems. While the job runs, the
page asks for its progress part every second (htmx) and stops once the job has ended;
without scripts, the page refreshes itself (a meta refresh) until then.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import BackgroundTasks, File, Form, Path, Query, Request, UploadFile
from starlette.responses import RedirectResponse, Response

from api.deps import GraphDep, SettingsDep
from lrm_graph.access import audit
from lrm_graph.db.graph import Graph
from lrm_graph.imports.oneroster import jobs, uploads
from lrm_graph.imports.oneroster.problems import DEFAULT_MAX_SKIPPED
from web.pages import render
from web.routing import web_router
from web.session import AuditDep, SessionDep

router = web_router(prefix="/imports", tags=["web"])
JobId = Annotated[str, Path(min_length=1, max_length=64)]
UNFINISHED = frozenset({"queued", "running"})
PROBLEMS_SHOWN = 200  # causes on the page; the API's job holds the whole report


@router.get("")
def imports_page(
    request: Request,
    session: SessionDep,
    asking: AuditDep,
    graph: GraphDep,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> Response:
    """The upload form and the history of imports, newest first."""
    page = uploads.past(graph, asking, 20, cursor)
    context = {"jobs": page.items, "next_cursor": page.next_cursor,
               "max_skipped": DEFAULT_MAX_SKIPPED}  # fmt: skip
    return render(request, session, "imports/index.html", context)


@router.post("")
def start_import(
    asking: AuditDep,
    graph: GraphDep,
    settings: SettingsDep,
    background: BackgroundTasks,
    file: Annotated[UploadFile, File()],
    check: Annotated[str, Form(max_length=10)] = "",
    strict: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    """Stage the uploaded set as a job, run it after answering, and open its page."""
    options = {"strict": bool(strict), "max_skipped": DEFAULT_MAX_SKIPPED,
               "check_only": bool(check)}  # fmt: skip
    job, staged = uploads.accept(graph, asking, file.file, file.filename or "upload.zip", options)
    background.add_task(jobs.run_oneroster, graph, settings, job["id"], staged, **options)
    return RedirectResponse(f"/imports/{job['id']}", status_code=303)


@router.get("/{job_id}")
def import_page(
    job_id: JobId, request: Request, session: SessionDep, asking: AuditDep, graph: GraphDep
) -> Response:
    """One import: its status, progress and problems."""
    return render(request, session, "imports/job.html", _context(graph, asking, job_id))


@router.get("/{job_id}/progress")
def import_progress(
    job_id: JobId, request: Request, session: SessionDep, asking: AuditDep, graph: GraphDep
) -> Response:
    """The part of the page that changes while the job runs (what htmx asks for)."""
    return render(request, session, "imports/_progress.html", _context(graph, asking, job_id))


def _context(graph: Graph, asking: audit.Request, job_id: str) -> dict[str, Any]:
    job = uploads.job(graph, asking, job_id)
    progress = job["progress"]
    total, done = progress["rows_total"], progress["rows_done"]
    percent = int(100 * done / total) if total and done is not None else None
    report = job["report"] or {"problems": job["errors"], "files": {}}
    return {
        "job": job,
        "running": job["status"] in UNFINISHED,
        "percent": percent,
        "problems": report["problems"][:PROBLEMS_SHOWN],
        "more_problems": max(0, len(report["problems"]) - PROBLEMS_SHOWN),
        "files": report.get("files", {}),
    }
