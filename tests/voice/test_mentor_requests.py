"""Mentor requests: a learner asks, a counselor of their school assigns, declines or looks
at suggestions; others see nothing of it."""

from typing import Any

from fastapi.testclient import TestClient

from tests import factories
from tests.voice.support import audit_entries, count, me, school_with_learner, signed_in, staff_of

REQUESTS = "MATCH (r:MentorRequest) RETURN count(r)"
OPEN = {"status": "open"}


def ask(client: TestClient, headers: dict, **body: Any) -> dict[str, Any]:
    response = client.post(
        "/v1/me/mentor-requests",
        json={"hope": "Someone to talk to about college", **body},
        headers=headers,
    )
    assert response.status_code == 201, response.text
    return response.json()


def enrolled(client: TestClient) -> tuple[dict, dict, dict]:
    """Return a school, a learner enrolled there, and the learner's sign-in."""
    school, learner = school_with_learner(client)
    return school, learner, signed_in(client, "learner", person_uid=learner["uid"])


def test_learner_asks_with_a_goal_and_an_interest(client: TestClient) -> None:
    learner, headers = me(client)
    goal = client.post(
        "/v1/me/goals", json={"title": "Engineer", "kind": "ambition"}, headers=headers
    ).json()
    made = ask(client, headers, goal_uid=goal["uid"], interest="robots")
    assert (made["status"], made["learner_uid"], made["goal_title"], made["interest"]) == (
        "open", learner["uid"], "Engineer", "robots",
    )  # fmt: skip
    [mine] = client.get("/v1/me/mentor-requests", headers=headers).json()["items"]
    assert mine["uid"] == made["uid"]
    assert client.get(f"/v1/mentor-requests/{made['uid']}", headers=headers).status_code == 200
    assert ("write", "POST /v1/me/mentor-requests", "allowed") in audit_entries(
        client, learner["uid"]
    )


def test_one_open_request_at_a_time(client: TestClient) -> None:
    _, headers = me(client)
    first = ask(client, headers)
    again = client.post("/v1/me/mentor-requests", json={"hope": "Anyone"}, headers=headers)
    assert (again.status_code, again.json()["request_uid"]) == (409, first["uid"])
    assert (
        client.delete(f"/v1/me/mentor-requests/{first['uid']}", headers=headers).json()["status"]
        == "withdrawn"
    )
    ask(client, headers)  # withdrawn: the learner may ask again


def test_bad_input_is_422_and_writes_nothing(client: TestClient) -> None:
    _, headers = me(client)
    _, other = me(client)
    theirs = client.post(
        "/v1/me/goals", json={"title": "Theirs", "kind": "learning"}, headers=other
    ).json()
    for body in (
        {},
        {"hope": ""},
        {"hope": "x", "goal_uid": theirs["uid"]},
        {"hope": "x", "extra": 1},
    ):
        response = client.post("/v1/me/mentor-requests", json=body, headers=headers)
        assert response.status_code == 422, (body, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
    assert count(client, REQUESTS) == 0


def test_counselor_assigns_an_adult_with_source_learner_requested(client: TestClient) -> None:
    school, learner, headers = enrolled(client)
    made = ask(client, headers)
    counselor = staff_of(client, "counselor", school["uid"])
    listed = client.get("/v1/mentor-requests", params=OPEN, headers=counselor).json()["items"]
    assert [(r["uid"], r["learner_name"]) for r in listed] == [(made["uid"], learner["name"])]
    adult = factories.adult(client, caseload_capacity=3)
    body = {"adult_uid": adult["uid"], "type": "COACHES"}
    response = client.post(
        f"/v1/mentor-requests/{made['uid']}/assign", json=body, headers=counselor
    )
    assert response.status_code == 200, response.text
    request, rel = response.json()["request"], response.json()["relationship"]
    assert (request["status"], request["adult_uid"], request["relationship_uid"]) == (
        "assigned",
        adult["uid"],
        rel["uid"],
    )
    assert (rel["type"], rel["from_uid"], rel["to_uid"], rel["source"]) == (
        "COACHES",
        adult["uid"],
        learner["uid"],
        "learner_requested",
    )
    [mine] = client.get("/v1/me/mentor-requests", headers=headers).json()["items"]
    assert mine["status"] == "assigned"
    again = client.post(f"/v1/mentor-requests/{made['uid']}/assign", json=body, headers=counselor)
    assert again.status_code == 409
    assert ("write", f"POST /v1/mentor-requests/{made['uid']}/assign", "allowed") in audit_entries(
        client, learner["uid"]
    )


def test_assigning_an_expert_only_proposes_a_connection(client: TestClient) -> None:
    _, _, headers = enrolled(client)
    made = ask(client, headers)
    expert = factories.expert(client, screening_status="cleared")
    response = client.post(
        f"/v1/mentor-requests/{made['uid']}/assign", json={"adult_uid": expert["uid"]}
    )
    assert response.status_code == 200, response.text
    rel = response.json()["relationship"]
    assert (rel["type"], rel["connection_status"], rel["source"]) == (
        "MENTORS",
        "proposed",
        "learner_requested",
    )
    connection = client.get(f"/v1/connections/{rel['uid']}").json()
    assert (connection["status"], connection["grants_access"]) == ("proposed", False)


def test_assign_refused_leaves_the_request_open(client: TestClient) -> None:
    _, learner, headers = enrolled(client)
    made = ask(client, headers)
    full = factories.adult(client, caseload_capacity=0)
    path = f"/v1/mentor-requests/{made['uid']}/assign"
    assert client.post(path, json={"adult_uid": full["uid"]}).status_code == 409
    assert client.post(path, json={"adult_uid": "nobody"}).status_code == 404
    assert client.post(path, json={"adult_uid": full["uid"], "type": "TEACHES"}).status_code == 422
    pending = factories.expert(client)
    assert client.post(path, json={"adult_uid": pending["uid"]}).status_code == 422
    assert client.get(f"/v1/mentor-requests/{made['uid']}").json()["status"] == "open"
    assert (
        count(client, "MATCH (:Learner {uid: $uid})<-[r]-() RETURN count(r)", uid=learner["uid"])
        == 0
    )


def test_decline_needs_a_reason_the_learner_reads(client: TestClient) -> None:
    school, _, headers = enrolled(client)
    made = ask(client, headers)
    counselor = staff_of(client, "counselor", school["uid"])
    path = f"/v1/mentor-requests/{made['uid']}/decline"
    assert client.post(path, json={}, headers=counselor).status_code == 422
    assert client.post(path, json={"reason": "  "}, headers=counselor).status_code == 422
    reason = "Let us meet first to talk about what you hope for"
    response = client.post(path, json={"reason": reason}, headers=counselor)
    assert (response.status_code, response.json()["status"]) == (200, "declined")
    [mine] = client.get("/v1/me/mentor-requests", headers=headers).json()["items"]
    assert (mine["status"], mine["reason"]) == ("declined", reason)
    assert client.post(path, json={"reason": reason}, headers=counselor).status_code == 409
    assert (
        client.delete(f"/v1/me/mentor-requests/{made['uid']}", headers=headers).status_code == 409
    )


def test_counselor_of_another_school_sees_and_decides_nothing(client: TestClient) -> None:
    _, _, headers = enrolled(client)
    made = ask(client, headers)
    other = staff_of(client, "counselor", factories.organization(client)["uid"])
    assert client.get("/v1/mentor-requests", headers=other).json()["items"] == []
    assert client.get(f"/v1/mentor-requests/{made['uid']}", headers=other).status_code == 404
    adult = factories.adult(client)
    body = {"adult_uid": adult["uid"]}
    assert (
        client.post(
            f"/v1/mentor-requests/{made['uid']}/assign", json=body, headers=other
        ).status_code
        == 404
    )
    assert (
        client.post(
            f"/v1/mentor-requests/{made['uid']}/decline", json={"reason": "no"}, headers=other
        ).status_code
        == 404
    )
    assert (
        client.get(f"/v1/mentor-requests/{made['uid']}/suggestions", headers=other).status_code
        == 404
    )
    assert client.get(f"/v1/mentor-requests/{made['uid']}").json()["status"] == "open"


def test_other_roles_are_refused(client: TestClient) -> None:
    _, learner, headers = enrolled(client)
    made = ask(client, headers)
    teacher_node = factories.adult(client, roles=["teacher"])
    factories.relate(client, "TEACHES", teacher_node["uid"], learner["uid"])
    teacher = signed_in(client, "teacher", person_uid=teacher_node["uid"])
    assert client.get("/v1/mentor-requests", headers=teacher).status_code == 403
    assert client.get(f"/v1/mentor-requests/{made['uid']}", headers=teacher).status_code == 403
    assert client.get("/v1/me/mentor-requests", headers=teacher).status_code == 403
    _, other_learner = me(client)
    assert client.get("/v1/mentor-requests", headers=other_learner).status_code == 403
    assert (
        client.get(f"/v1/mentor-requests/{made['uid']}", headers=other_learner).status_code == 404
    )
    assert (
        client.delete(f"/v1/me/mentor-requests/{made['uid']}", headers=other_learner).status_code
        == 404
    )
    assert client.get("/v1/me/mentor-requests", headers=other_learner).json()["items"] == []
    assert (
        client.post(
            f"/v1/mentor-requests/{made['uid']}/decline", json={"reason": "x"}, headers=headers
        ).status_code
        == 403
    )


def test_list_filters_by_organization_and_status(client: TestClient) -> None:
    school, _, headers = enrolled(client)
    _, _, other_headers = enrolled(client)
    mine, theirs = ask(client, headers), ask(client, other_headers)
    by_school = client.get("/v1/mentor-requests", params={"organization": school["uid"]}).json()
    assert [r["uid"] for r in by_school["items"]] == [mine["uid"]]
    client.delete(f"/v1/me/mentor-requests/{theirs['uid']}", headers=other_headers)
    still_open = client.get("/v1/mentor-requests", params=OPEN).json()["items"]
    assert [r["uid"] for r in still_open] == [mine["uid"]]
    first = client.get("/v1/mentor-requests", params={"limit": 1}).json()
    assert [r["uid"] for r in first["items"]] == [mine["uid"]]  # oldest first
    rest = client.get(
        "/v1/mentor-requests", params={"limit": 1, "cursor": first["next_cursor"]}
    ).json()
    assert ([r["uid"] for r in rest["items"]], rest["next_cursor"]) == ([theirs["uid"]], None)


def test_suggestions_rank_adults_who_share_an_interest(client: TestClient) -> None:
    school, learner, headers = enrolled(client)
    chess = factories.make(client, "interests", name="Chess")
    client.post("/v1/me/interests", json={"interest_uid": chess["uid"]}, headers=headers)
    made = ask(client, headers, interest="chess")
    player = factories.adult(client, caseload_capacity=2)
    factories.relate(client, "INTERESTED_IN", player["uid"], chess["uid"])
    factories.adult(client, caseload_capacity=2)  # shares nothing: no candidate
    counselor = staff_of(client, "counselor", school["uid"])
    response = client.get(f"/v1/mentor-requests/{made['uid']}/suggestions", headers=counselor)
    assert response.status_code == 200, response.text
    found = response.json()
    assert (found["learner_uid"], found["assigned_uid"]) == (learner["uid"], player["uid"])
    assert [(c["adult_uid"], c["reasons"]) for c in found["candidates"]] == [
        (player["uid"], ["both interested in Chess"])
    ]
    assert (
        "read",
        f"GET /v1/mentor-requests/{made['uid']}/suggestions",
        "allowed",
    ) in audit_entries(client, learner["uid"])
