"""`/dashboard`: "no learner without a caring adult" for school and district leaders, from
`lrm_graph.homes.dashboard`: the counts of the lists, each linking to its report page, and
coverage per school and grade over time as charts (Chart.js, drawn by
/static/js/dashboard.js from the numbers the page carries, with the same numbers in a
table), which the page asks for once it is there (`/dashboard/coverage`: six coverage
reports, the slow part)."""

from __future__ import annotations

from fastapi import Request
from starlette.responses import Response

from api.deps import GraphDep, SettingsDep
from lrm_graph.access import audit
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.homes import dashboard as use_case
from web.pages import render
from web.routing import web_router
from web.session import AuditDep, SessionDep, WebSession

router = web_router(tags=["web"])


@router.get("/dashboard")
def dashboard(
    request: Request, session: SessionDep, asking: AuditDep, graph: GraphDep, settings: SettingsDep
) -> Response:
    """Show the dashboard over the learners the caller sees (403 for those who may not run
    reports)."""
    return leader_home(request, session, asking, graph, settings, heading="Dashboard")


@router.get("/dashboard/coverage")
def coverage(
    request: Request, session: SessionDep, asking: AuditDep, graph: GraphDep, settings: SettingsDep
) -> Response:
    """Show coverage per school and grade over time: within the dashboard (htmx asks for it
    once the page is there), or as a page of its own."""
    board = use_case.coverage_over_time(graph, asking, settings)
    within = request.headers.get("HX-Request") == "true"
    template = "dashboard/_coverage.html" if within else "dashboard/coverage.html"
    return render(request, session, template, {"board": board})


def leader_home(
    request: Request,
    session: WebSession,
    asking: audit.Request,
    graph: Graph,
    settings: Settings,
    heading: str = "No learner without a caring adult",
) -> Response:
    """A school or district leader's home: the dashboard."""
    board = use_case.dashboard(graph, asking, settings)
    return render(request, session, "dashboard/page.html", {"board": board, "heading": heading})
