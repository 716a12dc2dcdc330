"""The OpenAPI document is one a client generator can use: readable unique operation ids,
a description per tag, one name per schema, one Problem schema for every error status,
API keys as a scheme of their own."""

from __future__ import annotations

import re
from typing import Any

import pytest

from api.main import create_app
from lrm_graph.config import Settings


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return create_app(Settings()).openapi()  # the document only: nothing is connected


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(p, m, o) for p, methods in spec["paths"].items() for m, o in methods.items()]


def test_operation_ids_are_unique_and_readable(spec: dict[str, Any]) -> None:
    ids = [o["operationId"] for _, _, o in _operations(spec)]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", i) and "_v1_" not in i for i in ids)
    named = {(p, m): o["operationId"] for p, m, o in _operations(spec)}
    assert named[("/v1/relationships", "post")] == "relationships_create"
    assert named[("/v1/reports/unmentored", "get")] == "reports_unmentored"
    assert named[("/v1/learners/{uid}", "delete")] == "learners_archive"
    assert named[("/v1/mapping-rounds/{uid}/marks/{learner_uid}", "delete")] == (
        "mapping_rounds_take_back_mark"
    )


def test_every_tag_has_a_description(spec: dict[str, Any]) -> None:
    described = {t["name"]: t.get("description") for t in spec["tags"]}
    used = {t for _, _, o in _operations(spec) for t in o.get("tags", [])}
    assert used <= {name for name, text in described.items() if text}


def test_each_schema_has_one_name(spec: dict[str, Any]) -> None:
    names = spec["components"]["schemas"]
    assert not [n for n in names if "__" in n]
    assert {"OwnGoalOut", "GoalOut", "OwnCommunityOut", "CommunityOut", "PathStep"} <= set(names)


def test_errors_reference_one_problem_schema_by_their_own_statuses(spec: dict[str, Any]) -> None:
    problem = {"$ref": "#/components/schemas/Problem"}
    for path, method, operation in _operations(spec):
        responses = operation["responses"]
        assert not {"4XX", "5XX"} & set(responses), (path, method)
        for status, answer in responses.items():
            if int(status) >= 400:
                assert answer["content"] == {"application/problem+json": {"schema": problem}}
    statuses = {(p, m): set(o["responses"]) for p, m, o in _operations(spec)}
    assert {"401", "403", "404", "409", "422", "503"} <= statuses[("/v1/learners/{uid}", "patch")]
    assert {"401", "429"} <= statuses[("/v1/auth/token", "post")]
    assert "401" not in statuses[("/healthz", "get")]
    assert "HTTPValidationError" not in spec["components"]["schemas"]


def test_api_keys_are_a_security_scheme_of_their_own(spec: dict[str, Any]) -> None:
    assert spec["components"]["securitySchemes"]["ApiKey"]["scheme"] == "bearer"
    security = spec["paths"]["/v1/learners"]["get"]["security"]
    assert {"ApiKey": []} in security and {"OAuth2PasswordBearer": []} in security
