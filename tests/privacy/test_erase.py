"""Erase: a learner's personal data and relationships go for good; de-identified counts and
the audit's uid stay."""

from fastapi.testclient import TestClient

from lrm_graph.db.graph import Graph
from tests import factories
from tests.safeguarding.support import school_with_learner, signed_in

LEFT = """
MATCH (n) WHERE any(k IN keys(n) WHERE n[k] = $uid OR n[k] = $name)
  AND NOT n:AuditEntry
RETURN count(n) AS nodes
"""


def erase(client: TestClient, uid: str, headers: dict | None = None):
    return client.post(f"/v1/learners/{uid}/erase", headers=headers)


def test_erase_removes_node_relationships_own_goals_and_accounts(
    client: TestClient, graph: Graph
) -> None:
    school, learner = school_with_learner(client)
    goal, adult = factories.goal(client), factories.adult(client)
    factories.relate(client, "PURSUES", learner["uid"], goal["uid"])
    factories.relate(client, "MENTORS", adult["uid"], learner["uid"])
    me = signed_in(client, "learner", person_uid=learner["uid"])

    assert erase(client, learner["uid"]).status_code == 204

    assert client.get(f"/v1/learners/{learner['uid']}").status_code == 404
    assert client.get(f"/v1/goals/{goal['uid']}").status_code == 404
    assert client.get(f"/v1/adults/{adult['uid']}").status_code == 200
    assert client.get(f"/v1/organizations/{school['uid']}").status_code == 200
    assert client.get("/v1/auth/me", headers=me).status_code == 401  # account gone
    record = graph.driver.execute_query(
        LEFT, uid=learner["uid"], name=learner["name"], database_=graph.database
    ).records[0]
    assert record["nodes"] == 0


def test_erase_keeps_a_de_identified_count_per_school_and_grade(client: TestClient) -> None:
    school, one = school_with_learner(client, grade_level="10")
    _, two = school_with_learner(client, grade_level="10")
    three = factories.learner(client, grade_level="10")
    factories.relate(client, "ENROLLED_AT", three["uid"], school["uid"])
    nowhere = factories.learner(client, grade_level=None)
    for learner in (one, two, three, nowhere):
        assert erase(client, learner["uid"]).status_code == 204
    counts = client.get("/v1/erased-learners").json()["items"]
    assert {"organization_uid": school["uid"], "grade_level": "10", "learners": 2} in counts
    assert {"organization_uid": "", "grade_level": "", "learners": 1} in counts
    assert sum(c["learners"] for c in counts) == 4
    assert all(set(c) == {"organization_uid", "grade_level", "learners"} for c in counts)


def test_erase_is_recorded_with_the_uid_as_the_only_trace(client: TestClient) -> None:
    learner = factories.learner(client)
    client.get(f"/v1/learners/{learner['uid']}")
    erase(client, learner["uid"])
    entries = client.get("/v1/audit", params={"learner": learner["uid"]}).json()["items"]
    [erased] = [e for e in entries if e["action"] == "erase"]
    assert (erased["learner_uid"], erased["actor_role"]) == (learner["uid"], "admin")
    assert "read" in {e["action"] for e in entries}  # earlier entries stay
    assert not any(learner["name"] in str(e) for e in entries)


def test_erase_by_counselor_is_refused(client: TestClient) -> None:
    school, learner = school_with_learner(client)
    counselor = signed_in(
        client, "counselor", person_uid=factories.adult(client)["uid"], org_uid=school["uid"]
    )
    assert erase(client, learner["uid"], counselor).status_code in (403, 404)
    assert client.get(f"/v1/learners/{learner['uid']}").status_code == 200


def test_erase_unknown_learner_is_404(client: TestClient) -> None:
    assert erase(client, "no-such-learner").status_code == 404


def test_erased_counts_for_a_counselor_are_403(client: TestClient) -> None:
    counselor = signed_in(
        client, "counselor", person_uid=factories.adult(client)["uid"], org_uid="o1"
    )
    assert client.get("/v1/erased-learners", headers=counselor).status_code == 403
