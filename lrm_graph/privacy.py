"""A family's rights over a learner's record: inspect everything kept, or have it erased.

Export gives everything kept about a learner as one JSON document: the node, every
relationship with its history (ended ones stay on record), goals, interests, sign-in
accounts and the audit entries about them. Admins, the learner and their guardians may
ask for it; it is recorded in the audit ("export").

Erase removes the learner's personal data and relationships for good: the node, every
relationship, the goals only they pursued, their sign-in accounts. "De-identified
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

from lrm_graph import access, audit, clock, nodes
from lrm_graph.auth.caller import Caller, Role
from lrm_graph.errors import Forbidden, NotFound
from lrm_graph.graph import Graph
from lrm_graph.vocabulary import NodeKind

# Who may ask for a learner's export: the district, the learner, their guardian.
EXPORTERS = frozenset({Role.ADMIN, Role.LEARNER, Role.GUARDIAN})


def export_learner(graph: Graph, request: audit.Request, uid: str) -> dict[str, Any]:
    """Return everything kept about a learner; recorded in the audit as an export."""
    caller = _caller(request)
    purpose = access.learner_purpose(graph, caller, uid)  # 404 unless visible
    if caller.role not in EXPORTERS:
        raise Forbidden("an export is for an admin, the learner or their guardian")
    rows = graph.read("privacy/export_learner", uid=uid)
    if not rows:
        raise NotFound(f"no learner with uid {uid!r}")
    row = rows[0]
    entries = [entry["e"] for entry in graph.read("privacy/list_audit_entries", uid=uid)]
    audit.record(graph, request, "export", {uid: purpose})
    return {
        "learner": row["l"],
        "relationships": [_relationship(item) for item in row["relationships"]],
        "goals": row["goals"],
        "interests": row["interests"],
        "accounts": row["accounts"],
        "audit": entries,
        "exported_at": clock.now(),
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


def erase_learner(graph: Graph, request: audit.Request, uid: str) -> dict[str, int]:
    """Erase a learner for good (admins only); return how much was removed."""
    caller = _caller(request)
    if not caller.is_admin:
        raise Forbidden("erasing a learner is for district admins")
    nodes.get(graph, NodeKind.LEARNER, uid)  # 404 before anything is recorded
    # Recorded first: if the entry cannot be written, nothing is erased.
    audit.record(graph, request, "erase", {uid: access.ALL})
    rows = graph.write("privacy/erase_learner", uid=uid)
    if not rows:
        raise NotFound(f"no learner with uid {uid!r}")
    return {key: int(rows[0][key]) for key in ("relationships", "goals", "accounts")}


def erased_counts(graph: Graph, caller: Caller) -> list[dict[str, Any]]:
    """Return the de-identified tally of erased learners (admins only)."""
    if not caller.is_admin:
        raise Forbidden("the tally of erased learners is for district admins")
    return graph.read("privacy/count_erased")


def _caller(request: audit.Request) -> Caller:
    if request.caller is None:  # the API signs every /v1 caller in first
        raise Forbidden("sign in first")
    return request.caller
