"""Where a report's learners are: the schools of some learners (a summary counts by them),
and the schools and communities a caller may filter a report by (the web app's report
pages)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit, report_scope
from lrm_graph.db.graph import Graph

School = tuple[str | None, str | None]  # (uid, name)
CHOICES_PER_KIND = 500  # more schools or communities than a list of choices can show


def schools_of(
    graph: Graph, learner_uids: Iterable[str], today: date
) -> dict[str, tuple[School, ...]]:
    """Return {learner uid: ((school uid, name), ...), by uid}: the organizations some
    learners are actively enrolled at (a learner enrolled nowhere is left out)."""
    uids = sorted(set(learner_uids))
    if not uids:
        return {}
    where: dict[str, list[School]] = {}
    for row in graph.read("reports/get_learner_schools", learner_uids=uids, today=today):
        where.setdefault(row["learner_uid"], []).append((row["school_uid"], row["school_name"]))
    return {uid: tuple(sorted(schools)) for uid, schools in where.items()}


def filter_choices(graph: Graph, request: audit.Request) -> dict[str, list[dict[str, Any]]]:
    """Return the organizations and communities the caller may filter reports by: those of
    the learners they see; 403 for a caller who may not run reports. Names no learner."""
    scope = report_scope.scope_for(graph, request.caller)
    rows = graph.read("reports/list_filter_choices", visible=scope.param(),
                      today=clock.today(), limit=CHOICES_PER_KIND)  # fmt: skip
    return {
        "organizations": [row for row in rows if row["node_kind"] == "organization"],
        "communities": [row for row in rows if row["node_kind"] == "community"],
    }
