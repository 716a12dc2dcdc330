"""Apply the policy to one request: may this caller read or write this node?

The rules are the tables of `lrm_graph.access.policy`; this module only reads them. Each check
raises (404 `visibility.Hidden` / `policy.Unreadable` when the caller may not read the record,
403 `Forbidden` when they may read it but not do this) or returns the learners the answer
discloses, {learner uid: purpose}, for the audit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from lrm_graph import clock
from lrm_graph.access import visibility
from lrm_graph.access.policy import (
    ERASE_LEARNER,
    READ,
    WRITE,
    Audience,
    Reach,
    Unreadable,
    audience_of,
    personal_learners,
    related_people,
    require,
)
from lrm_graph.auth.caller import Caller, Scope
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Forbidden, NotFound
from lrm_graph.store import nodes
from lrm_graph.vocabulary import NodeKind

Disclosed = dict[str, str]


def seen_by(visible: dict[str, str] | None, uids: Iterable[str]) -> Disclosed:
    """Return {uid: purpose} of those of `uids` in `visible` (None: all, for the district)."""
    if visible is None:
        return dict.fromkeys(uids, visibility.ALL)
    return {uid: visible[uid] for uid in uids if uid in visible}


def pursuers(graph: Graph, goal_uids: list[str]) -> dict[str, list[str]]:
    """Return {goal uid: learners who pursue or pursued it} for the goals that exist."""
    rows = graph.read("nodes/get_goal_pursuers", uids=goal_uids)
    return {row["uid"]: row["pursuers"] for row in rows}


@dataclass(frozen=True)
class Read:
    """What a question read with its answer, so that a check asks nothing again: the
    learners it asked the access rule about (`asked`), those the caller sees among them
    ({uid: purpose}), and the learners who pursue each goal it met ({goal uid: uids})."""

    asked: frozenset[str] = frozenset()
    seen: Disclosed = field(default_factory=dict)
    pursuers: Mapping[str, list[str]] = field(default_factory=dict)


def goals_reached(
    graph: Graph, caller: Caller, goal_uids: list[str], reach: Reach, read: Read | None = None
) -> dict[str, Disclosed]:
    """Return {goal uid: the learners it discloses} of the goals `reach` gives the caller
    (their pursuers and whom the caller sees taken from `read` where it holds them)."""
    if reach is Reach.NONE or not goal_uids:
        return {}
    read = read or Read()
    if set(goal_uids) <= set(read.pursuers):
        by_goal = {uid: read.pursuers[uid] for uid in goal_uids}
    else:
        by_goal = pursuers(graph, goal_uids)
    learners = sorted({uid for found in by_goal.values() for uid in found})
    if reach is Reach.ALL:
        visible = None
    elif set(learners) <= read.asked:
        visible = seen_by(read.seen, learners)
    else:
        visible = visibility.visible_learners(graph, caller, learners)
    reached = {}
    for goal, found in by_goal.items():
        seen = seen_by(visible, found)
        if seen or not found:  # a goal nobody ever pursued is the catalogue's
            reached[goal] = seen
    return reached


def readable_nodes(
    graph: Graph, caller: Caller, ends: dict[str, str], read: Read | None = None
) -> set[str]:
    """Return those of `ends` ({uid: node_kind}, no learners) the caller may read (`read`:
    what the question read with them, not asked again)."""
    rule = READ[audience_of(caller)]
    goals = [uid for uid, kind in ends.items() if kind == NodeKind.GOAL]
    readable = set(goals_reached(graph, caller, goals, rule[NodeKind.GOAL], read))
    related: set[str] | None = None
    for uid, kind in ends.items():
        reach = rule[NodeKind(kind)]
        if kind == NodeKind.GOAL or reach is Reach.NONE:
            continue
        if reach is Reach.RELATED:
            related = related_people(graph, caller) if related is None else related
            if uid not in related:
                continue
        readable.add(uid)
    return readable


def reached(
    graph: Graph,
    caller: Caller,
    kind: NodeKind,
    uid: str,
    reach: Reach,
    not_found: str | None = None,
) -> Disclosed:
    """Raise 404 unless `reach` gives the caller this node; return the learners it discloses.

    `not_found` is the 404's detail; it must read exactly as for a node that does not exist.
    """
    detail = not_found or f"no {kind.value} with uid {uid!r}"
    if kind is NodeKind.LEARNER:
        if reach is Reach.ALL:
            return {uid: visibility.ALL}
        visible = visibility.visible_learners(graph, caller, only=[uid])
        if reach is not Reach.VISIBLE or (visible is not None and uid not in visible):
            raise visibility.Hidden(detail, uid)
        return seen_by(visible, [uid])
    if kind is NodeKind.GOAL:
        goals = goals_reached(graph, caller, [uid], reach)
        if uid not in goals:
            raise Unreadable(detail)
        return goals[uid]
    related = related_people(graph, caller) if reach is Reach.RELATED else set()
    if reach is Reach.NONE or (reach is Reach.RELATED and uid not in related):
        raise Unreadable(detail)
    return {}


def check_node(graph: Graph, caller: Caller, uid: str) -> tuple[NodeKind, Disclosed]:
    """Return the kind of node `uid` and what it discloses; 404 unless the caller may read
    it, worded alike for a node that does not exist and one the caller may not read."""
    require(caller, Scope.READ)
    rows = graph.read("nodes/get_kinds", uids=[uid])
    return check_found(graph, caller, uid, rows[0]["node_kind"] if rows else None)


def check_found(
    graph: Graph, caller: Caller, uid: str, kind: str | None
) -> tuple[NodeKind, Disclosed]:
    """Check a node as `check_node` does, its kind already read by the question that uses
    it (None: no such node), so the check asks nothing more of the database for a caller
    who reads every node of that kind."""
    require(caller, Scope.READ)
    not_found = f"no node with uid {uid!r}"
    if kind is None:
        raise NotFound(not_found)
    found = NodeKind(kind)
    return found, reached(graph, caller, found, uid, READ[audience_of(caller)][found], not_found)


def check_read(graph: Graph, caller: Caller, kind: NodeKind, uid: str) -> Disclosed:
    """Raise unless the caller may read node `uid` of `kind`; return what it discloses."""
    require(caller, Scope.READ)
    return reached(graph, caller, kind, uid, READ[audience_of(caller)][kind])


def disclosed_by(graph: Graph, caller: Caller, kind: NodeKind, uid: str) -> Disclosed:
    """Return the learners a node the caller just wrote discloses to them."""
    return reached(graph, caller, kind, uid, READ[audience_of(caller)][kind])


def check_write(
    graph: Graph, caller: Caller, kind: NodeKind, uid: str, *, erase: bool = False
) -> Disclosed:
    """Raise unless the caller may change (or erase) node `uid`; return what it discloses.

    The node is known to exist afterwards, so the write can be recorded before it is made.
    """
    require(caller, Scope.WRITE)
    audience = audience_of(caller)
    disclosed = reached(graph, caller, kind, uid, READ[audience][kind])  # 404 before 403
    nodes.get(graph, kind, uid)
    if erase and kind is NodeKind.LEARNER and caller.role not in ERASE_LEARNER:
        raise Forbidden("erasing a learner is for district admins")
    reach = WRITE[audience][kind]
    if reach is Reach.NONE:
        raise Forbidden(f"your role may not change {kind.plural}")
    if reach is Reach.ORG:
        if not org_reaches(graph, caller, [uid]):
            raise Forbidden(f"this {kind.value} belongs to another organization")
    elif reach is not READ[audience][kind]:
        try:
            reached(graph, caller, kind, uid, reach)
        except NotFound:
            raise Forbidden(f"you may read this {kind.value} but not change it") from None
    return disclosed


def check_create(graph: Graph, caller: Caller, kind: NodeKind) -> str | None:
    """Raise unless the caller may create a node of `kind`; return the organization a new
    learner must be enrolled at so its creator keeps seeing it (None: no enrollment)."""
    require(caller, Scope.WRITE)
    audience = audience_of(caller)
    if WRITE[audience][kind] is Reach.NONE:
        raise Forbidden(f"your role may not create {kind.plural}")
    if kind is not NodeKind.LEARNER or audience is not Audience.ORGANIZATION:
        return None
    if caller.org_uid is None:
        raise Forbidden("your account names no organization to enroll a new learner at")
    nodes.get(graph, NodeKind.ORGANIZATION, caller.org_uid)
    return caller.org_uid


def org_reaches(
    graph: Graph, caller: Caller, starts: list[str], ends: list[str] | None = None
) -> bool:
    """Say whether every node of `starts` is tied to the caller's organization (or to none)
    and every node of `ends` to it, to one it is PART_OF, or to none (lrm_graph.access.policy)."""
    ends = ends or []
    rows = graph.read(
        "nodes/get_org_ties", uids=[*starts, *ends], org_uid=caller.org_uid, today=clock.today()
    )
    ties = {row["uid"]: row for row in rows}
    if any(uid not in ties for uid in [*starts, *ends]):
        raise NotFound("one of the nodes does not exist")
    start_ok = all(ties[u]["own"] or not ties[u]["tied"] for u in starts)
    end_ok = all(ties[u]["own"] or ties[u]["above"] or not ties[u]["tied"] for u in ends)
    return start_ok and end_ok


def list_filter(
    graph: Graph, caller: Caller, kind: NodeKind, base: nodes.NodeFilter
) -> tuple[nodes.NodeFilter, dict[str, str] | None]:
    """Return the list filter limited to what the caller may read, and the learners they
    see (None: all), to tell the purposes of what a page discloses."""
    require(caller, Scope.READ)
    reach = READ[audience_of(caller)][kind]
    if reach is Reach.NONE:
        raise Forbidden(f"your role may not list {kind.plural}")
    visible = None
    if reach in (Reach.VISIBLE, Reach.PURSUED):
        visible = visibility.visible_learners(graph, caller)
    findable = None
    if kind is NodeKind.LEARNER and base.name is not None and not caller.is_admin:
        findable = sorted(personal_learners(graph, caller))  # the directory opt-out
    limited = replace(
        base,
        visible=None if visible is None else sorted(visible),
        people=sorted(related_people(graph, caller)) if reach is Reach.RELATED else None,
        findable=findable,
    )
    return limited, visible


def listed(
    graph: Graph,
    caller: Caller,
    kind: NodeKind,
    items: list[dict[str, Any]],
    visible: dict[str, str] | None,
) -> Disclosed:
    """Return the learners a page of nodes discloses."""
    uids = [item["uid"] for item in items]
    if kind is NodeKind.LEARNER:
        return seen_by(visible, uids)
    if kind is NodeKind.GOAL:
        goals = goals_reached(graph, caller, uids, READ[audience_of(caller)][kind])
        return {uid: purpose for seen in goals.values() for uid, purpose in seen.items()}
    return {}
