"""/v1/me: a signed-in learner's own record and how they like to learn; anyone else 403."""

import pytest
from fastapi.testclient import TestClient

from tests import factories
from tests.voice.support import audit_entries, me, signed_in


def test_get_me_is_the_learners_own_record(client: TestClient) -> None:
    learner, headers = me(client)
    response = client.get("/v1/me", headers=headers)
    assert response.status_code == 200, response.text
    assert (response.json()["uid"], response.json()["node_kind"]) == (learner["uid"], "learner")
    assert ("read", "GET /v1/me", "allowed") in audit_entries(client, learner["uid"])


def test_patch_me_sets_learning_preferences(client: TestClient) -> None:
    learner, headers = me(client)
    prefs = ["hands-on projects", "working with a friend"]
    response = client.patch("/v1/me", json={"learning_preferences": prefs}, headers=headers)
    assert response.status_code == 200, response.text
    assert client.get("/v1/me", headers=headers).json()["learning_preferences"] == prefs
    assert ("write", "PATCH /v1/me", "allowed") in audit_entries(client, learner["uid"])


def test_patch_me_with_another_field_is_422(client: TestClient) -> None:
    learner, headers = me(client)
    response = client.patch("/v1/me", json={"given_name": "Mallory"}, headers=headers)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert client.get("/v1/me", headers=headers).json()["given_name"] == learner["given_name"]


@pytest.mark.parametrize("role", ["teacher", "counselor", "guardian", "mentor"])
def test_me_for_a_person_who_is_no_learner_is_403(client: TestClient, role: str) -> None:
    adult = factories.adult(client, roles=["teacher"])
    headers = signed_in(client, role, person_uid=adult["uid"], org_uid="org")
    for path in ("/v1/me", "/v1/me/goals", "/v1/me/network", "/v1/me/interests"):
        response = client.get(path, headers=headers)
        assert response.status_code == 403, (path, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
        assert "signed-in learner" in response.json()["detail"]


def test_me_for_the_district_admin_is_403(client: TestClient) -> None:
    assert client.get("/v1/me").status_code == 403
    assert client.post("/v1/me/goals", json={"title": "x", "kind": "ambition"}).status_code == 403


def test_my_network_shows_my_adults_and_only_counts_other_learners(client: TestClient) -> None:
    learner, headers = me(client)
    mentor, peer = factories.adult(client), factories.learner(client)
    factories.relate(client, "MENTORS", mentor["uid"], learner["uid"])
    factories.relate(client, "PEER_OF", learner["uid"], peer["uid"])
    response = client.get("/v1/me/network", params={"depth": 1}, headers=headers)
    assert response.status_code == 200, response.text
    nodes = response.json()["nodes"]
    assert [(n["uid"], n["name"]) for n in nodes["adult"]] == [(mentor["uid"], mentor["name"])]
    assert nodes["learner"] == [] and response.json()["hidden_learners"] == 1
    assert peer["uid"] not in response.text
    assert ("read", "GET /v1/me/network", "allowed") in audit_entries(client, learner["uid"])


def test_my_network_depth_out_of_range_is_422(client: TestClient) -> None:
    _, headers = me(client)
    response = client.get("/v1/me/network", params={"depth": 4}, headers=headers)
    assert response.status_code == 422
