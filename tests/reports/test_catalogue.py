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
            "scope",
            "filters",
            "parameters",
            "caring_types",
            "today",
            "generated_at",
            "summary",
            "sections",
            "limit",
            "next_cursor",
            "next_cursors",
        }, name
        assert set(answer["summary"]["total"]) <= set(answer["sections"])
        assert answer["limit"] == 100 and answer["next_cursor"] is None
        assert answer["scope"] == "the whole district"  # the client signs in as an admin
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


LEARNER = ["learner_uid", "learner_name", "grade_level"]
ADULT = ["adult_uid", "adult_name", "adult_kind"]
ELEMENTS = ["express_care", "challenge_growth", "provide_support", "share_power",
            "expand_possibilities"]  # fmt: skip
SHARES = ["caring_adult", "two_caring_adults", "community", "goal", "connected_goal"]
# The CSV header of each report, as it was before the rows were declared once: a row's
# fields are its columns, so this pins both.
CSV_HEADERS = {
    "unmentored": ["section", *LEARNER, "reason", "relationships"],
    "fragile": ["section", *LEARNER, *ADULT, "learners", "learner_uids"],
    "caseloads": [
        *ADULT[:2],
        "roles",
        "capacity",
        "learners",
        "learners_in_scope",
        "room",
        "status",
    ],
    "no-community": ["section", *LEARNER],
    "voice-mismatch": ["section", *LEARNER, *ADULT, "types", "trusted_since"],
    "coverage": [
        "organization_uid",
        "organization_name",
        "grade_level",
        "learners",
        *(f"{part}_{share}" for share in SHARES for part in ("with", "share")),
    ],
    "relationship-elements": ["section", *LEARNER, "relationships", "lacking", *ELEMENTS],
}


def test_csv_header_of_every_report_is_its_rows_fields(client: TestClient) -> None:
    for name, header in CSV_HEADERS.items():
        response = client.get(f"/v1/reports/{name}.csv")
        assert response.status_code == 200, response.text
        assert response.text.splitlines()[0].split(",") == header, name


def test_answer_schema_lists_each_sections_row(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    for report in reports.REPORTS.values():
        for section in report.sections:
            row = schemas[section.row.__name__]
            assert list(row["properties"]) == list(section.columns), section.name
