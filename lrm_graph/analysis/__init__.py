"""The analytics as the API, the CLI and the web app ask for them: one use case each.

`run_analytic` checks that the caller may run analytics, runs one over the learners they
see (`runner.run`: select, project, run the pure analytic of `analytics/`, shape) and
records every learner the answer names in the audit, in one transaction, before the answer
leaves.
"""

from __future__ import annotations

from lrm_graph.access import audit, report_scope
from lrm_graph.analysis import runner
from lrm_graph.analysis.answers import Report
from lrm_graph.analysis.options import LearnerFilter, Options
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph

__all__ = ["NAMES", "LearnerFilter", "Options", "Report", "run_analytic"]

NAMES = runner.NAMES


def run_analytic(
    graph: Graph,
    request: audit.Request,
    settings: Settings,
    name: str,
    filters: LearnerFilter,
    options: Options,
) -> Report:
    """Run the analytic `name` for the caller, over the learners they may see, and record
    each learner its answer names.

    403 for a caller who may not run analytics; 404 for an unknown analytic (or, for a
    caller who sees the whole district, an unknown organization or community); 422 for
    an option out of its range.
    """
    with audit.operation(graph, request, "read") as op:
        scope = report_scope.scope_for(op.graph, request.caller)
        report = runner.run(
            op.graph, name, filters, options, caring_types=settings.caring_types, scope=scope
        )
        op.record(scope.purposes(report.learners))
        return report
