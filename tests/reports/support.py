"""What the report tests share: dates around today, report calls, the CLI, a few builders."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from fastapi.testclient import TestClient
from typer.testing import CliRunner, Result

from cli.main import app
from lrm_graph import clock
from lrm_graph.config import Settings, get_settings
from tests import factories
from tests.cli_env import cli_env

runner = CliRunner()


def day(offset: int) -> date:
    """Return today plus `offset` days (negative: in the past)."""
    return clock.today() + timedelta(days=offset)


def moment(offset: int) -> str:
    """Return noon UTC, `offset` days from today, as ISO text."""
    return datetime.combine(day(offset), time(12), tzinfo=UTC).isoformat()


def report(client: TestClient, name: str, **params: Any) -> dict[str, Any]:
    """GET a report as JSON; assert it answered 200."""
    response = client.get(f"/v1/reports/{name}", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def section(client: TestClient, name: str, part: str, **params: Any) -> list[dict[str, Any]]:
    return report(client, name, **params)["sections"][part]


def uids(rows: list[dict[str, Any]], key: str = "learner_uid") -> list[str]:
    return [row[key] for row in rows]


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def lrm_report(settings: Settings, *args: str) -> Result:
    """Run `lrm report ...` against the test database with fresh settings."""
    get_settings.cache_clear()
    try:
        return runner.invoke(app, ["report", *args], env=cli_env(settings))
    finally:
        get_settings.cache_clear()


def learner_uids(client: TestClient, count: int, **fields: Any) -> list[str]:
    return [factories.learner(client, **fields)["uid"] for _ in range(count)]


def end(client: TestClient, rel: dict[str, Any], until: date | None = None) -> dict[str, Any]:
    """End a relationship on `until` (default today); a later day leaves it active till then."""
    body = {"until": until.isoformat()} if until else {}
    response = client.post(f"/v1/relationships/{rel['uid']}/end", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def touch(client: TestClient, rel: dict[str, Any], offset: int) -> dict[str, Any]:
    """Record the last interaction of a relationship `offset` days from today."""
    response = client.patch(
        f"/v1/relationships/{rel['uid']}", json={"last_interaction_at": moment(offset)}
    )
    assert response.status_code == 200, response.text
    return response.json()


def archive(client: TestClient, plural: str, uid: str) -> None:
    response = client.delete(f"/v1/{plural}/{uid}")
    assert response.status_code == 200, response.text


def enroll(client: TestClient, learner: str, organization: str) -> dict[str, Any]:
    return factories.relate(client, "ENROLLED_AT", learner, organization)


def join(client: TestClient, person: str, community: str) -> dict[str, Any]:
    return factories.relate(client, "MEMBER_OF", person, community)
