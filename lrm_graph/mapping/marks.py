"""Marks of a mapping round: adults mark learners, learners name the adults they trust.

Both are taken in bulk and answered row by row (accepted, or rejected with a reason);
marking twice keeps one mark. A round takes marks only while open (409 after). Which
learners an adult may mark: any learner enrolled at the round's organization when they
WORK_AT it; otherwise (an adult with an active caring relationship there) those of them
they see through their own relationships. A learner names adults and experts, whoever
they are: a trusted adult need not work at the school.
"""

from __future__ import annotations

from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit, visibility
from lrm_graph.access.policy import require
from lrm_graph.auth.caller import Caller, Role, Scope
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Conflict, Forbidden, NotFound
from lrm_graph.mapping.rounds import (
    NOT_AN_ADULT,
    NOT_MARKERS,
    NOT_ON_ROSTER,
    MarkBy,
    Part,
    RoundStatus,
    enrolled,
    mark_uid,
    purposes,
    read_round,
)
from lrm_graph.vocabulary import NodeKind

Pair = tuple[str, str]  # (adult uid, learner uid)
ADULT_KINDS = frozenset({NodeKind.ADULT.value, NodeKind.EXPERT.value})


def _caller(request: audit.Request) -> Caller:
    if request.caller is None:  # the API signs every /v1 caller in first
        raise Forbidden("sign in first")
    return request.caller


def _open_round(graph: Graph, caller: Caller, uid: str, by: MarkBy) -> tuple[dict, Part, str]:
    """Return the round, the caller's part in it and their person uid, if they may mark now."""
    require(caller, Scope.WRITE)
    found, part = read_round(graph, caller, uid)
    if by is MarkBy.ADULT:
        allowed = (part.works_at or part.cares) and caller.role not in NOT_MARKERS
        why = (
            "learners are marked by adults who work at the organization or care for learners there"
        )
    else:
        allowed = part.enrolled and caller.role is Role.LEARNER
        why = "adults are named by the learners enrolled at the organization, themselves"
    if not allowed or caller.person_uid is None:
        raise Forbidden(why)
    _still_open(found["status"])
    return found, part, caller.person_uid


def _still_open(status: str) -> None:
    if status != RoundStatus.OPEN:
        raise Conflict("this mapping round is closed; it takes no more marks", round_status=status)


def _record(graph: Graph, round_uid: str, by: MarkBy, pairs: list[Pair]) -> dict[Pair, bool]:
    """Write the marks; return {(adult, learner): new}. 409 when the round closed meanwhile."""
    rows = [
        {"uid": mark_uid(round_uid, by, adult, learner), "adult_uid": adult, "learner_uid": learner}
        for adult, learner in pairs
    ]
    written = graph.write(
        "mapping/record_marks", round_uid=round_uid, by=by.value, rows=rows, now=clock.now()
    )
    if not written:
        raise NotFound(f"no mapping round with uid {round_uid!r}")
    _still_open(written[0]["status"])
    return {(m["adult_uid"], m["learner_uid"]): bool(m["new"]) for m in written[0]["marked"]}


def _pair(by: MarkBy, person: str, other: str) -> Pair:
    """Return (adult, learner) of a mark the caller `person` makes about `other`."""
    return (person, other) if by is MarkBy.ADULT else (other, person)


def _marked(
    graph: Graph, uid: str, by: MarkBy, person: str, wanted: list[str], eligible: set[str]
) -> list[dict[str, Any]]:
    """Mark those of `wanted` that are `eligible`; answer every row, rejected ones too."""
    pairs = [_pair(by, person, other) for other in wanted if other in eligible]
    new = _record(graph, uid, by, pairs)
    reason = NOT_ON_ROSTER if by is MarkBy.ADULT else NOT_AN_ADULT
    rows = []
    for other in wanted:
        adult, learner = _pair(by, person, other)
        accepted = other in eligible
        rows.append({
            "adult_uid": adult, "learner_uid": learner, "accepted": accepted,
            "new": new.get((adult, learner)), "reason": None if accepted else reason,
        })  # fmt: skip
    return rows


def mark_learners(
    graph: Graph, request: audit.Request, uid: str, learner_uids: list[str]
) -> list[dict]:
    """Mark, as the signed-in adult, the learners they have a positive relationship with."""
    caller = _caller(request)
    found, part, adult = _open_round(graph, caller, uid, MarkBy.ADULT)
    wanted = list(dict.fromkeys(learner_uids))
    on_roster = {r["learner_uid"] for r in enrolled(graph, found["organization_uid"], only=wanted)}
    if not part.works_at:  # only those they see through their own relationships
        seen = visibility.visible_learners(graph, caller, only=sorted(on_roster))
        on_roster = on_roster if seen is None else on_roster & set(seen)
    accepted = [learner for learner in wanted if learner in on_roster]
    audit.record(graph, request, "write", purposes(graph, caller, accepted, uid))
    return _marked(graph, uid, MarkBy.ADULT, adult, wanted, on_roster)


def name_adults(
    graph: Graph, request: audit.Request, uid: str, adult_uids: list[str]
) -> list[dict]:
    """Name, as the signed-in learner, the adults they trust."""
    caller = _caller(request)
    _, _, learner = _open_round(graph, caller, uid, MarkBy.LEARNER)
    wanted = list(dict.fromkeys(adult_uids))
    rows = graph.read("nodes/get_kinds", uids=wanted)
    adults = {row["uid"] for row in rows if row["node_kind"] in ADULT_KINDS}
    audit.record(
        graph, request, "write", {learner: visibility.learner_purpose(graph, caller, learner)}
    )
    return _marked(graph, uid, MarkBy.LEARNER, learner, wanted, adults)


def take_back(graph: Graph, request: audit.Request, uid: str, other_uid: str, by: MarkBy) -> None:
    """Take back one of the caller's own marks while the round is open; 404 if none."""
    caller = _caller(request)
    _, _, person = _open_round(graph, caller, uid, by)
    adult, learner = _pair(by, person, other_uid)
    audit.record(graph, request, "write", purposes(graph, caller, [learner], uid))
    rows = graph.write(
        "mapping/delete_mark", round_uid=uid, uid=mark_uid(uid, by, adult, learner), now=clock.now()
    )
    if not rows:
        raise NotFound(f"no mapping round with uid {uid!r}")
    _still_open(rows[0]["status"])
    if not rows[0]["deleted"]:
        raise NotFound(f"you made no such mark in this round: {other_uid!r}")
