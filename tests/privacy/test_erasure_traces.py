"""What erasing a learner leaves behind (issue 11, item 4): the audit entries their own
account made keep no sign-in email (the actor is pseudonymised; actor_id is the gone
account's uid), and the catalogue interests they added themself go when no one else holds
them. What others wrote stays (README, privacy)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from lrm_graph.db.graph import Graph
from tests import factories
from tests.auth_helpers import seed_caller

ACTORS = "MATCH (e:AuditEntry) WHERE e.actor_id = $id RETURN e.actor AS actor"
ACCOUNT = "MATCH (a:Account {person_uid: $uid}) RETURN a.uid AS id, a.email AS email"
EMAILS = "MATCH (e:AuditEntry) WHERE e.actor = $email RETURN count(e) AS n"


def run(graph: Graph, query: str, **params: object) -> list:
    return graph.driver.execute_query(query, database_=graph.database, **params).records


def active_learner(client: TestClient, graph: Graph) -> tuple[dict, dict[str, str], dict]:
    """A learner who signed in and used their voice; their headers and account."""
    learner = factories.learner(client, given_name="Quilla", family_name="Marsh")
    headers = seed_caller(graph, "learner", person_uid=learner["uid"])
    [account] = run(graph, ACCOUNT, uid=learner["uid"])
    assert client.get("/v1/me", headers=headers).status_code == 200
    added = client.post("/v1/me/interests", json={"name": "hobby of Quilla Marsh"}, headers=headers)
    assert added.status_code == 201, added.text
    return learner, headers, {"id": account["id"], "email": account["email"]}


def test_erasure_pseudonymises_the_actor_of_the_learners_own_entries(
    client: TestClient, graph: Graph
) -> None:
    learner, _, account = active_learner(client, graph)
    before = [row["actor"] for row in run(graph, ACTORS, id=account["id"])]
    assert before and set(before) == {account["email"]}

    assert client.post(f"/v1/learners/{learner['uid']}/erase").status_code == 204

    after = [row["actor"] for row in run(graph, ACTORS, id=account["id"])]
    assert len(after) == len(before)  # the log keeps its entries ...
    assert set(after) == {"(an erased learner)"}  # ... without the email
    assert run(graph, EMAILS, email=account["email"])[0]["n"] == 0
    listed = client.get("/v1/audit", params={"learner": learner["uid"]}).json()["items"]
    assert account["email"] not in {entry["actor"] for entry in listed}


def test_erasure_leaves_other_peoples_entries_as_they_were(
    client: TestClient, graph: Graph
) -> None:
    learner, _, _ = active_learner(client, graph)
    other = factories.learner(client)
    other_headers = seed_caller(graph, "learner", person_uid=other["uid"])
    assert client.get("/v1/me", headers=other_headers).status_code == 200
    [other_account] = run(graph, ACCOUNT, uid=other["uid"])

    assert client.post(f"/v1/learners/{learner['uid']}/erase").status_code == 204

    actors = {row["actor"] for row in run(graph, ACTORS, id=other_account["id"])}
    assert actors == {other_account["email"]}


def test_erasure_removes_the_interests_only_the_learner_added_and_held(
    client: TestClient, graph: Graph
) -> None:
    learner, headers, _ = active_learner(client, graph)
    shared = client.post("/v1/me/interests", json={"name": "Knitting"}, headers=headers).json()
    other = factories.learner(client)
    factories.relate(client, "INTERESTED_IN", other["uid"], shared["uid"])
    staff_made = factories.make(client, "interests", name="Robotics")
    chosen = {"interest_uid": staff_made["uid"]}
    assert client.post("/v1/me/interests", json=chosen, headers=headers).status_code == 201

    assert client.post(f"/v1/learners/{learner['uid']}/erase").status_code == 204

    names = {item["name"] for item in client.get("/v1/interests").json()["items"]}
    assert "hobby of Quilla Marsh" not in names  # theirs alone: gone
    assert {"Knitting", "Robotics"} <= names  # held by another, or made by staff: kept
    marks = run(graph, "MATCH (i:Interest) WHERE i.added_by_learner_uid IS NOT NULL RETURN i")
    assert marks == []  # no trace of who added the one that stays


def test_an_interest_named_by_another_learner_is_not_theirs_to_erase(
    client: TestClient, graph: Graph
) -> None:
    learner = factories.learner(client)
    erased = factories.learner(client)
    headers = seed_caller(graph, "learner", person_uid=learner["uid"])
    added = client.post("/v1/me/interests", json={"name": "Falconry"}, headers=headers).json()
    factories.relate(client, "INTERESTED_IN", erased["uid"], added["uid"])

    assert client.post(f"/v1/learners/{erased['uid']}/erase").status_code == 204

    names = {item["name"] for item in client.get("/v1/interests").json()["items"]}
    assert "Falconry" in names
