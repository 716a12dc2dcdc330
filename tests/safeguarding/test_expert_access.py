"""An expert sees a learner only through an active connection while cleared and current;
revoking or a lapse ends that on the very next request."""

from datetime import date, timedelta

from fastapi.testclient import TestClient

from lrm_graph.access import visibility
from lrm_graph.auth.caller import Caller, Role
from lrm_graph.db.graph import Graph
from tests import factories
from tests.safeguarding.support import (
    ADULT_BIRTH_DATE,
    expert_caller,
    guardian_of,
    propose,
    school_with_learner,
    signed_in,
    step,
)
from tests.safeguarding.support import active_connection as activate


def sees(client: TestClient, headers: dict, learner_uid: str) -> bool:
    """Ask, as the caller, for the learner's connections: 200 if visible, 404 if not."""
    response = client.get("/v1/connections", params={"learner": learner_uid}, headers=headers)
    assert response.status_code in (200, 404), response.text
    return response.status_code == 200


def expert_as_caller(expert_uid: str) -> Caller:
    return Caller(kind="user", id="x", role=Role.EXPERT, display="x", person_uid=expert_uid)


def test_expert_sees_learner_through_active_connection(client: TestClient, graph: Graph) -> None:
    (expert, headers), learner = expert_caller(client), factories.learner(client)
    activate(client, expert["uid"], learner["uid"])
    assert sees(client, headers, learner["uid"])
    purpose = visibility.learner_purpose(graph, expert_as_caller(expert["uid"]), learner["uid"])
    assert purpose == "MENTORS"


def test_expert_does_not_see_learner_while_proposed(client: TestClient, graph: Graph) -> None:
    (expert, headers), learner = expert_caller(client), factories.learner(client)
    assert propose(client, expert["uid"], learner["uid"]).status_code == 201
    assert not sees(client, headers, learner["uid"])
    assert visibility.visible_learners(graph, expert_as_caller(expert["uid"])) == {}


def test_expert_does_not_see_learner_while_awaiting_consent(client: TestClient) -> None:
    (expert, headers), learner = expert_caller(client), factories.learner(client)
    uid = propose(client, expert["uid"], learner["uid"]).json()["uid"]
    assert step(client, uid, "approve").json()["status"] == "approved"
    assert not sees(client, headers, learner["uid"])


def test_revoke_ends_expert_access_on_next_request(client: TestClient) -> None:
    (expert, headers), learner = expert_caller(client), factories.learner(client)
    connection = activate(client, expert["uid"], learner["uid"])
    assert sees(client, headers, learner["uid"])
    guardian = guardian_of(client, learner["uid"])
    assert step(client, connection["uid"], "revoke", guardian).status_code == 200
    assert not sees(client, headers, learner["uid"])


def test_screening_marked_expired_ends_access_on_next_request(client: TestClient) -> None:
    (expert, headers), learner = expert_caller(client), factories.learner(client)
    activate(client, expert["uid"], learner["uid"])
    assert sees(client, headers, learner["uid"])
    patched = client.patch(f"/v1/experts/{expert['uid']}", json={"screening_status": "expired"})
    assert patched.status_code == 200, patched.text
    assert not sees(client, headers, learner["uid"])


def test_screening_expiry_passing_ends_access_on_next_request(client: TestClient) -> None:
    (expert, headers), learner = expert_caller(client), factories.learner(client)
    connection = activate(client, expert["uid"], learner["uid"])
    today = date.today()
    client.patch(f"/v1/experts/{expert['uid']}", json={"screening_expires_on": today.isoformat()})
    assert sees(client, headers, learner["uid"])  # the last day still holds
    yesterday = (today - timedelta(days=1)).isoformat()
    client.patch(f"/v1/experts/{expert['uid']}", json={"screening_expires_on": yesterday})
    assert not sees(client, headers, learner["uid"])
    lapsed = client.get(f"/v1/connections/{connection['uid']}").json()
    assert (lapsed["status"], lapsed["expert_screening"], lapsed["grants_access"]) == (
        "active",
        "expired",
        False,
    )


def test_legacy_clearance_without_expiry_grants_nothing(client: TestClient, graph: Graph) -> None:
    """A clearance stored before expiries were required (no screening_expires_on) counts as
    expired everywhere: access, the connection's answer, and new connections."""
    (expert, headers), learner = expert_caller(client), factories.learner(client)
    connection = activate(client, expert["uid"], learner["uid"])
    assert sees(client, headers, learner["uid"])
    graph.driver.execute_query(  # legacy data: the API no longer stores such a clearance
        "MATCH (e:Expert {uid: $uid}) REMOVE e.screening_expires_on",
        uid=expert["uid"],
        database_=graph.database,
    )
    assert not sees(client, headers, learner["uid"])
    legacy = client.get(f"/v1/connections/{connection['uid']}").json()
    assert (legacy["expert_screening"], legacy["grants_access"]) == ("expired", False)
    other = factories.learner(client)
    refused = propose(client, expert["uid"], other["uid"])
    assert refused.status_code == 422, refused.text


def test_expert_lists_only_their_own_connections(client: TestClient) -> None:
    (expert, headers), learner = expert_caller(client), factories.learner(client)
    other = factories.expert(client, screening_status="cleared")
    mine = activate(client, expert["uid"], learner["uid"])
    theirs = activate(client, other["uid"], learner["uid"])
    listed = client.get("/v1/connections", headers=headers).json()["items"]
    assert [c["uid"] for c in listed] == [mine["uid"]]
    assert client.get(f"/v1/connections/{theirs['uid']}", headers=headers).status_code == 404


def test_counselor_lists_connections_of_their_school_only(client: TestClient) -> None:
    school, here = school_with_learner(client)
    _, elsewhere = school_with_learner(client)
    expert = factories.expert(client, screening_status="cleared")
    near = propose(client, expert["uid"], here["uid"]).json()
    propose(client, expert["uid"], elsewhere["uid"])
    counselor = signed_in(
        client, "counselor", person_uid=factories.adult(client)["uid"], org_uid=school["uid"]
    )
    listed = client.get("/v1/connections", headers=counselor).json()["items"]
    assert [c["uid"] for c in listed] == [near["uid"]]


def test_list_filters_by_status(client: TestClient) -> None:
    expert = factories.expert(client, screening_status="cleared")
    one, two = factories.learner(client), factories.learner(client)
    propose(client, expert["uid"], one["uid"])
    revoked = propose(client, expert["uid"], two["uid"]).json()
    step(client, revoked["uid"], "revoke")
    listed = client.get("/v1/connections", params={"status": "revoked"}).json()["items"]
    assert [c["uid"] for c in listed] == [revoked["uid"]]


def test_connection_reads_and_steps_are_audited(client: TestClient) -> None:
    learner = factories.learner(client)
    uid = propose(client, factories.expert(client, screening_status="cleared")["uid"],
                  learner["uid"]).json()["uid"]  # fmt: skip
    client.get(f"/v1/connections/{uid}")
    entries = client.get("/v1/audit", params={"learner": learner["uid"]}).json()["items"]
    actions = sorted((e["action"], e["what"]) for e in entries if "connections" in e["what"])
    assert actions == [
        ("read", f"GET /v1/connections/{uid}"),
        ("write", "POST /v1/connections"),
    ]


def test_the_step_that_activates_a_connection_is_audited_as_a_grant(client: TestClient) -> None:
    """The step that lets the expert reach the learner is a grant (consent, for a minor);
    a step that grants nothing is a write, and a refused one is recorded as refused."""
    expert = factories.expert(client, screening_status="cleared")
    learner = factories.learner(client)
    uid = propose(client, expert["uid"], learner["uid"]).json()["uid"]
    assert step(client, uid, "approve").status_code == 200
    assert step(client, uid, "approve").status_code == 409
    assert step(client, uid, "consent", guardian_of(client, learner["uid"])).status_code == 200
    entries = client.get("/v1/audit", params={"learner": learner["uid"]}).json()["items"]
    posts = [e for e in reversed(entries) if e["what"].startswith("POST /v1/connections")]
    steps = [(e["action"], e["what"].rsplit("/", 1)[-1], e["outcome"]) for e in posts]
    assert steps == [
        ("write", "connections", "allowed"),
        ("write", "approve", "allowed"),
        ("write", "approve", "refused (409)"),
        ("grant", "consent", "allowed"),
    ]


def test_approving_an_adult_learners_connection_is_a_grant(client: TestClient) -> None:
    expert = factories.expert(client, screening_status="cleared")
    learner = factories.learner(client, birth_date=ADULT_BIRTH_DATE)
    uid = propose(client, expert["uid"], learner["uid"]).json()["uid"]
    assert step(client, uid, "approve").json()["status"] == "active"
    entries = client.get("/v1/audit", params={"learner": learner["uid"]}).json()["items"]
    assert [e["action"] for e in entries if e["what"].endswith("/approve")] == ["grant"]
