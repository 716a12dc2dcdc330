"""Reports: the list of them, each as JSON, and each as a CSV download.

Each runs over the learners the caller may see, and every learner an answer names is
recorded in the audit (one batched write) before the answer leaves.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from api.auth import CallerDep
from api.deps import GraphDep, SettingsDep
from api.disclosure import AuditDep
from api.schemas.reports import MODELS, ReportList, ReportQuery
from lrm_graph import reports
from lrm_graph.access import audit, report_scope

router = APIRouter(prefix="/reports", tags=["reports"])

CSV_TYPE = "text/csv; charset=utf-8"
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "The report as one CSV file."}
}


@router.get("", response_model=ReportList)
def list_reports(caller: CallerDep) -> Any:
    """List the reports, each with a one-line description and where to get it."""
    report_scope.check_reader(caller)
    return {
        "items": [
            info
            | {"path": f"/v1/reports/{info['name']}", "csv_path": f"/v1/reports/{info['name']}.csv"}
            for info in reports.describe()
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
        params: ReportQuery,
        caller: CallerDep,
        graph: GraphDep,
        settings: SettingsDep,
        request: AuditDep,
    ) -> dict[str, Any]:
        scope = report_scope.scope_for(graph, caller)
        result = reports.run(graph, settings, name, params.filters(), params.options(), scope)
        audit.record(graph, request, "read", scope.purposes(reports.disclosed(result)))
        return result

    @router.get(
        f"/{name}",
        response_model=answer_model,
        summary=report.description,
        responses=CSV_RESPONSE,
    )
    def get_report(
        params: Annotated[query_model, Query()],  # type: ignore[valid-type]
        caller: CallerDep,
        graph: GraphDep,
        settings: SettingsDep,
        request: AuditDep,
    ) -> Any:
        result = run(params, caller, graph, settings, request)
        return csv_download(result) if params.format == "csv" else result  # type: ignore[attr-defined]

    @router.get(
        f"/{name}.csv",
        response_class=Response,
        summary=f"{name} as a CSV download",
        responses=CSV_RESPONSE,
    )
    def get_report_csv(
        params: Annotated[query_model, Query()],  # type: ignore[valid-type]
        caller: CallerDep,
        graph: GraphDep,
        settings: SettingsDep,
        request: AuditDep,
    ) -> Response:
        return csv_download(run(params, caller, graph, settings, request))


for _name in reports.REPORTS:
    add_report(_name)
