"""A family's rights over a learner's record: inspect everything kept, or have it erased.

Export gives everything kept about a learner as one JSON document: the node, every
relationship with its history (ended ones stay on record), goals, interests, sign-in
accounts, the records of relationship work about them (interactions, every note whatever
its visibility, interventions, mentor and join requests, ratings, mapping marks), the
import jobs whose problems quote their source id, and the audit entries about them.
Admins, the learner and their guardians may ask for it; it is recorded in the audit
("export").

Erase removes the learner's personal data and relationships for good: the node, every
relationship, the goals only they pursued, their sign-in accounts, every record of
relationship work about them; import jobs that quoted their source id get it replaced.
A learner who came from another system leaves a tombstone (`lrm_graph.privacy.tombstones`, a
keyed hash of the source id and nothing else), so a later roster import or bulk load
skips them instead of bringing them back. "De-identified
counts" means exactly this and nothing more: the `ErasedLearners` tally, how many
learners were erased per organization (their latest school) and grade, with no name,
uid, date or other detail, so that reports can say "3 learners of grade 10 at Northside
were erased" and totals over time stay explainable. The audit keeps its entries about the
learner, who is then known there by uid only, and records the erase itself ("erase")
before anything is removed, so no erase goes unrecorded.
"""

from __future__ import annotations

import json
from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit, node_checks, visibility
from lrm_graph.auth.caller import Caller, Role
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Forbidden, NotFound
from lrm_graph.privacy import tombstones
from lrm_graph.records import nodes
from lrm_graph.vocabulary import NodeKind

# Who may ask for a learner's export: the district, the learner, their guardian.
EXPORTERS = frozenset({Role.ADMIN, Role.LEARNER, Role.GUARDIAN})
# The records of relationship work an export lists (cypher/privacy/export_records).
RECORDS = (
    "interactions", "notes", "interventions", "mentor_requests", "join_requests", "ratings",
    "mapping_marks",
)  # fmt: skip
ERASED = "(an erased learner)"  # what replaces an erased learner's source id in import jobs


def export_learner(graph: Graph, request: audit.Request, uid: str) -> dict[str, Any]:
    """Return everything kept about a learner; recorded in the audit as an export."""
    caller = _caller(request)
    purpose = visibility.learner_purpose(graph, caller, uid)  # 404 unless visible
    if caller.role not in EXPORTERS:
        raise Forbidden("an export is for an admin, the learner or their guardian")
    rows = graph.read("privacy/export_learner", uid=uid)
    if not rows:
        raise NotFound(f"no learner with uid {uid!r}")
    row = rows[0]
    entries = [entry["e"] for entry in graph.read("privacy/list_audit_entries", uid=uid)]
    records: dict[str, list[dict[str, Any]]] = {section: [] for section in RECORDS}
    for item in graph.read("privacy/export_records", uid=uid):
        records[item["section"]].append(item["record"])
    jobs = [_naming(job, row["l"].get("source_id")) for job in _jobs(graph, row["l"])]
    audit.record(graph, request, "export", {uid: purpose})
    return {
        "learner": row["l"],
        "relationships": [_relationship(item) for item in row["relationships"]],
        "goals": row["goals"],
        "interests": row["interests"],
        "accounts": row["accounts"],
        "records": records,
        "import_jobs": jobs,
        "audit": entries,
        "exported_at": clock.now(),
    }


def _quoted(source_id: str) -> str:
    """Return a source id as an import problem quotes it (`{source_id!r}`)."""
    return repr(source_id)


def _jobs(graph: Graph, learner: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the import jobs whose problems or message quote the learner's source id."""
    source_id = learner.get("source_id")
    if not source_id:
        return []
    needle = json.dumps(_quoted(source_id))[1:-1]  # as errors_json holds it
    return [row["job"] for row in graph.read("privacy/find_import_jobs", needle=needle)]


def _naming(job: dict[str, Any], source_id: str) -> dict[str, Any]:
    """Return an import job as the export shows it: the problems that name the learner."""
    quoted = _quoted(source_id)
    problems = [p for p in json.loads(job.get("errors_json") or "[]") if quoted in p["message"]]
    detail = job.get("detail")
    return {
        "id": job["id"], "kind": job["kind"], "source": job.get("source"),
        "status": job["status"], "created_at": job["created_at"],
        "detail": detail if detail and quoted in detail else None, "problems": problems,
    }  # fmt: skip


def _scrubbed(job: dict[str, Any], source_id: str) -> dict[str, Any]:
    """Return an import job's problems and message with the learner's source id replaced."""
    quoted = _quoted(source_id)
    problems = json.loads(job.get("errors_json") or "[]")
    for problem in problems:
        problem["message"] = problem["message"].replace(quoted, ERASED)
    detail = job.get("detail")
    return {
        "id": job["id"],
        "errors_json": json.dumps(problems),
        "detail": detail.replace(quoted, ERASED) if detail else detail,
    }


def _relationship(item: dict[str, Any]) -> dict[str, Any]:
    rel = dict(item["r"])
    extra = rel.pop("properties_json", None)
    until = rel.get("until")
    return {
        **rel,
        "type": item["type"],
        "direction": "out" if item["outgoing"] else "in",
        "other": {
            "uid": item["other_uid"],
            "node_kind": item["other_kind"],
            "name": item["other_name"],
        },
        "properties": json.loads(extra) if extra else {},
        "active": until is None or until > clock.today(),
    }


def erase_learner(
    graph: Graph, settings: Settings, request: audit.Request, uid: str
) -> dict[str, int]:
    """Erase a learner for good (district admins only: 404 for a learner the caller does
    not see, 403 for one they do); return how much was removed. The erase is recorded in
    the transaction that erases, so no erase goes unrecorded."""
    caller = _caller(request)
    with audit.operation(graph, request, "erase", [uid]) as op:
        node_checks.check_write(op.graph, caller, NodeKind.LEARNER, uid, erase=True)
        learner = nodes.get(op.graph, NodeKind.LEARNER, uid)
        source_id = learner.get("source_id")
        jobs = [_scrubbed(job, source_id) for job in _jobs(op.graph, learner)] if source_id else []
        tombstone = tombstones.tombstone(op.graph, settings, source_id)
        op.record({uid: visibility.ALL})
        rows = op.graph.write("privacy/erase_learner", uid=uid, tombstone=tombstone, jobs=jobs)
        if not rows:
            raise NotFound(f"no learner with uid {uid!r}")
        counted = ("relationships", "goals", "accounts", "records", "import_jobs")
        return {key: int(rows[0][key]) for key in counted}


def erased_counts(graph: Graph, caller: Caller) -> list[dict[str, Any]]:
    """Return the de-identified tally of erased learners (admins only)."""
    if not caller.is_admin:
        raise Forbidden("the tally of erased learners is for district admins")
    return graph.read("privacy/count_erased")


def _caller(request: audit.Request) -> Caller:
    if request.caller is None:  # the API signs every /v1 caller in first
        raise Forbidden("sign in first")
    return request.caller
