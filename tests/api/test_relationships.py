from datetime import date, timedelta

from fastapi.testclient import TestClient

from tests import factories


def test_create_relationship_returns_201_and_location(client: TestClient) -> None:
    mentor, learner = factories.adult(client), factories.learner(client)
    body = {"type": "MENTORS", "from_uid": mentor["uid"], "to_uid": learner["uid"], "strength": 4}
    response = client.post("/v1/relationships", json=body)
    assert response.status_code == 201, response.text
    rel = response.json()
    assert response.headers["location"] == f"/v1/relationships/{rel['uid']}"
    assert (rel["type"], rel["active"], rel["strength"], rel["source"]) == (
        "MENTORS",
        True,
        4,
        "api",
    )
    assert client.get(response.headers["location"]).json()["to_uid"] == learner["uid"]


def test_create_relationship_wrong_pair_names_allowed_pairs(client: TestClient) -> None:
    learner, other = factories.learner(client), factories.learner(client)
    body = {"type": "MENTORS", "from_uid": learner["uid"], "to_uid": other["uid"]}
    response = client.post("/v1/relationships", json=body)
    assert response.status_code == 422
    problem = response.json()
    assert "adult -> learner" in problem["detail"]
    assert problem["allowed_pairs"] == ["adult -> learner", "expert -> learner"]


def test_create_relationship_unknown_node_is_404(client: TestClient) -> None:
    mentor = factories.adult(client)
    body = {"type": "MENTORS", "from_uid": mentor["uid"], "to_uid": "no-such-learner"}
    response = client.post("/v1/relationships", json=body)
    assert response.status_code == 404
    assert response.json()["missing"] == ["no-such-learner"]


def test_second_active_relationship_same_type_is_409(client: TestClient) -> None:
    mentor, learner = factories.adult(client), factories.learner(client)
    first = factories.relate(client, "MENTORS", mentor["uid"], learner["uid"])
    body = {"type": "MENTORS", "from_uid": mentor["uid"], "to_uid": learner["uid"]}
    response = client.post("/v1/relationships", json=body)
    assert response.status_code == 409
    assert response.json()["existing_uid"] == first["uid"]


def test_symmetric_peer_relationship_counts_either_way(client: TestClient) -> None:
    a, b = factories.learner(client), factories.learner(client)
    factories.relate(client, "PEER_OF", a["uid"], b["uid"])
    body = {"type": "PEER_OF", "from_uid": b["uid"], "to_uid": a["uid"]}
    assert client.post("/v1/relationships", json=body).status_code == 409


def test_end_relationship_keeps_history_and_allows_a_new_one(client: TestClient) -> None:
    mentor, learner = factories.adult(client), factories.learner(client)
    rel = factories.relate(client, "MENTORS", mentor["uid"], learner["uid"], since="2025-09-01")
    ended = client.post(
        f"/v1/relationships/{rel['uid']}/end", json={"until": "2026-06-30", "reason": "moved"}
    )
    assert ended.status_code == 200, ended.text
    assert (ended.json()["active"], ended.json()["ended_reason"]) == (False, "moved")
    again = client.post(f"/v1/relationships/{rel['uid']}/end", json={})
    assert again.status_code == 409
    factories.relate(client, "MENTORS", mentor["uid"], learner["uid"])
    listed = client.get("/v1/relationships", params={"node": learner["uid"]}).json()["items"]
    assert sorted(r["active"] for r in listed) == [False, True]
    inactive = client.get("/v1/relationships", params={"node": learner["uid"], "active": False})
    assert [r["uid"] for r in inactive.json()["items"]] == [rel["uid"]]


def test_end_before_since_is_422(client: TestClient) -> None:
    mentor, learner = factories.adult(client), factories.learner(client)
    rel = factories.relate(client, "MENTORS", mentor["uid"], learner["uid"], since="2025-09-01")
    response = client.post(f"/v1/relationships/{rel['uid']}/end", json={"until": "2025-01-01"})
    assert response.status_code == 422


def test_future_until_keeps_relationship_active(client: TestClient) -> None:
    mentor, learner = factories.adult(client), factories.learner(client)
    rel = factories.relate(client, "MENTORS", mentor["uid"], learner["uid"])
    soon = (date.today() + timedelta(days=10)).isoformat()
    ended = client.post(f"/v1/relationships/{rel['uid']}/end", json={"until": soon}).json()
    assert (ended["active"], ended["until"]) == (True, soon)


def test_unscreened_expert_cannot_mentor_a_learner(client: TestClient) -> None:
    expert, learner = factories.expert(client), factories.learner(client)
    body = {"type": "MENTORS", "from_uid": expert["uid"], "to_uid": learner["uid"]}
    response = client.post("/v1/relationships", json=body)
    assert response.status_code == 422
    assert "screened" in response.json()["detail"]
    client.patch(f"/v1/experts/{expert['uid']}", json=factories.CLEARED)
    assert client.post("/v1/relationships", json=body).status_code == 201


def test_patch_relationship_changes_strength_and_properties(client: TestClient) -> None:
    mentor, learner = factories.adult(client), factories.learner(client)
    rel = factories.relate(client, "MENTORS", mentor["uid"], learner["uid"])
    response = client.patch(
        f"/v1/relationships/{rel['uid']}",
        json={"strength": 2, "properties": {"meets": "weekly", "since_grade": 9}},
    )
    assert response.status_code == 200, response.text
    assert response.json()["properties"] == {"meets": "weekly", "since_grade": 9}
    bad = client.patch(f"/v1/relationships/{rel['uid']}", json={"strength": 9})
    assert bad.status_code == 422


def test_relationship_bad_input_is_problem_json(client: TestClient) -> None:
    cases = [
        {"type": "LOVES", "from_uid": "a", "to_uid": "b"},
        {"type": "MENTORS", "from_uid": "a"},
        {"type": "MENTORS", "from_uid": "a", "to_uid": "b", "strength": "high"},
        {"type": "MENTORS", "from_uid": "a", "to_uid": "b", "properties": {"1bad key": 1}},
    ]
    for body in cases:
        response = client.post("/v1/relationships", json=body)
        assert response.status_code == 422, body
        assert response.headers["content-type"] == "application/problem+json"


def test_unknown_relationship_uid_is_404(client: TestClient) -> None:
    for uid in ("nodot", "abc.def", ".x"):
        assert client.get(f"/v1/relationships/{uid}").status_code == 404
