"""Stored import reports keep no personal data of an erased learner: the values of their
rows (a name, an email) and their source id are replaced when they are erased."""

from pathlib import Path

from fastapi.testclient import TestClient

from lrm_graph.db.graph import Graph
from tests.imports import support, tiny
from tests.imports.test_imports_api import job, upload

STORED = "MATCH (j:ImportJob) RETURN j.report_json AS report, j.errors_json AS errors"


def test_erasing_a_learner_scrubs_their_values_from_stored_reports(
    client: TestClient, graph: Graph, tmp_path: Path
) -> None:
    upload(client, support.zipped(tiny.write(tmp_path / "clean", tiny.rows())))
    files = tiny.rows()
    files["users"][0]["email"] = "ada at home"  # stu1's row: an error, skipped
    files["users"][1]["email"] = "bo at home"  # stu2's: stays
    done = job(client, upload(client, support.zipped(tiny.write(tmp_path / "bad", files)),
                              max_skipped=100)["id"])  # fmt: skip
    assert done["status"] == "succeeded"
    assert "ada at home" in str(done["report"]) and "stu1" in str(done["report"])
    stu1 = support.by_source(client, "learners", "stu1")
    export = client.get(f"/v1/learners/{stu1['uid']}/export").json()
    [named] = [j for j in export["import_jobs"] if j["id"] == done["id"]]
    assert {p["value"] for p in named["problems"]} >= {"ada at home"}

    assert client.post(f"/v1/learners/{stu1['uid']}/erase").status_code == 204

    rows = graph.driver.execute_query(STORED, database_=graph.database).records
    stored = " ".join(f"{row['report']} {row['errors']}" for row in rows)
    assert "ada at home" not in stored and "'stu1'" not in stored and '"stu1"' not in stored
    assert "bo at home" in stored  # another learner's problem stays as it was
    again = job(client, done["id"])
    assert again["report"]["errors"] == done["report"]["errors"]
