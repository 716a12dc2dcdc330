"""A bulk load by an organization's key writes only within its organization (policy (h));
a roster import is the district's (policy (i))."""

from __future__ import annotations

import io
from typing import Any

from fastapi.testclient import TestClient

from lrm_graph.auth.caller import Scope
from lrm_graph.db.graph import Graph
from tests.access.scope_world import key_headers, two_schools


def person(kind: str, source_id: str, **fields: Any) -> dict[str, Any]:
    body = {"kind": kind, "source_id": source_id, "given_name": "Tavi", "family_name": "Orr"}
    return body | ({"roles": ["mentor"]} if kind == "adult" else {}) | fields


def by_source(kind: str, source_id: str) -> dict[str, str]:
    return {"kind": kind, "source_id": source_id}


def load(client: TestClient, nodes: list, relationships: list, headers: dict | None = None) -> Any:
    body = {"nodes": nodes, "relationships": relationships}
    response = client.post("/v1/bulk", json=body, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def other_school(client: TestClient, school_b: dict) -> None:
    """Load, as the admin, a learner and an adult of school B (by source id)."""
    b = {"uid": school_b["uid"]}
    answer = load(
        client,
        [person("learner", "B1"), person("adult", "TB")],
        [
            {"type": "ENROLLED_AT", "from": by_source("learner", "B1"), "to": b},
            {"type": "WORKS_AT", "from": by_source("adult", "TB"), "to": b},
        ],
    )
    assert answer["rejected"] == []


def test_org_key_bulk_rows_outside_its_organization_are_rejected(
    client: TestClient, graph: Graph
) -> None:
    schools = two_schools(client)
    a, b = ({"uid": schools[f"school_{x}"]["uid"]} for x in "ab")
    other_school(client, schools["school_b"])
    key = key_headers(graph, a["uid"], Scope.WRITE, Scope.READ)
    nodes = [
        person("learner", "B1", given_name="Renamed"),  # 0: B's learner
        person("learner", "A9"),  # 1: new, enrolled at A below
        person("learner", "X9"),  # 2: new, enrolled nowhere
        person("adult", "TB", given_name="Renamed"),  # 3: works at B
        person("adult", "TA"),  # 4: new, tied to no one
    ]
    relationships = [
        {"type": "ENROLLED_AT", "from": by_source("learner", "A9"), "to": a},  # 0
        {"type": "MENTORS", "from": by_source("adult", "TA"), "to": by_source("learner", "B1")},
        {"type": "ENROLLED_AT", "from": by_source("learner", "A9"), "to": b},  # 2
        {"type": "MENTORS", "from": by_source("adult", "TA"), "to": by_source("learner", "A9")},
    ]
    answer = load(client, nodes, relationships, key)
    reasons = {(r["section"], r["index"]): r["reason"] for r in answer["rejected"]}
    assert sorted(reasons) == [
        ("nodes", 0), ("nodes", 2), ("nodes", 3), ("relationships", 1), ("relationships", 2),
    ]  # fmt: skip
    assert "another organization" in reasons[("nodes", 0)]
    assert "ENROLLED_AT" in reasons[("nodes", 2)]
    assert "not one this key sees" in reasons[("relationships", 1)]
    assert "another organization" in reasons[("relationships", 2)]
    assert (answer["nodes"]["created"], answer["relationships"]["created"]) == (2, 2)
    names = {n["given_name"] for n in client.get("/v1/learners").json()["items"]}
    assert "Renamed" not in names
    adults = client.get("/v1/adults").json()["items"]
    assert {n["given_name"] for n in adults} == {"Tavi"}
    seen = client.get("/v1/learners", headers=key).json()["items"]
    assert [learner["source_id"] for learner in seen] == ["A9"]  # what it made, it sees


def test_district_key_bulk_is_not_confined(client: TestClient, graph: Graph) -> None:
    schools = two_schools(client)
    other_school(client, schools["school_b"])
    key = key_headers(graph, None, Scope.IMPORT)
    answer = load(
        client, [person("learner", "B1", given_name="Renamed"), person("learner", "Z")], [], key
    )
    assert answer["rejected"] == []
    assert answer["nodes"] == {"created": 1, "updated": 1, "unchanged": 0}


def test_org_key_may_not_import_a_roster(client: TestClient, graph: Graph) -> None:
    school = two_schools(client)["school_a"]
    key = key_headers(graph, school["uid"], Scope.IMPORT)
    upload = {"file": ("set.zip", io.BytesIO(b"PK\x05\x06" + b"\0" * 18), "application/zip")}
    response = client.post("/v1/imports/oneroster", files=upload, headers=key)
    assert response.status_code == 403, response.text
    assert "district" in response.json()["detail"]


def test_district_roster_import_is_recorded_before_it_runs(
    client: TestClient, graph: Graph
) -> None:
    key = key_headers(graph, None, Scope.IMPORT)
    upload = {"file": ("set.zip", io.BytesIO(b"PK\x05\x06" + b"\0" * 18), "application/zip")}
    response = client.post("/v1/imports/oneroster", files=upload, headers=key)
    assert response.status_code == 202, response.text
    items = client.get("/v1/audit", params={"limit": 1000}).json()["items"]
    assert [(e["what"], e["action"], e["purpose"]) for e in items
            if e["what"] == "POST /v1/imports/oneroster"] == [
        ("POST /v1/imports/oneroster", "write", "district")
    ]  # fmt: skip
