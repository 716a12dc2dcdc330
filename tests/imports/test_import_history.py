"""The history of imports: each import recorded (when, by whom, files and hashes, version,
modes, options, counts per file, report); `GET /v1/imports` pages it newest first, `GET
/v1/imports/{id}` shows one with its report, `lrm import history` prints it; a job whose
process died is marked failed with the reason, when listed or when the service starts."""

import hashlib
import subprocess
import sys
import uuid
from pathlib import Path

from fastapi.testclient import TestClient

from api.main import create_app
from lrm_graph import clock
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.imports.oneroster import jobs
from tests.auth_helpers import ADMIN_HEADERS
from tests.imports import support, tiny
from tests.imports.test_imports_api import job, upload

RUNNING = """
CREATE (:ImportJob {id: $id, kind: 'oneroster', source: 'set.zip', status: 'running',
                    runner: $runner, heartbeat_at: $at, counts_json: '{}', errors_json: '[]',
                    created_at: $at, updated_at: $at})
"""


def dead_pid() -> int:
    """Return the pid of a process that has ended."""
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    return int(ended.stdout)


def test_each_import_is_recorded_and_listed_newest_first(
    client: TestClient, settings: Settings, tmp_path: Path
) -> None:
    out = tiny.write(tmp_path / "set", tiny.rows())
    by_cli = support.lrm(settings, "import", "oneroster", str(out))
    assert by_cli.exit_code == 0, by_cli.output
    files = tiny.rows()
    files["classes"][1]["classType"] = "lecture"
    bad = support.zipped(tiny.write(tmp_path / "bad", files))
    by_api = job(client, upload(client, bad, max_skipped=100)["id"])

    first = client.get("/v1/imports", params={"limit": 1})
    assert first.status_code == 200, first.text
    [newest] = first.json()["items"]
    assert newest["id"] == by_api["id"] and "report" not in newest
    second = client.get("/v1/imports", params={"limit": 1, "cursor": first.json()["next_cursor"]})
    [older] = second.json()["items"]
    assert second.json()["next_cursor"] is None
    assert (older["status"], older["by"], older["source"]) == ("succeeded", older["by"], "set")
    assert older["by"].startswith("cli:")
    users = next(f for f in older["files"] if f["name"] == "users.csv")
    assert users["sha256"] == hashlib.sha256((out / "users.csv").read_bytes()).hexdigest()
    assert (older["version"], set(older["modes"].values())) == ("1.2", {"bulk"})
    assert older["counts"]["files"]["classes.csv"] == {"rows": 2, "skipped": 0, "taken_out": 0}
    shown = client.get(f"/v1/imports/{by_api['id']}").json()
    assert shown["by"].startswith("user:") and shown["options"]["max_skipped"] == 100
    assert shown["counts"]["files"]["classes.csv"]["skipped"] == 1
    assert shown["report"]["problems"][0]["code"] == "enum-value"

    printed = support.lrm(settings, "import", "history")
    assert printed.exit_code == 0, printed.output
    lines = printed.stdout.splitlines()
    assert by_api["id"] in lines[0] and "3 skipped" not in lines[0] and "skipped" in lines[0]
    assert by_cli.stdout.split("(import ")[1].split(")")[0] in lines[1]


def test_a_job_whose_process_died_is_marked_failed_when_listed(
    client: TestClient, graph: Graph
) -> None:
    job_id = uuid.uuid4().hex
    runner = f"{jobs.RUNNER.rpartition(':')[0]}:{dead_pid()}"
    graph.driver.execute_query(RUNNING, id=job_id, runner=runner, at=clock.now(),
                               database_=graph.database)  # fmt: skip
    listed = client.get("/v1/imports").json()["items"]
    [failed] = [item for item in listed if item["id"] == job_id]
    assert failed["status"] == "failed"
    assert "stopped before it finished, while it was running" in failed["detail"]


def test_a_job_whose_process_died_is_marked_failed_when_the_service_starts(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    job_id = uuid.uuid4().hex
    runner = f"{jobs.RUNNER.rpartition(':')[0]}:{dead_pid()}"
    graph.driver.execute_query(RUNNING, id=job_id, runner=runner, at=clock.now(),
                               database_=graph.database)  # fmt: skip
    with TestClient(create_app(settings), headers=ADMIN_HEADERS):
        pass
    assert job(client, job_id)["status"] == "failed"
