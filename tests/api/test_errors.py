"""The one error shape: RFC 9457 problem+json, pinned, including a database outage."""

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.main import create_app
from lrm_graph.config import Settings
from lrm_graph.db import runtime
from tests.auth_helpers import ADMIN_HEADERS


def test_problem_shape_is_pinned(client: TestClient) -> None:
    response = client.get("/v1/learners/missing-uid")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json() == {
        "type": "/problems/not-found",
        "title": "Not found",
        "status": 404,
        "detail": "no learner with uid 'missing-uid'",
        "instance": "/v1/learners/missing-uid",
    }


def test_unknown_path_and_method_are_problems(client: TestClient) -> None:
    missing = client.get("/v1/no-such-resource")
    assert (missing.status_code, missing.json()["status"]) == (404, 404)
    wrong = client.put("/v1/learners")
    assert wrong.status_code == 405
    assert wrong.headers["content-type"] == "application/problem+json"


def test_database_outage_is_503_problem_not_a_trace(settings: Settings) -> None:
    dead = settings.model_copy(
        update={
            "neo4j_uri": f"bolt://127.0.0.1:{runtime.free_port()}",
            "neo4j_password": SecretStr("irrelevant"),
            "retry_seconds": 0.2,
        }
    )
    with TestClient(create_app(dead), headers=ADMIN_HEADERS) as client:
        assert client.get("/healthz").status_code == 200
        ready = client.get("/readyz")
        assert ready.status_code == 503
        response = client.post("/v1/learners", json={"given_name": "A", "family_name": "B"})
        assert response.status_code == 503
        assert response.headers["content-type"] == "application/problem+json"
        assert "Traceback" not in response.text
        assert client.get("/v1/relationships").status_code == 503


def test_healthz_and_readyz_answer(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready"}


@pytest.mark.parametrize(
    "path",
    ["/v1/relationships", "/v1/connections", "/v1/mentor-requests", "/v1/join-requests",
     "/v1/mapping-rounds", "/v1/learners/nobody/notes", "/v1/learners/nobody/interactions"],
)  # fmt: skip
def test_page_over_the_largest_allowed_is_a_422_problem(client: TestClient, path: str) -> None:
    response = client.get(path, params={"limit": 10**6})
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "limit may be at most" in response.json()["detail"]
