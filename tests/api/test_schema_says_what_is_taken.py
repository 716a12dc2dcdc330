"""The OpenAPI document says what the app takes and what it refuses (schemathesis holds it
to that in tests/test_schemathesis.py; these pin each rule where it is made)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from lrm_graph.config import Settings
from tests import factories


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return create_app(Settings(page_size_max=300)).openapi()  # the document only


def _parameter(spec: dict[str, Any], path: str, name: str) -> dict[str, Any]:
    [found] = [p for p in spec["paths"][path]["get"]["parameters"] if p["name"] == name]
    return found


def test_a_page_size_is_bounded_by_the_setting(spec: dict[str, Any]) -> None:
    assert _parameter(spec, "/v1/learners", "limit")["schema"]["maximum"] == 300
    assert _parameter(spec, "/v1/relationships", "limit")["schema"]["maximum"] == 300
    assert _parameter(spec, "/v1/audit", "limit")["schema"]["maximum"] == 1000  # its own


def test_a_cursor_is_opaque(spec: dict[str, Any]) -> None:
    [text] = [
        b
        for b in _parameter(spec, "/v1/learners", "cursor")["schema"]["anyOf"]
        if b.get("type") == "string"
    ]
    assert text["format"] == "cursor"


def test_an_upsert_by_source_documents_created_and_takes_no_source_id(spec: dict[str, Any]) -> None:
    put = spec["paths"]["/v1/learners/by-source/{source_id}"]["put"]
    assert {"200", "201"} <= set(put["responses"])
    replace = spec["components"]["schemas"]["LearnerReplace"]
    assert "source_id" not in replace["properties"] and "given_name" in replace["required"]


def test_a_change_names_a_field_and_keeps_what_is_required(spec: dict[str, Any]) -> None:
    update = spec["components"]["schemas"]["LearnerUpdate"]
    assert update["minProperties"] == 1
    assert update["properties"]["given_name"]["type"] == "string"  # no null: it stays
    assert {"type": "null"} in update["properties"]["preferred_name"]["anyOf"]


def test_a_name_says_which_characters_it_refuses(spec: dict[str, Any]) -> None:
    pattern = re.compile(
        spec["components"]["schemas"]["LearnerCreate"]["properties"]["given_name"]["pattern"]
    )
    assert pattern.search("Ava")
    assert not pattern.search("A\u202eva") and not pattern.search("A\u0085va")


def test_a_method_a_literal_path_does_not_take_is_405_with_allow(client: TestClient) -> None:
    # PATCH /v1/interventions/{uid} would take "overdue" as a uid (a 404) without the guard
    patched = client.patch("/v1/interventions/overdue", json={"what": "x"})
    assert (patched.status_code, patched.headers["allow"]) == (405, "GET")
    asked = client.options("/v1/imports/oneroster")
    assert (asked.status_code, asked.headers["allow"]) == (405, "POST")


@pytest.mark.parametrize(
    "field, value",
    [("directory_opt_out", 0), ("birth_date", 0), ("birth_date", "0"), ("grade_level", 9)],
)
def test_a_body_value_of_another_json_type_is_refused(
    client: TestClient, field: str, value: Any
) -> None:
    body = {"given_name": "Ava", "family_name": "Diaz", field: value}
    answer = client.post("/v1/learners", json=body)
    assert answer.status_code == 422, answer.text
    assert answer.json()["errors"][0]["loc"] == ["body", field]


def test_a_whole_number_written_with_a_point_is_an_integer(client: TestClient) -> None:
    mentor = factories.adult(client, caseload_capacity=3.0)
    assert mentor["caseload_capacity"] == 3


@pytest.mark.parametrize("query", ["since=0.5", "until=1700000000", "since=yesterday"])
def test_an_audit_time_is_iso_8601(client: TestClient, query: str) -> None:
    assert client.get(f"/v1/audit?{query}").status_code == 422
    assert client.get("/v1/audit?since=2024-01-01T08:00:00Z").status_code == 200
    assert client.get("/v1/audit?since=2024-01-01").status_code == 200  # as before


def test_a_timeline_date_is_iso_8601(client: TestClient) -> None:
    ava = factories.learner(client)
    assert client.get(f"/v1/learners/{ava['uid']}/timeline?to=0").status_code == 422
    assert client.get(f"/v1/learners/{ava['uid']}/timeline?to=2030-01-01").status_code == 200
