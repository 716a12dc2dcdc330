"""Safeguarding outside adults: an expert reaches a learner only through an active connection.

A connection is the expert's MENTORS or COACHES relationship to the learner, carrying
`connection_status`. It is proposed (by staff, the learner or a guardian), approved by
staff of the learner's organization, consented to by a guardian when the learner is
under 18 (or of unknown age), and is then active: the last step needed makes it active
at once (approval, for a learner of 18 or more; consent, otherwise), so "consented" is
on record as a step, not as a status to wait in. Staff, a guardian or the learner may
revoke it at any step; that ends the relationship today, its history kept. Every step
keeps who took it and when (`<step>_by`, `<step>_by_role`, `<step>_at`).

Access (cypher/access/visible_learners) and the analytics projection count an expert's
edge only while the connection is active and the expert's screening is cleared and not
past its expiry, checked on every request: nothing has to run when screening lapses.
A clearance with no expiry on record (stored before expiries were required) counts as
expired: the rule is cypher/fragments/screened.cypher, which every query splices in, and
`relationships.is_screened` its Python twin.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit, visibility
from lrm_graph.access.grants import GRANT
from lrm_graph.auth.caller import Caller, Role
from lrm_graph.db.graph import Graph
from lrm_graph.db.pages import Page, decode, page_of
from lrm_graph.errors import Conflict, Forbidden, NotFound
from lrm_graph.store import nodes, relationships
from lrm_graph.vocabulary import NodeKind, RelType, ScreeningStatus, Source


class ConnectionStatus(StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    ACTIVE = "active"
    REVOKED = "revoked"


# The steps kept on record, in order; each as <step>_by, <step>_by_role, <step>_at.
STEPS = ("proposed", "approved", "consented", "activated", "revoked")
ADULT_AGE = 18

STAFF = frozenset({Role.ADMIN, Role.SCHOOL_ADMIN, Role.COUNSELOR})
PROPOSERS = STAFF | {Role.LEARNER, Role.GUARDIAN}
REVOKERS = STAFF | {Role.LEARNER, Role.GUARDIAN}
CONSENTERS = frozenset({Role.GUARDIAN})


def screening_on(expert: dict[str, Any], on: date) -> str:
    """Return an expert's screening status as it stands on `on` (a lapsed one is expired)."""
    status = expert.get("screening_status") or ScreeningStatus.PENDING.value
    if status == ScreeningStatus.CLEARED and not relationships.is_screened(expert, on):
        return ScreeningStatus.EXPIRED.value
    return str(status)


def needs_guardian_consent(birth_date: date | None, on: date) -> bool:
    """Say whether a learner is under 18 on `on`; an unknown age counts as under 18."""
    if birth_date is None:
        return True
    years = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    return years < ADULT_AGE


def _answer(row: dict[str, Any], today: date) -> dict[str, Any]:
    """Shape a query row as the connection the API returns."""
    rel, expert = row["r"], row["expert"]
    status = rel.get("connection_status") or ConnectionStatus.ACTIVE.value
    until = rel.get("until")
    active = until is None or until > today
    screening = screening_on(expert, today)
    steps = [
        {"step": step, "by": rel.get(f"{step}_by"), "role": rel.get(f"{step}_by_role"),
         "at": rel[f"{step}_at"]}
        for step in STEPS
        if rel.get(f"{step}_at") is not None
    ]  # fmt: skip
    return {
        "uid": rel["uid"],
        "type": row["type"],
        "expert_uid": expert["uid"],
        "expert_name": expert.get("name"),
        "learner_uid": row["learner_uid"],
        "status": status,
        "active": active,
        "expert_screening": screening,
        "grants_access": status == ConnectionStatus.ACTIVE
        and active
        and screening == ScreeningStatus.CLEARED,
        "needs_guardian_consent": needs_guardian_consent(row["learner_birth_date"], today),
        "since": rel.get("since"),
        "until": until,
        "revoked_reason": rel.get("revoked_reason"),
        "steps": steps,
    }


def _row(graph: Graph, uid: str) -> dict[str, Any]:
    expert_uid, dot, rest = uid.partition(".")
    rows = graph.read("safeguarding/get_connection", expert_uid=expert_uid, uid=uid)
    if not dot or not rest or not rows:
        raise NotFound(f"no connection with uid {uid!r}")
    return rows[0]


def _purpose_as(graph: Graph, caller: Caller, learner_uid: str, roles: frozenset[Role]) -> str:
    """Return why the caller sees the learner, if their role may take this step.

    A caller who may not see the learner gets 404 (as if absent); one who sees them but
    whose role may not take the step gets 403.
    """
    purpose = visibility.learner_purpose(graph, caller, learner_uid)
    if caller.role not in roles:
        allowed = ", ".join(sorted(r.value for r in roles))
        raise Forbidden(f"this step of a connection is for {allowed}")
    return purpose


def _readable(graph: Graph, caller: Caller, row: dict[str, Any]) -> str:
    """Return why the caller may read this connection; an expert reads only their own."""
    if caller.role is Role.EXPERT and row["expert"]["uid"] != caller.person_uid:
        raise visibility.Hidden(f"no connection with uid {row['r']['uid']!r}", row["learner_uid"])
    return visibility.learner_purpose(graph, caller, row["learner_uid"])


def _step(caller: Caller, step: str, status: ConnectionStatus) -> dict[str, Any]:
    return {
        "connection_status": status.value,
        f"{step}_by": caller.display,
        f"{step}_by_role": caller.role.value,
        f"{step}_at": clock.now(),
    }


def _move(
    graph: Graph,
    uid: str,
    start: list[ConnectionStatus],
    props: dict[str, Any],
    *,
    end: bool = False,
) -> None:
    """Write one step; Conflict when someone moved the connection on meanwhile."""
    rows = graph.write(
        "safeguarding/record_step",
        expert_uid=uid.partition(".")[0],
        uid=uid,
        statuses=[s.value for s in start],
        props=props,
        end=end,
        activate=props.get("connection_status") == ConnectionStatus.ACTIVE,
        today=clock.today(),
        now=clock.now(),
    )
    if not rows:
        raise Conflict("the connection changed meanwhile; read it again")


def _now_as(op: audit.Operation, uid: str) -> dict[str, Any]:
    """Return the connection as it now is, in the operation."""
    return _answer(_row(op.graph, uid), clock.today())


def _activates(step: dict[str, Any]) -> str | None:
    """Return the audit action of a step that makes the connection active: a `grant` (the
    expert reaches the learner from now on); None (a `write`) for any other step."""
    return GRANT if step["connection_status"] == ConnectionStatus.ACTIVE else None


def propose(
    graph: Graph,
    request: audit.Request,
    expert_uid: str,
    learner_uid: str,
    rel_type: RelType = RelType.MENTORS,
) -> dict[str, Any]:
    """Propose a connection of a cleared expert with a learner (the first step)."""
    caller = _caller(request)
    with audit.operation(graph, request, "write", aimed_at=[learner_uid]) as op:
        purpose = _purpose_as(op.graph, caller, learner_uid, PROPOSERS)
        nodes.get(op.graph, NodeKind.EXPERT, expert_uid)  # 404 unless an expert
        op.record({learner_uid: purpose})
        source = Source.LEARNER_REQUESTED if caller.role is Role.LEARNER else Source.API
        fields = relationships.RelationshipFields(
            type=rel_type, from_uid=expert_uid, to_uid=learner_uid, source=source
        )
        created = relationships.create(op.graph, fields)  # pair, screening, twin: 422/409
        step = _step(caller, "proposed", ConnectionStatus.PROPOSED)
        _move(op.graph, created["uid"], [ConnectionStatus.PROPOSED], step)
        return _now_as(op, created["uid"])


@contextmanager
def _step_on(
    graph: Graph, request: audit.Request, uid: str, roles: frozenset[Role]
) -> Iterator[tuple[audit.Operation, Caller, dict[str, Any], str]]:
    """Open the operation of one step on a connection; yield it with the caller, the
    connection's row and why the caller sees its learner (404/403: `_purpose_as`). A
    refusal is recorded for the learner."""
    caller = _caller(request)
    with audit.operation(graph, request, "write") as op:
        row = _row(op.graph, uid)
        op.aim(row["learner_uid"])
        yield op, caller, row, _purpose_as(op.graph, caller, row["learner_uid"], roles)


def approve(graph: Graph, request: audit.Request, uid: str) -> dict[str, Any]:
    """Approve a proposed connection (staff); it is active at once for an adult learner,
    and then recorded as a grant."""
    with _step_on(graph, request, uid, STAFF) as (op, caller, row, purpose):
        _expect(row, ConnectionStatus.PROPOSED, "only a proposed connection can be approved")
        _expert_cleared(row)
        step = _step(caller, "approved", ConnectionStatus.APPROVED)
        if not needs_guardian_consent(row["learner_birth_date"], clock.today()):
            step |= {"connection_status": ConnectionStatus.ACTIVE.value}
            step |= {"activated_at": clock.now()}
        op.record({row["learner_uid"]: purpose}, _activates(step))
        _move(op.graph, uid, [ConnectionStatus.PROPOSED], step)
        return _now_as(op, uid)


def consent(graph: Graph, request: audit.Request, uid: str) -> dict[str, Any]:
    """Give a guardian's consent to an approved connection, which makes it active (a grant)."""
    with _step_on(graph, request, uid, CONSENTERS) as (op, caller, row, purpose):
        _expect(row, ConnectionStatus.APPROVED, "staff approve a connection before consent")
        _expert_cleared(row)
        step = _step(caller, "consented", ConnectionStatus.ACTIVE) | {"activated_at": clock.now()}
        op.record({row["learner_uid"]: purpose}, _activates(step))
        _move(op.graph, uid, [ConnectionStatus.APPROVED], step)
        return _now_as(op, uid)


def revoke(graph: Graph, request: audit.Request, uid: str, reason: str | None) -> dict[str, Any]:
    """Revoke a connection at any step; access ends with this request."""
    with _step_on(graph, request, uid, REVOKERS) as (op, caller, row, purpose):
        open_steps = [ConnectionStatus.PROPOSED, ConnectionStatus.APPROVED, ConnectionStatus.ACTIVE]
        if _answer(row, clock.today())["status"] == ConnectionStatus.REVOKED:
            raise Conflict("this connection is revoked already")
        op.record({row["learner_uid"]: purpose})
        step = _step(caller, "revoked", ConnectionStatus.REVOKED) | {"revoked_reason": reason}
        _move(op.graph, uid, open_steps, step, end=True)
        return _now_as(op, uid)


def get(graph: Graph, request: audit.Request, uid: str) -> dict[str, Any]:
    """Return one connection the caller may see (404 otherwise), recorded as a read."""
    row = _row(graph, uid)
    purpose = _readable(graph, _caller(request), row)
    audit.record(graph, request, "read", {row["learner_uid"]: purpose})
    return _answer(row, clock.today())


def list_connections(
    graph: Graph,
    request: audit.Request,
    *,
    learner: str | None = None,
    expert: str | None = None,
    status: ConnectionStatus | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> Page:
    """Return one page of the connections of the learners the caller may see."""
    caller = _caller(request)
    if caller.role is Role.EXPERT:
        expert = caller.person_uid  # an expert sees their own connections only
    if learner is not None:
        visible: dict[str, str] | None = {
            learner: visibility.learner_purpose(graph, caller, learner)
        }
    else:
        visible = visibility.visible_learners(graph, caller)
    rows = graph.read(
        "safeguarding/list_connections",
        visible=None if visible is None else list(visible),
        learner=learner,
        expert=expert,
        status=status.value if status else None,
        after=decode(cursor),
        limit=limit + 1,
    )
    today = clock.today()
    page = page_of([_answer(row, today) for row in rows], limit)
    seen = {item["learner_uid"] for item in page.items}
    purposes = {uid: visibility.ALL if visible is None else visible[uid] for uid in sorted(seen)}
    audit.record(graph, request, "read", purposes)
    return page


def _caller(request: audit.Request) -> Caller:
    if request.caller is None:  # the API signs every /v1 caller in first
        raise Forbidden("sign in first")
    return request.caller


def _expect(row: dict[str, Any], status: ConnectionStatus, message: str) -> None:
    current = row["r"].get("connection_status") or ConnectionStatus.ACTIVE.value
    if current != status:
        raise Conflict(f"{message}; this one is {current}", connection_status=current)


def _expert_cleared(row: dict[str, Any]) -> None:
    screening = screening_on(row["expert"], clock.today())
    if screening != ScreeningStatus.CLEARED:
        raise Conflict(
            f"the expert's screening is {screening}; a connection moves on only while it is "
            "cleared and current",
            expert_screening=screening,
        )
