"""Grants: a write that widens who may see a learner, and who may make one.

Who sees a learner follows from active relationships (`visibility`, the access query): an
enrollment shows the learner to their school's staff, a community membership to those who
teach the community, a caring or guardian relationship to that adult, a TEACHES of a
community every learner in it. Creating such a relationship is a *grant*. Whatever the path
(`POST /v1/relationships`, a learner joining a community, an accepted mentor match, an
approved join request) it is allowed only to a caller entitled to grant that access, and it
is recorded in the audit as a `grant`:

- the district (admin, an API key of no organization): any grant;
- an organization (school admin, counselor, a key of one organization): within their
  organization, as `policy.CREATE` confines their ends (the other end tied to it, to an
  organization it is part of, or to none);
- staff (teacher, advisor, coach, mentor): a caring relationship from themself to a learner
  they see; a learner into a community they run (lead or teach): the people who decide its
  join requests (`decided_communities`);
- a learner: themself into an open community of their school (or of no organization, or
  of one their school is part of), not a class section or advisory, as a member (a closed
  one takes a join request: `POST /v1/me/communities`);
- anyone else: none.
"""

from __future__ import annotations

from typing import Any

from lrm_graph import clock
from lrm_graph.access.node_checks import org_reaches
from lrm_graph.access.policy import CARING, Audience, audience_of
from lrm_graph.auth.caller import Caller, Role
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Forbidden
from lrm_graph.vocabulary import MemberRole, NodeKind, RelType

LEARNER, COMMUNITY = NodeKind.LEARNER.value, NodeKind.COMMUNITY.value
ORGANIZATION = NodeKind.ORGANIZATION.value
GRANT = "grant"  # the audit action of a write that widens who sees a learner

# The relationships that open a way to see a learner: (type, start kind or None for any
# person, end kind), as the access query (cypher/access/visible_learners.cypher) walks them.
GRANTING: frozenset[tuple[RelType, str | None, str]] = frozenset(
    {(RelType.ENROLLED_AT, LEARNER, ORGANIZATION), (RelType.MEMBER_OF, LEARNER, COMMUNITY),
     (RelType.TEACHES, None, COMMUNITY),
     (RelType.GUARDIAN_OF, None, LEARNER)} | {(rel_type, None, LEARNER) for rel_type in CARING}
)  # fmt: skip
# Who decides a community's membership for their organization (with its leaders, teachers).
ORGANIZATION_DECIDERS = frozenset({Role.SCHOOL_ADMIN, Role.COUNSELOR})


def is_grant(rel_type: RelType, start_kind: str, end_kind: str) -> bool:
    """Say whether a relationship of this type between these kinds widens who sees a learner."""
    return (rel_type, start_kind, end_kind) in GRANTING or (rel_type, None, end_kind) in GRANTING


def decided_communities(graph: Graph, caller: Caller) -> set[str] | None:
    """Return the communities whose membership the caller decides (None: all): those of
    their organization for a school admin or counselor, those they lead or teach."""
    if caller.is_admin:
        return None
    org_uid = caller.org_uid if caller.role in ORGANIZATION_DECIDERS else None
    rows = graph.read(
        "voice/find_decided_communities",
        org_uid=org_uid,
        person_uid=caller.person_uid,
        today=clock.today(),
    )
    return {row["uid"] for row in rows}


def may_join_self(community: dict[str, Any], role: str | None) -> bool:
    """Say whether a learner may make themself a member of this community now, as far as
    the community says: an open one (`open` not false), as a member."""
    return community.get("open") is not False and role in (None, MemberRole.MEMBER.value)


def within_reach(graph: Graph, learner_uid: str, community_uid: str) -> bool:
    """Say whether a community is one a learner may join of their own accord: not a class
    section or advisory, and of no organization, of their school, or of one it is part of."""
    rows = graph.read(
        "access/community_reach",
        learner_uid=learner_uid,
        community_uid=community_uid,
        today=clock.today(),
    )
    return bool(rows and rows[0]["within"])


def check_grant(
    graph: Graph,
    caller: Caller,
    rel_type: RelType,
    start: dict[str, Any],
    end: dict[str, Any],
    role: str | None = None,
) -> bool:
    """Raise 403 unless the caller may make this relationship if it is a grant; return
    whether it is one. `start` and `end` are the ends as `relationships.read_ends` gives
    them; the caller's other rules (`relationship_checks.check_create`) hold already."""
    if not is_grant(rel_type, start["node_kind"], end["node_kind"]):
        return False
    audience = audience_of(caller)
    if audience is Audience.DISTRICT:
        return True
    if audience is Audience.ORGANIZATION:
        # policy.CREATE confines the ends to the organization, or to one it is part of (a
        # district programme); a school is part of the district too, but enrolling a
        # learner there is that school's grant: an enrollment is only into their own.
        if rel_type is RelType.ENROLLED_AT and not org_reaches(graph, caller, [end["uid"]]):
            raise Forbidden("you may enroll a learner only at your own organization")
        return True
    if rel_type in CARING and audience is Audience.STAFF and start["uid"] == caller.person_uid:
        return True  # themself, to a learner they see (policy.CREATE: from themself)
    if rel_type is RelType.MEMBER_OF and start["node_kind"] == LEARNER:
        if audience is Audience.LEARNER and start["uid"] == caller.person_uid:
            if not within_reach(graph, start["uid"], end["uid"]):
                raise Forbidden(
                    f"community {end['uid']!r} is a class or advisory, or another school's: "
                    "its school adds its members"
                )
            if may_join_self(end, role):
                return True
            raise Forbidden(
                f"community {end['uid']!r} is closed, or you asked to lead it: a learner joins "
                "an open community as a member; ask to join with POST /v1/me/communities"
            )
        decided = decided_communities(graph, caller)
        if audience is Audience.STAFF and decided is not None and end["uid"] in decided:
            return True
        raise Forbidden(
            "only those who run a community (its school, its leaders and teachers) may add "
            "a learner to it: a membership shows the learner to the community's teachers"
        )
    raise Forbidden(
        f"a {rel_type.value} relationship shows a learner to someone new; your role may not "
        "grant that"
    )
