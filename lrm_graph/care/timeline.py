"""A learner's timeline: relationships begun and ended, goals set, interactions,
interventions opened and closed, and notes, in time order, each as the caller may read it.

Events from a day (a relationship's `since`, an intervention's `start`) stand at the start
of that day (UTC) and say `precision: "day"`; the rest are instants. `from` and `to` are
days, both included.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit
from lrm_graph.care import interactions, interventions, notes, paging, ties
from lrm_graph.care.team import STAFF_SIDE, Place, person, place
from lrm_graph.db.graph import Graph
from lrm_graph.errors import InvalidInput

MAX_EVENTS = 1000
Event = dict[str, Any]


def timeline(
    graph: Graph,
    request: audit.Request,
    learner_uid: str,
    start: date | None = None,
    end: date | None = None,
    limit: int = MAX_EVENTS,
) -> dict[str, Any]:
    """Return the learner's events between `start` and `end` (days, included), oldest
    first, at most `limit` (the earliest); `truncated` says more were left out."""
    if start is not None and end is not None and start > end:
        raise InvalidInput("from is after to")
    caller = person(request)
    where = place(graph, caller, learner_uid)
    since = _instant(start) if start else None
    until = _instant(end + timedelta(days=1)) if end else None
    rows, peers = ties.readable(graph, caller, learner_uid)
    events = _relationship_events(rows)
    window = paging.Window(limit=limit, since=since, until=until)
    if where.standing in STAFF_SIDE:
        events += _interaction_events(graph, request, learner_uid, window)
        events += _intervention_events(graph, request, where)
    page = notes.list_for_learner(graph, request, learner_uid, window, record=False)
    events += [_note_event(note) for note in page.items]
    kept = sorted(
        (
            e
            for e in events
            if (since is None or e["at"] >= since) and (until is None or e["at"] < until)
        ),
        key=lambda e: (e["at"], e["kind"], e["uid"]),
    )
    audit.record(graph, request, "read", peers | {learner_uid: where.purpose})
    return {"learner_uid": learner_uid, "from": start, "to": end,
            "events": kept[:limit], "truncated": len(kept) > limit}  # fmt: skip


def _instant(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _day_event(day: date, kind: str, uid: str, **facts: Any) -> Event:
    return {"at": _instant(day), "precision": "day", "kind": kind, "uid": uid, **facts}


def _relationship_events(rows: list[dict[str, Any]]) -> list[Event]:
    today, events = clock.today(), []
    for row in rows:
        other = row["other"]
        facts = {"type": row["type"], "direction": "out" if row["outgoing"] else "in",
                 "other": {"uid": other["uid"], "node_kind": other["node_kind"],
                           "name": other.get("name") or other.get("title")}}  # fmt: skip
        goal = row["type"] == "PURSUES"
        if row["since"] is not None and row["since"] <= today:
            kind = "goal_set" if goal else "relationship_begun"
            events.append(_day_event(row["since"], kind, row["uid"], **facts))
        if row["until"] is not None and row["until"] <= today:
            kind = "goal_ended" if goal else "relationship_ended"
            events.append(_day_event(row["until"], kind, row["uid"], **facts))
    return events


def _interaction_events(
    graph: Graph, request: audit.Request, learner_uid: str, window: paging.Window
) -> list[Event]:
    page = interactions.list_for_learner(graph, request, learner_uid, window, record=False)
    return [
        {
            "at": i["at"],
            "precision": "instant",
            "kind": "interaction",
            "uid": i["uid"],
            "interaction_kind": i["kind"],
            "summary": i["summary"],
            "author_uid": i["author_uid"],
            "author_name": i["author_name"],
        }
        for i in page.items
    ]


def _intervention_events(graph: Graph, request: audit.Request, where: Place) -> list[Event]:
    plans = interventions.list_for_learner(graph, request, where.learner_uid, record=False)
    events = []
    for plan in plans:
        facts = {"what": plan["what"], "owner_uid": plan["owner_uid"],
                 "owner_name": plan["owner_name"]}  # fmt: skip
        events.append(_day_event(plan["start"], "intervention_opened", plan["uid"], **facts))
        if plan["closed_at"] is not None:
            events.append({"at": plan["closed_at"], "precision": "instant",
                           "kind": "intervention_closed", "uid": plan["uid"],
                           "outcome": plan["outcome"], **facts})  # fmt: skip
    return events


def _note_event(note: dict[str, Any]) -> Event:
    return {"at": note["created_at"], "precision": "instant", "kind": "note", "uid": note["uid"],
            "visibility": note["visibility"], "text": note["text"],
            "author_uid": note["author_uid"], "author_name": note["author_name"]}  # fmt: skip
