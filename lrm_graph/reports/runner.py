"""Run a report for a `ReportScope`, and turn its answer into rows and CSV.

`run` checks no caller and records nothing: the use case `lrm_graph.reports.run_report`
does both around it. Only the learners the scope sees are listed or counted, also in the
rows about adults. For a caller who sees only some learners, a filter or `without` that
names something outside their scope, or nothing at all, gives the same answer: an empty
report (a 404 would tell the two apart, and let uids be probed).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lrm_graph import clock, tabular
from lrm_graph.access.report_scope import DISTRICT, ReportScope
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.errors import InvalidInput
from lrm_graph.reports.catalogue import Report, get
from lrm_graph.reports.common import (
    DEFAULT_MIN_LEARNERS,
    Context,
    Filters,
    Options,
    Rows,
    caring_types,
    check_nodes,
    check_values,
)


def run(
    graph: Graph,
    settings: Settings,
    name: str,
    filters: Filters,
    options: Options,
    scope: ReportScope = DISTRICT,
) -> dict[str, Any]:
    """Run one report over the learners `scope` sees; 404 for an unknown report (or, for
    the whole district, an unknown filter node), 422 for a bad value."""
    report = get(name)
    unknown = sorted(options.given() - set(report.options))
    if unknown:
        takes = ", ".join(report.options) or "no options"
        raise InvalidInput(
            f"the {name} report does not take {', '.join(unknown)}; it takes {takes}"
        )
    today = clock.today()
    check_values(filters, options, today)
    caring = caring_types(settings.caring_types)
    if scope.whole_district:
        # Only here: within a part of the district, unknown and out of scope look alike.
        check_nodes(graph, filters, options)
    ctx = Context(filters, options, caring, today, scope.param(), settings.element_threshold)
    sections = report.compute(graph, ctx)
    return {
        "report": name,
        "description": report.description,
        "filters": filters.params(),
        "parameters": _parameters(report, ctx),
        "caring_types": caring.all,
        "today": today,
        "generated_at": clock.now(),
        "sections": dict(sections),
    }


def _parameters(report: Report, ctx: Context) -> dict[str, Any]:
    """Return the value each option of the report had in this run, defaults filled in."""
    effective = {
        "days": ctx.days,
        "min_learners": ctx.options.min_learners or DEFAULT_MIN_LEARNERS,
        "without": ctx.options.without,
        "as_of": ctx.options.as_of or ctx.today,
        "threshold": ctx.threshold,
        "reason": ctx.options.reason,
    }
    return {option: effective[option] for option in report.options}


def disclosed(result: Mapping[str, Any]) -> set[str]:
    """Return the uids of the learners a report's answer names (a count names nobody)."""
    found: set[str] = set()
    for rows in result["sections"].values():
        for row in rows or ():
            if row.get("learner_uid") is not None:
                found.add(row["learner_uid"])
            found.update(row.get("learner_uids") or ())
    return found


def to_rows(result: Mapping[str, Any]) -> tuple[Rows, list[str]]:
    """Return a report's rows as one list, with a `section` column when it has several."""
    report = get(result["report"])
    sections = [s for s in report.sections if result["sections"].get(s.name) is not None]
    if len(report.sections) == 1:
        only = report.sections[0]
        return list(result["sections"][only.name]), list(only.columns)
    columns = ["section", *tabular.columns_of([dict.fromkeys(s.columns) for s in sections])]
    rows = [{"section": s.name, **row} for s in sections for row in result["sections"][s.name]]
    return rows, columns


def to_csv(result: Mapping[str, Any]) -> str:
    """Return a report as one CSV (several sections share it, told apart by `section`)."""
    rows, columns = to_rows(result)
    return tabular.csv_text(rows, columns)
