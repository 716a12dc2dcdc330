"""The list of reports, unknown names, and the shapes every report shares."""

from fastapi.testclient import TestClient

from lrm_graph import reports
from lrm_graph.config import Settings
from tests.reports.support import lrm_report

NAMES = [
    "unmentored", "fragile", "caseloads", "no-community", "voice-mismatch", "coverage",
    "relationship-elements",
]  # fmt: skip


def test_list_reports_names_each_with_a_description(client: TestClient) -> None:
    response = client.get("/v1/reports")
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["name"] for item in items] == NAMES
    assert all(item["description"] and "\n" not in item["description"] for item in items)
    fragile = items[1]
    assert fragile["options"] == ["min_learners", "without"]
    assert (fragile["path"], fragile["csv_path"]) == (
        "/v1/reports/fragile",
        "/v1/reports/fragile.csv",
    )


def test_unknown_report_is_404_problem(client: TestClient) -> None:
    for path in ("/v1/reports/mentors", "/v1/reports/mentors.csv"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"


def test_every_report_answers_the_shared_shape(client: TestClient) -> None:
    for name in NAMES:
        answer = client.get(f"/v1/reports/{name}").json()
        assert set(answer) == {
            "report",
            "description",
            "filters",
            "parameters",
            "caring_types",
            "today",
            "generated_at",
            "sections",
        }, name
        assert answer["caring_types"] == ["MENTORS", "ADVISES", "COACHES", "COUNSELS", "TRUSTS"]
        assert list(answer["sections"]) == [s.name for s in reports.get(name).sections]


def test_openapi_documents_every_report_and_its_csv(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for name in NAMES:
        assert f"/v1/reports/{name}" in paths and f"/v1/reports/{name}.csv" in paths


def test_cli_unknown_report_is_usage_error(settings: Settings) -> None:
    result = lrm_report(settings, "mentors")
    assert result.exit_code == 2


def test_cli_help_lists_every_report(settings: Settings) -> None:
    result = lrm_report(settings, "--help")
    assert result.exit_code == 0
    assert all(name in result.stdout for name in NAMES)
