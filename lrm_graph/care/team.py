"""The care team of a learner, and where a caller stands towards one.

The care team: adults and experts with an ACTIVE caring relationship to the learner
(MENTORS, ADVISES, COACHES, COUNSELS from them, or the learner's TRUSTS of them; an expert
only while screened and connected), as `cypher/care/get_care_team.cypher` spells out.

A caller's *standing* towards a learner they see decides what of the care team's records
they may read and write (lrm_graph.access.policy, the "care team's records" table):

- OVERSEER: the district admin, or an organization role (school_admin, counselor);
- TEAM: a member of the learner's care team;
- SELF: the learner themself; GUARDIAN: a guardian of theirs;
- OTHER: anyone else who sees the learner (a class teacher who is not on the team).

These records are a person's work: an API key gets 403 on every one of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit, visibility
from lrm_graph.access.policy import Audience, audience_of, require
from lrm_graph.auth.caller import Caller, Role, Scope
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Forbidden, NotFound


class Standing(StrEnum):
    OVERSEER = "overseer"
    TEAM = "team"
    SELF = "self"
    GUARDIAN = "guardian"
    OTHER = "other"


# Who may open interventions (a plan with an owner: the care team's work).
WRITERS = frozenset({Standing.OVERSEER, Standing.TEAM})
# Who reads every interaction and intervention of a learner (OTHER reads interactions
# too, and interventions they own).
CARERS = frozenset({Standing.OVERSEER, Standing.TEAM})
STAFF_SIDE = frozenset({Standing.OVERSEER, Standing.TEAM, Standing.OTHER})
# Who may write a note and log an interaction: the staff side, a class teacher too (what a
# teacher saw, noted in one step from their home, for the care team to read).
RECORDERS = STAFF_SIDE


@dataclass(frozen=True)
class Place:
    """Where the caller stands towards one learner, and the purpose the audit records."""

    learner_uid: str
    purpose: str
    standing: Standing
    # The learner's care team (`care_team`'s rows) where the standing was read from it
    # (staff who oversee no one); None where it was not asked.
    team: list[dict[str, Any]] | None = field(default=None, compare=False, repr=False)


def person(request: audit.Request, scope: Scope = Scope.READ) -> Caller:
    """Return the signed-in person; 403 for an API key or a caller without `scope`."""
    caller = request.caller
    if caller is None:  # the API signs every /v1 caller in first
        raise Forbidden("sign in first")
    require(caller, scope)
    if caller.role is Role.CLIENT:
        raise Forbidden("the care team's records are a person's work; an API key may not use them")
    return caller


def author_uid(caller: Caller) -> str:
    """Return who a record is by: the caller's person, or their account when they are none."""
    return caller.person_uid or caller.id


def care_team(graph: Graph, learner_uids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Return {learner uid: their care team's relationships}, one row per relationship."""
    rows = graph.read("care/get_care_team", learner_uids=learner_uids, today=clock.today())
    team: dict[str, list[dict[str, Any]]] = {uid: [] for uid in learner_uids}
    for row in rows:
        team[row["learner_uid"]].append(row)
    return team


def by_person(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the care team one entry per person, with the ways they care (types)."""
    people: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = people.setdefault(
            row["person_uid"],
            {"uid": row["person_uid"], "name": row["person_name"],
             "node_kind": row["person_kind"], "types": []},
        )  # fmt: skip
        entry["types"].append(row["type"])
    return sorted(people.values(), key=lambda p: (p["name"] or "", p["uid"]))


def places(graph: Graph, caller: Caller, learner_uids: list[str]) -> list[Place]:
    """Return the caller's place towards each learner; 404 (as if absent) for the first one
    they may not see, before anything else is decided."""
    visible = visibility.visible_learners(graph, caller, only=learner_uids)
    for uid in learner_uids:
        if visible is not None and uid not in visible:
            raise visibility.Hidden(f"no learner with uid {uid!r}", uid)
    # Only a staff member who oversees no one stands where the care team says (TEAM or
    # OTHER); for everyone else the team is not asked for, one round trip fewer.
    teams = care_team(graph, learner_uids) if _fixed_standing(caller) is None else {}
    return [
        Place(
            uid,
            visibility.ALL if visible is None else visible[uid],
            _standing(caller, teams.get(uid, [])),
            teams.get(uid) if teams else None,
        )
        for uid in learner_uids
    ]


def place(graph: Graph, caller: Caller, learner_uid: str) -> Place:
    """Return the caller's place towards one learner (404 unless they see them)."""
    return places(graph, caller, [learner_uid])[0]


def record_place(graph: Graph, caller: Caller, learner_uid: str, missing: str) -> Place:
    """Return the caller's place towards the learner a record is about; 404 worded as for
    an absent record (`missing`) unless they see the learner."""
    try:
        return place(graph, caller, learner_uid)
    except NotFound:
        raise visibility.Hidden(missing, learner_uid) from None


def _fixed_standing(caller: Caller) -> Standing | None:
    """Return the caller's standing where it does not depend on the care team (an
    overseer, the learner themself, a guardian); None where it does (TEAM or OTHER)."""
    if audience_of(caller) in (Audience.DISTRICT, Audience.ORGANIZATION):
        return Standing.OVERSEER
    if caller.role is Role.LEARNER:
        return Standing.SELF
    if caller.role is Role.GUARDIAN:
        return Standing.GUARDIAN
    return None


def _standing(caller: Caller, team: list[dict[str, Any]]) -> Standing:
    fixed = _fixed_standing(caller)
    if fixed is not None:
        return fixed
    if any(row["person_uid"] == caller.person_uid for row in team):
        return Standing.TEAM
    return Standing.OTHER


def require_standing(where: Place, allowed: frozenset[Standing], doing: str) -> None:
    """Answer 403 unless the caller's standing towards the learner allows `doing`."""
    if where.standing not in allowed:
        raise Forbidden(f"{doing} is for {_who(allowed)} of this learner")


def _who(allowed: frozenset[Standing]) -> str:
    names = {
        Standing.OVERSEER: "the district admin and organization roles",
        Standing.TEAM: "the care team",
        Standing.SELF: "the learner",
        Standing.GUARDIAN: "guardians",
        Standing.OTHER: "staff who see them",
    }
    return ", ".join(names[s] for s in Standing if s in allowed)
