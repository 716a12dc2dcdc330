"""`/reports` and `/reports/{name}`: each report of `/v1/reports` as a page, and as a CSV
(the API's very CSV, streamed) and a PDF download.

A page takes what `GET /v1/reports/{name}` takes (the filters by school, grade and
community, the report's own options, `limit` and `cursor`), parsed by the API's own query
model, and runs the API's use case (`lrm_graph.reports.run_report`): the first page leads
with the summary (counts per school, grade and reason), then a page of each section;
each section's "next page" link carries the section's cursor. Asked for by htmx, a later
page answers only its rows, which the page adds below the ones it shows. Every learner
shown is audited as the API audits it.
"""

from __future__ import annotations

from typing import Annotated, get_args
from urllib.parse import urlencode

from fastapi import Path, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.responses import Response

from api.deps import GraphDep, SettingsDep
from api.routes.reports import streamed
from api.schemas.reports import MODELS, ReportQuery
from lrm_graph import clock, reports
from lrm_graph.reports import places
from lrm_graph.reports.common import MAX_DAYS, MAX_SCORE, REASONS
from lrm_graph.reports.paging import MAX_LIMIT
from lrm_graph.store.fields import Grade
from web import report_table
from web.pages import render
from web.pdf import pdf_response
from web.routing import web_router
from web.session import AuditDep, SessionDep

router = web_router(prefix="/reports", tags=["web"])
Name = Annotated[str, Path(min_length=1, max_length=64)]
NOT_KEPT = ("format", "cursor")  # a page's links keep every other field the form sent


def asked(name: str, request: Request) -> tuple[ReportQuery, dict[str, str]]:
    """Return what a report's form (or link) asked for, read by the API's query model of
    the report, and the fields it sent (an empty choice: none; `limit` defaults to the
    web's page size). 404 for an unknown report, 422 (a page) for a value not valid."""
    model = MODELS[reports.get(name).name][0]
    sent = {key: value.strip() for key, value in request.query_params.items()
            if key in model.model_fields and key not in NOT_KEPT and value.strip()}  # fmt: skip
    try:
        query = model.model_validate(
            {"limit": report_table.PAGE_SIZE, **sent, "cursor": request.query_params.get("cursor")}
        )
    except ValidationError as exc:
        raise RequestValidationError(exc.errors()) from None
    return query, sent


@router.get("")
def report_list(request: Request, session: SessionDep, asking: AuditDep) -> Response:
    """List the reports there are, each with what it finds."""
    found = reports.list_reports(asking)
    return render(request, session, "reports/index.html", {"reports": found})


@router.get("/{name}.csv")
def report_csv(name: Name, request: Request, asking: AuditDep, graph: GraphDep,
               settings: SettingsDep) -> Response:  # fmt: skip
    """Download the report as the API's CSV (`GET /v1/reports/{name}.csv`), streamed."""
    query, _ = asked(name, request)
    return streamed(reports.stream_report(graph, asking, settings, name, query.filters(),
                                          query.options()))  # fmt: skip


@router.get("/{name}.pdf")
def report_pdf(name: Name, request: Request, asking: AuditDep, graph: GraphDep,
               settings: SettingsDep) -> Response:  # fmt: skip
    """Download the report as a PDF: its summary and every row, in the page's own tables."""
    query, _ = asked(name, request)
    result = reports.run_report(graph, asking, settings, name, query.filters(), query.options(),
                                reports.EVERY_ROW, summary=True)  # fmt: skip
    context = {"result": result, "tables": report_table.tables(result),
               "description": report_table.described(result),
               "counts": report_table.counts(result)}  # fmt: skip
    filename = f"{result['report']}-{result['today'].isoformat()}.pdf"
    return pdf_response(request, "reports/report_print.html", context, filename)


@router.get("/{name}")
def report_page(name: Name, request: Request, session: SessionDep, asking: AuditDep,
                graph: GraphDep, settings: SettingsDep) -> Response:  # fmt: skip
    """Show the report with its filters and options; on its first page the summary, then a
    page of each section with a link to the next."""
    query, sent = asked(name, request)
    result = reports.run_report(graph, asking, settings, name, query.filters(), query.options(),
                                query.page(), summary=True)  # fmt: skip
    default_limit = str(report_table.PAGE_SIZE)
    kept = {k: v for k, v in sent.items() if not (k == "limit" and v == default_limit)}
    context = {
        "result": result,
        "tables": report_table.tables(result),
        "query": urlencode(kept),
        "limit": query.limit,
    }
    if query.cursor and request.headers.get("HX-Request"):  # the rows alone, to add
        return render(request, session, "reports/_more.html", context)
    downloads = {k: v for k, v in kept.items() if k != "limit"}
    context |= {
        "description": report_table.described(result),
        "counts": report_table.counts(result),
        "choices": places.filter_choices(graph, asking),
        "adults": report_table.adults_named(result),
        "grades": get_args(Grade),
        "reasons": {reason: report_table.REASONS[reason] for reason in REASONS},
        "chosen": sent,
        "downloads": urlencode(downloads),
        "options": reports.get(name).options,
        "bounds": {
            "days": MAX_DAYS,
            "threshold": MAX_SCORE,
            "limit": MAX_LIMIT,
            "today": clock.today().isoformat(),
        },
        "first_page": f"/reports/{name}" + (f"?{urlencode(kept)}" if kept else ""),
    }
    return render(request, session, "reports/report.html", context)
