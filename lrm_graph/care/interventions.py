"""Interventions and support plans: an owner, a learner, what, a start, a cadence of
check-ins, open until closed with an outcome ("closing the loop").

Read by the owner, the care team, and the district admin and organization roles who see
the learner; learners and guardians do not read them. Opened by those who write notes
(the admin, organization roles, the care team); changed, checked in on and closed by the
owner or an organization or district role. An owner is an adult. A check-in is due
`cadence_days` after the last one (or the start); an interaction the owner logs with the
learner counts as one.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit, node_checks, visibility
from lrm_graph.access.visibility import Hidden
from lrm_graph.auth.caller import Caller, Scope
from lrm_graph.care import on_record
from lrm_graph.care.team import (
    CARERS,
    STAFF_SIDE,
    WRITERS,
    Place,
    Standing,
    author_uid,
    person,
    place,
    record_place,
    require_standing,
)
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Conflict, Forbidden, InvalidInput, NotFound
from lrm_graph.store import nodes
from lrm_graph.vocabulary import NodeKind

MAX_LISTED = 500


def open_plan(
    graph: Graph,
    request: audit.Request,
    learner_uid: str,
    what: str,
    cadence_days: int,
    start: date | None = None,
    owner_uid: str | None = None,
) -> dict[str, Any]:
    """Open an intervention for a learner; the owner defaults to the caller."""
    caller = person(request, Scope.WRITE)
    where = place(graph, caller, learner_uid)
    require_standing(where, WRITERS, "opening an intervention")
    owner = _adult(graph, owner_uid or caller.person_uid)
    audit.record(graph, request, "write", {learner_uid: where.purpose})
    rows = graph.write(
        "care/create_intervention",
        uid=nodes.new_uid(),
        learner_uid=learner_uid,
        owner_uid=owner,
        what=what,
        start=start or clock.today(),
        cadence_days=cadence_days,
        created_by=author_uid(caller),
        now=clock.now(),
    )
    return _get(graph, rows[0]["v"]["uid"])


def _adult(graph: Graph, uid: str | None) -> str:
    """Return `uid` if it names an adult (not archived); 404 if it names nothing, 422
    otherwise."""
    if uid is None:  # well formed; the caller's account has no adult to own it: 409
        raise Conflict("you are no adult in the graph; name the owner_uid")
    try:
        adult = nodes.get(graph, NodeKind.ADULT, uid)
    except NotFound:
        if not graph.read("nodes/get_kinds", uids=[uid]):  # nothing of that uid: a 404
            raise NotFound(f"no node with uid {uid!r}") from None
        raise InvalidInput(f"the owner must be an adult; {uid!r} is not one") from None
    if adult.get("archived_at") is not None:
        raise InvalidInput(f"the owner {uid!r} is archived")
    return uid


def _get(graph: Graph, uid: str) -> dict[str, Any]:
    rows = graph.read("care/get_intervention", uid=uid)
    if not rows:
        raise NotFound(f"no intervention with uid {uid!r}")
    return answer(rows[0]["v"], rows[0]["owner_name"])


def may_read(caller: Caller, where: Place, plan: dict[str, Any]) -> bool:
    """Say whether the caller may read this intervention of a learner they see."""
    return where.standing in CARERS or (
        where.standing in STAFF_SIDE and plan["owner_uid"] == caller.person_uid
    )


def _readable(graph: Graph, caller: Caller, uid: str) -> tuple[dict[str, Any], Place]:
    plan = _get(graph, uid)
    missing = f"no intervention with uid {uid!r}"
    where = record_place(graph, caller, plan["learner_uid"], missing)
    if not may_read(caller, where, plan):
        raise Hidden(missing, plan["learner_uid"])
    return plan, where


def get(graph: Graph, request: audit.Request, uid: str) -> dict[str, Any]:
    """Return one intervention the caller may read (404 otherwise), recorded as a read."""
    plan, where = _readable(graph, person(request), uid)
    audit.record(graph, request, "read", {where.learner_uid: where.purpose})
    return plan


def _for_owner(graph: Graph, request: audit.Request, uid: str) -> tuple[dict[str, Any], Caller]:
    """Return the intervention if the caller may act on it (owner, organization, district)."""
    caller = person(request, Scope.WRITE)
    plan, where = _readable(graph, caller, uid)
    if plan["owner_uid"] != caller.person_uid and where.standing is not Standing.OVERSEER:
        raise Forbidden("only its owner or an organization or district role may change this")
    audit.record(graph, request, "write", {where.learner_uid: where.purpose})
    return plan, caller


def change(
    graph: Graph, request: audit.Request, uid: str, changes: dict[str, Any]
) -> dict[str, Any]:
    """Change what an intervention is, its cadence or its owner."""
    plan, _ = _for_owner(graph, request, uid)
    if plan["status"] != "open":
        raise Conflict("this intervention is closed; open a new one")
    if "owner_uid" in changes:
        changes["owner_uid"] = _adult(graph, changes["owner_uid"])
    graph.write("care/update_intervention", uid=uid, props=changes, now=clock.now())
    return _get(graph, uid)


def check_in(graph: Graph, request: audit.Request, uid: str) -> dict[str, Any]:
    """Record a check-in on an open intervention now."""
    plan, _ = _for_owner(graph, request, uid)
    if plan["status"] != "open" or not graph.write(
        "care/record_check_in", uid=uid, now=clock.now()
    ):
        raise Conflict("this intervention is closed; a check-in needs an open one")
    return _get(graph, uid)


def close(graph: Graph, request: audit.Request, uid: str, outcome: str) -> dict[str, Any]:
    """Close an open intervention with its outcome; closing it twice is a conflict."""
    plan, caller = _for_owner(graph, request, uid)
    if plan["status"] != "open":
        raise Conflict("this intervention is closed already", intervention_status="closed")
    rows = graph.write(
        "care/close_intervention",
        uid=uid, outcome=outcome, closed_by=author_uid(caller), now=clock.now(),
    )  # fmt: skip
    if not rows:  # closed by someone else meanwhile
        raise Conflict("this intervention is closed already", intervention_status="closed")
    return _get(graph, uid)


def list_for_learner(
    graph: Graph,
    request: audit.Request,
    learner_uid: str,
    status: str | None = None,
    *,
    record: bool = True,
) -> list[dict[str, Any]]:
    """Return a learner's interventions the caller may read: open first, newest first."""
    caller = person(request)
    where = place(graph, caller, learner_uid)
    require_standing(where, STAFF_SIDE, "reading interventions")
    rows = on_record.read(graph, learner_uid, interventions=asked(caller, where, status))
    if record:
        audit.record(graph, request, "read", {learner_uid: where.purpose})
    return [answer(row["v"], row["owner_name"]) for row in rows["interventions"]]


def asked(caller: Caller, where: Place, status: str | None) -> on_record.Interventions:
    """Return the interventions a caller on the staff side reads (of `status`, None: any):
    every one for a carer, their own for anyone else."""
    owner = None if where.standing in CARERS else caller.person_uid or ""
    return on_record.Interventions(status, owner, MAX_LISTED)


def overdue(graph: Graph, request: audit.Request) -> list[dict[str, Any]]:
    """Return the caller's own open interventions whose check-in is past due, most overdue
    first, of the learners they still see."""
    return due_before(graph, request, clock.today())


def due_before(
    graph: Graph, request: audit.Request, before: date, *, record: bool = True
) -> list[dict[str, Any]]:
    """Return the caller's own open interventions whose check-in falls due before `before`
    (today: the overdue ones), most overdue first, of the learners they still see."""
    caller = person(request)
    if caller.person_uid is None:
        return []
    rows = graph.read(
        "care/list_due_interventions",
        owner_uid=caller.person_uid,
        before=before,
        limit=MAX_LISTED,
    )
    learners = sorted({row["v"]["learner_uid"] for row in rows})
    visible = visibility.visible_learners(graph, caller, only=learners) if learners else {}
    seen = node_checks.seen_by(visible, learners)
    kept = [row for row in rows if row["v"]["learner_uid"] in seen]
    if record:
        audit.record(graph, request, "read", seen)
    return [answer(row["v"], row["owner_name"]) for row in kept]


def due_on(plan: dict[str, Any]) -> date:
    """Return the day the next check-in is due: the last one (or the start) + cadence."""
    last: datetime | None = plan.get("last_check_in_at")
    base = last.date() if last is not None else plan["start"]
    return base + timedelta(days=int(plan["cadence_days"]))


def answer(plan: dict[str, Any], owner_name: str | None) -> dict[str, Any]:
    """Shape an Intervention node as the API returns it, with when its check-in is due."""
    fields = ("uid", "learner_uid", "owner_uid", "what", "start", "cadence_days", "status",
              "outcome", "closed_at", "closed_by", "last_check_in_at", "created_by",
              "created_at")  # fmt: skip
    shaped = {field: plan.get(field) for field in fields} | {"owner_name": owner_name}
    is_open = plan.get("status") == "open"
    due = due_on(plan) if is_open else None
    days = (clock.today() - due).days if due is not None else None
    return shaped | {"due_on": due, "overdue": days is not None and days > 0,
                     "days_overdue": max(days, 0) if days is not None else 0}  # fmt: skip
