"""The `lrm` command line, through typer's CliRunner, against real embedded Neo4js."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from typer.testing import CliRunner, Result

from cli.main import app
from lrm_graph.config import REPO_ROOT, Settings, get_settings
from lrm_graph.db import runtime, schema
from lrm_graph.db.graph import Graph
from tests.cli_env import cli_env as database_env

runner = CliRunner()
# An external server configured in the developer's shell must not leak into these runs.
NO_EXTERNAL = {"NEO4J_URI": None, "LRM_NEO4J_URI": None}


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    """Let each invocation read the environment the test gives it."""
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def lrm(*args: str, **env: str | None) -> Result:
    return runner.invoke(app, list(args), env={**NO_EXTERNAL, **env})


def small_embedded(data_dir: Path) -> dict[str, str | None]:
    return {"LRM_DATA_DIR": str(data_dir), "LRM_NEO4J_HEAP": "512m", "LRM_NEO4J_PAGE_CACHE": "64m"}


def test_db_status_empty_data_dir_says_not_running(tmp_path: Path) -> None:
    result = lrm("db", "status", "--data-dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "not running" in result.stdout


def test_db_start_status_stop_keeps_data_across_restart(tmp_path: Path) -> None:
    data_dir = tmp_path / "neo4j"
    env = small_embedded(data_dir)
    port = runtime.free_port()
    try:
        started = lrm("db", "start", "--port", str(port), **env)
        assert started.exit_code == 0, started.output
        assert "started" in started.stdout
        assert "schema: applied" in started.stdout  # a fresh database gets the schema
        assert missing_rules(port, data_dir) == []
        status = lrm("db", "status", **env)
        assert status.exit_code == 0, status.output
        assert f"bolt://127.0.0.1:{port}" in status.stdout
        write_probe(port, data_dir)

        stopped = lrm("db", "stop", **env)
        assert stopped.exit_code == 0, stopped.output
        assert "stopped" in stopped.stdout
        assert "not running" in lrm("db", "status", **env).stdout

        port = runtime.free_port()
        restarted = lrm("db", "start", "--port", str(port), **env)
        assert restarted.exit_code == 0, restarted.output
        assert "schema: in place" in restarted.stdout  # applied once; a restart just looks
        assert read_probe(port, data_dir) == ["still here"]
    finally:
        runtime.stop(data_dir.resolve())


def missing_rules(port: int, data_dir: Path) -> list[str]:
    auth = ("neo4j", runtime.password_for(data_dir))
    with GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=auth) as driver:
        return schema.missing(Graph(driver, "neo4j", 30.0))


def write_probe(port: int, data_dir: Path) -> None:
    auth = ("neo4j", runtime.password_for(data_dir))
    with GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=auth) as driver:
        driver.execute_query("CREATE (:CliProbe {text: $text})", text="still here")


def read_probe(port: int, data_dir: Path) -> list[str]:
    auth = ("neo4j", runtime.password_for(data_dir))
    with GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=auth) as driver:
        records = driver.execute_query("MATCH (p:CliProbe) RETURN p.text AS text").records
    return [record["text"] for record in records]


@pytest.mark.parametrize("missing", ["java", "mvn"])
def test_db_start_without_java_or_maven_is_one_line_error(tmp_path: Path, missing: str) -> None:
    launcher = tmp_path / "launcher"
    launcher.mkdir()
    shutil.copy(REPO_ROOT / "launcher" / "pom.xml", launcher / "pom.xml")
    shutil.copytree(REPO_ROOT / "launcher" / "src", launcher / "src")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    java = shutil.which("java")
    if missing == "mvn" and java is not None:
        (bin_dir / "java").symlink_to(java)

    result = lrm(
        "db",
        "start",
        "--port",
        str(runtime.free_port()),
        PATH=str(bin_dir),
        LRM_LAUNCHER_DIR=str(launcher),
        **small_embedded(tmp_path / "neo4j"),
    )

    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("error: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert f"`{'java' if java is None else missing}` is not on PATH" in result.stderr
    assert "Traceback" not in result.output
    assert not (launcher / "target").exists()


def test_db_start_with_neo4j_uri_starts_nothing(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["db", "start", "--data-dir", str(tmp_path / "neo4j")],
        env={"NEO4J_URI": "bolt://127.0.0.1:1"},
    )
    assert result.exit_code == 0, result.output
    assert "external Neo4j is configured" in result.stdout
    assert not (tmp_path / "neo4j").exists()


def test_db_status_unreachable_neo4j_uri_is_one_line_error() -> None:
    port = runtime.free_port()  # nothing listens there
    result = runner.invoke(app, ["db", "status"], env={"NEO4J_URI": f"bolt://127.0.0.1:{port}"})
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("error: the graph database")
    assert len(result.stderr.strip().splitlines()) == 1


def test_db_migrate_embedded_not_running_says_how_to_start(tmp_path: Path) -> None:
    result = lrm("db", "migrate", LRM_DATA_DIR=str(tmp_path))
    assert result.exit_code == 1
    assert "lrm db start" in result.stderr


def test_db_migrate_twice_is_idempotent(settings: Settings, graph: Graph) -> None:
    env = database_env(settings)
    for _ in range(2):
        result = runner.invoke(app, ["db", "migrate"], env=env)
        assert result.exit_code == 0, result.output
        assert "schema applied" in result.stdout
    names = graph.driver.execute_query(
        "SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names", database_=graph.database
    ).records[0]["names"]
    assert "entity_uid" in names


def test_unknown_option_exits_2() -> None:
    assert lrm("db", "start", "--no-such-option").exit_code == 2


def test_help_lists_db_and_serve() -> None:
    result = lrm("--help")
    assert result.exit_code == 0
    assert "db" in result.stdout and "serve" in result.stdout


@pytest.mark.parametrize("variable", ["LRM_BOLT_PORT", "LRM_CARING_TYPES"])
def test_bad_setting_is_one_line_error(tmp_path: Path, variable: str) -> None:
    result = lrm("db", "status", LRM_DATA_DIR=str(tmp_path), **{variable: "not valid"})
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("error: the configuration is not valid")
    assert len(result.stderr.strip().splitlines()) == 1
