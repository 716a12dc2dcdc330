"""Request limits: bodies over the limit answer 413; failed sign-ins per address answer 429."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api import middleware
from api.main import create_app
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from tests import auth_helpers

PADDED = b'{"nodes": [], "relationships": []}' + b" " * 10_000  # valid JSON, 10 kB


@pytest.fixture
def small(settings: Settings, graph: Graph) -> Iterator[TestClient]:
    """An app with small limits, signed in as the admin."""
    limits = {"max_request_bytes": 2048, "max_upload_bytes": 65_536, "signin_ip_max_failures": 2}
    with TestClient(create_app(settings.model_copy(update=limits))) as client:
        auth_helpers.seed_admin(graph)
        client.headers.update(auth_helpers.ADMIN_HEADERS)
        yield client


def assert_413(response) -> None:
    assert response.status_code == 413, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert (problem["status"], problem["instance"]) == (413, "/v1/learners")
    assert "larger than" in problem["detail"]


def test_body_over_the_limit_is_413(client: TestClient) -> None:
    body = b'{"given_name": "' + b"a" * 1_100_000 + b'", "family_name": "B"}'
    headers = {"content-type": "application/json"}
    assert_413(client.post("/v1/learners", content=body, headers=headers))


def test_chunked_body_over_the_limit_is_413(small: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"given_name": "'
        yield b"a" * 4096
        yield b'", "family_name": "B"}'

    headers = {"content-type": "application/json"}
    assert_413(small.post("/v1/learners", content=chunks(), headers=headers))


def test_chunked_body_under_the_limit_is_read(small: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"given_name": "Ada", '
        yield b'"family_name": "Byron"}'

    response = small.post(
        "/v1/learners", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 201, response.text


def test_bulk_load_has_the_larger_upload_limit(small: TestClient) -> None:
    headers = {"content-type": "application/json"}
    assert small.post("/v1/bulk", content=PADDED, headers=headers).status_code == 200
    assert_413(small.post("/v1/learners", content=PADDED, headers=headers))
    too_big = PADDED + b" " * 65_536
    assert small.post("/v1/bulk", content=too_big, headers=headers).status_code == 413


def sign_in(client: TestClient, email: str, password: str):
    form = {"username": email, "password": password}
    return client.post("/v1/auth/token", data=form, headers={"Authorization": ""})


def test_failed_sign_ins_from_one_address_are_limited(small: TestClient) -> None:
    for _ in range(2):
        assert sign_in(small, "nobody@example.org", "wrong-password-1").status_code == 401
    refused = sign_in(small, "nobody@example.org", "wrong-password-1")
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/problem+json"
    assert int(refused.headers["Retry-After"]) > 0
    entries = small.get("/v1/audit").json()["items"]
    assert ("sign_in", "denied (429)") in {(e["action"], e["outcome"]) for e in entries}


def test_good_sign_ins_do_not_count_toward_the_address_limit(
    small: TestClient, graph: Graph
) -> None:
    from lrm_graph.auth import accounts
    from lrm_graph.auth.caller import Role

    password = "a-long-enough-password"
    accounts.create_user(graph, email="ada@example.org", role=Role.ADMIN, password=password)
    for _ in range(3):
        assert sign_in(small, "ada@example.org", password).status_code == 200


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_address_failures_older_than_the_window_are_forgotten() -> None:
    clock = FakeClock()
    limit = middleware.SignInLimit(app=None, max_failures=2, window_seconds=60, clock=clock)  # type: ignore[arg-type]
    limit._count_failure("10.0.0.1")
    clock.now += 61
    limit._count_failure("10.0.0.1")
    assert len(limit._recent("10.0.0.1")) == 1
    clock.now += 61
    assert len(limit._recent("10.0.0.1")) == 0
    assert "10.0.0.1" not in limit.failures


def test_many_failing_addresses_sweep_the_old_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(middleware, "MAX_TRACKED", 3)
    clock = FakeClock()
    limit = middleware.SignInLimit(app=None, max_failures=2, window_seconds=60, clock=clock)  # type: ignore[arg-type]
    for ip in ("a", "b", "c"):
        limit._count_failure(ip)
    clock.now += 61
    limit._count_failure("d")
    assert set(limit.failures) == {"d"}
