"""A Python client generated from /openapi.json with openapi-python-client (in its own
tools venv, `make client-tools`: it needs typer<0.28): no warning, every operation in it,
and its calls work against the app served over HTTP. A schema that generates badly fails
here."""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.main import create_app
from lrm_graph.auth import accounts
from lrm_graph.auth.caller import Role
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from tests.auth.servers import free_port, served

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / ".tools" / "openapi" / "bin"
CALLS = Path(__file__).with_name("generated_client_calls.py")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict]:
    """Generate the client; return its folder, the generator's output and the schema."""
    tools = subprocess.run(["make", "-s", "client-tools"], cwd=ROOT, capture_output=True, text=True)
    assert tools.returncode == 0, tools.stdout + tools.stderr
    folder = tmp_path_factory.mktemp("generated")
    schema = create_app(Settings()).openapi()
    (folder / "openapi.json").write_text(json.dumps(schema), encoding="utf-8")
    # The generator formats its output with ruff, found on PATH: the tools venv's own.
    env = os.environ | {"PATH": f"{TOOLS}{os.pathsep}{os.environ.get('PATH', '')}"}
    command = [str(TOOLS / "openapi-python-client"), "generate", "--path", "openapi.json",
               "--meta", "none", "--output-path", "lrm_client"]  # fmt: skip
    made = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)
    assert made.returncode == 0, made.stdout + made.stderr
    return folder, made.stdout + made.stderr, schema


def test_the_client_generates_without_a_warning(generated: tuple[Path, str, dict]) -> None:
    _, output, _ = generated
    assert "Generating" in output
    assert not re.search(r"warning|error|skipp", output, re.IGNORECASE), output


def test_every_operation_is_a_call_of_the_client(generated: tuple[Path, str, dict]) -> None:
    folder, _, schema = generated
    operations = {
        operation["operationId"]
        for path in schema["paths"].values()
        for operation in path.values()
        if isinstance(operation, dict) and "operationId" in operation
    }
    calls = {
        module.stem
        for module in (folder / "lrm_client" / "api").rglob("*.py")
        if module.stem != "__init__"
    }
    assert len(operations) > 150 and calls == operations


@pytest.fixture
def live_api(settings: Settings, graph: Graph) -> Iterator[str]:
    with served(settings, free_port()) as url:
        yield url


def test_generated_calls_work_against_the_running_app(
    generated: tuple[Path, str, dict], live_api: str, graph: Graph
) -> None:
    folder, _, _ = generated
    password = "a long test passphrase for the client"
    accounts.create_user(graph, email="client@test.example", role=Role.ADMIN, password=password)
    ran = subprocess.run(
        [str(TOOLS / "python"), str(CALLS), live_api, "client@test.example", password],
        cwd=folder,
        env=os.environ | {"PYTHONPATH": str(folder)},
        capture_output=True,
        text=True,
    )
    assert ran.returncode == 0, ran.stderr
    answer = json.loads(ran.stdout)
    learner = answer["learner"]
    assert answer["who_am_i"] == 200
    assert answer["read"] == [learner, "Ines Varga"]
    assert answer["listed"] == [learner]
    assert answer["relationship"][0] == "MENTORS" and answer["relationship"][2] == learner
    assert answer["related"] == [answer["relationship_uid"]]
    assert answer["report"] == ["unmentored", "the whole district"]
