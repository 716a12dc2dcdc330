"""/v1/me/goals: a learner states, revises and takes back their own goals; nobody else's."""

from fastapi.testclient import TestClient

from tests import factories
from tests.voice.support import audit_entries, count, me

GOALS_OF = "MATCH (:Learner {uid: $uid})-[:PURSUES]->(g:Goal) RETURN count(g)"
ALL_GOALS = "MATCH (g:Goal) RETURN count(g)"
INDUSTRY_TIES = """
MATCH (:Goal {uid: $uid})-[t:IN_INDUSTRY]->(i:Industry)
WITH i.uid AS industry, t.until IS NULL AS active ORDER BY industry
RETURN collect([industry, active])
"""


def add_goal(client: TestClient, headers: dict, **body: object) -> dict:
    response = client.post("/v1/me/goals", json={"kind": "ambition", **body}, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def test_post_goal_with_industry_pursues_it_in_the_learners_voice(client: TestClient) -> None:
    learner, headers = me(client)
    health = factories.industry(client)
    goal = add_goal(client, headers, title="Become a nurse", industry_uid=health["uid"])
    assert (goal["title"], goal["kind"], goal["status"]) == ("Become a nurse", "ambition", "active")
    assert (goal["industry_uid"], goal["source"]) == (health["uid"], "learner_reported")
    pursuit = client.get(f"/v1/relationships/{goal['pursuit_uid']}").json()
    assert (pursuit["type"], pursuit["from_uid"], pursuit["source"]) == (
        "PURSUES",
        learner["uid"],
        "learner_reported",
    )
    listed = client.get("/v1/me/goals", headers=headers).json()["items"]
    assert [g["uid"] for g in listed] == [goal["uid"]]
    assert ("write", "POST /v1/me/goals", "allowed") in audit_entries(client, learner["uid"])


def test_post_goal_with_unknown_industry_writes_nothing(client: TestClient) -> None:
    _, headers = me(client)
    body = {"title": "Fly", "kind": "ambition", "industry_uid": "no-such-industry"}
    response = client.post("/v1/me/goals", json=body, headers=headers)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    assert count(client, ALL_GOALS) == 0


def test_post_goal_naming_a_community_as_industry_is_404(client: TestClient) -> None:
    _, headers = me(client)
    body = {"title": "Fly", "kind": "learning", "industry_uid": factories.community(client)["uid"]}
    assert client.post("/v1/me/goals", json=body, headers=headers).status_code == 404
    assert count(client, ALL_GOALS) == 0


def test_post_goal_bad_kind_or_blank_title_is_422(client: TestClient) -> None:
    _, headers = me(client)
    for body in ({"title": "Fly", "kind": "dream"}, {"title": " ", "kind": "ambition"}, {}):
        response = client.post("/v1/me/goals", json=body, headers=headers)
        assert response.status_code == 422, body
        assert response.headers["content-type"].startswith("application/problem+json")
    assert count(client, ALL_GOALS) == 0


def test_patch_goal_status_progress_and_industry(client: TestClient) -> None:
    _, headers = me(client)
    first, second = factories.industry(client), factories.industry(client)
    goal = add_goal(client, headers, title="Build bridges", industry_uid=first["uid"])
    body = {"status": "achieved", "progress": 100, "industry_uid": second["uid"]}
    response = client.patch(f"/v1/me/goals/{goal['uid']}", json=body, headers=headers)
    assert response.status_code == 200, response.text
    changed = response.json()
    assert (changed["status"], changed["progress"], changed["industry_uid"]) == (
        "achieved",
        100,
        second["uid"],
    )
    assert count(client, INDUSTRY_TIES, uid=goal["uid"]) == sorted(  # history kept
        [[first["uid"], False], [second["uid"], True]]
    )


def test_patch_goal_industry_null_unties_it(client: TestClient) -> None:
    _, headers = me(client)
    goal = add_goal(client, headers, title="Cook", industry_uid=factories.industry(client)["uid"])
    response = client.patch(
        f"/v1/me/goals/{goal['uid']}", json={"industry_uid": None}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["industry_uid"] is None


def test_patch_goal_bad_progress_changes_nothing(client: TestClient) -> None:
    _, headers = me(client)
    industry = factories.industry(client)
    goal = add_goal(client, headers, title="Swim")
    for body in (
        {"progress": 101, "industry_uid": industry["uid"]},
        {"title": None, "industry_uid": industry["uid"]},
        {"status": "done"},
        {},
    ):
        response = client.patch(f"/v1/me/goals/{goal['uid']}", json=body, headers=headers)
        assert response.status_code == 422, (body, response.text)
    [listed] = client.get("/v1/me/goals", headers=headers).json()["items"]
    assert (listed["title"], listed["progress"], listed["industry_uid"]) == ("Swim", None, None)


def test_another_learners_goal_is_404_and_unchanged(client: TestClient) -> None:
    _, mine = me(client)
    _, theirs = me(client)
    goal = add_goal(client, theirs, title="Secret plan")
    patch = client.patch(f"/v1/me/goals/{goal['uid']}", json={"title": "Mine"}, headers=mine)
    assert patch.status_code == 404
    assert client.delete(f"/v1/me/goals/{goal['uid']}", headers=mine).status_code == 404
    assert client.get("/v1/me/goals", headers=mine).json()["items"] == []
    [kept] = client.get("/v1/me/goals", headers=theirs).json()["items"]
    assert kept["title"] == "Secret plan"


def test_a_goal_other_learners_pursue_too_is_not_the_learners_to_change(
    client: TestClient,
) -> None:
    learner, headers = me(client)
    other = factories.learner(client)
    shared = factories.goal(client)
    factories.relate(client, "PURSUES", learner["uid"], shared["uid"])
    factories.relate(client, "PURSUES", other["uid"], shared["uid"])
    body = {"title": "Mine now"}
    response = client.patch(f"/v1/me/goals/{shared['uid']}", json=body, headers=headers)
    assert response.status_code == 403
    assert client.get(f"/v1/goals/{shared['uid']}").json()["title"] == shared["title"]


def test_delete_goal_ends_the_pursuit_and_keeps_history(client: TestClient) -> None:
    learner, headers = me(client)
    goal = add_goal(client, headers, title="Learn Spanish", kind="learning")
    response = client.delete(f"/v1/me/goals/{goal['uid']}", headers=headers)
    assert response.status_code == 200, response.text
    assert (response.json()["type"], response.json()["active"]) == ("PURSUES", False)
    assert client.get("/v1/me/goals", headers=headers).json()["items"] == []
    assert count(client, GOALS_OF, uid=learner["uid"]) == 1  # the ended PURSUES stays
    assert client.delete(f"/v1/me/goals/{goal['uid']}", headers=headers).status_code == 404


def test_patch_goal_with_unknown_industry_is_404_and_changes_nothing(client: TestClient) -> None:
    _, headers = me(client)
    goal = add_goal(client, headers, title="Paint")
    body = {"title": "Sculpt", "industry_uid": "no-such-industry"}
    response = client.patch(f"/v1/me/goals/{goal['uid']}", json=body, headers=headers)
    assert response.status_code == 404
    [kept] = client.get("/v1/me/goals", headers=headers).json()["items"]
    assert (kept["title"], kept["industry_uid"]) == ("Paint", None)
