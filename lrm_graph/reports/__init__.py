"""The reports of "no learner without a caring adult", as the API, the CLI and the web app
ask for them: one use case each.

`run_report` checks that the caller may run reports, runs one over the learners they see
(`runner.run`) and records every learner the answer names in the audit, in one
transaction, before the answer leaves. `list_reports` names the reports there are
(`catalogue`), for callers who may run them. Each section's row is declared once, in
`rows`; its CSV columns and the API's models derive from it.
"""

from __future__ import annotations

from typing import Any

from lrm_graph.access import audit, report_scope
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.reports.catalogue import REPORTS, Report, Section, describe, get
from lrm_graph.reports.common import (
    DEFAULT_DAYS,
    DEFAULT_MIN_LEARNERS,
    Filters,
    InvalidSetting,
    Options,
    caring_types,
)
from lrm_graph.reports.paging import EVERY_ROW, PageRequest
from lrm_graph.reports.runner import disclosed, run, summary_of, to_csv, to_rows
from lrm_graph.reports.stream import Stream, stream_report

__all__ = [
    "DEFAULT_DAYS",
    "DEFAULT_MIN_LEARNERS",
    "EVERY_ROW",
    "REPORTS",
    "Filters",
    "InvalidSetting",
    "Options",
    "PageRequest",
    "Report",
    "Section",
    "Stream",
    "caring_types",
    "describe",
    "disclosed",
    "get",
    "list_reports",
    "run",
    "run_report",
    "stream_report",
    "summary_of",
    "to_csv",
    "to_rows",
]


def list_reports(request: audit.Request) -> list[dict[str, Any]]:
    """Return each report's name, description, sections and options; 403 for a caller
    who may not run reports (the list names no learner: nothing to record)."""
    report_scope.check_reader(request.caller)
    return describe()


def run_report(
    graph: Graph,
    request: audit.Request,
    settings: Settings,
    name: str,
    filters: Filters,
    options: Options,
    page: PageRequest = EVERY_ROW,
    summary: bool = False,
) -> dict[str, Any]:
    """Run the report `name` for the caller, over the learners they may see (a page of
    each section, and the summary on a first page, as `run` says), and record each
    learner its answer names.

    403 for a caller who may not run reports; 404 for an unknown report (or, for a caller
    who sees the whole district, an unknown filter node); 422 for a bad value or cursor.
    """
    with audit.operation(graph, request, "read") as op:
        scope = report_scope.scope_for(op.graph, request.caller)
        result = run(op.graph, settings, name, filters, options, scope, page, summary)
        op.record(scope.purposes(disclosed(result)))
        return result | {"scope": scope.describe()}
