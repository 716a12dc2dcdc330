"""The `lrm` commands over learners' data are recorded in the audit as `cli:<OS user>`,
first; a command whose entry cannot be written fails and shows nothing."""

from __future__ import annotations

import getpass
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner, Result

from cli.main import app
from lrm_graph.config import Settings, get_settings
from lrm_graph.db.graph import Graph
from tests import factories
from tests.audit_blocked import audit_locked
from tests.cli_env import cli_env

runner = CliRunner()
OPERATOR = f"cli:{getpass.getuser()}"


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def lrm(settings: Settings, *args: str, **env: str) -> Result:
    return runner.invoke(app, list(args), env=cli_env(settings) | env)


def entries(client: TestClient, **params: str) -> list[tuple]:
    items = client.get("/v1/audit", params={"actor": OPERATOR, **params}).json()["items"]
    return [(e["actor"], e["action"], e["what"], e["purpose"], e.get("learner_uid")) for e in items]


def test_report_records_each_learner_it_shows(client: TestClient, settings: Settings) -> None:
    alone = factories.learner(client, given_name="Alone")
    result = lrm(settings, "report", "unmentored", "--format", "json")
    assert result.exit_code == 0, result.output
    assert "Alone" in result.output
    assert entries(client, learner=alone["uid"]) == [
        (OPERATOR, "read", "lrm report unmentored", "district", alone["uid"])
    ]


def test_analyze_records_each_learner_it_shows(client: TestClient, settings: Settings) -> None:
    alone = factories.learner(client)
    result = lrm(settings, "analyze", "structure", "--format", "json")
    assert result.exit_code == 0, result.output
    assert entries(client, learner=alone["uid"]) == [
        (OPERATOR, "read", "lrm analyze structure", "district", alone["uid"])
    ]


def test_import_and_audit_reads_are_recorded(
    client: TestClient, settings: Settings, tmp_path: Path
) -> None:
    learner = factories.learner(client)
    rows = {"nodes": [{"kind": "interest", "source_id": "knit", "name": "Knitting"}],
            "relationships": []}  # fmt: skip
    bulk_file = tmp_path / "lrm.json"
    bulk_file.write_text(json.dumps(rows), encoding="utf-8")
    assert lrm(settings, "import", "lrm", str(bulk_file)).exit_code == 0
    assert lrm(settings, "audit", "--learner", learner["uid"]).exit_code == 0
    got = {(what, action, purpose, uid) for _, action, what, purpose, uid in entries(client)}
    assert got == {
        ("lrm import lrm lrm.json", "write", "district", None),
        ("lrm audit", "read", "district", learner["uid"]),
    }


def test_report_fails_and_shows_nothing_when_its_entry_cannot_be_written(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    alone = factories.learner(client, given_name="Unrecorded")
    with audit_locked(graph):
        result = lrm(settings, "report", "unmentored", LRM_QUERY_TIMEOUT="2")
    assert result.exit_code == 1
    assert "Unrecorded" not in result.output
    assert entries(client, learner=alone["uid"]) == []
