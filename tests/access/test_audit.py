"""The audit of disclosures: each read appears once, with who, what and why; a read whose
entry cannot be written fails instead of being served."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from lrm_graph import clock
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from tests import factories
from tests.access.world import World, build
from tests.audit_blocked import audit_blocked

# A scripted session: (role, path, the purpose the audit must give for ada).
SESSION = [
    ("mentor", "/v1/learners/{ada}", "MENTORS"),
    ("guardian", "/v1/learners/{ada}/network", "GUARDIAN_OF"),
    ("teacher", "/v1/learners/{ada}", "TEACHES {class_a}"),
    ("counselor", "/v1/learners", "organization {school_a}"),
    ("key_read_a", "/v1/search?q=ada", "organization {school_a}"),
    ("expert", "/v1/goals/{ada_goal}", "MENTORS"),
    ("learner", "/v1/relationships/{ada_mentoring}", "self"),
    ("advisor", "/v1/paths?from={ada}&to={advisor}", "ADVISES"),
    ("admin", "/v1/relationships?node={ada}", "district"),
    ("former_mentor", "/v1/learners/{ada}", "none"),  # denied: recorded as such
]


def audit_of(world: World, learner: str, since: str) -> list[dict[str, Any]]:
    params = {"learner": world.uid[learner], "since": since, "limit": 1000}
    response = world.call("admin", "GET", "/v1/audit", params=params)
    assert response.status_code == 200, response.text
    return list(reversed(response.json()["items"]))  # oldest first


def test_each_read_of_a_session_is_in_the_audit_once(client: TestClient, graph: Graph) -> None:
    world = build(client, graph)
    since = clock.now().isoformat()
    expected = []
    for role, path, purpose in SESSION:
        response = world.call(role, "GET", path)
        assert response.status_code in (200, 404), (role, path, response.text)
        me = world.call(role, "GET", "/v1/auth/me").json()
        what = "GET " + path.split("?")[0].format(**world.uid, **world.rel)
        outcome = "allowed" if response.status_code == 200 else "denied"
        expected.append((me["id"], "read", what, purpose.format(**world.uid), outcome))
    entries = audit_of(world, "ada", since)
    got = [(e["actor_id"], e["action"], e["what"], e["purpose"], e["outcome"]) for e in entries]
    assert got == expected


def test_a_list_records_one_entry_per_learner_it_shows(client: TestClient, graph: Graph) -> None:
    world = build(client, graph)
    since = clock.now().isoformat()
    shown = world.call("school_admin", "GET", "/v1/learners").json()["items"]
    assert len(shown) == 3
    for learner in ("ada", "ava", "opal"):
        assert [e["what"] for e in audit_of(world, learner, since)] == ["GET /v1/learners"]
    assert audit_of(world, "ben", since) == []


def test_a_write_is_recorded_with_its_purpose(client: TestClient, graph: Graph) -> None:
    world = build(client, graph)
    since = clock.now().isoformat()
    body = {"last_interaction_at": clock.now().isoformat()}
    logged = world.call("mentor", "PATCH", "/v1/relationships/{ada_mentoring}", json=body)
    assert logged.status_code == 200, logged.text
    entries = audit_of(world, "ada", since)
    assert [(e["action"], e["purpose"], e["actor_role"]) for e in entries] == [
        ("write", "MENTORS", "mentor")
    ]


def test_read_fails_when_its_audit_entry_cannot_be_written(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    """A schema change in progress on AuditEntry holds the lock every append needs: the
    append waits out the query timeout, and the read answers 503 without the learner."""
    ada = factories.learner(client, given_name="Unrecorded")
    club = factories.community(client)
    with audit_blocked(graph, settings) as app:
        read = app.get(f"/v1/learners/{ada['uid']}")
        # A read that discloses no learner writes no entry, so it is not held up.
        other = app.get(f"/v1/communities/{club['uid']}")
    assert (read.status_code, other.status_code) == (503, 200)
    assert "Unrecorded" not in read.text
    entries = client.get("/v1/audit", params={"learner": ada["uid"]}).json()["items"]
    assert [e["action"] for e in entries] == ["write"]  # its creation; no read


def test_reading_the_log_is_recorded_and_shown_by_the_next_read(
    client: TestClient, graph: Graph
) -> None:
    world = build(client, graph)
    since = clock.now().isoformat()
    assert audit_of(world, "ada", since) == []  # a page never lists its own reading
    admin = world.call("admin", "GET", "/v1/auth/me").json()["id"]
    [entry] = audit_of(world, "ada", since)
    assert (entry["actor_id"], entry["action"], entry["what"], entry["purpose"]) == (
        admin, "read", "GET /v1/audit", "district"
    )  # fmt: skip
    denied = world.call("counselor", "GET", "/v1/audit", params={"learner": world.uid["ada"]})
    assert denied.status_code == 403
    whole = world.call("admin", "GET", "/v1/audit", params={"since": since, "limit": 1000})
    got = [(e["actor_role"], e["learner_uid"], e["outcome"]) for e in whole.json()["items"]]
    assert got[:3] == [
        ("counselor", world.uid["ada"], "denied (403)"),
        ("admin", world.uid["ada"], "allowed"),
        ("admin", world.uid["ada"], "allowed"),
    ]
    [unnarrowed] = [
        e
        for e in audit_of_all(world, since)
        if e.get("learner_uid") is None and e["action"] == "read"
    ]
    assert (unnarrowed["what"], unnarrowed["purpose"]) == ("GET /v1/audit", "district")


def audit_of_all(world: World, since: str) -> list[dict[str, Any]]:
    params = {"since": since, "limit": 1000}
    return list(world.call("admin", "GET", "/v1/audit", params=params).json()["items"])
