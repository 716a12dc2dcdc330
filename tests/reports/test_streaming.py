"""Every row of a report, streamed (CSV and NDJSON) a page at a time: the stream's rows are
the paged rows, each learner it names is recorded once, a stream whose audit cannot be
written stops, the CLI streams the same way."""

import json
from collections import Counter
from typing import Any

import pytest
from fastapi.testclient import TestClient

from lrm_graph import reports
from lrm_graph.access import audit
from lrm_graph.auth.caller import Caller, Role, Scope
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph, connect
from lrm_graph.errors import LrmError
from tests import factories
from tests.access.scope_world import audit_entries
from tests.audit_blocked import audit_blocked, audit_locked
from tests.reports.support import csv_rows, lrm_report
from tests.reports.test_paging import every_row, get, world

ADMIN = Caller(kind="account", id="acct-admin", role=Role.ADMIN, display="admin@example.org",
               scopes=frozenset(Scope))  # fmt: skip


def keys(name: str, rows: list[dict[str, Any]]) -> list[tuple]:
    """Return each row's section and unique key, as text (CSV holds text only)."""
    report = reports.get(name)
    found = []
    for row in rows:
        section = report.section(row.get("section") or report.sections[0].name)
        found.append((section.name, *(str(row[f.lstrip("-")]) for f in section.order)))
    return found


def paged(name: str, sections: dict[str, list]) -> list[tuple]:
    return keys(name, [{"section": s, **row} for s, rows in sections.items() for row in rows])


def test_the_streamed_rows_are_the_paged_rows(client: TestClient) -> None:
    world(client)
    for name in reports.REPORTS:
        whole = paged(name, every_row(client, name))
        for path, params in ((f"/v1/reports/{name}.csv", {}),
                             (f"/v1/reports/{name}", {"format": "csv"})):  # fmt: skip
            response = client.get(path, params=params)
            assert response.status_code == 200, response.text
            assert response.headers["content-type"].startswith("text/csv")
            assert response.headers["content-disposition"].endswith('.csv"')
            assert keys(name, csv_rows(response.text)) == whole, name
        response = client.get(f"/v1/reports/{name}", params={"format": "ndjson"})
        assert response.headers["content-type"].startswith("application/x-ndjson")
        lines = [json.loads(line) for line in response.text.splitlines()]
        assert keys(name, lines) == whole, name


def test_a_stream_of_small_pages_is_every_row_once(client: TestClient, graph: Graph,
                                                   settings: Settings) -> None:  # fmt: skip
    world(client)
    request = audit.Request(ADMIN, "stream test", None)
    for name in reports.REPORTS:
        options = reports.Options(min_learners=1) if name == "fragile" else reports.Options()
        whole = reports.run(graph, settings, name, reports.Filters(), options)
        expected = paged(name, {k: v for k, v in whole["sections"].items() if v is not None})
        for size in (1, 2, 5):
            stream = reports.stream_report(graph, request, settings, name, reports.Filters(),
                                           options, "ndjson", size=size)  # fmt: skip
            lines = [json.loads(line) for chunk in stream.chunks for line in chunk.splitlines()]
            assert keys(name, lines) == expected, (name, size)


def test_a_stream_records_each_learner_once(client: TestClient, graph: Graph) -> None:
    world(client)
    response = client.get("/v1/reports/no-community.csv")
    listed = {row["learner_uid"] for row in csv_rows(response.text)}
    entries = audit_entries(graph, "GET /v1/reports/no-community.csv")
    counted = Counter(e["learner_uid"] for e in entries)
    assert set(counted) == listed and set(counted.values()) == {1}


def test_a_stream_whose_audit_cannot_be_written_stops(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    for _ in range(6):
        factories.learner(client)
    quick = settings.model_copy(update={"query_timeout": 2.0})
    short = connect(quick)
    try:
        request = audit.Request(ADMIN, "stream stop test", None)
        stream = reports.stream_report(short, request, quick, "unmentored", reports.Filters(),
                                       reports.Options(), "csv", size=2)  # fmt: skip
        header, first = next(stream.chunks), next(stream.chunks)
        assert header.startswith("section,") and len(first.splitlines()) == 2
        with audit_locked(graph), pytest.raises(LrmError):
            next(stream.chunks)
    finally:
        short.close()
    recorded = [e for e in audit.list_entries(graph, limit=100).items
                if e["what"] == "stream stop test"]  # fmt: skip
    assert len(recorded) == 2  # the first page's two learners: nothing after it was sent


def test_a_stream_whose_first_audit_fails_is_a_503_problem(
    graph: Graph, settings: Settings, client: TestClient
) -> None:
    factories.learner(client)
    with audit_blocked(graph, settings) as blocked:
        response = blocked.get("/v1/reports/unmentored.csv")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"


def test_a_bad_format_is_a_422(client: TestClient) -> None:
    response = client.get("/v1/reports/unmentored", params={"format": "xml"})
    assert response.status_code == 422
    assert get(client, "unmentored")["report"] == "unmentored"


def test_the_cli_streams_csv_and_ndjson(client: TestClient, settings: Settings) -> None:
    world(client)
    whole = paged("voice-mismatch", every_row(client, "voice-mismatch"))
    as_csv = lrm_report(settings, "voice-mismatch", "--format", "csv")
    assert as_csv.exit_code == 0, as_csv.output
    assert keys("voice-mismatch", csv_rows(as_csv.stdout)) == whole
    as_ndjson = lrm_report(settings, "voice-mismatch", "--format", "ndjson")
    lines = [json.loads(line) for line in as_ndjson.stdout.splitlines()]
    assert keys("voice-mismatch", lines) == whole
