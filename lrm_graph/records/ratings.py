"""Relationship quality on the five elements of the Developmental Relationships Framework.

Either side of a relationship may rate it, on any of the five elements (express care,
challenge growth, provide support, share power, expand possibilities), each 1 to 5:
the learner end, or the adult or expert end, of an active caring relationship (MENTORS,
ADVISES, COACHES, COUNSELS, TEACHES from the adult) or of the learner's TRUSTS. Only a
rater who may see the learner rates: the adult a learner trusts but who has no
relationship of their own to the learner sees no learner, and rates nothing. Each rating
is a `RelationshipRating` node (never an edge), kept as history; for each element the
most recent score given to it (by either side) is the one that counts.

The ratings of a relationship are read by its two ends, and by the district admin and
the organization roles (school admin, counselor) who see the learner; other staff who
see the learner get 403.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit, relationship_checks
from lrm_graph.access.policy import CARING, Audience, audience_of, require
from lrm_graph.auth.caller import Caller, Scope
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Conflict, Forbidden, InvalidInput
from lrm_graph.vocabulary import NodeKind, RelType

ELEMENTS = (
    "express_care", "challenge_growth", "provide_support", "share_power", "expand_possibilities",
)  # fmt: skip
RATED_TYPES = CARING | {RelType.TRUSTS}
READERS = frozenset({Audience.DISTRICT, Audience.ORGANIZATION})
LEARNER = NodeKind.LEARNER.value


def latest(ratings: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any] | None]:
    """Return, for each element, the most recent score given to it and by which side
    (None: never scored). `ratings` are newest first."""
    found: dict[str, dict[str, Any] | None] = dict.fromkeys(ELEMENTS)
    for rating in ratings:
        for element in ELEMENTS:
            if found[element] is None and rating.get(element) is not None:
                found[element] = {
                    "score": rating[element],
                    "side": rating["side"],
                    "rated_at": rating["rated_at"],
                }
    return found


def _caller(request: audit.Request) -> Caller:
    if request.caller is None:  # the API signs every /v1 caller in first
        raise Forbidden("sign in first")
    return request.caller


def _ends(rel: dict[str, Any]) -> tuple[str, str]:
    """Return (learner uid, adult uid) of a relationship that may be rated; 422 otherwise."""
    kinds = {rel["from_uid"]: rel["from_kind"], rel["to_uid"]: rel["to_kind"]}
    learners = [uid for uid, kind in kinds.items() if kind == LEARNER]
    others = [uid for uid, kind in kinds.items() if kind != LEARNER]
    if rel["type"] not in RATED_TYPES or len(learners) != 1 or not others:
        allowed = ", ".join(sorted(t.value for t in RATED_TYPES))
        raise InvalidInput(
            f"only caring relationships between an adult and a learner are rated ({allowed})"
        )
    return learners[0], others[0]


def _side(caller: Caller, learner_uid: str, adult_uid: str) -> str | None:
    if caller.person_uid == learner_uid:
        return "learner"
    if caller.person_uid == adult_uid:
        return "adult"
    return None


def rate(
    graph: Graph, request: audit.Request, uid: str, scores: dict[str, int | None]
) -> dict[str, Any]:
    """Record the caller's rating of relationship `uid`, as its learner or adult end."""
    caller = _caller(request)
    require(caller, Scope.WRITE)
    rel, disclosed = relationship_checks.read(graph, caller, uid)  # 404 unless they see it
    learner_uid, adult_uid = _ends(rel)
    side = _side(caller, learner_uid, adult_uid)
    if side is None:
        raise Forbidden("a relationship is rated by its two ends, the learner and the adult")
    if not rel["active"] or rel.get("connection_status", "active") != "active":
        raise Conflict("only an active relationship is rated; this one is not active")
    if all(scores.get(element) is None for element in ELEMENTS):
        raise InvalidInput(f"rate at least one element: {', '.join(ELEMENTS)}")
    audit.record(graph, request, "write", disclosed)
    rating = {
        "uid": uuid.uuid4().hex,
        "relationship_uid": uid,
        "learner_uid": learner_uid,
        "adult_uid": adult_uid,
        "rater_uid": caller.person_uid,
        "side": side,
        **{element: scores.get(element) for element in ELEMENTS},
        "rated_at": clock.now(),
    }
    rows = graph.write("ratings/create_rating", rating=rating)
    return dict.fromkeys(ELEMENTS) | rows[0]["rating"]


def ratings_of(graph: Graph, request: audit.Request, uid: str) -> dict[str, Any]:
    """Return the ratings of relationship `uid`, newest first, and the latest per element."""
    caller = _caller(request)
    rel, disclosed = relationship_checks.read(graph, caller, uid)  # 404 unless they see it
    learner_uid, adult_uid = _ends(rel)
    if _side(caller, learner_uid, adult_uid) is None and audience_of(caller) not in READERS:
        raise Forbidden("ratings are read by the two ends, and by admins and counselors")
    audit.record(graph, request, "read", disclosed)
    rows = graph.read("ratings/list_ratings", relationship_uid=uid)
    items = [dict.fromkeys(ELEMENTS) | row["rating"] for row in rows]
    return {
        "relationship_uid": uid,
        "type": rel["type"],
        "learner_uid": learner_uid,
        "adult_uid": adult_uid,
        "active": rel["active"],
        "latest": latest(items),
        "items": items,
    }
