"""A learner's relationships as the brief and the timeline read them: only those the caller
may read, and which caring ties are at risk (quiet or ending soon).

A relationship is readable when every learner end is visible to the caller
(lrm_graph.access.policy, `relationship_checks.readable_among`); the learner in question
is, so only a peer at the other end can hide one. At risk follows the unmentored report
(`cypher/reports/find_unmentored.cypher`, `lrm_graph.reports.care.unmentored`): a caring
tie (a configured caring type, to a live adult or expert, an expert's only as an active
connection) is ENDING when its `until` is within `days` days, QUIET when its last
interaction is more than `days` days ago or, with none on record, when it began more than
`days` days ago (or on no known day).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from lrm_graph import clock
from lrm_graph.access import relationship_checks
from lrm_graph.auth.caller import Caller
from lrm_graph.care import on_record
from lrm_graph.db.graph import Graph
from lrm_graph.vocabulary import NodeKind

MAX_RELATIONSHIPS = 5000
CARERS = (NodeKind.ADULT.value, NodeKind.EXPERT.value)


def readable(
    graph: Graph, caller: Caller, learner_uid: str
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Return the learner's relationships (history included) the caller may read, with
    `other` the node at the far end (relationships not begun, a proposal, left out), and
    the other learners they show ({uid: purpose}, for the audit)."""
    rows = on_record.read(graph, learner_uid, relationships=MAX_RELATIONSHIPS)["relationships"]
    return readable_rows(graph, caller, learner_uid, rows)


def readable_rows(
    graph: Graph, caller: Caller, learner_uid: str, rows: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """As `readable`, of the learner's relationships read already (`on_record.read`)."""
    rows = [row for row in rows if row["connection_status"] in ("active", "revoked")]
    ends = [{"uid": row["uid"], "from_uid": learner_uid, "to_uid": row["other"]["uid"]}
            for row in rows]  # fmt: skip
    kinds = {row["other"]["uid"]: row["other"]["node_kind"] for row in rows}
    kinds[learner_uid] = NodeKind.LEARNER.value
    kept, shown = relationship_checks.readable_among(graph, caller, ends, kinds)
    uids = {rel["uid"] for rel in kept}
    shown.pop(learner_uid, None)  # the learner in question: each caller records their purpose
    return [row for row in rows if row["uid"] in uids], shown


def is_active(row: dict[str, Any], today: date) -> bool:
    return row["until"] is None or row["until"] > today


def at_risk(
    rows: Iterable[dict[str, Any]], caring_types: Iterable[str], days: int
) -> list[dict[str, Any]]:
    """Return the caring ties among `rows` that are quiet or end within `days` days."""
    today = clock.today()
    soon, quiet_before = today + timedelta(days=days), today - timedelta(days=days)
    caring = set(caring_types)
    found = []
    for row in rows:
        other = row["other"]
        if (
            row["type"] not in caring
            or other["node_kind"] not in CARERS
            or other.get("archived_at") is not None
            or row["connection_status"] != "active"
            or not is_active(row, today)
        ):
            continue
        risk = _risk(row, soon, quiet_before)
        if risk is not None:
            found.append(_shaped(row, risk))
    return found


def _risk(row: dict[str, Any], soon: date, quiet_before: date) -> str | None:
    if row["until"] is not None and row["until"] <= soon:
        return "ending"
    last = row["last_interaction_at"]
    if last is not None:
        day = last.date() if isinstance(last, datetime) else last
        return "quiet" if day < quiet_before else None
    return "quiet" if row["since"] is None or row["since"] < quiet_before else None


def _shaped(row: dict[str, Any], risk: str) -> dict[str, Any]:
    other = row["other"]
    return {
        "uid": row["uid"], "type": row["type"], "adult_uid": other["uid"],
        "adult_name": other["name"], "adult_kind": other["node_kind"], "since": row["since"],
        "until": row["until"], "last_interaction_at": row["last_interaction_at"], "risk": risk,
    }  # fmt: skip
