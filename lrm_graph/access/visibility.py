"""Who may see which learner: the policy, decided at query time from active relationships.

Deny by default. The rule itself is written once, as a fragment (cypher/fragments/visible):
the named query `access/visible_learners` asks it, and a question that meets learners (a
network) asks it in its own query, with no round trip of its own. This module turns a
caller into its parameters. A caller who may not see a learner gets the same answer as for
a learner who does not exist (404), so ids cannot be probed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from lrm_graph import clock, problem_types
from lrm_graph.auth.caller import Caller, Role
from lrm_graph.db.graph import Graph
from lrm_graph.errors import NotFound
from lrm_graph.vocabulary import RelType

ALL = "district"  # the purpose recorded when a caller sees every learner

# What a person's own active relationships to a learner grant, by role.
_CARE_TYPES = [
    RelType.MENTORS.value,
    RelType.ADVISES.value,
    RelType.COACHES.value,
    RelType.COUNSELS.value,
    RelType.TEACHES.value,
]
_PERSON_TYPES: dict[Role, list[str]] = {
    Role.TEACHER: _CARE_TYPES,
    Role.ADVISOR: _CARE_TYPES,
    Role.COACH: _CARE_TYPES,
    Role.MENTOR: _CARE_TYPES,
    Role.GUARDIAN: [RelType.GUARDIAN_OF.value],
    Role.EXPERT: [RelType.MENTORS.value, RelType.COACHES.value],
}
_CLASS_ROLES = frozenset({Role.TEACHER, Role.ADVISOR, Role.COACH, Role.MENTOR})


class Hidden(NotFound):
    """A record exists but the caller may not see it: answered exactly like NotFound,
    and recorded in the audit as a denied request."""

    problem = problem_types.NOT_FOUND

    def __init__(self, detail: str, learner_uid: str) -> None:
        super().__init__(detail)
        self.learner_uid = learner_uid  # for the audit only, never in the answer


@dataclass(frozen=True)
class LearnerScope:
    """The parameters of the access query for one caller."""

    everyone: bool = False
    org_uid: str | None = None
    person_uid: str | None = None
    types: tuple[str, ...] = ()
    via_classes: bool = False
    screened_only: bool = False
    self_uid: str | None = None


def scope_of(caller: Caller) -> LearnerScope:
    """Return what the caller's role and credentials let them see."""
    role = caller.role
    if role is Role.ADMIN or (role is Role.CLIENT and caller.org_uid is None):
        return LearnerScope(everyone=True)
    if role in (Role.SCHOOL_ADMIN, Role.COUNSELOR, Role.CLIENT):
        return LearnerScope(org_uid=caller.org_uid)
    if role is Role.LEARNER:
        return LearnerScope(self_uid=caller.person_uid)
    return LearnerScope(
        person_uid=caller.person_uid,
        types=tuple(_PERSON_TYPES.get(role, ())),
        via_classes=role in _CLASS_ROLES,
        screened_only=role is Role.EXPERT,
    )


def scope_parameters(caller: Caller) -> dict[str, Any]:
    """Return the parameters of the access rule (cypher/fragments/visible) for the caller,
    for a query that applies it to the learners it meets; `everyone`: the rule need not
    run (the caller sees every learner)."""
    scope = scope_of(caller)
    return {
        "everyone": scope.everyone,
        "org_uid": scope.org_uid,
        "person_uid": scope.person_uid,
        "types": list(scope.types),
        "via_classes": scope.via_classes,
        "screened_only": scope.screened_only,
        "self_uid": scope.self_uid,
    }


def first_purposes(seen: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """Return {uid: purpose} of the rule's answer ({uid, purpose} maps, a learner seen for
    two reasons twice): the first purpose of each, as `access/visible_learners` gives it."""
    purposes: dict[str, str] = {}
    for found in seen:
        purposes.setdefault(found["uid"], found["purpose"])
    return purposes


def visible_learners(
    graph: Graph, caller: Caller, only: list[str] | None = None
) -> dict[str, str] | None:
    """Return {learner uid: purpose} the caller may see (of `only`, if given); None: all."""
    parameters = scope_parameters(caller)
    if parameters.pop("everyone"):
        return None
    rows = graph.read("access/visible_learners", only=only, today=clock.today(), **parameters)
    return {row["uid"]: row["purpose"] for row in rows}


def learner_purpose(
    graph: Graph, caller: Caller, learner_uid: str, seen: Mapping[str, str] | None = None
) -> str:
    """Return why the caller may see this learner, or raise NotFound (as if absent).
    `seen`: the learners the caller sees among those a question asked about, with it
    (`scope_parameters`), this one among them: nothing more is asked."""
    if seen is None:
        visible = visible_learners(graph, caller, only=[learner_uid])
    else:
        visible = None if scope_of(caller).everyone else dict(seen)
    if visible is None:
        return ALL
    if learner_uid not in visible:
        raise Hidden(f"no learner with uid {learner_uid!r}", learner_uid)
    return visible[learner_uid]
