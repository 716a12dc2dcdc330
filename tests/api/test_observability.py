"""Operable: /metrics in Prometheus format, an X-Request-ID on every answer and in every
log line, and JSON log lines on request."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from lrm_graph import logs
from lrm_graph.config import Settings
from tests import factories


def _sample(text: str, name: str, **labels: str) -> float:
    """Return one sample's value from a Prometheus text answer (0 when absent)."""
    wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in text.splitlines():
        match = re.match(rf"^{name}\{{(.*)\}} (\S+)$", line)
        if match and ",".join(sorted(match.group(1).split(","))) == wanted:
            return float(match.group(2))
    return 0.0


def test_metrics_count_requests_by_route_template_and_queries_by_name(
    client: TestClient,
) -> None:
    learner = factories.learner(client)
    before = client.get("/metrics").text
    route = {"method": "GET", "route": "/v1/learners/{uid}", "status": "200"}
    assert client.get(f"/v1/learners/{learner['uid']}").status_code == 200
    after = client.get("/metrics")
    assert after.headers["content-type"].startswith("text/plain; version=")
    counted = "lrm_http_requests_total"
    assert _sample(after.text, counted, **route) == _sample(before, counted, **route) + 1
    timed = "lrm_http_request_duration_seconds_count"
    assert _sample(after.text, timed, **route) == _sample(before, timed, **route) + 1
    assert learner["uid"] not in after.text  # templates, never raw paths
    assert re.search(
        r'^lrm_neo4j_query_duration_seconds_count\{query="[a-z_/]+"\} \d', after.text, re.M
    )
    assert re.search(r"^lrm_neo4j_connections_in_use \d", after.text, re.M)
    assert "lrm_import_jobs_running" in after.text


def test_every_answer_has_a_request_id_taken_from_the_request_when_given(
    client: TestClient,
) -> None:
    made = client.get("/healthz").headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", made)
    assert (
        client.get("/v1/learners/nobody", headers={"X-Request-ID": "abc-123"}).headers[
            "X-Request-ID"
        ]
        == "abc-123"
    )
    unusable = client.get("/healthz", headers={"X-Request-ID": "a b;" * 50})
    assert re.fullmatch(r"[0-9a-f]{32}", unusable.headers["X-Request-ID"])


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = logs.configure("json", stream=stream)
    yield stream
    logging.getLogger().removeHandler(handler)


def test_log_lines_carry_the_request_id_as_json(client: TestClient, json_log: io.StringIO) -> None:
    client.get("/v1/learners/nobody", headers={"X-Request-ID": "trace-7"})
    lines = [json.loads(line) for line in json_log.getvalue().splitlines()]
    mine = [line for line in lines if line["request_id"] == "trace-7"]
    assert any(
        line["logger"] == "lrm_graph.access" and "GET /v1/learners/nobody 404" in line["message"]
        for line in mine
    ), lines
    assert {"time", "level", "logger", "request_id", "message"} <= set(mine[0])


def test_an_unexpected_error_answers_500_with_the_request_id_in_answer_and_log(
    settings: Settings, json_log: io.StringIO
) -> None:
    app = create_app(settings)

    def fail() -> None:
        raise RuntimeError("planted")

    app.add_api_route("/planted-failure", fail)
    answer = TestClient(app, raise_server_exceptions=False).get(
        "/planted-failure", headers={"X-Request-ID": "boom-9"}
    )
    assert answer.status_code == 500
    assert answer.headers["X-Request-ID"] == "boom-9"
    assert answer.json()["status"] == 500
    lines = [json.loads(line) for line in json_log.getvalue().splitlines()]
    failure = [line for line in lines if "unexpected error on GET" in line["message"]]
    assert failure and failure[0]["request_id"] == "boom-9"
    assert "RuntimeError: planted" in failure[0]["exception"]
    assert any(
        line["request_id"] == "boom-9" and "GET /planted-failure 500" in line["message"]
        for line in lines
    ), lines
