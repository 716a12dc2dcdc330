"""A learner at a glance, read-only: who they are, their goals, the adults who care for
them, their communities and interests, and the notes the caller may read. The page a
guardian sees of their child, and the list of a guardian's children that leads to it.

Only what the caller may read is shown: the learner only when they see them (else 404,
as if absent, recorded as denied), relationships as `care.ties.readable` allows, the care
team as `care.team.care_team` counts it (an expert only while screened and connected), and
notes as `care.notes` opens them to the caller's standing. Each learner shown is recorded
in the audit in the same transaction as the reads (`audit.operation`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit, visibility
from lrm_graph.auth.caller import Role
from lrm_graph.care import notes, ties
from lrm_graph.care.team import by_person, care_team, person, place
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Forbidden
from lrm_graph.store import nodes
from lrm_graph.vocabulary import NodeKind, RelType

# The learner's own ties the overview lists, by the list they go in.
LISTED: dict[str, str] = {
    RelType.PURSUES: "goals",
    RelType.MEMBER_OF: "communities",
    RelType.INTERESTED_IN: "interests",
    RelType.ENROLLED_AT: "schools",
}


def children(graph: Graph, request: audit.Request) -> list[dict[str, Any]]:
    """Return the learners a signed-in guardian is the guardian of (uid, name, grade),
    by name; 403 for anyone else."""
    caller = person(request)
    if caller.role is not Role.GUARDIAN:
        raise Forbidden("the list of children is for a guardian's account")
    with audit.operation(graph, request, "read") as op:
        visible = visibility.visible_learners(op.graph, caller) or {}
        found = [nodes.get(op.graph, NodeKind.LEARNER, uid) for uid in sorted(visible)]
        current = [learner for learner in found if learner.get("archived_at") is None]
        op.record({learner["uid"]: visible[learner["uid"]] for learner in current})
        return sorted((_who(learner) for learner in current), key=lambda c: (c["name"], c["uid"]))


def overview(graph: Graph, request: audit.Request, learner_uid: str) -> dict[str, Any]:
    """Return the learner at a glance as the caller may see them; 404 unless they do."""
    caller = person(request)
    with audit.operation(graph, request, "read", aimed_at=[learner_uid]) as op:
        where = place(op.graph, caller, learner_uid)
        learner = nodes.get(op.graph, NodeKind.LEARNER, learner_uid)
        listed = _listed(ties.readable(op.graph, caller, learner_uid)[0])  # no peers listed
        team = by_person(care_team(op.graph, [learner_uid])[learner_uid])
        shared = notes.list_for_learner(op.graph, request, learner_uid, record=False)
        op.record({learner_uid: where.purpose})
        return {"learner": _who(learner), "care_team": team, "notes": shared.items, **listed}


def _who(learner: dict[str, Any]) -> dict[str, Any]:
    return {"uid": learner["uid"], "name": learner["name"],
            "grade_level": learner.get("grade_level")}  # fmt: skip


def _listed(rows: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Sort the learner's active ties of the listed types into their lists, by name."""
    today = clock.today()
    lists: dict[str, list[dict[str, Any]]] = {name: [] for name in LISTED.values()}
    for row in rows:
        kind = LISTED.get(row["type"]) if row["outgoing"] else None
        active = row["connection_status"] == "active" and ties.is_active(row, today)
        if kind is None or not active or row["other"].get("archived_at") is not None:
            continue
        other = row["other"]
        lists[kind].append({"uid": other["uid"], "name": other.get("name") or other.get("title"),
                            "since": row["since"]})  # fmt: skip
    for items in lists.values():
        items.sort(key=lambda item: (item["name"] or "", item["uid"]))
    return lists
