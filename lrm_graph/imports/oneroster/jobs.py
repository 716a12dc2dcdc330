"""Import jobs, kept in Neo4j (`ImportJob` nodes) so that any API instance can report one,
and the history of imports (`lrm_graph.imports.oneroster.history` lists them).

A job records who imported what (file names and SHA-256 hashes), its version, modes and
options, and how it ended: queued when the upload is staged, running while the import
runs (with a heartbeat), then succeeded (counts and the problem report: rows with errors
were skipped), checked (a check only: the report, nothing written), rejected (refused
whole: nothing was written; the report says why) or failed (the import stopped part way,
e.g. the database or the process went away, or the database refused a value: what it
had written is rolled back, `rollback` says why it stopped and what the rollback did,
and `problem` the problem type it stopped on; see `lrm_graph.imports.journal`).
`lrm import oneroster` records its imports the same way.
"""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import IO, Any

from lrm_graph import clock, metrics, problem_types
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.errors import LrmError, NotFound
from lrm_graph.imports import oneroster
from lrm_graph.imports.journal import RUNNER, ImportRolledBack
from lrm_graph.imports.oneroster.problems import RosterRejected
from lrm_graph.imports.oneroster.source import RosterFiles
from lrm_graph.imports.oneroster.writer import Progress

log = logging.getLogger("lrm_graph.imports")
PROGRESS_SECONDS = 1.0  # how often a running job records its rows done (and heartbeat)
JSON_FIELDS = {
    "counts": "{}", "errors": "[]", "report": "null", "files": "[]", "modes": "{}",
    "rollback": "null", "problem": "null",
}  # fmt: skip


def queue(
    graph: Graph, upload: IO[bytes], source: str, by: str, options: dict[str, Any]
) -> tuple[dict[str, Any], Path]:
    """Stage an uploaded archive in a temporary folder, under the name it was uploaded with
    (problems name that file, never the server's temporary path), and record a queued job."""
    staged = Path(tempfile.mkdtemp(prefix="lrm-oneroster-")) / staged_name(source)
    with staged.open("wb") as out:
        shutil.copyfileobj(upload, out, 1 << 20)
    try:
        return create(graph, "oneroster", source, by, options), staged
    except BaseException:
        discard(staged)
        raise


def staged_name(source: str) -> str:
    """Return the uploaded file's own name, fit to stage (no folders, never empty)."""
    name = PurePath(source.replace("\\", "/")).name.strip()
    return name if name not in ("", ".", "..") else "upload.zip"


def discard(staged: Path) -> None:
    """Remove a staged upload and the temporary folder that holds it."""
    staged.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        staged.parent.rmdir()


def create(
    graph: Graph, kind: str, source: str, by: str, options: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Record a queued job (who asked, with which options); return it."""
    options = options or {}
    row = graph.write(
        "imports/create_job", id=uuid.uuid4().hex, kind=kind, source=source, now=clock.now(),
        props={"by": by, "runner": RUNNER, "strict": bool(options.get("strict")),
               "max_skipped": options.get("max_skipped"),
               "check_only": bool(options.get("check_only"))},
    )  # fmt: skip
    return answer(row[0]["job"])


def get(graph: Graph, job_id: str) -> dict[str, Any]:
    """Return a job with its report, or raise NotFound."""
    rows = graph.read("imports/get_job", id=job_id)
    if not rows:
        raise NotFound(f"no import job with id {job_id!r}")
    return answer(rows[0]["job"])


def update(graph: Graph, job_id: str, **props: Any) -> None:
    graph.write("imports/update_job", id=job_id, props=props, now=clock.now())


def answer(job: dict[str, Any]) -> dict[str, Any]:
    """Shape a stored job as the API answers it."""
    shaped = {
        name: json.loads(job.get(f"{name}_json") or empty) for name, empty in JSON_FIELDS.items()
    }
    return shaped | {
        "id": job["id"], "kind": job["kind"], "source": job.get("source"),
        "status": job["status"], "by": job.get("by"), "version": job.get("version"),
        "options": {"strict": job.get("strict", False), "max_skipped": job.get("max_skipped"),
                    "check": job.get("check_only", False)},
        "progress": {"rows_total": job.get("rows_total"), "rows_done": job.get("rows_done")},
        "detail": job.get("detail"), "created_at": job["created_at"],
        "updated_at": job["updated_at"], "finished_at": job.get("finished_at"),
    }  # fmt: skip


def run_recorded(
    graph: Graph,
    settings: Settings,
    job_id: str,
    path: Path,
    on_start: Callable[[int], Progress] | None = None,
    **options: Any,
) -> dict[str, Any]:
    """Run an import as job `job_id`, recording its files, heartbeat and end; return what
    it did (`oneroster.run`'s answer) or raise as it does, once the end is recorded."""
    try:
        update(graph, job_id, status="running", runner=RUNNER, heartbeat_at=clock.now(),
               files_json=json.dumps(fingerprints(path)))  # fmt: skip
        result = oneroster.run(
            graph, settings, path, import_id=job_id, on_start=_beating(graph, job_id, on_start),
            **options,
        )  # fmt: skip
    except RosterRejected as exc:
        errors = json.dumps([p.as_dict() for p in exc.errors])
        report = json.dumps(exc.problems.report(), default=str)
        _finish(
            graph, job_id, "rejected", detail=exc.detail, errors_json=errors, report_json=report
        )
        raise
    except ImportRolledBack as exc:
        rollback = json.dumps(exc.undone.as_dict() | {"reason": exc.reason})
        _finish(graph, job_id, "failed", detail=exc.detail, rollback_json=rollback,
                problem_json=_problem(exc.problem),
                report_json=json.dumps(exc.report, default=str))  # fmt: skip
        raise
    except LrmError as exc:
        _finish(graph, job_id, "failed", detail=exc.detail, problem_json=_problem(exc.problem))
        raise
    except Exception:
        log.exception("import job %s failed", job_id)
        _finish(graph, job_id, "failed", detail="the import stopped on an unexpected error",
                problem_json=_problem(problem_types.INTERNAL_ERROR))  # fmt: skip
        raise
    status = "checked" if options.get("check_only") else "succeeded"
    counts = {k: v for k, v in result.items() if k not in ("report", "refused", "modes", "version")}
    counts["files"] = result["report"]["files"]  # per file: rows, skipped, taken out
    written = {} if options.get("check_only") else {"rows_done": sum(result["rows"].values())}
    _finish(
        graph, job_id, status, version=result["version"], **written,
        modes_json=json.dumps(result["modes"]), counts_json=json.dumps(counts, default=str),
        report_json=json.dumps(result["report"], default=str),
        **({"detail": result["refused"]} if "refused" in result else {}),
    )  # fmt: skip
    return result


def run_oneroster(
    graph: Graph, settings: Settings, job_id: str, path: Path, **options: Any
) -> None:
    """Run a staged upload as its job (the API's background task); remove the file."""
    metrics.IMPORT_JOBS_RUNNING.inc()
    try:
        run_recorded(graph, settings, job_id, path, **options)
    except Exception as exc:  # recorded on the job; a background task has no one to tell
        log.info("import job %s ended: %s", job_id, exc)
    finally:
        metrics.IMPORT_JOBS_RUNNING.dec()
        discard(path)


def fingerprints(path: Path) -> list[dict[str, Any]]:
    """Return the name, size and SHA-256 of each file of a set (none if it is unreadable)."""
    try:
        files = RosterFiles(path)
    except RosterRejected:
        return []
    try:
        return files.fingerprints()
    finally:
        files.close()


def _beating(
    graph: Graph, job_id: str, on_start: Callable[[int], Progress] | None
) -> Callable[[int], Progress]:
    """Wrap `on_start` so that the job keeps its progress (rows to write, rows done) and
    its heartbeat, at most once every `PROGRESS_SECONDS` (outside the import's
    transaction: the job's page follows it while it writes)."""

    def start(total: int) -> Progress:
        shown = on_start(total) if on_start else (lambda _: None)
        update(graph, job_id, rows_total=total, rows_done=0, heartbeat_at=clock.now())
        done, last = [0], [time.monotonic()]

        def progress(rows: int) -> None:
            shown(rows)
            done[0] += rows
            if time.monotonic() - last[0] > PROGRESS_SECONDS:
                last[0] = time.monotonic()
                update(graph, job_id, rows_done=done[0], heartbeat_at=clock.now())

        return progress

    return start


def _problem(kind: problem_types.ProblemType) -> str:
    """Return the problem type a failed job stopped on, as a request would be answered (a
    422 for a value the graph refused while writing, a 503 when it did not answer, ...)."""
    return json.dumps({"type": kind.uri, "title": kind.title, "status": kind.status})


def _finish(graph: Graph, job_id: str, status: str, **props: Any) -> None:
    metrics.IMPORT_JOBS.labels("oneroster", status).inc()
    props |= {"status": status, "finished_at": clock.now()}
    try:
        update(graph, job_id, **props)
    except LrmError:
        log.exception("could not record the end of import job %s", job_id)
