"""Connections of experts with learners: proposed, approved by staff, consented, active."""

from fastapi.testclient import TestClient

from tests import factories
from tests.safeguarding.support import (
    ADULT_BIRTH_DATE,
    guardian_of,
    propose,
    school_with_learner,
    signed_in,
    step,
)


def cleared_expert(client: TestClient) -> dict:
    return factories.expert(client, screening_status="cleared")


def test_relationships_post_expert_mentors_only_proposes(client: TestClient) -> None:
    expert, learner = cleared_expert(client), factories.learner(client)
    created = factories.relate(client, "MENTORS", expert["uid"], learner["uid"])
    assert created["connection_status"] == "proposed"
    connection = client.get(f"/v1/connections/{created['uid']}").json()
    assert (connection["status"], connection["grants_access"]) == ("proposed", False)


def test_relationships_post_adult_mentors_is_no_connection(client: TestClient) -> None:
    adult, learner = factories.adult(client), factories.learner(client)
    created = factories.relate(client, "MENTORS", adult["uid"], learner["uid"])
    assert created["connection_status"] is None
    assert client.get(f"/v1/connections/{created['uid']}").status_code == 404


def test_propose_by_counselor_of_the_school_is_201(client: TestClient) -> None:
    school, learner = school_with_learner(client)
    counselor = signed_in(
        client, "counselor", person_uid=factories.adult(client)["uid"], org_uid=school["uid"]
    )
    response = propose(client, cleared_expert(client)["uid"], learner["uid"], counselor)
    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["Location"] == f"/v1/connections/{body['uid']}"
    assert (body["status"], body["type"], body["needs_guardian_consent"]) == (
        "proposed",
        "MENTORS",
        True,
    )
    [proposed] = body["steps"]
    assert (proposed["step"], proposed["role"]) == ("proposed", "counselor")
    assert proposed["by"].startswith("counselor-")


def test_propose_by_the_learner_is_201(client: TestClient) -> None:
    learner = factories.learner(client)
    me = signed_in(client, "learner", person_uid=learner["uid"])
    response = propose(client, cleared_expert(client)["uid"], learner["uid"], me, type="COACHES")
    assert response.status_code == 201, response.text
    assert response.json()["type"] == "COACHES"


def test_propose_by_the_learners_mentor_is_403(client: TestClient) -> None:
    adult, learner = factories.adult(client), factories.learner(client)
    factories.relate(client, "MENTORS", adult["uid"], learner["uid"])
    mentor = signed_in(client, "mentor", person_uid=adult["uid"])
    response = propose(client, cleared_expert(client)["uid"], learner["uid"], mentor)
    assert response.status_code == 403


def test_propose_for_a_learner_of_another_school_is_404(client: TestClient) -> None:
    school = factories.organization(client)
    _, learner = school_with_learner(client)
    counselor = signed_in(
        client, "counselor", person_uid=factories.adult(client)["uid"], org_uid=school["uid"]
    )
    response = propose(client, cleared_expert(client)["uid"], learner["uid"], counselor)
    assert response.status_code == 404


def test_propose_unscreened_expert_is_422(client: TestClient) -> None:
    response = propose(client, factories.expert(client)["uid"], factories.learner(client)["uid"])
    assert response.status_code == 422
    assert "screened" in response.json()["detail"]


def test_propose_an_adult_as_expert_is_404(client: TestClient) -> None:
    response = propose(client, factories.adult(client)["uid"], factories.learner(client)["uid"])
    assert response.status_code == 404


def test_propose_twice_is_409(client: TestClient) -> None:
    expert, learner = cleared_expert(client), factories.learner(client)
    assert propose(client, expert["uid"], learner["uid"]).status_code == 201
    assert propose(client, expert["uid"], learner["uid"]).status_code == 409


def test_approve_for_a_minor_waits_for_consent(client: TestClient) -> None:
    school, learner = school_with_learner(client)
    uid = propose(client, cleared_expert(client)["uid"], learner["uid"]).json()["uid"]
    counselor = signed_in(
        client, "counselor", person_uid=factories.adult(client)["uid"], org_uid=school["uid"]
    )
    response = step(client, uid, "approve", counselor)
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["status"], body["grants_access"]) == ("approved", False)
    assert [s["step"] for s in body["steps"]] == ["proposed", "approved"]


def test_approve_for_an_adult_learner_activates(client: TestClient) -> None:
    learner = factories.learner(client, birth_date=ADULT_BIRTH_DATE)
    uid = propose(client, cleared_expert(client)["uid"], learner["uid"]).json()["uid"]
    body = step(client, uid, "approve").json()
    assert (body["status"], body["needs_guardian_consent"], body["grants_access"]) == (
        "active",
        False,
        True,
    )
    assert [s["step"] for s in body["steps"]] == ["proposed", "approved", "activated"]


def test_approve_by_guardian_is_403(client: TestClient) -> None:
    learner = factories.learner(client)
    uid = propose(client, cleared_expert(client)["uid"], learner["uid"]).json()["uid"]
    assert step(client, uid, "approve", guardian_of(client, learner["uid"])).status_code == 403


def test_approve_by_counselor_of_another_school_is_404(client: TestClient) -> None:
    _, learner = school_with_learner(client)
    other = factories.organization(client)
    uid = propose(client, cleared_expert(client)["uid"], learner["uid"]).json()["uid"]
    counselor = signed_in(
        client, "counselor", person_uid=factories.adult(client)["uid"], org_uid=other["uid"]
    )
    assert step(client, uid, "approve", counselor).status_code == 404


def test_approve_twice_is_409(client: TestClient) -> None:
    learner = factories.learner(client)
    uid = propose(client, cleared_expert(client)["uid"], learner["uid"]).json()["uid"]
    assert step(client, uid, "approve").status_code == 200
    assert step(client, uid, "approve").status_code == 409


def test_approve_after_screening_lapsed_is_409(client: TestClient) -> None:
    expert, learner = cleared_expert(client), factories.learner(client)
    uid = propose(client, expert["uid"], learner["uid"]).json()["uid"]
    client.patch(f"/v1/experts/{expert['uid']}", json={"screening_expires_on": "2020-01-31"})
    response = step(client, uid, "approve")
    assert response.status_code == 409
    assert response.json()["expert_screening"] == "expired"


def test_consent_by_guardian_activates(client: TestClient) -> None:
    learner = factories.learner(client)
    uid = propose(client, cleared_expert(client)["uid"], learner["uid"]).json()["uid"]
    step(client, uid, "approve")
    response = step(client, uid, "consent", guardian_of(client, learner["uid"]))
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["status"], body["grants_access"]) == ("active", True)
    assert [s["step"] for s in body["steps"]] == ["proposed", "approved", "consented", "activated"]
    assert body["steps"][2]["role"] == "guardian"


def test_consent_before_approval_is_409(client: TestClient) -> None:
    learner = factories.learner(client)
    uid = propose(client, cleared_expert(client)["uid"], learner["uid"]).json()["uid"]
    response = step(client, uid, "consent", guardian_of(client, learner["uid"]))
    assert response.status_code == 409
    assert response.json()["connection_status"] == "proposed"


def test_consent_by_another_childs_guardian_is_404(client: TestClient) -> None:
    learner, other_child = factories.learner(client), factories.learner(client)
    uid = propose(client, cleared_expert(client)["uid"], learner["uid"]).json()["uid"]
    step(client, uid, "approve")
    assert step(client, uid, "consent", guardian_of(client, other_child["uid"])).status_code == 404


def test_consent_by_admin_is_403(client: TestClient) -> None:
    learner = factories.learner(client)
    uid = propose(client, cleared_expert(client)["uid"], learner["uid"]).json()["uid"]
    step(client, uid, "approve")
    assert step(client, uid, "consent").status_code == 403


def test_revoke_proposed_by_learner_ends_it_today(client: TestClient) -> None:
    learner = factories.learner(client)
    uid = propose(client, cleared_expert(client)["uid"], learner["uid"]).json()["uid"]
    me = signed_in(client, "learner", person_uid=learner["uid"])
    response = step(client, uid, "revoke", me, reason="changed my mind")
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["status"], body["active"], body["revoked_reason"]) == (
        "revoked",
        False,
        "changed my mind",
    )
    assert body["until"] == body["steps"][-1]["at"][:10]
    relationship = client.get(f"/v1/relationships/{uid}").json()
    assert (relationship["active"], relationship["ended_reason"]) == (False, "revoked")


def test_revoke_twice_is_409(client: TestClient) -> None:
    learner = factories.learner(client)
    uid = propose(client, cleared_expert(client)["uid"], learner["uid"]).json()["uid"]
    assert step(client, uid, "revoke").status_code == 200
    assert step(client, uid, "revoke").status_code == 409


def test_revoke_then_propose_again_is_201(client: TestClient) -> None:
    expert, learner = cleared_expert(client), factories.learner(client)
    uid = propose(client, expert["uid"], learner["uid"]).json()["uid"]
    step(client, uid, "revoke")
    assert propose(client, expert["uid"], learner["uid"]).status_code == 201


def test_revoke_by_teacher_who_sees_the_learner_is_403(client: TestClient) -> None:
    adult, learner = factories.adult(client, roles=["teacher"]), factories.learner(client)
    factories.relate(client, "TEACHES", adult["uid"], learner["uid"])
    uid = propose(client, cleared_expert(client)["uid"], learner["uid"]).json()["uid"]
    teacher = signed_in(client, "teacher", person_uid=adult["uid"])
    assert step(client, uid, "revoke", teacher).status_code == 403


def test_get_unknown_connection_is_404(client: TestClient) -> None:
    assert client.get("/v1/connections/nope.0123").status_code == 404
    assert client.get("/v1/connections/no-dot").status_code == 404
