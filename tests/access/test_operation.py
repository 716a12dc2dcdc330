"""`audit.operation`: checks, audit entry and work in one transaction; refusals recorded."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from lrm_graph.access import audit
from lrm_graph.auth.caller import Caller, Role
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Conflict, Forbidden, InvalidInput
from tests import factories

CALLER = Caller(kind="account", id="acct-1", role=Role.COUNSELOR, display="c@example.org")
REQUEST = audit.Request(CALLER, "TEST operation", "127.0.0.1")


def entries(client: TestClient, learner_uid: str) -> list[tuple[str, str]]:
    items = client.get("/v1/audit", params={"learner": learner_uid}).json()["items"]
    return [(e["action"], e["outcome"]) for e in items if e["what"] == REQUEST.what]


def test_unit_commits_its_queries_together(client: TestClient, graph: Graph) -> None:
    learner = factories.learner(client)
    with graph.unit() as unit:
        audit.record(unit, REQUEST, "read", {learner["uid"]: "district"})
        audit.record(unit, REQUEST, "write", {learner["uid"]: "district"})
    assert entries(client, learner["uid"]) == [("write", "allowed"), ("read", "allowed")]


def test_operation_that_raises_leaves_no_allowed_entry(client: TestClient, graph: Graph) -> None:
    learner = factories.learner(client)
    operation = audit.operation(graph, REQUEST, "write", aimed_at=[learner["uid"]])
    with pytest.raises(Conflict), operation as op:
        op.record({learner["uid"]: "district"})
        raise Conflict("an active twin exists")
    assert entries(client, learner["uid"]) == [("write", "refused (409)")]


@pytest.mark.parametrize(
    ("error", "outcome"),
    [(Forbidden("no"), "denied (403)"), (InvalidInput("bad"), "invalid (422)")],
)
def test_operation_records_refusal_for_learners_aimed_at(
    client: TestClient, graph: Graph, error: Exception, outcome: str
) -> None:
    learner, adult = factories.learner(client), factories.adult(client)
    operation = audit.operation(graph, REQUEST, "write", aimed_at=[adult["uid"], learner["uid"]])
    with pytest.raises(type(error)), operation:
        raise error
    assert entries(client, learner["uid"]) == [("write", outcome)]
