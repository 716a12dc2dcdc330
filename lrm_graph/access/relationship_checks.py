"""Apply the policy to relationships: may this caller create, read, change or end one?

The rules are `lrm_graph.access.policy.CREATE` and `CHANGE` (and READ for the ends). Each check
raises 404 when the caller may not see a learner the relationship touches (or, for one
without a learner, may not read an end), 403 when they may see it but not do this, and
returns the learners it discloses, {learner uid: purpose}, for the audit.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from lrm_graph.access import grants, node_checks, visibility
from lrm_graph.access.policy import (
    CHANGE,
    CREATE,
    READ,
    Audience,
    Reach,
    Unreadable,
    audience_of,
    related_people,
    require,
)
from lrm_graph.auth.caller import Caller, Scope
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Forbidden, NotFound
from lrm_graph.store import relationships
from lrm_graph.vocabulary import MemberRole, NodeKind, RelType

LEARNER = NodeKind.LEARNER.value


def learners_seen(
    graph: Graph, caller: Caller, learner_uids: list[str], not_found: str | None = None
) -> node_checks.Disclosed:
    """Return {uid: purpose} of these learners; 404 (detail `not_found`, worded as for a
    record that does not exist) unless the caller sees them all."""
    if not learner_uids:
        return {}
    visible = visibility.visible_learners(graph, caller, only=learner_uids)
    seen = node_checks.seen_by(visible, learner_uids)
    for uid in learner_uids:
        if uid not in seen:
            raise visibility.Hidden(not_found or f"no node with uid {uid!r}", uid)
    return seen


def _kinds(caller: Caller, ends: dict[str, dict[str, Any]], *uids: str) -> dict[str, str]:
    """Return {uid: node_kind} of the ends; 404 for one that does not exist."""
    missing = [uid for uid in uids if uid not in ends]
    if missing and audience_of(caller) is Audience.DISTRICT:
        raise NotFound(f"no node with uid {missing[0]!r}", missing=missing)
    if missing:  # worded exactly as for a learner the caller may not see
        raise NotFound(f"no node with uid {missing[0]!r}")
    return {uid: ends[uid]["node_kind"] for uid in uids}


def _visible_ends(
    graph: Graph, caller: Caller, kinds: dict[str, str], not_found: str
) -> node_checks.Disclosed:
    """Return the learners among the ends; 404 unless the caller may see the relationship."""
    learners = [uid for uid, kind in kinds.items() if kind == LEARNER]
    if learners:
        return learners_seen(graph, caller, learners, not_found)
    readable = node_checks.readable_nodes(graph, caller, kinds)
    if any(uid not in readable for uid in kinds):
        raise Unreadable(not_found)
    return {}


def _in_org(graph: Graph, caller: Caller, kinds: dict[str, str], start: str, end: str) -> None:
    """For an organization caller, refuse non-learner ends outside their organization."""
    if not CREATE[audience_of(caller)].ends_in_org:
        return
    starts = [start] if kinds[start] != LEARNER else []
    ends = [end] if kinds[end] != LEARNER else []
    if not node_checks.org_reaches(graph, caller, starts, ends):
        raise Forbidden("one end of this relationship belongs to another organization")


def check_create(
    graph: Graph,
    caller: Caller,
    fields: relationships.RelationshipFields,
    ends: dict[str, dict[str, Any]],
) -> tuple[node_checks.Disclosed, bool]:
    """Raise unless the caller may create this relationship (`ends`: as
    `relationships.read_ends` gives them); return what it discloses and whether it is a
    grant (it widens who sees a learner: `lrm_graph.access.grants`)."""
    require(caller, Scope.WRITE)
    kinds = _kinds(caller, ends, fields.from_uid, fields.to_uid)
    learners = [uid for uid, kind in kinds.items() if kind == LEARNER]
    disclosed = learners_seen(graph, caller, learners)  # 404 before any 403
    rule, rel_type = CREATE[audience_of(caller)], RelType(fields.type)
    if rel_type not in rule.types:
        raise Forbidden(f"your role may not create {rel_type.value} relationships")
    if rel_type in rule.from_self and fields.from_uid != caller.person_uid:
        raise Forbidden(f"you may create {rel_type.value} only from yourself")
    if rule.needs_learner and not learners:
        raise Forbidden("you may create only relationships of a learner you see")
    _in_org(graph, caller, kinds, fields.from_uid, fields.to_uid)
    start, end = ends[fields.from_uid], ends[fields.to_uid]
    role = None if fields.role is None else MemberRole(fields.role).value
    return disclosed, grants.check_grant(graph, caller, rel_type, start, end, role)


def _ends_of(rel: dict[str, Any]) -> dict[str, str]:
    return {rel["from_uid"]: rel["from_kind"], rel["to_uid"]: rel["to_kind"]}


def read(graph: Graph, caller: Caller, uid: str) -> tuple[dict[str, Any], node_checks.Disclosed]:
    """Return the relationship and what it discloses; 404 unless the caller may see it."""
    require(caller, Scope.READ)
    rel = relationships.get(graph, uid)
    return rel, _visible_ends(graph, caller, _ends_of(rel), f"no relationship with uid {uid!r}")


def readable_among(
    graph: Graph,
    caller: Caller,
    rels: list[dict[str, Any]],
    kinds: dict[str, str],
    seen: node_checks.Disclosed | None = None,
    asked: Collection[str] = (),
    pursuers: Mapping[str, list[str]] | None = None,
) -> tuple[list[dict[str, Any]], node_checks.Disclosed]:
    """Return those of `rels` (each with from_uid, to_uid) the caller may read, by the rule
    `read` applies to one (every learner end visible; without a learner end, both ends
    readable), and the learners they disclose. `kinds`: {uid: node_kind} of every end;
    `seen`: learners already known to be visible ({uid: purpose}); `asked`: learners
    already asked about (those not in `seen` are hidden); `pursuers`: the learners who
    pursue each goal, read already ({goal uid: uids}). None of them is asked again.

    Answers that walk the graph (a network, a path) keep only these: a relationship of a
    learner the caller may not see is never in an answer, whatever the question."""
    seen = dict(seen or {})
    ends = {uid for rel in rels for uid in (rel["from_uid"], rel["to_uid"])}
    if audience_of(caller) is Audience.DISTRICT:  # reads every node: nothing to ask
        return rels, node_checks.seen_by(None, sorted(u for u in ends if kinds[u] == LEARNER))
    unknown = sorted(u for u in ends if kinds[u] == LEARNER and u not in seen and u not in asked)
    if unknown:
        visible = visibility.visible_learners(graph, caller, only=unknown)
        seen |= node_checks.seen_by(visible, unknown)
    plain = {
        uid: kinds[uid]
        for rel in rels
        if LEARNER not in (kinds[rel["from_uid"]], kinds[rel["to_uid"]])
        for uid in (rel["from_uid"], rel["to_uid"])
    }
    read = node_checks.Read(frozenset(asked) | set(unknown), seen, pursuers or {})
    readable = node_checks.readable_nodes(graph, caller, plain, read) if plain else set()
    kept: list[dict[str, Any]] = []
    disclosed: node_checks.Disclosed = {}
    for rel in rels:
        pair = (rel["from_uid"], rel["to_uid"])
        learners = [uid for uid in pair if kinds[uid] == LEARNER]
        if all(uid in seen for uid in learners) if learners else set(pair) <= readable:
            kept.append(rel)
            disclosed |= {uid: seen[uid] for uid in learners}
    return kept, disclosed


def check_change(
    graph: Graph, caller: Caller, rel: dict[str, Any], changed: set[str], *, end: bool = False
) -> node_checks.Disclosed:
    """Raise unless the caller may change these fields of (or end) the relationship `rel`
    (as `relationships.get` gives it)."""
    require(caller, Scope.WRITE)
    uid = rel["uid"]
    kinds = _ends_of(rel)
    disclosed = _visible_ends(graph, caller, kinds, f"no relationship with uid {uid!r}")
    rule = CHANGE[audience_of(caller)]
    if rule is None:
        raise Forbidden("your role may not change relationships")
    own = caller.person_uid in kinds and RelType(rel["type"]) in rule.types
    if rule.own_only and not own:
        raise Forbidden("you may change only your own relationships")
    if rule.fields is not None and not changed <= rule.fields:
        names = ", ".join(sorted(rule.fields))
        raise Forbidden(f"you may change only {names} of a relationship")
    if end and not rule.may_end:
        raise Forbidden("your role may not end relationships")
    _in_org(graph, caller, kinds, rel["from_uid"], rel["to_uid"])
    return disclosed


def list_scope(graph: Graph, caller: Caller, node: str | None) -> relationships.ListScope:
    """Return what a list of relationships may hold for the caller (lrm_graph.access.policy: a
    relationship with learner ends when they see them all, one without when they may read
    both ends); 404 for a `node` they may not read."""
    require(caller, Scope.READ)
    audience = audience_of(caller)
    if node is not None and audience is not Audience.DISTRICT:
        node_checks.check_node(graph, caller, node)
    read = READ[audience]
    visible = visibility.visible_learners(graph, caller)
    people = None
    if Reach.RELATED in (read[NodeKind.ADULT], read[NodeKind.EXPERT]):
        people = sorted(related_people(graph, caller))
    return relationships.ListScope(
        visible=visible,
        people=people,
        hidden_kinds=tuple(
            sorted(kind.value for kind, reach in read.items() if reach is Reach.NONE)
        ),
        goal_learners=None
        if visible is None or read[NodeKind.GOAL] is Reach.ALL
        else sorted(visible),
    )


def listed(items: list[dict[str, Any]], scope: relationships.ListScope) -> node_checks.Disclosed:
    """Return the learners a page of relationships discloses."""
    learners = [u for item in items for u, kind in _ends_of(item).items() if kind == LEARNER]
    return node_checks.seen_by(scope.visible, dict.fromkeys(learners))
