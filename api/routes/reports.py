"""Reports: the list of them, each as JSON, and each as a CSV download.

Each runs over the learners the caller may see (`lrm_graph.reports.run_report`), and
every learner an answer names is recorded in the audit before the answer leaves.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from api.deps import GraphDep, SettingsDep
from api.disclosure import AuditDep
from api.schemas.reports import MODELS, ReportList, ReportQuery
from lrm_graph import reports

router = APIRouter(prefix="/reports", tags=["reports"])

CSV_TYPE = "text/csv; charset=utf-8"
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "The report as one CSV file."}
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


def csv_download(result: dict[str, Any]) -> Response:
    """Return a report as a CSV attachment named after the report and the day."""
    filename = f"{result['report']}-{result['today'].isoformat()}.csv"
    return Response(
        reports.to_csv(result),
        media_type=CSV_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def add_report(name: str) -> None:
    """Add `GET /reports/<name>` (JSON, or CSV with ?format=csv) and `/reports/<name>.csv`."""
    query_model, answer_model = MODELS[name]
    report = reports.get(name)

    def run(
        params: ReportQuery, graph: GraphDep, settings: SettingsDep, request: AuditDep
    ) -> dict[str, Any]:
        return reports.run_report(
            graph, request, settings, name, params.filters(), params.options()
        )

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
        result = run(params, graph, settings, request)
        return csv_download(result) if params.format == "csv" else result  # type: ignore[attr-defined]

    @router.get(
        f"/{name}.csv",
        response_class=Response,
        summary=f"{name} as a CSV download",
        responses=CSV_RESPONSE,
        operation_id=f"reports_{name.replace('-', '_')}_csv",
    )
    def get_report_csv(
        params: Annotated[query_model, Query()],  # type: ignore[valid-type]
        graph: GraphDep,
        settings: SettingsDep,
        request: AuditDep,
    ) -> Response:
        return csv_download(run(params, graph, settings, request))


for _name in reports.REPORTS:
    add_report(_name)
