"""Where a report's learners are: the schools and communities a caller may filter a
report by (the web app's report pages)."""

from __future__ import annotations

from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit, report_scope
from lrm_graph.db.graph import Graph

CHOICES_PER_KIND = 500  # more schools or communities than a list of choices can show


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
