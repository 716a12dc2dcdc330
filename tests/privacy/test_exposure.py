"""What answers never hold: stack traces, database internal ids; CORS only when configured;
secrets only from settings."""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from tests import auth_helpers, factories
from tests.safeguarding.support import propose

ROOT = Path(__file__).resolve().parents[2]
# Neo4j 5 element ids look like "4:9c3e...-...:17"; the old numeric ids appear as "id".
INTERNAL = re.compile(r"element_?id|elementId|Traceback|File \"/|\b\d+:[0-9a-f-]{36}:\d+\b")
ORIGIN = "https://school.example"


def test_answers_hold_no_internal_ids_or_traces(client: TestClient) -> None:
    learner, adult = factories.learner(client), factories.adult(client)
    rel = factories.relate(client, "MENTORS", adult["uid"], learner["uid"])
    expert = factories.expert(client, screening_status="cleared")
    connection = propose(client, expert["uid"], learner["uid"]).json()
    urls = [
        f"/v1/learners/{learner['uid']}",
        "/v1/learners",
        f"/v1/relationships/{rel['uid']}",
        f"/v1/relationships?node={learner['uid']}",
        f"/v1/learners/{learner['uid']}/network",
        f"/v1/learners/{learner['uid']}/export",
        f"/v1/connections/{connection['uid']}",
        "/v1/connections",
        "/v1/audit",
        "/v1/learners/no-such-uid",
        "/v1/learners?limit=0",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code < 500, (url, response.text)
        assert not INTERNAL.search(response.text), (url, response.text)
        assert '"id":' not in response.text.replace('"actor_id":', ""), url


@pytest.fixture
def app_with_failing_route(settings: Settings, graph: Graph) -> Iterator[TestClient]:
    app = create_app(settings)

    def boom() -> None:
        raise RuntimeError("Traceback: element_id 4:0b1f3c2e-1111-2222-3333-444455556666:7")

    app.add_api_route("/v1/boom", boom)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def test_unexpected_error_answers_500_without_details(app_with_failing_route: TestClient) -> None:
    response = app_with_failing_route.get("/v1/boom")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert not INTERNAL.search(response.text), response.text


def test_cors_off_by_default_sends_no_cors_headers(client: TestClient) -> None:
    preflight = client.options(
        "/v1/learners",
        headers={"Origin": ORIGIN, "Access-Control-Request-Method": "GET"},
    )
    plain = client.get("/v1/learners", headers={"Origin": ORIGIN})
    for response in (preflight, plain):
        assert not any(h.lower().startswith("access-control-") for h in response.headers)


@pytest.fixture
def cors_client(settings: Settings, graph: Graph) -> Iterator[TestClient]:
    configured = settings.model_copy(update={"cors_origins": (ORIGIN,)})
    with TestClient(create_app(configured)) as client:
        auth_helpers.seed_admin(graph)
        client.headers.update(auth_helpers.ADMIN_HEADERS)
        yield client


def test_cors_configured_allows_only_those_origins(cors_client: TestClient) -> None:
    allowed = cors_client.get("/v1/learners", headers={"Origin": ORIGIN})
    other = cors_client.get("/v1/learners", headers={"Origin": "https://elsewhere.example"})
    assert allowed.headers["access-control-allow-origin"] == ORIGIN
    assert "access-control-allow-origin" not in other.headers
    preflight = cors_client.options(
        "/v1/learners",
        headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "authorization, content-type"},
    )  # fmt: skip
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == ORIGIN


def test_environment_is_read_only_by_settings() -> None:
    """Secrets and every other setting come from `Settings`, never straight from os.environ
    (the runtime hands its environment on to the JVM it starts, and that is all)."""
    readers = set()
    for folder in ("lrm_graph", "api", "analytics", "cli"):
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if "os.environ" in text or "getenv" in text:
                readers.add(str(path.relative_to(ROOT)))
    assert readers <= {"lrm_graph/db/runtime.py"}
