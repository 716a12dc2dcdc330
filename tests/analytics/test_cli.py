"""`lrm analyze`, through typer's CliRunner, against the session's test database."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner, Result

from cli.main import app
from lrm_graph.config import Settings, get_settings
from tests import factories
from tests.analytics.support import csv_rows, relate
from tests.cli_env import cli_env

runner = CliRunner()


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    """Let each invocation read the environment the test gives it."""
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def lrm(settings: Settings, *args: str) -> Result:
    return runner.invoke(app, ["analyze", *args], env=cli_env(settings))


def test_analyze_goal_gaps_csv(client: TestClient, settings: Settings) -> None:
    learner, goal, industry = (
        factories.learner(client),
        factories.goal(client),
        factories.industry(client),
    )
    relate(client, "PURSUES", learner, goal)
    relate(client, "IN_INDUSTRY", goal, industry)
    result = lrm(settings, "goal-gaps", "--format", "csv")
    assert result.exit_code == 0, result.output
    [row] = csv_rows(result.stdout)
    assert (row["learner_uid"], row["industry_name"], row["connected"]) == (
        learner["uid"],
        industry["name"],
        "false",
    )


def test_analyze_mentor_matches_json_is_the_api_answer(
    client: TestClient, settings: Settings
) -> None:
    factories.learner(client, grade_level="10")
    result = lrm(settings, "mentor-matches", "--format", "json", "--grade", "10")
    assert result.exit_code == 0, result.output
    assert (
        json.loads(result.stdout)
        == client.get("/v1/analytics/mentor-matches", params={"grade": "10"}).json()
    )


def test_analyze_structure_table(client: TestClient, settings: Settings) -> None:
    learner = factories.learner(client, given_name="Lin", family_name="Ng")
    result = lrm(settings, "structure")
    assert result.exit_code == 0, result.output
    assert "structure for the whole district: 1 rows" in result.stdout
    assert "Lin Ng" in result.stdout and learner["uid"][:8] in result.stdout
    assert learner["uid"] not in result.stdout  # a short uid; --wide shows it whole
    assert learner["uid"] in lrm(settings, "structure", "--wide").stdout
    as_csv = lrm(settings, "structure", "--grade", "10", "--format", "csv")
    assert as_csv.stderr == "structure for the whole district (grade=10)\n"


def test_analyze_community_filter_unknown_is_one_line_error(
    client: TestClient, settings: Settings
) -> None:
    result = lrm(settings, "community-suggestions", "--community", "no-such-club")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: no community with uid 'no-such-club'")
    assert len(result.stderr.strip().splitlines()) == 1


def test_analyze_bad_grade_or_k_is_one_line_error(settings: Settings) -> None:
    bad_grade = lrm(settings, "goal-gaps", "--grade", "99")
    assert (bad_grade.exit_code, bad_grade.stderr.startswith("error: grade '99'")) == (1, True)
    bad_k = lrm(settings, "goal-gaps", "--k", "0")
    assert (bad_k.exit_code, bad_k.stderr.strip()) == (1, "error: k must be between 1 and 6, not 0")


def test_analyze_unknown_name_exits_2(settings: Settings) -> None:
    assert lrm(settings, "no-such-analytic").exit_code == 2
