"""The history of imports, newest first, and the imports whose process died.

A job left `queued` or `running` by a process that is gone would say so forever: when
the service starts and whenever the history is listed, such a job is rolled back
(`lrm_graph.imports.journal`: what it wrote is undone, newest batch first) and marked
failed with the reason and what the rollback did. A job's process is known dead when it
ran on this host and its pid is gone, or when it has given no sign of life (its
heartbeat, beaten each second while it writes) for `STALE_AFTER`. The job is claimed
first (status `rolling back`, this process its runner), so two listings never roll it
back twice, and a rollback cut off part way is taken up again by the next listing.
Journals left by loads that keep no job (bulk loads) are rolled back the same way once
their process is gone; the journal of an import that succeeded is removed.
"""

from __future__ import annotations

import json
import socket
from datetime import datetime, timedelta
from typing import Any

from lrm_graph import clock
from lrm_graph.db import pages
from lrm_graph.db.graph import Graph
from lrm_graph.db.runtime import process_alive
from lrm_graph.errors import InvalidInput
from lrm_graph.imports import journal
from lrm_graph.imports.oneroster import jobs

STALE_AFTER = timedelta(minutes=10)


def list_jobs(graph: Graph, limit: int = 50, cursor: str | None = None) -> pages.Page:
    """Return one page of import jobs, newest first (without their reports)."""
    reap(graph)
    after_at, after_id = _after(cursor)
    rows = graph.read("imports/list_jobs", after_at=after_at, after_id=after_id, limit=limit + 1)
    items = [jobs.answer(row["job"]) for row in rows]
    page = pages.Page(items[:limit])
    if len(items) > limit:
        last = items[limit - 1]
        page.next_cursor = pages.encode(f"{last['created_at'].isoformat()}|{last['id']}")
    return page


def _after(cursor: str | None) -> tuple[datetime | None, str]:
    key = pages.decode(cursor)
    if not key:
        return None, ""
    at, _, job_id = key.partition("|")
    try:
        return datetime.fromisoformat(at), job_id
    except ValueError as exc:
        raise InvalidInput("cursor is not one this API gave out") from exc


def reap(graph: Graph) -> int:
    """Roll back and mark failed, with the reason, every unfinished job whose process is
    gone; settle the journals no running import owns; return how many jobs were marked."""
    now = clock.now()
    marked = 0
    for job in graph.read("imports/list_unfinished_jobs"):
        why = _dead(job, now)
        if why and _claimed(graph, job, now):
            undone = journal.undo(graph, job["id"])
            rollback = json.dumps(undone.as_dict() | {"reason": why})
            detail = f"{why}; {undone.summary()}"
            jobs.update(graph, job["id"], status="failed", detail=detail,
                        rollback_json=rollback, finished_at=clock.now())  # fmt: skip
            marked += 1
    for left in graph.read("imports/list_journals"):
        if left["status"] in ("succeeded", "checked"):
            journal.drop(graph, left["import_id"])
        elif left["status"] in ("failed", "rejected") or (
            left["status"] is None and _dead(left, now)
        ):
            journal.undo(graph, left["import_id"])
    return marked


def _claimed(graph: Graph, job: dict[str, Any], now: datetime) -> bool:
    """Claim a dead job for this process to roll back; False when another one did first."""
    claim = {"id": job["id"], "status": job["status"], "runner": job["runner"]}
    return bool(graph.write("imports/claim_job", **claim, me=journal.RUNNER, now=now))


def _dead(job: dict[str, Any], now: datetime) -> str | None:
    """Say why a job's process is gone, or None when it may still be at work."""
    host, _, pid = (job["runner"] or "").rpartition(":")
    if host == socket.gethostname() and pid.isdigit() and not process_alive(int(pid)):
        return (
            f"the process that ran this import (pid {pid} on {host}) stopped before it "
            f"finished, while it was {job['status']}"
        )
    seen = job["heartbeat_at"] or job["created_at"]
    if seen is not None and now - seen > STALE_AFTER:
        return f"no sign of life from the process that ran this import since {seen.isoformat()}"
    return None
