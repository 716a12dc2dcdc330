"""The history of imports, newest first, and the jobs whose process died.

A job left `queued` or `running` by a process that is gone would say so forever: when
the service starts and whenever the history is listed, such a job is marked failed with
the reason. A job's process is known dead when it ran on this host and its pid is gone,
or when it has given no sign of life (its heartbeat, beaten each second while it writes)
for `STALE_AFTER`.
"""

from __future__ import annotations

import socket
from datetime import datetime, timedelta
from typing import Any

from lrm_graph import clock
from lrm_graph.db import pages
from lrm_graph.db.graph import Graph
from lrm_graph.db.runtime import process_alive
from lrm_graph.errors import InvalidInput
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
    """Mark failed, with the reason, every unfinished job whose process is gone; return
    how many."""
    now = clock.now()
    marked = 0
    for job in graph.read("imports/list_unfinished_jobs"):
        reason = _dead(job, now)
        if reason:
            jobs.update(graph, job["id"], status="failed", detail=reason, finished_at=now)
            marked += 1
    return marked


def _dead(job: dict[str, Any], now: datetime) -> str | None:
    """Say why a job's process is gone, or None when it may still be at work."""
    host, _, pid = (job["runner"] or "").rpartition(":")
    if host == socket.gethostname() and pid.isdigit() and not process_alive(int(pid)):
        return (
            f"the process that ran this import (pid {pid} on {host}) stopped before it "
            f"finished, while it was {job['status']}; import the set again to complete it"
        )
    seen = job["heartbeat_at"] or job["created_at"]
    if seen is not None and now - seen > STALE_AFTER:
        return (
            f"no sign of life from the process that ran this import since {seen.isoformat()}; "
            "import the set again to complete it"
        )
    return None
