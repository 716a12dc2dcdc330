"""An erased learner stays erased: a roster re-import or a bulk load skips them and says
so, and what remembers them holds nothing that names them."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from tests.imports import support

NAMED = "MATCH (n) WHERE any(k IN keys(n) WHERE n[k] = $value) RETURN count(n) AS nodes"


def erase(client: TestClient, uid: str) -> None:
    assert client.post(f"/v1/learners/{uid}/erase").status_code == 204


def nodes_holding(graph: Graph, value: str) -> int:
    records = graph.driver.execute_query(NAMED, value=value, database_=graph.database).records
    return int(records[0]["nodes"])


def test_roster_reimport_skips_an_erased_learner(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    out = support.district(tmp_path)
    support.run(graph, settings, out)
    _, users = support.read(out, "users.csv")
    source_id = next(u["sourcedId"] for u in users if u["sourcedId"].startswith("stu-"))
    erase(client, support.by_source(client, "learners", source_id)["uid"])

    again = support.run(graph, settings, out)

    assert support.count(client, "learners") == support.LEARNERS - 1
    assert again["skipped_erased"]["learners"] == 1
    assert again["skipped_erased"]["relationships"] >= 1  # their school, classes, guardians
    assert nodes_holding(graph, source_id) == 0  # the tombstone is a keyed hash


def test_delta_naming_an_erased_learner_is_not_rejected(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    out = support.district(tmp_path)
    support.run(graph, settings, out)
    header, enrollments = support.read(out, "enrollments.csv")
    row = next(e for e in enrollments if e["userSourcedId"].startswith("stu-"))
    erase(client, support.by_source(client, "learners", row["userSourcedId"])["uid"])
    delta = tmp_path / "delta"
    delta.mkdir()
    changed = row | {"status": "active", "dateLastModified": "2026-11-02T08:00:00Z"}
    support.write(delta, "enrollments.csv", header, [changed])
    support.set_modes(delta, enrollments="delta")

    done = support.run(graph, settings, delta)

    assert done["skipped_erased"] == {"learners": 0, "relationships": 1}
    assert nodes_holding(graph, row["userSourcedId"]) == 0


def test_bulk_load_skips_an_erased_learner(client: TestClient) -> None:
    row = {"kind": "learner", "source_id": "S1", "given_name": "Tavi", "family_name": "Orr"}
    school = client.post("/v1/organizations", json={"name": "North", "kind": "school"}).json()
    enroll = {"type": "ENROLLED_AT", "from": {"kind": "learner", "source_id": "S1"},
              "to": {"uid": school["uid"]}}  # fmt: skip
    body = {"nodes": [row], "relationships": [enroll]}
    first = client.post("/v1/bulk", json=body).json()
    assert first["skipped"] == {"erased_learners": 0, "relationships": 0}
    [learner] = client.get("/v1/learners").json()["items"]
    erase(client, learner["uid"])

    again = client.post("/v1/bulk", json=body).json()

    assert again["skipped"] == {"erased_learners": 1, "relationships": 1}
    assert (again["nodes"]["created"], again["rejected"]) == (0, [])
    assert client.get("/v1/learners").json()["items"] == []
