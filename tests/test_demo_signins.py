"""Demo sign-ins: six accounts for the demo school's people, passwords generated once."""

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from cli.main import app
from lrm_graph.config import Settings, get_settings
from lrm_graph.db.graph import Graph
from lrm_graph.demo import demo_school, signins
from lrm_graph.errors import InvalidInput
from tests.test_demo import database_env

ACCOUNTS = "MATCH (a:Account) WHERE a.email ENDS WITH '@demo.example' RETURN count(a) AS n"


def kept_in(settings: Settings, tmp_path: Path) -> Settings:
    return settings.model_copy(update={"data_dir": tmp_path})


def test_demo_signins_sign_in_and_see_their_learner(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    demo_school.load(graph, settings, learners=20, seed=7)
    made = signins.ensure(graph, kept_in(settings, tmp_path))
    roles = ["admin", "counselor", "teacher", "mentor", "learner", "guardian"]
    assert [s.role for s in made] == roles
    learner_uid = next(s.person_uid for s in made if s.role == "learner")
    for signin in made:
        form = {"username": signin.email, "password": signin.password}
        token = client.post("/v1/auth/token", data=form, headers={"Authorization": ""})
        assert token.status_code == 200, (signin.role, token.text)
        headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
        me = client.get("/v1/auth/me", headers=headers).json()
        assert (me["role"], me["person_uid"]) == (signin.role, signin.person_uid)
        sees = client.get("/v1/connections", params={"learner": learner_uid}, headers=headers)
        assert sees.status_code == 200, (signin.role, sees.text)


def test_demo_signins_keep_their_passwords_for_the_data_set(
    graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    demo_school.load(graph, settings, learners=20, seed=7)
    first = signins.ensure(graph, kept_in(settings, tmp_path))
    again = signins.ensure(graph, kept_in(settings, tmp_path))
    assert again == first
    count = graph.driver.execute_query(ACCOUNTS, database_=graph.database).records[0]["n"]
    assert count == 6


def test_demo_signins_are_generated_not_fixed(
    graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    demo_school.load(graph, settings, learners=20, seed=7)
    one = signins.ensure(graph, kept_in(settings, tmp_path / "one"))
    other = signins.ensure(graph, kept_in(settings, tmp_path / "other"))
    assert {s.password for s in one}.isdisjoint({s.password for s in other})
    assert all(len(s.password) >= 12 for s in one)


def test_demo_signins_file_is_readable_by_owner_only(
    graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    demo_school.load(graph, settings, learners=20, seed=7)
    signins.ensure(graph, kept_in(settings, tmp_path))
    assert (tmp_path / signins.FILE_NAME).stat().st_mode & 0o777 == 0o600


def test_demo_signins_before_the_demo_school_is_an_error(
    graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    with pytest.raises(InvalidInput, match="demo school is not loaded"):
        signins.ensure(graph, kept_in(settings, tmp_path))


def test_lrm_demo_prints_the_same_sign_ins_each_run(graph: Graph, settings: Settings) -> None:
    get_settings.cache_clear()
    try:
        runs = [
            CliRunner().invoke(app, ["demo", "--learners", "20"], env=database_env(settings))
            for _ in range(2)
        ]
    finally:
        get_settings.cache_clear()
    for run in runs:
        assert run.exit_code == 0, run.output
        assert "demo sign-ins" in run.stdout

    def signin_lines(stdout: str) -> list[str]:
        return [line for line in stdout.splitlines() if "@demo.example" in line]

    first, again = (signin_lines(run.stdout) for run in runs)
    assert len(first) == 6 and first == again
