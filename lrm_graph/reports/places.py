"""Where a report's learners are: the counts of a report per school and grade, and the
schools and communities a caller may filter a report by (the web app's report pages)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit, report_scope
from lrm_graph.db.graph import Graph

School = tuple[str | None, str | None]  # (uid, name)
CHOICES_PER_KIND = 500  # more schools or communities than a list of choices can show


def counts_by_school_and_grade(graph: Graph, result: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Return how many learners a report's answer lists per school and grade, by school
    name and grade (a learner enrolled at two schools counts in each; at none, under None).

    Only learners the answer names are counted, so this discloses no one new."""
    grades: dict[str, str | None] = {}
    for rows in result["sections"].values():
        for row in rows or ():
            if row.get("learner_uid") is not None:
                grades[row["learner_uid"]] = row.get("grade_level")
    schools = schools_of(graph, grades, clock.today())
    counted: Counter[tuple[str | None, str | None, str | None]] = Counter()
    for uid, grade in grades.items():
        for school_uid, school_name in schools.get(uid) or [(None, None)]:
            counted[(school_uid, school_name, grade)] += 1
    order = sorted(counted, key=lambda key: (key[1] or "~", key[2] or "", key[0] or ""))
    return [
        {"school_uid": school_uid, "school_name": school_name, "grade_level": grade,
         "learners": counted[(school_uid, school_name, grade)]}
        for school_uid, school_name, grade in order
    ]  # fmt: skip


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
