"""POST /v1/imports/oneroster (a zipped set) answers 202 with a job; GET /v1/imports/{id}."""

import json
from pathlib import Path

from fastapi.testclient import TestClient

from api.main import create_app
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from tests import factories
from tests.auth_helpers import ADMIN_HEADERS, seed_caller
from tests.imports import support


def upload(client: TestClient, body: bytes, name: str = "roster.zip", **params: bool) -> dict:
    files = {"file": (name, body, "application/zip")}
    response = client.post("/v1/imports/oneroster", files=files, params=params)
    assert response.status_code == 202, response.text
    assert response.headers["Location"] == f"/v1/imports/{response.json()['id']}"
    return response.json()


def with_unknown_class(tmp_path: Path) -> tuple[Path, list[dict[str, str]]]:
    """Return a district whose first enrollment names a class it does not have."""
    out = support.district(tmp_path)
    header, rows = support.read(out, "enrollments.csv")
    rows[0]["classSourcedId"] = "cls-nope"
    support.write(out, "enrollments.csv", header, rows)
    return out, rows


def job(client: TestClient, job_id: str) -> dict:
    response = client.get(f"/v1/imports/{job_id}")
    assert response.status_code == 200, response.text
    return response.json()


def test_upload_answers_202_with_a_queued_job(client: TestClient, tmp_path: Path) -> None:
    queued = upload(client, support.zipped(support.district(tmp_path)))
    assert (queued["status"], queued["kind"], queued["source"]) == (
        "queued",
        "oneroster",
        "roster.zip",
    )
    assert (queued["counts"], queued["errors"]) == ({}, [])


def test_uploaded_set_is_imported_and_the_job_has_its_counts(
    client: TestClient, tmp_path: Path
) -> None:
    out = support.district(tmp_path)
    done = job(client, upload(client, support.zipped(out))["id"])
    roster = support.manifest(out)["roster_relationships"]
    assert done["status"] == "succeeded" and done["finished_at"] is not None
    assert done["counts"]["per_kind"]["learner"]["created"] == support.LEARNERS
    assert done["counts"]["relationships"]["created"] == sum(roster.values())
    assert support.count(client, "learners") == support.LEARNERS


def test_uploaded_set_again_changes_nothing(client: TestClient, tmp_path: Path) -> None:
    body = support.zipped(support.district(tmp_path))
    upload(client, body)
    again = job(client, upload(client, body)["id"])
    assert again["counts"]["nodes"]["created"] == again["counts"]["relationships"]["created"] == 0
    assert again["counts"]["nodes"]["updated"] == again["counts"]["relationships"]["updated"] == 0


def test_uploaded_bad_set_in_strict_mode_is_rejected_with_its_report(
    client: TestClient, tmp_path: Path
) -> None:
    out, rows = with_unknown_class(tmp_path)
    rejected = job(client, upload(client, support.zipped(out), strict=True)["id"])
    assert rejected["status"] == "rejected"
    problem = {
        "file": "enrollments.csv", "line": 2, "column": "classSourcedId",
        "code": "dangling-reference", "severity": "error", "value": "cls-nope",
        "message": "no class with sourcedId 'cls-nope' in classes.csv",
        "user": rows[0]["userSourcedId"], "knock_ons": [],
    }  # fmt: skip
    assert rejected["errors"] == rejected["report"]["problems"] == [problem]
    assert rejected["detail"].startswith("enrollments.csv line 2, column classSourcedId")
    assert support.count(client, "learners") == 0


def test_uploaded_set_with_an_error_imports_the_rest_and_reports_it(
    client: TestClient, tmp_path: Path
) -> None:
    out, _ = with_unknown_class(tmp_path)
    body = support.zipped(out)
    checked = job(client, upload(client, body, check=True)["id"])
    assert checked["status"] == "checked" and support.count(client, "learners") == 0
    done = job(client, upload(client, body)["id"])
    assert done["status"] == "succeeded"
    assert done["report"] == checked["report"]
    assert done["report"]["files"]["enrollments.csv"]["skipped"] == 1
    assert [p["code"] for p in done["report"]["problems"]] == ["dangling-reference"]
    roster = support.manifest(out)["roster_relationships"]
    assert done["counts"]["relationships"]["created"] == sum(roster.values()) - 1
    assert support.count(client, "learners") == support.LEARNERS


def test_upload_that_is_not_a_zip_is_rejected(client: TestClient) -> None:
    rejected = job(client, upload(client, b"sourcedId,name\n", "roster.csv")["id"])
    assert rejected["status"] == "rejected"
    assert "cannot be read" in rejected["errors"][0]["message"]
    # The problem names the file as uploaded, never the server's temporary file.
    assert rejected["errors"][0]["file"] == "roster.csv"
    assert "lrm-oneroster" not in json.dumps(rejected)


def test_an_uploaded_name_with_folders_is_staged_by_its_own_name(client: TestClient) -> None:
    rejected = job(client, upload(client, b"not a zip", "../../etc/district.zip")["id"])
    assert rejected["status"] == "rejected"
    assert rejected["errors"][0]["file"] == "district.zip"
    assert "lrm-oneroster" not in json.dumps(rejected)


def test_import_job_is_kept_in_the_graph_for_any_api_instance(
    client: TestClient, settings: Settings, tmp_path: Path
) -> None:
    queued = upload(client, support.zipped(support.district(tmp_path)))
    with TestClient(create_app(settings), headers=ADMIN_HEADERS) as other_instance:
        answer = other_instance.get(f"/v1/imports/{queued['id']}")
    assert answer.status_code == 200
    assert answer.json()["status"] == "succeeded"


def test_upload_needs_the_import_scope(client: TestClient, graph: Graph, tmp_path: Path) -> None:
    learner = factories.learner(client)
    headers = seed_caller(graph, "learner", person_uid=learner["uid"])
    files = {"file": ("roster.zip", support.zipped(support.district(tmp_path)), "application/zip")}
    response = client.post("/v1/imports/oneroster", files=files, headers=headers)
    assert response.status_code == 403
    assert "import" in response.json()["detail"]
    assert support.count(client, "organizations") == 0


def test_unknown_import_job_is_404(client: TestClient) -> None:
    response = client.get("/v1/imports/nope")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
