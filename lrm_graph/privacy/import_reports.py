"""What import jobs keep about a learner: the problems of their rows and those that quote
their source id, for their export and, scrubbed, at their erasure.

A problem is about a learner when its `user` is their sourcedId (a users.csv row of theirs,
an enrollment or role of theirs: its value may be their name or email), or when its
message quotes their source id. At erasure the source id, and the values of problems
about them, are replaced; knock-ons too.
"""

from __future__ import annotations

import json
from typing import Any

from lrm_graph.db.graph import Graph

ERASED = "(an erased learner)"  # what replaces an erased learner's source id in import jobs


def _quoted(source_id: str) -> str:
    """Return a source id as an import problem quotes it (`{source_id!r}`)."""
    return repr(source_id)


def find(graph: Graph, source_id: str | None) -> list[dict[str, Any]]:
    """Return the import jobs whose problems or message are about the learner."""
    if not source_id:
        return []
    needle = json.dumps(_quoted(source_id))[1:-1]  # as the stored JSON holds it
    user = json.dumps({"user": source_id})[1:-1]
    rows = graph.read("privacy/find_import_jobs", needle=needle, user=user)
    return [row["job"] for row in rows]


def _about(problem: dict[str, Any], source_id: str) -> bool:
    return problem.get("user") == source_id or _quoted(source_id) in problem["message"]


def _flat(problems: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [p for cause in problems for p in (cause, *_flat(cause.get("knock_ons", [])))]


def naming(job: dict[str, Any], source_id: str) -> dict[str, Any]:
    """Return an import job as the export shows it: the problems about the learner."""
    report = json.loads(job.get("report_json") or "null") or {}
    stored = _flat(report.get("problems", [])) or json.loads(job.get("errors_json") or "[]")
    problems = [
        {k: v for k, v in p.items() if k != "knock_ons"} for p in stored if _about(p, source_id)
    ]
    detail = job.get("detail")
    quoted = _quoted(source_id)
    return {
        "id": job["id"], "kind": job["kind"], "source": job.get("source"),
        "status": job["status"], "created_at": job["created_at"],
        "detail": detail if detail and quoted in detail else None, "problems": problems,
    }  # fmt: skip


def _scrub(problem: dict[str, Any], source_id: str) -> None:
    quoted = _quoted(source_id)
    if problem.get("user") == source_id:
        value = problem.get("value")
        if value:
            problem["message"] = problem["message"].replace(value, ERASED)
        problem["value"] = ERASED if value else value
        problem["user"] = ERASED
    problem["message"] = problem["message"].replace(quoted, ERASED)
    if problem.get("value") == source_id:
        problem["value"] = ERASED
    for knock_on in problem.get("knock_ons", []):
        _scrub(knock_on, source_id)


def scrubbed(job: dict[str, Any], source_id: str) -> dict[str, Any]:
    """Return an import job's report, errors and message with the learner's source id and
    the values of their rows replaced."""
    errors = json.loads(job.get("errors_json") or "[]")
    report = json.loads(job.get("report_json") or "null")
    for problem in errors + (report or {}).get("problems", []):
        _scrub(problem, source_id)
    detail = job.get("detail")
    return {
        "id": job["id"],
        "errors_json": json.dumps(errors),
        "report_json": json.dumps(report) if report is not None else None,
        "detail": detail.replace(_quoted(source_id), ERASED) if detail else detail,
    }
