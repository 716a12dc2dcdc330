"""/v1/me/interests and /v1/me/trusted-adults: the learner names what they care about and
whom they trust, and takes a name back; the relationship rules apply as everywhere."""

from fastapi.testclient import TestClient

from tests import factories
from tests.voice.support import audit_entries, count, me

INTERESTS = "MATCH (n:Interest) RETURN count(n)"
ENDED_TRUSTS = (
    "MATCH (:Learner {uid: $uid})-[r:TRUSTS]->() WHERE r.until IS NOT NULL RETURN count(r)"
)


def test_post_interest_by_name_finds_the_catalogue_interest_whatever_its_case(
    client: TestClient,
) -> None:
    _, headers = me(client)
    chess = factories.make(client, "interests", name="Chess")
    response = client.post("/v1/me/interests", json={"name": "  chESS "}, headers=headers)
    assert response.status_code == 201, response.text
    assert (response.json()["uid"], response.json()["source"]) == (chess["uid"], "learner_reported")
    assert count(client, INTERESTS) == 1
    listed = client.get("/v1/me/interests", headers=headers).json()["items"]
    assert [(i["uid"], i["name"]) for i in listed] == [(chess["uid"], "Chess")]


def test_post_interest_by_new_name_adds_it_to_the_catalogue(client: TestClient) -> None:
    _, headers = me(client)
    response = client.post("/v1/me/interests", json={"name": "Beekeeping"}, headers=headers)
    assert response.status_code == 201, response.text
    found = client.get("/v1/interests", params={"name": "Beekeeping"}).json()["items"]
    assert [i["uid"] for i in found] == [response.json()["uid"]]


def test_post_interest_twice_is_409(client: TestClient) -> None:
    _, headers = me(client)
    chess = factories.make(client, "interests", name="Chess")
    body = {"interest_uid": chess["uid"]}
    assert client.post("/v1/me/interests", json=body, headers=headers).status_code == 201
    assert client.post("/v1/me/interests", json=body, headers=headers).status_code == 409


def test_post_interest_with_both_or_neither_is_422_and_adds_nothing(client: TestClient) -> None:
    _, headers = me(client)
    chess = factories.make(client, "interests", name="Chess")
    for body in ({}, {"interest_uid": chess["uid"], "name": "Go"}, {"name": ""}):
        response = client.post("/v1/me/interests", json=body, headers=headers)
        assert response.status_code == 422, body
        assert response.headers["content-type"].startswith("application/problem+json")
    assert count(client, INTERESTS) == 1
    assert client.get("/v1/me/interests", headers=headers).json()["items"] == []


def test_post_interest_unknown_uid_is_404(client: TestClient) -> None:
    _, headers = me(client)
    body = {"interest_uid": "nothing-here"}
    assert client.post("/v1/me/interests", json=body, headers=headers).status_code == 404


def test_delete_interest_ends_it(client: TestClient) -> None:
    learner, headers = me(client)
    uid = client.post("/v1/me/interests", json={"name": "Chess"}, headers=headers).json()["uid"]
    response = client.delete(f"/v1/me/interests/{uid}", headers=headers)
    assert response.status_code == 200, response.text
    assert (response.json()["type"], response.json()["active"]) == ("INTERESTED_IN", False)
    assert client.get("/v1/me/interests", headers=headers).json()["items"] == []
    assert client.delete(f"/v1/me/interests/{uid}", headers=headers).status_code == 404
    assert ("write", f"DELETE /v1/me/interests/{uid}", "allowed") in audit_entries(
        client, learner["uid"]
    )


def test_trust_an_adult_then_take_the_name_back(client: TestClient) -> None:
    learner, headers = me(client)
    coach = factories.adult(client, roles=["coach"])
    response = client.post(
        "/v1/me/trusted-adults", json={"adult_uid": coach["uid"]}, headers=headers
    )
    assert response.status_code == 201, response.text
    named = response.json()
    assert (named["uid"], named["node_kind"], named["source"]) == (
        coach["uid"],
        "adult",
        "learner_reported",
    )
    listed = client.get("/v1/me/trusted-adults", headers=headers).json()["items"]
    assert [a["uid"] for a in listed] == [coach["uid"]]
    again = client.post("/v1/me/trusted-adults", json={"adult_uid": coach["uid"]}, headers=headers)
    assert again.status_code == 409
    taken_back = client.delete(f"/v1/me/trusted-adults/{coach['uid']}", headers=headers)
    assert taken_back.status_code == 200, taken_back.text
    assert (taken_back.json()["type"], taken_back.json()["active"]) == ("TRUSTS", False)
    assert client.get("/v1/me/trusted-adults", headers=headers).json()["items"] == []
    assert count(client, ENDED_TRUSTS, uid=learner["uid"]) == 1  # history kept


def test_trust_a_cleared_expert_is_201_and_an_unscreened_one_422(client: TestClient) -> None:
    _, headers = me(client)
    cleared = factories.expert(client, screening_status="cleared")
    pending = factories.expert(client)
    ok = client.post("/v1/me/trusted-adults", json={"adult_uid": cleared["uid"]}, headers=headers)
    assert (ok.status_code, ok.json()["node_kind"]) == (201, "expert")
    refused = client.post(
        "/v1/me/trusted-adults", json={"adult_uid": pending["uid"]}, headers=headers
    )
    assert refused.status_code == 422
    assert "screened" in refused.json()["detail"]


def test_trust_another_learner_is_404_and_a_community_422(client: TestClient) -> None:
    _, headers = me(client)
    other, club = factories.learner(client), factories.community(client)
    body = {"adult_uid": other["uid"]}
    assert client.post("/v1/me/trusted-adults", json=body, headers=headers).status_code == 404
    body = {"adult_uid": club["uid"]}
    assert client.post("/v1/me/trusted-adults", json=body, headers=headers).status_code == 422
    assert client.get("/v1/me/trusted-adults", headers=headers).json()["items"] == []


def test_take_back_a_name_the_learner_never_gave_is_404(client: TestClient) -> None:
    learner, headers = me(client)
    mentor = factories.adult(client)
    factories.relate(client, "MENTORS", mentor["uid"], learner["uid"])
    response = client.delete(f"/v1/me/trusted-adults/{mentor['uid']}", headers=headers)
    assert response.status_code == 404
