"""A learner's export: everything kept about them, for the learner, a guardian or an admin."""

from fastapi.testclient import TestClient

from tests import factories
from tests.safeguarding.support import guardian_of, school_with_learner, signed_in


def export(client: TestClient, uid: str, headers: dict | None = None):
    return client.get(f"/v1/learners/{uid}/export", headers=headers)


def test_export_holds_node_relationships_goals_interests_and_audit(client: TestClient) -> None:
    learner = factories.learner(client)
    adult, goal = factories.adult(client), factories.goal(client)
    chess = factories.make(client, "interests", name="Chess")
    ended = factories.relate(client, "MENTORS", adult["uid"], learner["uid"])
    client.post(f"/v1/relationships/{ended['uid']}/end", json={"reason": "moved away"})
    factories.relate(client, "PURSUES", learner["uid"], goal["uid"])
    factories.relate(client, "INTERESTED_IN", learner["uid"], chess["uid"])
    client.get(f"/v1/learners/{learner['uid']}")

    response = export(client, learner["uid"])

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["learner"]["uid"] == learner["uid"]
    by_type = {r["type"]: r for r in body["relationships"]}
    assert set(by_type) == {"MENTORS", "PURSUES", "INTERESTED_IN"}
    mentors = by_type["MENTORS"]
    assert (mentors["active"], mentors["ended_reason"], mentors["direction"]) == (
        False,
        "moved away",
        "in",
    )
    assert mentors["other"] == {"uid": adult["uid"], "node_kind": "adult", "name": adult["name"]}
    assert [g["uid"] for g in body["goals"]] == [goal["uid"]]
    assert [i["name"] for i in body["interests"]] == ["Chess"]
    assert f"GET /v1/learners/{learner['uid']}" in {e["what"] for e in body["audit"]}


def test_export_names_another_learner_by_uid_only(client: TestClient) -> None:
    learner, peer = factories.learner(client), factories.learner(client)
    factories.relate(client, "PEER_OF", learner["uid"], peer["uid"])
    [peer_of] = export(client, learner["uid"]).json()["relationships"]
    assert peer_of["other"] == {"uid": peer["uid"], "node_kind": "learner", "name": None}


def test_export_lists_accounts_without_secrets(client: TestClient) -> None:
    learner = factories.learner(client)
    signed_in(client, "learner", person_uid=learner["uid"])
    [account] = export(client, learner["uid"]).json()["accounts"]
    assert account["role"] == "learner"
    assert set(account) <= {"uid", "email", "role", "created_at", "disabled"}


def test_export_by_the_learner_is_200(client: TestClient) -> None:
    learner = factories.learner(client)
    me = signed_in(client, "learner", person_uid=learner["uid"])
    assert export(client, learner["uid"], me).status_code == 200


def test_export_by_their_guardian_is_200(client: TestClient) -> None:
    learner = factories.learner(client)
    assert export(client, learner["uid"], guardian_of(client, learner["uid"])).status_code == 200


def test_export_by_another_childs_guardian_is_404(client: TestClient) -> None:
    learner, other = factories.learner(client), factories.learner(client)
    assert export(client, learner["uid"], guardian_of(client, other["uid"])).status_code == 404


def test_export_by_their_counselor_is_403(client: TestClient) -> None:
    school, learner = school_with_learner(client)
    counselor = signed_in(
        client, "counselor", person_uid=factories.adult(client)["uid"], org_uid=school["uid"]
    )
    assert export(client, learner["uid"], counselor).status_code == 403


def test_export_of_unknown_learner_is_404(client: TestClient) -> None:
    assert export(client, "no-such-learner").status_code == 404


def test_export_is_recorded_in_the_audit(client: TestClient) -> None:
    learner = factories.learner(client)
    me = signed_in(client, "learner", person_uid=learner["uid"])
    export(client, learner["uid"], me)
    entries = client.get("/v1/audit", params={"learner": learner["uid"]}).json()["items"]
    [exported] = [e for e in entries if e["action"] == "export"]
    assert (exported["actor_role"], exported["purpose"], exported["outcome"]) == (
        "learner",
        "self",
        "allowed",
    )
