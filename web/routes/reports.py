"""`/reports` and `/reports/{name}`: each report of `/v1/reports` as a page (filters by
school, grade and community, counts per school and grade, a paged table whose rows link
to the learner), and as a CSV (the API's very CSV) and a PDF download. Each runs through
`lrm_graph.reports.run_report`, the API's use case, and is audited as the API audits it."""

from __future__ import annotations

from typing import Annotated, Any, get_args
from urllib.parse import urlencode

from fastapi import Path, Query, Request
from starlette.responses import Response

from api.deps import GraphDep, SettingsDep
from api.routes.reports import streamed
from lrm_graph import reports
from lrm_graph.access import audit
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.reports import places
from lrm_graph.store.fields import Grade
from web.pages import render
from web.pdf import pdf_response
from web.report_table import described, tables
from web.routing import web_router
from web.session import AuditDep, SessionDep

router = web_router(prefix="/reports", tags=["web"])
Name = Annotated[str, Path(min_length=1, max_length=64)]
Filter = Annotated[str, Query(max_length=128)]


def _filters(organization: str, grade: str, community: str) -> reports.Filters:
    """Return the filters a form sent (an empty choice: no filter)."""
    return reports.Filters(organization.strip() or None, grade.strip() or None,
                           community.strip() or None)  # fmt: skip


def _run(graph: Graph, asking: audit.Request, settings: Settings, name: str,
         filters: reports.Filters) -> dict[str, Any]:  # fmt: skip
    return reports.run_report(graph, asking, settings, name, filters, reports.Options())


@router.get("")
def report_list(request: Request, session: SessionDep, asking: AuditDep) -> Response:
    """List the reports there are, each with what it finds."""
    found = reports.list_reports(asking)
    return render(request, session, "reports/index.html", {"reports": found})


@router.get("/{name}.csv")
def report_csv(
    name: Name, asking: AuditDep, graph: GraphDep, settings: SettingsDep,
    organization: Filter = "", grade: Filter = "", community: Filter = "",
) -> Response:  # fmt: skip
    """Download the report as the API's CSV (`GET /v1/reports/{name}.csv`), streamed."""
    filters = _filters(organization, grade, community)
    return streamed(reports.stream_report(graph, asking, settings, name, filters,
                                          reports.Options()))  # fmt: skip


@router.get("/{name}.pdf")
def report_pdf(
    name: Name, request: Request, asking: AuditDep, graph: GraphDep, settings: SettingsDep,
    organization: Filter = "", grade: Filter = "", community: Filter = "",
) -> Response:  # fmt: skip
    """Download the report as a PDF: every row, in the page's own tables."""
    result = _run(graph, asking, settings, name, _filters(organization, grade, community))
    context = {"result": result, "tables": tables(result, {}, size=0),
               "description": described(result),
               "counts": places.counts_by_school_and_grade(graph, result)}  # fmt: skip
    filename = f"{result['report']}-{result['today'].isoformat()}.pdf"
    return pdf_response(request, "reports/report_print.html", context, filename)


@router.get("/{name}")
def report_page(
    name: Name, request: Request, session: SessionDep, asking: AuditDep, graph: GraphDep,
    settings: SettingsDep,
    organization: Filter = "", grade: Filter = "", community: Filter = "",
) -> Response:  # fmt: skip
    """Show the report with its filters, counts per school and grade, and a page of rows."""
    filters = _filters(organization, grade, community)
    result = _run(graph, asking, settings, name, filters)
    pages = {key[len("page-"):]: _number(value) for key, value in request.query_params.items()
             if key.startswith("page-")}  # fmt: skip
    chosen = {k: v for k, v in filters.params().items() if v is not None}
    context = {
        "result": result,
        "description": described(result),
        "tables": tables(result, pages),
        "counts": places.counts_by_school_and_grade(graph, result),
        "choices": places.filter_choices(graph, asking),
        "grades": get_args(Grade),
        "chosen": chosen,
        "query": urlencode(chosen),
        "reports": reports.describe(),
    }
    return render(request, session, "reports/report.html", context)


def _number(value: str) -> int:
    return int(value) if value.isdecimal() and len(value) < 7 else 1
