"""Who is calling: a signed-in person or a system with an API key."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """The roles access is decided by (these names are a contract)."""

    ADMIN = "admin"
    SCHOOL_ADMIN = "school_admin"
    COUNSELOR = "counselor"
    TEACHER = "teacher"
    ADVISOR = "advisor"
    COACH = "coach"
    MENTOR = "mentor"
    LEARNER = "learner"
    GUARDIAN = "guardian"
    EXPERT = "expert"
    CLIENT = "client"  # an API key: a system, not a person


class Scope(StrEnum):
    READ = "read"
    WRITE = "write"
    IMPORT = "import"


# Roles that act for an organization rather than through their own relationships.
ORGANIZATION_ROLES = frozenset({Role.SCHOOL_ADMIN, Role.COUNSELOR})
# Roles that reach learners only through their own active relationships.
RELATIONSHIP_ROLES = frozenset({Role.TEACHER, Role.ADVISOR, Role.COACH, Role.MENTOR})
# Roles that must name the person (node) they are.
PERSON_ROLES = frozenset(
    {*ORGANIZATION_ROLES, *RELATIONSHIP_ROLES, Role.LEARNER, Role.GUARDIAN, Role.EXPERT}
)
PERSON_SCOPES = frozenset({Scope.READ, Scope.WRITE})


@dataclass(frozen=True)
class Caller:
    """The caller of one request, as its credentials say at this moment."""

    kind: str  # "user" or "api_key"
    id: str  # the account's or the key's uid
    role: Role
    display: str  # an email, or a key's name
    person_uid: str | None = None
    org_uid: str | None = None
    scopes: frozenset[Scope] = field(default_factory=frozenset)

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    def has_scope(self, scope: Scope) -> bool:
        return scope in self.scopes
