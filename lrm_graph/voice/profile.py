"""The learner's own voice (/v1/me): their record, how they like to learn, their
interests, the adults they trust, and their network as they may see it.

Only a signed-in learner has a voice here: `me` answers anyone else 403. Every read and
write is recorded in the audit as concerning the learner themself (purpose `self`),
before the answer leaves (a write: in its transaction). Ties the learner names are
relationships like any other, made and ended by the use cases of `/v1/relationships`
(`lrm_graph.records.relationship_cases`), so the vocabulary, the safeguarding rules, the
policy and the grant rule apply as they do there.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit, visibility
from lrm_graph.access.policy import require
from lrm_graph.auth.caller import Caller, Role, Scope
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Forbidden, InvalidInput, NotFound
from lrm_graph.records import relationship_cases
from lrm_graph.records.network import learner_network
from lrm_graph.store import nodes, relationships
from lrm_graph.store.fields import InterestFields
from lrm_graph.vocabulary import NodeKind, RelType, Source

ENDED_BY_LEARNER = "taken back by the learner"
OWN_LIST_MAX = 500  # a learner's own requests, listed whole (a guard, not a page size)


@dataclass(frozen=True)
class Me:
    """The signed-in learner: their uid and the purpose the audit records."""

    uid: str
    purpose: str
    caller: Caller


def me(graph: Graph, request: audit.Request, scope: Scope = Scope.READ) -> Me:
    """Return the signed-in learner; 403 for any other caller."""
    caller = request.caller
    if caller is None or caller.role is not Role.LEARNER or caller.person_uid is None:
        role = caller.role.value if caller else "anonymous caller"
        raise Forbidden(f"/v1/me is for a signed-in learner (a learner's account), not a {role}")
    require(caller, scope)
    purpose = visibility.learner_purpose(graph, caller, caller.person_uid)  # gone: 404
    return Me(caller.person_uid, purpose, caller)


def signed_in(request: audit.Request, scope: Scope) -> Caller:
    """Return the caller of a staff-side request; 403 without `scope`."""
    if request.caller is None:  # the API signs every /v1 caller in first
        raise Forbidden("sign in first")
    require(request.caller, scope)
    return request.caller


def actor_uid(caller: Caller) -> str:
    """Return who decided, as the records keep it: their person uid, or their account."""
    return caller.person_uid or caller.id


def record(graph: Graph, request: audit.Request, learner: Me, action: str) -> None:
    """Record a read or write of the learner's own data."""
    audit.record(graph, request, action, {learner.uid: learner.purpose})


def time_ordered_uid() -> str:
    """Return a new uid whose order is the order of creation (milliseconds, then random)."""
    millis = int(clock.now().timestamp() * 1000)
    return f"{millis:012x}{secrets.token_hex(10)}"


def profile(graph: Graph, request: audit.Request) -> dict[str, Any]:
    """Return the learner's own record."""
    learner = me(graph, request)
    node = nodes.get(graph, NodeKind.LEARNER, learner.uid)
    record(graph, request, learner, "read")
    return node


def set_preferences(
    graph: Graph, request: audit.Request, preferences: list[str] | None
) -> dict[str, Any]:
    """Replace how the learner likes to learn (None or []: say nothing about it)."""
    learner = me(graph, request, Scope.WRITE)
    record(graph, request, learner, "write")
    return nodes.update(
        graph, NodeKind.LEARNER, learner.uid, {"learning_preferences": preferences or None}
    )


def network(
    graph: Graph, request: audit.Request, depth: int, max_nodes: int, hub_members: int
) -> dict[str, Any]:
    """Return the learner's network as they may see it: the network question, asked by them."""
    learner = me(graph, request)
    return learner_network(graph, request, learner.uid, depth, max_nodes, hub_members)


def own_ties(graph: Graph, request: audit.Request, query: str) -> list[dict[str, Any]]:
    """Return the rows of one of the learner's lists (`voice/list_...`), recorded as a read."""
    learner = me(graph, request)
    rows = graph.read(query, learner_uid=learner.uid, today=clock.today())
    record(graph, request, learner, "read")
    return rows


def add_tie(
    graph: Graph, request: audit.Request, rel_type: RelType, to_uid: str, **facts: Any
) -> dict[str, Any]:
    """Create the learner's own relationship to a node, as `/v1/relationships` would:
    404 for an unknown node, 422 for a wrong pair (or an expert not cleared), 409 when it
    exists already."""
    learner = me(graph, request, Scope.WRITE)
    fields = relationships.RelationshipFields(
        type=rel_type, from_uid=learner.uid, to_uid=to_uid, source=Source.LEARNER_REPORTED, **facts
    )
    with audit.operation(graph, request, "write", aimed_at=[learner.uid]) as op:
        return relationship_cases.create_checked(op, learner.caller, fields)


def active_tie(graph: Graph, learner_uid: str, rel_type: RelType, to_uid: str) -> str | None:
    """Return the uid of the learner's active relationship of `rel_type` to `to_uid`."""
    rows = graph.read(
        "voice/find_own_tie",
        learner_uid=learner_uid,
        uid=to_uid,
        type=rel_type.value,
        today=clock.today(),
    )
    return rows[0]["uid"] if rows else None


def end_tie(
    graph: Graph, request: audit.Request, rel_type: RelType, to_uid: str, not_found: str
) -> dict[str, Any]:
    """End the learner's active relationship of `rel_type` to `to_uid` today (history
    kept); 404 (detail `not_found`) when there is none."""
    learner = me(graph, request, Scope.WRITE)
    uid = active_tie(graph, learner.uid, rel_type, to_uid)
    if uid is None:
        raise NotFound(not_found)
    return relationship_cases.end(graph, request, uid, None, ENDED_BY_LEARNER)


def add_interest(
    graph: Graph, request: audit.Request, interest_uid: str | None, name: str | None
) -> tuple[dict[str, Any], bool]:
    """Say the learner is interested in a catalogue interest, named by uid or by name (a
    name finds the interest whatever its case, or adds it to the catalogue). Return the
    interest as the learner's list shows it, and whether it was new to the catalogue."""
    learner = me(graph, request, Scope.WRITE)  # 403 before anything is looked up or added
    created = False
    if interest_uid is None:
        if name is None:
            raise InvalidInput("name an interest: interest_uid or name")
        rows = graph.read("voice/find_interest", name=name)
        if rows:
            interest_uid = rows[0]["uid"]
        else:
            node = nodes.create(graph, NodeKind.INTEREST, InterestFields(name=name))
            interest_uid, created = node["uid"], True
            graph.write("voice/mark_added_interest", uid=interest_uid, learner_uid=learner.uid)
    return _listed(graph, add_tie(graph, request, RelType.INTERESTED_IN, interest_uid)), created


def trust(graph: Graph, request: audit.Request, adult_uid: str) -> dict[str, Any]:
    """Name an adult or expert the learner trusts (TRUSTS, source learner_reported)."""
    return _listed(graph, add_tie(graph, request, RelType.TRUSTS, adult_uid))


def _listed(graph: Graph, rel: dict[str, Any]) -> dict[str, Any]:
    """Return the far end of the learner's new relationship as their lists show it."""
    node = nodes.get(graph, NodeKind(rel["to_kind"]), rel["to_uid"])
    return {
        "uid": node["uid"],
        "name": node["name"],
        "node_kind": node["node_kind"],
        "relationship_uid": rel["uid"],
        "since": rel["since"],
        "source": rel["source"],
    }
