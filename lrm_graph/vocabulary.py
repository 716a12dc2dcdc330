"""The graph vocabulary: node kinds, relationship types and the endpoint pairs each allows.

This module is the one place these live. Every write checks its pair here, and every
label or relationship type that a query takes as a parameter comes from these enums,
never from a request.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from lrm_graph.errors import InvalidRelationship


class NodeKind(StrEnum):
    """A kind of node; the value is the API's singular name."""

    LEARNER = "learner"
    ADULT = "adult"
    EXPERT = "expert"
    COMMUNITY = "community"
    ORGANIZATION = "organization"
    INDUSTRY = "industry"
    GOAL = "goal"
    INTEREST = "interest"
    RESOURCE = "resource"

    @property
    def label(self) -> str:
        """Return the Neo4j label (CamelCase)."""
        return self.value.capitalize()

    @property
    def plural(self) -> str:
        """Return the path segment under `/v1`."""
        return _PLURALS[self]

    @property
    def is_person(self) -> bool:
        return self in PEOPLE


_PLURALS = {
    NodeKind.LEARNER: "learners",
    NodeKind.ADULT: "adults",
    NodeKind.EXPERT: "experts",
    NodeKind.COMMUNITY: "communities",
    NodeKind.ORGANIZATION: "organizations",
    NodeKind.INDUSTRY: "industries",
    NodeKind.GOAL: "goals",
    NodeKind.INTEREST: "interests",
    NodeKind.RESOURCE: "resources",
}

PEOPLE = frozenset({NodeKind.LEARNER, NodeKind.ADULT, NodeKind.EXPERT})

ENTITY_LABEL = "Entity"  # carried by every node, so that `uid` has one index


class RelType(StrEnum):
    """A relationship type (UPPER_SNAKE, as stored)."""

    MENTORS = "MENTORS"
    ADVISES = "ADVISES"
    COACHES = "COACHES"
    COUNSELS = "COUNSELS"
    TEACHES = "TEACHES"
    GUARDIAN_OF = "GUARDIAN_OF"
    TRUSTS = "TRUSTS"
    PEER_OF = "PEER_OF"
    PEER_MENTORS = "PEER_MENTORS"
    MEMBER_OF = "MEMBER_OF"
    PURSUES = "PURSUES"
    IN_INDUSTRY = "IN_INDUSTRY"
    INTERESTED_IN = "INTERESTED_IN"
    WORKS_IN = "WORKS_IN"
    SUPPORTS = "SUPPORTS"
    USES = "USES"
    ENROLLED_AT = "ENROLLED_AT"
    WORKS_AT = "WORKS_AT"
    WORKS_FOR = "WORKS_FOR"
    PART_OF = "PART_OF"


class Pair(NamedTuple):
    start: NodeKind
    end: NodeKind

    def __str__(self) -> str:
        return f"{self.start.value} -> {self.end.value}"


L, A, E = NodeKind.LEARNER, NodeKind.ADULT, NodeKind.EXPERT
C, ORG, IND = NodeKind.COMMUNITY, NodeKind.ORGANIZATION, NodeKind.INDUSTRY
G, N, R = NodeKind.GOAL, NodeKind.INTEREST, NodeKind.RESOURCE


def _pairs(starts: tuple[NodeKind, ...], ends: tuple[NodeKind, ...]) -> frozenset[Pair]:
    return frozenset(Pair(s, e) for s in starts for e in ends)


ALLOWED_PAIRS: dict[RelType, frozenset[Pair]] = {
    RelType.MENTORS: _pairs((A, E), (L,)),
    RelType.ADVISES: _pairs((A,), (L,)),
    RelType.COACHES: _pairs((A, E), (L,)),
    RelType.COUNSELS: _pairs((A,), (L,)),
    RelType.TEACHES: _pairs((A,), (L, C)),
    RelType.GUARDIAN_OF: _pairs((A,), (L,)),
    RelType.TRUSTS: _pairs((L,), (A, E)),
    RelType.PEER_OF: _pairs((L,), (L,)),
    RelType.PEER_MENTORS: _pairs((L,), (L,)),
    RelType.MEMBER_OF: _pairs((L, A, E), (C,)),
    RelType.PURSUES: _pairs((L,), (G,)),
    RelType.IN_INDUSTRY: _pairs((G, C, ORG, R), (IND,)),
    RelType.INTERESTED_IN: _pairs((L, A, E), (N,)),
    RelType.WORKS_IN: _pairs((A, E), (IND,)),
    RelType.SUPPORTS: _pairs((R,), (G, IND, N)),
    RelType.USES: _pairs((L,), (R,)),
    RelType.ENROLLED_AT: _pairs((L,), (ORG,)),
    RelType.WORKS_AT: _pairs((A,), (ORG,)),
    RelType.WORKS_FOR: _pairs((E,), (ORG,)),
    RelType.PART_OF: _pairs((C, ORG), (ORG,)),
}

# Types whose direction carries no meaning: a second one either way is a duplicate.
SYMMETRIC = frozenset({RelType.PEER_OF})

# Adult-to-learner types that make up an adult's caseload.
CASELOAD_TYPES = (RelType.MENTORS, RelType.ADVISES, RelType.COACHES, RelType.COUNSELS)

# An expert reaches a learner through these only while screened and cleared.
SCREENED_TYPES = frozenset(
    t for t, pairs in ALLOWED_PAIRS.items() if any(p.start == E and p.end == L for p in pairs)
)


class Source(StrEnum):
    """Who put a relationship on record."""

    ADULT_REPORTED = "adult_reported"
    LEARNER_REPORTED = "learner_reported"
    IMPORTED = "imported"
    API = "api"
    SUGGESTED = "suggested"
    LEARNER_REQUESTED = "learner_requested"


class AdultRole(StrEnum):
    TEACHER = "teacher"
    COUNSELOR = "counselor"
    ADVISOR = "advisor"
    COACH = "coach"
    MENTOR = "mentor"
    ADMINISTRATOR = "administrator"
    PARENT = "parent"
    GUARDIAN = "guardian"
    AIDE = "aide"
    STAFF = "staff"


class CommunityKind(StrEnum):
    ADVISORY = "advisory"
    CLUB = "club"
    TEAM = "team"
    CLASS_SECTION = "class_section"
    PROGRAM = "program"
    ONLINE = "online"


class OrganizationKind(StrEnum):
    SCHOOL = "school"
    DISTRICT = "district"
    COMPANY = "company"
    NONPROFIT = "nonprofit"
    OTHER = "other"


class ResourceKind(StrEnum):
    COURSE = "course"
    TEXT = "text"
    TOOL = "tool"
    PROGRAM = "program"
    INTERNSHIP = "internship"


class GoalKind(StrEnum):
    AMBITION = "ambition"
    LEARNING = "learning"


class GoalStatus(StrEnum):
    ACTIVE = "active"
    ACHIEVED = "achieved"
    SET_ASIDE = "set_aside"


class ScreeningStatus(StrEnum):
    PENDING = "pending"
    CLEARED = "cleared"
    EXPIRED = "expired"


class MemberRole(StrEnum):
    MEMBER = "member"
    LEADER = "leader"


def check_pair(rel_type: RelType, start: NodeKind, end: NodeKind) -> None:
    """Raise `InvalidRelationship` unless `rel_type` may join `start` to `end`."""
    allowed = ALLOWED_PAIRS[rel_type]
    if Pair(start, end) not in allowed:
        names = ", ".join(sorted(str(p) for p in allowed))
        raise InvalidRelationship(
            f"{rel_type.value} cannot join {start.value} -> {end.value}; allowed: {names}",
            allowed_pairs=sorted(str(p) for p in allowed),
        )
