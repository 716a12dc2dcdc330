"""A failed import leaves nothing half-written: what its batches wrote is rolled back.

The faults are real: a batch that waits on a lock another transaction holds until the
query timeout cuts it (the import's last step, after every upsert and end), and an
import process killed with SIGKILL part way. After each, every node and relationship,
with every property, equals a dump taken before the import, and the history says failed
and rolled back, with the reason.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.imports import oneroster
from lrm_graph.store import fields
from tests.cli_env import cli_env
from tests.imports import support, tiny

NODES = "MATCH (n:Entity) RETURN n.uid AS uid, labels(n) AS labels, properties(n) AS props"
RELATIONSHIPS = (
    "MATCH (a:Entity)-[r]->(b:Entity) "
    "RETURN a.uid AS start, type(r) AS type, b.uid AS end, properties(r) AS props"
)
JOURNAL = "MATCH (n) WHERE n:ImportJournal OR n:ImportBefore RETURN count(n) AS left"
LOCK = "MATCH (n:Entity {source_id: $source_id}) SET n.source_id = n.source_id"
RENAMED = (
    "MATCH (n:Learner) WHERE n.family_name ENDS WITH '-Renamed' "
    "RETURN count(n) AS renamed, min(n.uid) AS uid"
)
JOB = "MATCH (j:ImportJob) RETURN j.id AS id, j.status AS status ORDER BY j.created_at DESC"


def dump(graph: Graph) -> tuple[list[Any], list[Any]]:
    """Return every roster node and relationship with all its properties, in order."""

    def rows(query: str) -> list[Any]:
        found = graph.driver.execute_query(query, database_=graph.database).records
        return sorted(repr(sorted(_in_order(record.data()).items())) for record in found)

    return rows(NODES), rows(RELATIONSHIPS)


def _in_order(data: dict[str, Any]) -> dict[str, Any]:
    """Return a record with its properties' keys sorted: a node restored from its copy
    has every property it had, though Neo4j may list them in another order."""
    return {k: dict(sorted(v.items())) if isinstance(v, dict) else v for k, v in data.items()}


def journal_left(graph: Graph) -> int:
    records = graph.driver.execute_query(JOURNAL, database_=graph.database).records
    return int(records[0]["left"])


@contextmanager
def locked(graph: Graph, source_id: str) -> Iterator[None]:
    """Hold a write lock on the node with `source_id` (another user's open transaction)."""
    with graph.driver.session(database=graph.database) as session:
        tx = session.begin_transaction()
        try:
            tx.run(LOCK, source_id=source_id).consume()
            yield
        finally:
            tx.rollback()


@pytest.mark.parametrize("version", ["1.1", "1.2"])
def test_delta_failing_at_its_last_step_is_rolled_back_whole(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path, version: str
) -> None:
    oneroster.run(graph, settings, tiny.write(tmp_path / "bulk", tiny.rows(version), version))
    before = dump(graph)
    rows = tiny.rows(version)
    stu1 = dict(rows["users"][0], givenName="Adaeze", agentSourcedIds="")
    stu3 = dict(rows["users"][1], sourcedId="stu3", givenName="Cai")
    par1 = dict(rows["users"][3], status="tobedeleted")  # archived last: its node is locked
    e1, e2, e3 = rows["enrollments"]
    files: dict[str, list[dict[str, str]]] = {
        "users": [stu1, stu3, par1],
        "enrollments": [
            dict(e1, beginDate="2026-09-02", endDate="2027-06-01"),  # dates updated
            dict(e2, status="tobedeleted"),  # ended
            dict(e3, classSourcedId="cls2", schoolSourcedId="s2"),  # moved: old one ended
            dict(e2, sourcedId="e4", userSourcedId="stu3"),  # created
        ],
    }
    if version == "1.2":
        files["roles"] = [dict(rows["roles"][1], sourcedId="r-stu3", userSourcedId="stu3")]
    out = tiny.write(tmp_path / "delta", files, version, "delta")

    with locked(graph, "par1"):
        failed = support.lrm(settings, "import", "oneroster", str(out), LRM_QUERY_TIMEOUT="8")
    assert failed.exit_code == 1, failed.output
    assert "rolled back" in failed.output and "took too long" in failed.output
    assert dump(graph) == before
    assert journal_left(graph) == 0

    history = support.lrm(settings, "import", "history")
    assert "failed" in history.stdout.splitlines()[0], history.output
    assert "rolled back" in history.stdout.splitlines()[0]
    [job] = client.get("/v1/imports").json()["items"]
    shown = client.get(f"/v1/imports/{job['id']}").json()
    assert shown["status"] == "failed" and "the query took too long" in shown["detail"]
    assert shown["rollback"]["restored"] >= 4  # stu1, e1, e2, e3 as they were
    assert shown["rollback"]["deleted"] >= 3  # stu3, e4, e3's new link
    assert shown["rollback"]["kept"] == 0

    applied = oneroster.run(graph, settings, out)  # without the lock, the same delta applies
    assert applied["archived"] == 1 and journal_left(graph) == 0


def test_bulk_import_failing_at_its_last_step_through_the_api_is_rolled_back(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path, monkeypatch: Any
) -> None:
    out = support.district(tmp_path / "district", learners=20)
    oneroster.run(graph, settings, out)
    before = dump(graph)
    header, users = support.read(out, "users.csv")
    dropped = users.pop()  # archived at the end of the bulk set: its node is locked
    for user in users[:5]:
        user["givenName"] = "Renamed"
    support.write(out, "users.csv", header, users)
    monkeypatch.setattr(graph, "timeout", 8.0)  # the API's graph: the lock cuts the batch
    with locked(graph, dropped["sourcedId"]):
        upload = {"file": ("district.zip", support.zipped(out), "application/zip")}
        accepted = client.post("/v1/imports/oneroster", files=upload)
    assert accepted.status_code == 202, accepted.text
    shown = client.get(f"/v1/imports/{accepted.json()['id']}").json()
    assert shown["status"] == "failed", shown
    assert "rolled back" in shown["detail"] and shown["rollback"]["restored"] >= 5
    assert dump(graph) == before
    assert journal_left(graph) == 0


def test_row_the_write_refuses_part_way_fails_as_bad_input_and_is_rolled_back(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path, monkeypatch: Any
) -> None:
    """A value the graph's index refuses (a key over 8 kB) met after a batch was written.

    The check refuses a sourcedId over `SOURCE_ID_MAX` (256) characters itself; raised here,
    the check lets one of 10,000 through, as a check that misses something would, and the
    write refuses it. `POST /v1/bulk` has no such row: its fields are bounded as a single
    create's are, every indexed value well under the limit, and nothing is met part way.
    """
    rows = tiny.rows("1.2")
    oneroster.run(graph, settings, tiny.write(tmp_path / "first", rows, "1.2"))
    before = dump(graph)
    rows["orgs"][1]["name"] = "North School, renamed"  # written first, in its own batch
    rows["classes"][0]["classType"] = "Scheduled"  # a warning: the failed job keeps its report
    long_id = "u" * 10_000
    rows["users"].append(dict(rows["users"][1], sourcedId=long_id, givenName="Long"))
    rows["roles"].append(dict(rows["roles"][1], sourcedId="r-long", userSourcedId=long_id))
    out = tiny.write(tmp_path / "second", rows, "1.2")
    monkeypatch.setattr(fields, "SOURCE_ID_MAX", 100_000)

    upload = {"file": ("second.zip", support.zipped(out), "application/zip")}
    accepted = client.post("/v1/imports/oneroster", files=upload)
    assert accepted.status_code == 202, accepted.text
    shown = client.get(f"/v1/imports/{accepted.json()['id']}").json()
    assert shown["status"] == "failed", shown
    assert shown["problem"] == {"type": "/problems/invalid-input", "title": "Invalid input",
                                "status": 422}  # fmt: skip
    assert "too large to index" in shown["rollback"]["reason"]
    assert shown["rollback"]["restored"] >= 1  # North School's name, and what it stamped
    assert [p["code"] for p in shown["report"]["problems"]] == ["enum-case"]
    assert dump(graph) == before
    assert journal_left(graph) == 0

    failed = support.lrm(settings, "import", "oneroster", str(out))
    assert failed.exit_code == 1
    [line] = failed.stderr.splitlines()
    assert re.fullmatch(
        r"error: the import stopped: the graph database refused a value too large to index "
        r"\(a key over 8 kB\); rolled back: [1-9]\d* restored, 0 deleted",
        line,
    ), line
    assert dump(graph) == before


def test_import_killed_part_way_is_rolled_back_when_listed_keeping_others_changes(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    out = support.district(tmp_path / "district", learners=150)
    oneroster.run(graph, settings, out)
    header, users = support.read(out, "users.csv")
    for user in users:
        user["familyName"] += "-Renamed"
    support.write(out, "users.csv", header, users)
    before = dump(graph)

    env = {k: v for k, v in os.environ.items() if k not in cli_env(settings)}
    env |= {k: v for k, v in cli_env(settings).items() if v is not None}
    env["LRM_BULK_BATCH_SIZE"] = "20"
    command = [sys.executable, "-c", "from cli.main import app; app()"]
    process = subprocess.Popen([*command, "import", "oneroster", str(out)], env=env)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and process.poll() is None:
            renamed = graph.driver.execute_query(RENAMED, database_=graph.database).records
            if renamed[0]["renamed"] >= 40:  # two batches of users written, more to come
                break
            time.sleep(0.1)
        assert process.poll() is None, "the import ended before it could be killed"
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait()
    assert journal_left(graph) > 0  # killed part way: its journal is there

    # Someone else changes a learner after the import renamed them: left as they made it.
    uid = graph.driver.execute_query(RENAMED, database_=graph.database).records[0]["uid"]
    changed = client.patch(f"/v1/learners/{uid}", json={"preferred_name": "Lee"})
    assert changed.status_code == 200, changed.text

    [job] = [j for j in client.get("/v1/imports").json()["items"] if j["status"] != "succeeded"]
    assert job["status"] == "failed"
    assert "stopped before it finished" in job["detail"] and "rolled back" in job["detail"]
    shown = client.get(f"/v1/imports/{job['id']}").json()
    assert uid in shown["rollback"]["kept_uids"]
    assert journal_left(graph) == 0
    nodes, relationships = dump(graph)
    assert relationships == before[1]
    others = [row for row in nodes if uid not in row]
    assert others == [row for row in before[0] if uid not in row]
    now = client.get(f"/v1/learners/{uid}").json()
    assert now["preferred_name"] == "Lee" and now["family_name"].endswith("-Renamed")


def test_bulk_load_failing_in_a_late_batch_is_rolled_back_whole(
    client: TestClient, graph: Graph, monkeypatch: Any
) -> None:
    def person(kind: str, source_id: str, given: str) -> dict[str, Any]:
        roles = {"roles": ["mentor"]} if kind == "adult" else {}
        return {
            "kind": kind,
            "source_id": source_id,
            "given_name": given,
            "family_name": "Orr",
        } | roles

    def link(rel_type: str, adult: str, learner: str, **facts: Any) -> dict[str, Any]:
        ends = {"from": {"kind": "adult", "source_id": adult},
                "to": {"kind": "learner", "source_id": learner}}  # fmt: skip
        return {"type": rel_type, **ends, **facts}

    first = {
        "nodes": [person("learner", "L0", "Tavi"), person("learner", "L1", "Ines"),
                  person("adult", "A0", "Mirel"), person("adult", "A9", "Oro")],
        "relationships": [link("MENTORS", "A0", "L0", strength=2)],
    }  # fmt: skip
    assert client.post("/v1/bulk", json=first).status_code == 200
    before = dump(graph)
    news = [person("learner", f"N{i}", "New") for i in range(30)]
    second = {
        "nodes": [person("learner", "L0", "Renamed"), person("adult", "A1", "Kit"), *news],
        "relationships": [
            link("MENTORS", "A0", "L0", strength=4),  # updated
            *[link("MENTORS", "A1", f"N{i}") for i in range(30)],  # created
            link("ADVISES", "A9", "L1"),  # a later batch: A9 is locked
        ],
    }
    monkeypatch.setattr(graph, "timeout", 8.0)
    with locked(graph, "A9"):
        failed = client.post("/v1/bulk", json=second)
    assert failed.status_code == 503, failed.text  # the cause's type: the graph timed out
    assert failed.json()["type"] == "/problems/graph-unavailable"
    assert "rolled back" in failed.json()["detail"], failed.json()
    assert "took too long" in failed.json()["detail"]
    assert dump(graph) == before
    assert journal_left(graph) == 0
