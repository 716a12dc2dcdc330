"""Interactions the care team logs: a check-in, a meeting, a message, an event.

One logged interaction is one `Interaction` node per learner it touched, sharing
`interaction_uid` (the uid the API shows). Logging it sets `last_interaction_at` on the
author's active caring relationships with each learner, so a quiet relationship is no
longer quiet in the unmentored report, and counts as a check-in of the author's open
interventions for each learner.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit, visibility
from lrm_graph.auth.caller import Caller, Scope
from lrm_graph.care import on_record, paging
from lrm_graph.care.team import (
    RECORDERS,
    STAFF_SIDE,
    Place,
    author_uid,
    person,
    places,
    require_standing,
)
from lrm_graph.config import DEFAULT_CARING_TYPES
from lrm_graph.db.graph import Graph
from lrm_graph.db.pages import Page
from lrm_graph.errors import InvalidInput, NotFound
from lrm_graph.store import nodes

MAX_LEARNERS = 50
# How far ahead of our clock a client's `at` may be: clocks differ a little.
CLOCK_SKEW = timedelta(minutes=2)


class InteractionKind(StrEnum):
    CHECK_IN = "check_in"
    MEETING = "meeting"
    MESSAGE = "message"
    EVENT = "event"


def log(
    graph: Graph,
    request: audit.Request,
    learner_uids: list[str],
    kind: InteractionKind,
    summary: str,
    at: datetime | None = None,
    *,
    caring_types: Iterable[str] = DEFAULT_CARING_TYPES,
) -> dict[str, Any]:
    """Log an interaction with some learners; nothing is written unless the caller may log
    it for every one of them (404 for a learner they do not see, 403 off the care team).
    It touches the author's active relationships of `caring_types` (the setting the
    reports' quiet list reads) with each learner."""
    caller = person(request, Scope.WRITE)
    now = clock.now()
    at = _checked(learner_uids, at, now)
    found = places(graph, caller, learner_uids)
    for where in found:
        require_standing(where, RECORDERS, "logging an interaction")
    audit.record(graph, request, "write", {w.learner_uid: w.purpose for w in found})
    uid = nodes.new_uid()
    graph.write(
        "care/create_interaction",
        rows=[{"uid": nodes.new_uid(), "learner_uid": lu} for lu in learner_uids],
        interaction_uid=uid,
        author_uid=author_uid(caller),
        kind=kind.value,
        summary=summary,
        at=at,
        now=now,
        today=clock.today(),
        caring_types=list(caring_types),
    )
    return get(graph, request, uid, record=False)


def _checked(learner_uids: list[str], at: datetime | None, now: datetime) -> datetime:
    if not 1 <= len(learner_uids) <= MAX_LEARNERS:
        raise InvalidInput(f"an interaction names 1 to {MAX_LEARNERS} learners")
    if len(set(learner_uids)) != len(learner_uids):
        raise InvalidInput("learner_uids names a learner twice")
    if at is None:
        return now
    if at.tzinfo is None:
        raise InvalidInput("at needs a time zone (e.g. 2025-03-01T10:00:00Z)")
    if at > now + CLOCK_SKEW:
        raise InvalidInput("at is in the future; log an interaction once it has happened")
    return at


def get(graph: Graph, request: audit.Request, uid: str, *, record: bool = True) -> dict[str, Any]:
    """Return one interaction showing only the learners the caller may read it for."""
    caller = person(request)
    rows = graph.read("care/get_interaction", interaction_uid=uid)
    shown = _readable(graph, caller, [row["i"]["learner_uid"] for row in rows])
    if not shown:
        raise NotFound(f"no interaction with uid {uid!r}")
    if record:
        audit.record(graph, request, "read", shown)
    return _answer(rows[0]["i"], rows[0]["author_name"], sorted(shown))


def _readable(graph: Graph, caller: Caller, learner_uids: list[str]) -> dict[str, str]:
    """Return {uid: purpose} of the learners whose interactions the caller may read."""
    if not learner_uids:
        return {}
    visible = visibility.visible_learners(graph, caller, only=learner_uids)
    seen = [uid for uid in learner_uids if visible is None or uid in visible]
    readable = places(graph, caller, seen) if seen else []
    return {w.learner_uid: w.purpose for w in readable if w.standing in STAFF_SIDE}


def _answer(node: dict[str, Any], author_name: str | None, learners: list[str]) -> dict[str, Any]:
    return {
        "uid": node["interaction_uid"],
        "learner_uids": learners,
        "kind": node["kind"],
        "summary": node["summary"],
        "at": node["at"],
        "author_uid": node["author_uid"],
        "author_name": author_name,
        "created_at": node["created_at"],
    }


def list_for_learner(
    graph: Graph,
    request: audit.Request,
    learner_uid: str,
    window: paging.Window = paging.FIRST_PAGE,
    *,
    record: bool = True,
) -> Page:
    """Return one page of a learner's interactions, newest first (staff side only)."""
    caller = person(request)
    where = places(graph, caller, [learner_uid])[0]
    require_standing(where, STAFF_SIDE, "reading interactions")
    rows = on_record.read(graph, learner_uid, interactions=window)["interactions"]
    page, shown = page_of(graph, caller, where, rows, window)
    if record:
        audit.record(graph, request, "read", shown)
    return page


def page_of(
    graph: Graph, caller: Caller, where: Place, rows: list[dict[str, Any]], window: paging.Window
) -> tuple[Page, dict[str, str]]:
    """Return the page of a learner's interactions read already (`on_record.read`) for a
    caller on the staff side, and the learners it shows ({uid: purpose}): another learner
    an interaction touched is listed only when the caller may read theirs too."""
    kept, next_cursor = paging.cut([row["i"] for row in rows], window.limit, "at")
    rows = rows[: len(kept)]
    others = sorted({uid for row in rows for uid in row["learner_uids"]} - {where.learner_uid})
    shown = {where.learner_uid: where.purpose} | _readable(graph, caller, others)
    items = [
        _answer(row["i"], row["author_name"], [u for u in row["learner_uids"] if u in shown])
        for row in rows
    ]
    return Page(items, next_cursor), shown
