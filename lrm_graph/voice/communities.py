"""Communities in the learner's own voice: join an open one, ask to join a closed one,
leave; and the join requests, which those who run the community decide.

An open community (`open` true, the default) takes the learner at once (MEMBER_OF,
source learner_reported). A closed one gets a pending JoinRequest. It is decided by the
district admin, a school admin or counselor of an organization the community is part
of, and the adults who lead it (MEMBER_OF, role leader) or teach it; an approval makes
the learner a member (source learner_requested). By asking, the learner shows their
request (their uid and name) to those people, whether or not they see the learner
otherwise: each such disclosure is recorded in the audit with the purpose
`join_request <community uid>`.
"""

from __future__ import annotations

from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit, grants, visibility
from lrm_graph.auth.caller import Caller, Role, Scope
from lrm_graph.db.graph import Graph
from lrm_graph.db.pages import Page, decode, page_of
from lrm_graph.errors import Conflict, Forbidden, NodeArchived, NotFound
from lrm_graph.store import nodes, relationships
from lrm_graph.vocabulary import MemberRole, NodeKind, RelType, Source
from lrm_graph.voice import profile
from lrm_graph.voice.requests import Requests

DECIDERS = frozenset(
    {Role.ADMIN, Role.SCHOOL_ADMIN, Role.COUNSELOR, Role.TEACHER, Role.ADVISOR, Role.COACH,
     Role.MENTOR}
)  # fmt: skip
PENDING = "pending"


JOIN_REQUESTS = Requests(
    "join request",
    "voice/get_join_request",
    "voice/decide_join_request",
    PENDING,
    ("learner_name", "community_name"),
)


# The learner's side


def join(graph: Graph, request: audit.Request, community_uid: str) -> dict[str, Any]:
    """Join an open community now, or ask to join a closed one."""
    learner = profile.me(graph, request, Scope.WRITE)
    community = nodes.get(graph, NodeKind.COMMUNITY, community_uid)
    if grants.may_join_self(community, MemberRole.MEMBER.value):  # the rule of every path
        rel = profile.add_tie(
            graph, request, RelType.MEMBER_OF, community_uid, role=MemberRole.MEMBER
        )
        return {"status": "joined", "community_uid": community_uid, "relationship_uid": rel["uid"]}
    if community.get("archived_at") is not None:
        raise NodeArchived(f"community {community_uid!r} is archived; it takes no new members")
    if profile.active_tie(graph, learner.uid, RelType.MEMBER_OF, community_uid) is not None:
        raise Conflict(f"you are a member of {community_uid!r} already")
    profile.record(graph, request, learner, "write")
    rows = graph.write(
        "voice/create_join_request",
        learner_uid=learner.uid,
        community_uid=community_uid,
        uid=profile.time_ordered_uid(),
        now=clock.now(),
    )
    if not rows:
        raise NotFound(f"no community with uid {community_uid!r}")
    if rows[0]["uid"] is None:
        raise Conflict("you asked to join this community already", request_uid=rows[0]["existing"])
    return {"status": "requested", "community_uid": community_uid, "request_uid": rows[0]["uid"]}


def leave(graph: Graph, request: audit.Request, community_uid: str) -> dict[str, Any]:
    """Leave a community: end the learner's MEMBER_OF today (history kept)."""
    not_found = f"you are no member of a community with uid {community_uid!r}"
    return profile.end_tie(graph, request, RelType.MEMBER_OF, community_uid, not_found)


def own_requests(graph: Graph, request: audit.Request) -> list[dict[str, Any]]:
    """Return the learner's join requests, newest first."""
    learner = profile.me(graph, request)
    rows = graph.read(
        "voice/list_join_requests",
        learner_uid=learner.uid, communities=None, community=None, status=None, after="",
        limit=profile.OWN_LIST_MAX,
    )  # fmt: skip
    profile.record(graph, request, learner, "read")
    return [JOIN_REQUESTS.answer(row) for row in rows]


def withdraw(graph: Graph, request: audit.Request, uid: str) -> dict[str, Any]:
    """Withdraw one of the learner's pending join requests."""
    return JOIN_REQUESTS.withdraw(graph, request, uid)


# The side of those who decide


def _decided(graph: Graph, caller: Caller) -> set[str] | None:
    """Return the communities whose requests the caller decides (None: all); 403 for a
    role that decides none."""
    if caller.role not in DECIDERS:
        raise Forbidden("join requests are decided by staff who run the community")
    return grants.decided_communities(graph, caller)


def _purposes(graph: Graph, caller: Caller, items: list[dict[str, Any]]) -> dict[str, str]:
    """Return {learner uid: purpose} of the requests shown, for the audit."""
    learners = sorted({item["learner_uid"] for item in items})
    seen = visibility.visible_learners(graph, caller, only=learners) if learners else {}
    return {
        item["learner_uid"]: visibility.ALL
        if seen is None
        else seen.get(item["learner_uid"], f"join_request {item['community_uid']}")
        for item in items
    }


def list_requests(
    graph: Graph,
    request: audit.Request,
    *,
    community: str | None,
    status: str | None,
    cursor: str | None,
    limit: int,
) -> Page:
    """Return one page of the join requests the caller decides, oldest first."""
    caller = profile.signed_in(request, Scope.READ)
    with audit.operation(graph, request, "read") as op:
        decided = _decided(op.graph, caller)
        rows = op.graph.read(
            "voice/list_join_requests",
            learner_uid=None, communities=None if decided is None else sorted(decided),
            community=community, status=status, after=decode(cursor), limit=limit + 1,
        )  # fmt: skip
        page = page_of([JOIN_REQUESTS.answer(row) for row in rows], limit)
        op.record(_purposes(op.graph, caller, page.items))
        return page


def _deciding(op: audit.Operation, uid: str) -> tuple[Caller, dict[str, Any]]:
    """Return the caller and the pending request they may decide (404 if not theirs),
    recorded as a write in the operation, which is aimed at its learner (for a refusal)."""
    caller = profile.signed_in(op.request, Scope.WRITE)
    decided = _decided(op.graph, caller)
    found = JOIN_REQUESTS.get(op.graph, uid)
    op.aim(found["learner_uid"])
    if decided is not None and found["community_uid"] not in decided:
        raise visibility.Hidden(f"no join request with uid {uid!r}", found["learner_uid"])
    JOIN_REQUESTS.expect_waiting(found)
    op.record(_purposes(op.graph, caller, [found]))
    return caller, found


def approve(graph: Graph, request: audit.Request, uid: str) -> dict[str, Any]:
    """Approve a pending join request: the learner becomes a member now. One operation:
    the check, the audit (a write and a grant) and the membership commit together or not
    at all (a request decided or withdrawn meanwhile: 409, no membership)."""
    with audit.operation(graph, request, "write") as op:
        caller, found = _deciding(op, uid)
        fields = relationships.RelationshipFields(
            type=RelType.MEMBER_OF,
            from_uid=found["learner_uid"],
            to_uid=found["community_uid"],
            source=Source.LEARNER_REQUESTED,
            role=MemberRole.MEMBER,
        )
        try:
            rel_uid = relationships.create(op.graph, fields)["uid"]
            # A membership shows the learner to the community's teachers: a grant, made by
            # one who decides the community's membership (`grants.decided_communities`).
            op.record(_purposes(op.graph, caller, [found]), grants.GRANT)
        except Conflict as exc:  # a member already (an admin added them meanwhile)
            if "existing_uid" not in exc.extra:
                raise
            rel_uid = exc.extra["existing_uid"]
        decided = {"status": "approved", "relationship_uid": rel_uid}
        JOIN_REQUESTS.decide(op.graph, uid, decided | {"decided_by": profile.actor_uid(caller)})
        return JOIN_REQUESTS.get(op.graph, uid)


def decline(graph: Graph, request: audit.Request, uid: str, reason: str) -> dict[str, Any]:
    """Decline a pending join request, with the reason the learner will read."""
    with audit.operation(graph, request, "write") as op:
        caller, _ = _deciding(op, uid)
        decided = {"status": "declined", "reason": reason}
        JOIN_REQUESTS.decide(op.graph, uid, decided | {"decided_by": profile.actor_uid(caller)})
        return JOIN_REQUESTS.get(op.graph, uid)
