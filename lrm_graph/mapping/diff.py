"""Compare a mapping round with the one before: ties gained and lost, learners with no tie,
and whether assigned mentors became adults the learner names.

A *tie* of a round is an adult-learner pair the adult marked, the learner named, or both
(`by` says which). The comparison is over the learners the caller sees in reports
(`report_scope`), like every report: staff and organization roles, the district admin,
API keys with the read scope; learners, guardians and experts get 403.

- `gained`: ties of this round that the other round did not have; `lost`: the other way.
  With no other round (the first round of an organization) every tie is gained.
- `no_tie`: learners enrolled at the organization when this round closed (today, while
  open) with no tie at all in this round.
- `mentors`: for each learner enrolled then, each adult who MENTORS them on that day (the
  assigned mentor), whether the learner named them in this round and in the other one
  (null when there is no other round).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit, report_scope
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Forbidden, InvalidInput
from lrm_graph.mapping.rounds import MarkBy, enrolled, read_round

Pair = tuple[str, str]  # (adult uid, learner uid)
TIE_FIELDS = ("learner_uid", "learner_name", "adult_uid", "adult_name")


def _day(found: dict[str, Any]) -> date:
    """Return the day a round stands for: the day it closed, or today while open."""
    closed = found.get("closed_at")
    return closed.date() if closed is not None else clock.today()


def _other(graph: Graph, request: audit.Request, found: dict, against: str | None) -> dict | None:
    """Return the round to compare with: `against`, or the last closed one before."""
    assert request.caller is not None  # the API signs every /v1 caller in first
    if against is None:
        rows = graph.read(
            "mapping/find_previous_round",
            organization_uid=found["organization_uid"],
            uid=found["uid"],
            before=found["opened_at"],
        )
        if not rows:
            return None
        against = rows[0]["uid"]
    if against == found["uid"]:
        raise InvalidInput("against names this round itself; name another round")
    other, _ = read_round(graph, request.caller, against)
    if other["organization_uid"] != found["organization_uid"]:
        raise InvalidInput("against must be a round of the same organization")
    return other


def _ties(rows: list[dict[str, Any]], round_uid: str) -> dict[Pair, dict[str, Any]]:
    return {
        (row["adult_uid"], row["learner_uid"]): {
            **{k: row[k] for k in TIE_FIELDS},
            "by": sorted(row["by"]),
        }
        for row in rows
        if row["round_uid"] == round_uid
    }


def _named(ties: dict[Pair, dict[str, Any]] | None, pair: Pair) -> bool | None:
    if ties is None:
        return None
    return pair in ties and MarkBy.LEARNER.value in ties[pair]["by"]


def diff(graph: Graph, request: audit.Request, uid: str, against: str | None) -> dict[str, Any]:
    """Compare round `uid` with `against` (default: the last closed round before it)."""
    caller = request.caller
    if caller is None:
        raise Forbidden("sign in first")
    found, _ = read_round(graph, caller, uid)  # 404 before 403
    scope = report_scope.scope_for(graph, caller)
    other = _other(graph, request, found, against)
    visible = scope.param()
    rounds = [uid] if other is None else [uid, other["uid"]]
    rows = graph.read("mapping/list_round_ties", round_uids=rounds, visible=visible)
    now = _ties(rows, uid)
    before = None if other is None else _ties(rows, other["uid"])
    learners = enrolled(graph, found["organization_uid"], visible=visible, on=_day(found))
    tied = {learner for _, learner in now}
    mentors = [
        {
            "learner_uid": row["learner_uid"],
            "learner_name": row["learner_name"],
            "adult_uid": mentor["adult_uid"],
            "adult_name": mentor["adult_name"],
            "named": _named(now, (mentor["adult_uid"], row["learner_uid"])),
            "named_before": _named(before, (mentor["adult_uid"], row["learner_uid"])),
        }
        for row in learners
        for mentor in row["mentors"]
    ]
    result = {
        "round": found,
        "against": other,
        "gained": [tie for pair, tie in now.items() if before is None or pair not in before],
        "lost": [tie for pair, tie in (before or {}).items() if pair not in now],
        "no_tie": [
            {k: row[k] for k in ("learner_uid", "learner_name", "grade_level")}
            for row in learners
            if row["learner_uid"] not in tied
        ],
        "mentors": mentors,
    }
    result["summary"] = _summary(result, now, before)
    audit.record(graph, request, "read", scope.purposes(sorted(_disclosed(result))))
    return result


def _summary(result: dict[str, Any], now: dict, before: dict | None) -> dict[str, Any]:
    mentors = result["mentors"]
    return {
        "ties": len(now),
        "ties_before": None if before is None else len(before),
        "gained": len(result["gained"]),
        "lost": len(result["lost"]),
        "no_tie": len(result["no_tie"]),
        "assigned_mentors": len(mentors),
        "mentors_named": sum(1 for m in mentors if m["named"]),
        "mentors_named_before": None
        if before is None
        else sum(1 for m in mentors if m["named_before"]),
    }


def _disclosed(result: dict[str, Any]) -> set[str]:
    parts = ("gained", "lost", "no_tie", "mentors")
    return {row["learner_uid"] for part in parts for row in result[part]}
