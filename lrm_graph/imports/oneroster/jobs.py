"""Import jobs, kept in Neo4j (`ImportJob` nodes) so that any API instance can report one.

A job is queued when the upload is staged, running while the import runs, then
succeeded (with counts and the problem report: rows with errors were skipped), checked
(a check only: the report, nothing written), rejected (refused whole: nothing was
written; the report says why) or failed (the import stopped part way, e.g. the database
went away; importing the same set again completes it, since imports are idempotent).
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import IO, Any

from lrm_graph import clock, metrics
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.errors import LrmError, NotFound
from lrm_graph.imports import oneroster
from lrm_graph.imports.oneroster.problems import RosterRejected

log = logging.getLogger("lrm_graph.imports")


def queue(graph: Graph, upload: IO[bytes], source: str) -> tuple[dict[str, Any], Path]:
    """Stage an uploaded archive in a temporary file and record a queued job for it."""
    with tempfile.NamedTemporaryFile(prefix="lrm-oneroster-", suffix=".zip", delete=False) as out:
        shutil.copyfileobj(upload, out, 1 << 20)
    staged = Path(out.name)
    try:
        return create(graph, "oneroster", source), staged
    except BaseException:
        staged.unlink(missing_ok=True)
        raise


def create(graph: Graph, kind: str, source: str) -> dict[str, Any]:
    """Record a queued job; return it."""
    row = graph.write(
        "imports/create_job", id=uuid.uuid4().hex, kind=kind, source=source, now=clock.now()
    )
    return answer(row[0]["job"])


def get(graph: Graph, job_id: str) -> dict[str, Any]:
    """Return a job, or raise NotFound."""
    rows = graph.read("imports/get_job", id=job_id)
    if not rows:
        raise NotFound(f"no import job with id {job_id!r}")
    return answer(rows[0]["job"])


def _update(graph: Graph, job_id: str, **props: Any) -> None:
    graph.write("imports/update_job", id=job_id, props=props, now=clock.now())


def answer(job: dict[str, Any]) -> dict[str, Any]:
    """Shape a stored job as the API answers it."""
    return {
        "id": job["id"],
        "kind": job["kind"],
        "source": job.get("source"),
        "status": job["status"],
        "counts": json.loads(job.get("counts_json") or "{}"),
        "errors": json.loads(job.get("errors_json") or "[]"),
        "report": json.loads(job.get("report_json") or "null"),
        "detail": job.get("detail"),
        "created_at": job["created_at"],
        "updated_at": job["updated_at"],
        "finished_at": job.get("finished_at"),
    }


def run_oneroster(
    graph: Graph, settings: Settings, job_id: str, path: Path, **options: Any
) -> None:
    """Run a staged OneRoster import (`options`: strict, max_skipped, check_only) and
    record how it ended; remove the staged file."""
    metrics.IMPORT_JOBS_RUNNING.inc()
    try:
        _update(graph, job_id, status="running")
        result = oneroster.run(graph, settings, path, import_id=job_id, **options)
        report = json.dumps(result.pop("report"), default=str)
        status = "checked" if options.get("check_only") else "succeeded"
        facts = {"detail": result.pop("refused")} if "refused" in result else {}
        counts = json.dumps(result, default=str)
        _finish(graph, job_id, status, counts=counts, report=report, **facts)
    except RosterRejected as exc:
        errors = json.dumps([p.as_dict() for p in exc.errors])
        report = json.dumps(exc.problems.report(), default=str)
        _finish(graph, job_id, "rejected", detail=exc.detail, errors=errors, report=report)
    except LrmError as exc:
        _finish(graph, job_id, "failed", detail=exc.detail)
    except Exception:
        log.exception("import job %s failed", job_id)
        _finish(graph, job_id, "failed", detail="the import stopped on an unexpected error")
    finally:
        metrics.IMPORT_JOBS_RUNNING.dec()
        path.unlink(missing_ok=True)


def _finish(graph: Graph, job_id: str, status: str, **facts: str) -> None:
    metrics.IMPORT_JOBS.labels("oneroster", status).inc()
    props: dict[str, Any] = {"status": status, "finished_at": clock.now()}
    for fact, prop in (
        ("counts", "counts_json"),
        ("errors", "errors_json"),
        ("report", "report_json"),
    ):
        if fact in facts:
            props[prop] = facts[fact]
    if "detail" in facts:
        props["detail"] = facts["detail"]
    try:
        _update(graph, job_id, **props)
    except LrmError:
        log.exception("could not record the end of import job %s", job_id)
