"""The leaders' dashboard of "no learner without a caring adult": how many learners each
list of the unmentored, fragile and no-community reports holds (each report's summary:
one aggregate query, no row read), and coverage per school and grade over time (the
coverage report as of several days: the chart, asked for after the page), over the
learners the caller sees. It shows counts only, no learner: nothing to record in the
audit besides a refusal.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from lrm_graph import clock, reports
from lrm_graph.access import audit, report_scope
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph

POINTS = 6  # days on the chart: today and every STEP before it
STEP = timedelta(days=30)
COUNTED = {  # the lists the dashboard counts: (report, section)
    "without_caring_adult": ("unmentored", "learners"),
    "at_risk": ("unmentored", "at_risk"),
    "one_caring_adult": ("fragile", "one_caring_adult"),
    "sole_adults": ("fragile", "sole_adults"),
    "no_community": ("no-community", "no_community"),
    "no_home_base": ("no-community", "no_home_base"),
}


def days(today: date, points: int = POINTS) -> list[date]:
    """Return the days the chart shows, oldest first, ending today."""
    return [today - STEP * back for back in reversed(range(points))]


def dashboard(graph: Graph, request: audit.Request, settings: Settings) -> dict[str, Any]:
    """Return how many each list of the reports holds today; 403 for a caller who may not
    run reports."""
    with audit.operation(graph, request, "read") as op:
        scope = report_scope.scope_for(op.graph, request.caller)
        names = dict.fromkeys(report for report, _ in COUNTED.values())
        totals = {
            name: reports.summary_of(op.graph, settings, name, reports.Filters(),
                                     reports.Options(), scope)["total"]
            for name in names
        }  # fmt: skip
        counts = {key: totals[r][s] for key, (r, s) in COUNTED.items()}
        return {"today": clock.today(), "counts": counts}


def coverage_over_time(graph: Graph, request: audit.Request, settings: Settings) -> dict[str, Any]:
    """Return coverage per organization and grade as of today and every STEP before it
    (the chart: the slow part of the dashboard, asked for after it); 403 for a caller who
    may not run reports."""
    with audit.operation(graph, request, "read") as op:
        scope = report_scope.scope_for(op.graph, request.caller)
        today = clock.today()
        over_time = [
            (day, _run(op.graph, settings, scope, "coverage", as_of=day)["sections"]["groups"])
            for day in days(today)
        ]
        return {"today": today, "schools": _by_school(over_time)}


def _run(
    graph: Graph, settings: Settings, scope: report_scope.ReportScope, name: str, **options: Any
) -> dict[str, Any]:
    return reports.run(graph, settings, name, reports.Filters(), reports.Options(**options),
                       scope)  # fmt: skip


def _by_school(over_time: list[tuple[date, list[dict[str, Any]]]]) -> list[dict[str, Any]]:
    """Regroup coverage rows as one series per school and grade, school by school."""
    schools: dict[str | None, dict[str, Any]] = {}
    for day, groups in over_time:
        for row in groups:
            uid = row["organization_uid"]
            school = schools.setdefault(
                uid, {"uid": uid, "name": row["organization_name"], "grades": {}}
            )
            school["grades"].setdefault(row["grade_level"], {})[day] = row
    days_shown = [day for day, _ in over_time]
    answer = []
    for school in sorted(schools.values(), key=lambda s: (s["name"] or "", s["uid"] or "")):
        # Grades with learners today: before an enrollment began its learners were in no
        # school, a group that says nothing about coverage now.
        grades = sorted(
            (
                (grade, by_day)
                for grade, by_day in school["grades"].items()
                if days_shown[-1] in by_day
            ),
            key=lambda g: g[0] or "",
        )
        if not grades:
            continue
        series = [_series(grade, by_day, days_shown) for grade, by_day in grades]
        answer.append({**school, "days": days_shown, "grades": series})
    return answer


def _series(grade: str | None, by_day: dict[date, Any], days_shown: list[date]) -> dict[str, Any]:
    """One grade's coverage rows by day (None: no learner that day), and the shares with a
    caring adult the chart draws."""
    points = [by_day.get(day) for day in days_shown]
    shares = [None if p is None else p["share_caring_adult"] for p in points]
    return {"grade": grade, "points": points, "shares": shares}
