"""A OneRoster upload as one use case (`POST /v1/imports/oneroster`, the web's /imports):
who may import, the audit, the staged job; and who may read the jobs and their history.

A roster import is the district's: the import scope, and no organization (403 otherwise).
It writes learners' data not known up front, so it is recorded in the audit (`write`, for
every learner) before anything is staged or written; the job it queues records who asked.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from lrm_graph.access import audit, policy, visibility
from lrm_graph.auth.caller import Scope
from lrm_graph.db.graph import Graph
from lrm_graph.db.pages import Page
from lrm_graph.imports.oneroster import history, jobs


def accept(
    graph: Graph, request: audit.Request, upload: IO[bytes], name: str, options: dict[str, Any]
) -> tuple[dict[str, Any], Path]:
    """Check the caller, record the import in the audit and stage it as a queued job;
    return the job and the staged file (the caller runs `jobs.run_oneroster` on it)."""
    caller = audit.signed_in(request)
    policy.require_roster_import(caller)
    audit.record_event(graph, request, "write", "allowed", purpose=visibility.ALL)
    return jobs.queue(graph, upload, name, f"{caller.kind}:{caller.display}", options)


def job(graph: Graph, request: audit.Request, job_id: str) -> dict[str, Any]:
    """Return one import job with its progress and report (the import scope; 403 otherwise)."""
    policy.require(audit.signed_in(request), Scope.IMPORT)
    return jobs.get(graph, job_id)


def past(graph: Graph, request: audit.Request, limit: int, cursor: str | None) -> Page:
    """Return one page of the history of imports, newest first (the import scope)."""
    policy.require(audit.signed_in(request), Scope.IMPORT)
    return history.list_jobs(graph, limit, cursor)
