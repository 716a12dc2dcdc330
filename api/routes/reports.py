"""Reports: the list of them, each as JSON, and each as a CSV download.

Each runs over the learners the caller may see (`lrm_graph.reports.run_report`), and
every learner an answer names is recorded in the audit before the answer leaves.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from api.deps import GraphDep, SettingsDep
from api.disclosure import AuditDep
from api.schemas.reports import MODELS, ReportList, ReportQuery
from lrm_graph import reports

router = APIRouter(prefix="/reports", tags=["reports"])

CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {"text/csv": {}, "application/x-ndjson": {}},
        "description": "Every row, streamed: CSV (a section column first when the report "
        "has several) or NDJSON (one object a line, with its section).",
    }
}


@router.get("", response_model=ReportList)
def list_reports(request: AuditDep) -> Any:
    """List the reports, each with a one-line description and where to get it."""
    return {
        "items": [
            info
            | {"path": f"/v1/reports/{info['name']}", "csv_path": f"/v1/reports/{info['name']}.csv"}
            for info in reports.list_reports(request)
        ]
    }


def streamed(stream: reports.Stream) -> StreamingResponse:
    """Return a report's full list as a streamed attachment named after it and the day."""
    return StreamingResponse(
        (chunk.encode() for chunk in stream.chunks),
        media_type=stream.media_type,
        headers={"Content-Disposition": f'attachment; filename="{stream.filename}"'},
    )


def add_report(name: str) -> None:
    """Add `GET /reports/<name>` (JSON: a summary and a page; or every row streamed with
    ?format=csv|ndjson) and `/reports/<name>.csv`."""
    query_model, answer_model = MODELS[name]
    report = reports.get(name)

    def stream(
        params: ReportQuery, fmt: str, graph: GraphDep, settings: SettingsDep, request: AuditDep
    ) -> StreamingResponse:
        return streamed(reports.stream_report(graph, request, settings, name, params.filters(),
                                              params.options(), fmt))  # fmt: skip

    @router.get(
        f"/{name}",
        response_model=answer_model,
        summary=report.description,
        responses=CSV_RESPONSE,
        operation_id=f"reports_{name.replace('-', '_')}",
    )
    def get_report(
        params: Annotated[query_model, Query()],  # type: ignore[valid-type]
        graph: GraphDep,
        settings: SettingsDep,
        request: AuditDep,
    ) -> Any:
        if params.format != "json":  # type: ignore[attr-defined]
            return stream(params, params.format, graph, settings, request)  # type: ignore[attr-defined]
        return reports.run_report(graph, request, settings, name, params.filters(),  # type: ignore[attr-defined]
                                  params.options(), params.page(), summary=True)  # type: ignore[attr-defined]  # fmt: skip

    @router.get(
        f"/{name}.csv",
        response_class=StreamingResponse,
        summary=f"{name} as a CSV download, streamed",
        responses=CSV_RESPONSE,
        operation_id=f"reports_{name.replace('-', '_')}_csv",
    )
    def get_report_csv(
        params: Annotated[query_model, Query()],  # type: ignore[valid-type]
        graph: GraphDep,
        settings: SettingsDep,
        request: AuditDep,
    ) -> StreamingResponse:
        return stream(params, "csv", graph, settings, request)


for _name in reports.REPORTS:
    add_report(_name)
