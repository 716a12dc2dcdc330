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
from lrm_graph.care import interactions, interventions, notes, on_record, paging, ties
from lrm_graph.care.team import STAFF_SIDE, person, place
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
    window = paging.Window(limit=limit, since=since, until=until)
    staff = where.standing in STAFF_SIDE  # interactions and interventions are theirs
    found = on_record.read(
        graph,
        learner_uid,
        relationships=ties.MAX_RELATIONSHIPS,
        interactions=window if staff else None,
        interventions=interventions.asked(caller, where, None) if staff else None,
        notes=notes.asked(caller, where, window),
    )
    rows, peers = ties.readable_rows(graph, caller, learner_uid, found["relationships"])
    events = _relationship_events(rows)
    if staff:
        page, _ = interactions.page_of(graph, caller, where, found["interactions"], window)
        events += [_interaction_event(item) for item in page.items]
        plans = [interventions.answer(row["v"], row["owner_name"])
                 for row in found["interventions"]]  # fmt: skip
        events += _intervention_events(plans)
    events += [_note_event(note) for note in notes.page_of(found["notes"], window).items]
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


def _interaction_event(item: dict[str, Any]) -> Event:
    return {
        "at": item["at"],
        "precision": "instant",
        "kind": "interaction",
        "uid": item["uid"],
        "interaction_kind": item["kind"],
        "summary": item["summary"],
        "author_uid": item["author_uid"],
        "author_name": item["author_name"],
    }


def _intervention_events(plans: list[dict[str, Any]]) -> list[Event]:
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
