"""/v1/me/communities and join requests: a learner joins an open community at once, asks
to join a closed one; those who run it approve or decline; nobody else decides."""

from fastapi.testclient import TestClient

from tests import factories
from tests.voice.support import audit_entries, count, me, signed_in, staff_of

REQUESTS = "MATCH (r:JoinRequest) RETURN count(r)"
MEMBERS = (
    "MATCH (:Learner {uid: $uid})-[m:MEMBER_OF]->(:Community {uid: $community}) "
    "WHERE m.until IS NULL RETURN count(m)"
)


def join(client: TestClient, headers: dict, community_uid: str):
    return client.post("/v1/me/communities", json={"community_uid": community_uid}, headers=headers)


def school_club(client: TestClient, **fields: object) -> tuple[dict, dict]:
    """Return a school and a closed club that is part of it."""
    school = factories.organization(client)
    club = factories.community(client, open=False, **fields)
    factories.relate(client, "PART_OF", club["uid"], school["uid"])
    return school, club


def asked(client: TestClient, headers: dict, community_uid: str) -> str:
    response = join(client, headers, community_uid)
    assert response.status_code == 202, response.text
    assert response.json()["status"] == "requested"
    return str(response.json()["request_uid"])


def test_join_an_open_community_is_201_and_leaving_ends_it(client: TestClient) -> None:
    learner, headers = me(client)
    club = factories.community(client)
    response = join(client, headers, club["uid"])
    assert response.status_code == 201, response.text
    assert response.json()["status"] == "joined"
    [listed] = client.get("/v1/me/communities", headers=headers).json()["items"]
    assert (listed["uid"], listed["role"], listed["open"]) == (club["uid"], "member", True)
    assert join(client, headers, club["uid"]).status_code == 409
    left = client.delete(f"/v1/me/communities/{club['uid']}", headers=headers)
    assert (left.status_code, left.json()["active"]) == (200, False)
    assert client.get("/v1/me/communities", headers=headers).json()["items"] == []
    assert ("grant", "POST /v1/me/communities", "allowed") in audit_entries(client, learner["uid"])


def test_join_a_closed_community_asks_and_waits(client: TestClient) -> None:
    learner, headers = me(client)
    _, club = school_club(client)
    uid = asked(client, headers, club["uid"])
    assert count(client, MEMBERS, uid=learner["uid"], community=club["uid"]) == 0
    [mine] = client.get("/v1/me/join-requests", headers=headers).json()["items"]
    assert (mine["uid"], mine["status"], mine["community_uid"]) == (uid, "pending", club["uid"])
    again = join(client, headers, club["uid"])
    assert (again.status_code, again.json()["request_uid"]) == (409, uid)


def test_join_unknown_community_is_404_and_writes_nothing(client: TestClient) -> None:
    _, headers = me(client)
    assert join(client, headers, "no-such-club").status_code == 404
    assert join(client, headers, factories.industry(client)["uid"]).status_code == 404
    assert count(client, REQUESTS) == 0


def test_counselor_of_the_school_approves_and_the_learner_is_a_member(
    client: TestClient,
) -> None:
    learner, headers = me(client)
    school, club = school_club(client)
    uid = asked(client, headers, club["uid"])
    counselor = staff_of(client, "counselor", school["uid"])
    listed = client.get("/v1/join-requests", params={"status": "pending"}, headers=counselor)
    assert [r["uid"] for r in listed.json()["items"]] == [uid]
    assert listed.json()["items"][0]["learner_name"] == learner["name"]
    response = client.post(f"/v1/join-requests/{uid}/approve", headers=counselor)
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "approved"
    assert count(client, MEMBERS, uid=learner["uid"], community=club["uid"]) == 1
    rel = client.get(f"/v1/relationships/{response.json()['relationship_uid']}").json()
    assert (rel["source"], rel["role"]) == ("learner_requested", "member")
    assert client.post(f"/v1/join-requests/{uid}/approve", headers=counselor).status_code == 409
    entries = audit_entries(client, learner["uid"])
    approvals = [(a, outcome) for a, what, outcome in entries if what.endswith(f"{uid}/approve")]
    # One operation: the decision and the grant it makes, then the second approval refused.
    assert approvals == [("write", "allowed"), ("grant", "allowed"), ("write", "refused (409)")]


def test_club_leader_declines_with_a_reason_the_learner_reads(client: TestClient) -> None:
    learner, headers = me(client)
    _, club = school_club(client)
    leader = factories.adult(client, roles=["coach"])
    factories.relate(client, "MEMBER_OF", leader["uid"], club["uid"], role="leader")
    uid = asked(client, headers, club["uid"])
    coach = signed_in(client, "coach", person_uid=leader["uid"])
    assert (
        client.post(f"/v1/join-requests/{uid}/decline", json={}, headers=coach).status_code == 422
    )
    body = {"reason": "The team is full this season"}
    response = client.post(f"/v1/join-requests/{uid}/decline", json=body, headers=coach)
    assert response.status_code == 200, response.text
    [mine] = client.get("/v1/me/join-requests", headers=headers).json()["items"]
    assert (mine["status"], mine["reason"]) == ("declined", body["reason"])
    assert count(client, MEMBERS, uid=learner["uid"], community=club["uid"]) == 0


def test_others_may_not_see_or_decide_a_join_request(client: TestClient) -> None:
    _, headers = me(client)
    _, club = school_club(client)
    uid = asked(client, headers, club["uid"])
    other_school = factories.organization(client)
    counselor_b = staff_of(client, "counselor", other_school["uid"])
    plain_member = factories.adult(client, roles=["mentor"])
    factories.relate(client, "MEMBER_OF", plain_member["uid"], club["uid"])
    mentor = signed_in(client, "mentor", person_uid=plain_member["uid"])
    for caller in (counselor_b, mentor):
        assert client.get("/v1/join-requests", headers=caller).json()["items"] == []
        assert client.post(f"/v1/join-requests/{uid}/approve", headers=caller).status_code == 404
    _, other_learner = me(client)
    assert client.get("/v1/join-requests", headers=other_learner).status_code == 403
    assert client.post(f"/v1/join-requests/{uid}/approve", headers=other_learner).status_code == 403
    assert client.delete(f"/v1/me/join-requests/{uid}", headers=other_learner).status_code == 404
    assert client.get("/v1/me/join-requests", headers=other_learner).json()["items"] == []


def test_withdraw_a_pending_request_then_it_cannot_be_approved(client: TestClient) -> None:
    _, headers = me(client)
    _, club = school_club(client)
    uid = asked(client, headers, club["uid"])
    response = client.delete(f"/v1/me/join-requests/{uid}", headers=headers)
    assert (response.status_code, response.json()["status"]) == (200, "withdrawn")
    assert client.delete(f"/v1/me/join-requests/{uid}", headers=headers).status_code == 409
    assert client.post(f"/v1/join-requests/{uid}/approve").status_code == 409


def test_teacher_of_the_community_lists_its_requests_by_community(client: TestClient) -> None:
    _, headers = me(client)
    _, club = school_club(client)
    _, other_club = school_club(client)
    teacher_node = factories.adult(client, roles=["teacher"])
    factories.relate(client, "TEACHES", teacher_node["uid"], club["uid"])
    uid = asked(client, headers, club["uid"])
    asked(client, headers, other_club["uid"])
    teacher = signed_in(client, "teacher", person_uid=teacher_node["uid"])
    listed = client.get("/v1/join-requests", headers=teacher).json()["items"]
    assert [r["uid"] for r in listed] == [uid]
    everything = client.get("/v1/join-requests", params={"community": club["uid"]}).json()
    assert [r["uid"] for r in everything["items"]] == [uid]


def test_a_leader_who_does_not_see_the_learner_is_audited_as_deciding_a_request(
    client: TestClient,
) -> None:
    learner, headers = me(client)
    _, club = school_club(client)
    leader = factories.adult(client, roles=["coach"])
    factories.relate(client, "MEMBER_OF", leader["uid"], club["uid"], role="leader")
    asked(client, headers, club["uid"])
    coach = signed_in(client, "coach", person_uid=leader["uid"])
    assert len(client.get("/v1/join-requests", headers=coach).json()["items"]) == 1
    response = client.get("/v1/audit", params={"learner": learner["uid"], "limit": 1000})
    purposes = {(e["what"], e["purpose"]) for e in response.json()["items"]}
    assert ("GET /v1/join-requests", f"join_request {club['uid']}") in purposes
