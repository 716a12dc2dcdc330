"""Interactions: logged by the care team (or an organization role), read by staff who see
the learner, never by the learner, a guardian, another school or a former mentor."""

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from tests import factories
from tests.auth_helpers import seed_caller
from tests.care.support import ago, is_problem, log, world_of


def test_mentor_logs_interaction_with_mentee(client: TestClient) -> None:
    world = world_of(client)
    response = log(world, "mentor", ["ada"], kind="check_in", summary="Math test went well")
    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["Location"] == f"/v1/interactions/{body['uid']}"
    assert body["learner_uids"] == [world.uid["ada"]]
    assert (body["kind"], body["summary"]) == ("check_in", "Math test went well")
    assert body["author_uid"] == world.uid["mentor_a"]
    assert body["author_name"] == "Mentor A Testwell"
    again = world.call("mentor", "GET", f"/v1/interactions/{body['uid']}")
    assert again.json() == body


def test_interaction_sets_last_interaction_at_on_author_relationship_only(
    client: TestClient,
) -> None:
    world = world_of(client)
    at = ago(days=2)
    assert log(world, "mentor", ["ada"], at=at).status_code == 201
    mentoring = world.call("admin", "GET", "/v1/relationships/{ada_mentoring}").json()
    assert datetime.fromisoformat(mentoring["last_interaction_at"]) == datetime.fromisoformat(at)
    advising = world.call("admin", "GET", "/v1/relationships", params={
        "node": world.uid["ada"], "type": "ADVISES"}).json()["items"]  # fmt: skip
    assert [r.get("last_interaction_at") for r in advising] == [None]


def test_older_interaction_does_not_move_last_interaction_at_back(client: TestClient) -> None:
    world = world_of(client)
    newer = ago(hours=1)
    log(world, "mentor", ["ada"], at=newer)
    log(world, "mentor", ["ada"], at=ago(days=10))
    mentoring = world.call("admin", "GET", "/v1/relationships/{ada_mentoring}").json()
    assert datetime.fromisoformat(mentoring["last_interaction_at"]) == datetime.fromisoformat(newer)


def test_learner_trusts_of_the_author_gets_last_interaction_at(client: TestClient) -> None:
    learner, adult = factories.learner(client), factories.adult(client)
    trusts = factories.relate(client, "TRUSTS", learner["uid"], adult["uid"])
    factories.relate(client, "MENTORS", adult["uid"], learner["uid"])
    mentor = seed_caller(client.app.state.graph, "mentor", person_uid=adult["uid"])  # type: ignore[attr-defined]
    body = {"learner_uids": [learner["uid"]], "kind": "message", "summary": "Sent the form"}
    assert client.post("/v1/interactions", json=body, headers=mentor).status_code == 201
    assert client.get(f"/v1/relationships/{trusts['uid']}").json()["last_interaction_at"]


def test_interaction_makes_quiet_relationship_no_longer_quiet(client: TestClient) -> None:
    learner, adult = factories.learner(client), factories.adult(client)
    since = (datetime.now(UTC).date() - timedelta(days=90)).isoformat()
    factories.relate(client, "MENTORS", adult["uid"], learner["uid"], since=since)
    report = client.get("/v1/reports/unmentored").json()["sections"]["at_risk"]
    assert [(r["learner_uid"], r["reason"]) for r in report] == [(learner["uid"], "never_logged")]
    mentor = seed_caller(client.app.state.graph, "mentor", person_uid=adult["uid"])  # type: ignore[attr-defined]
    body = {"learner_uids": [learner["uid"]], "kind": "meeting", "summary": "Caught up"}
    assert client.post("/v1/interactions", json=body, headers=mentor).status_code == 201
    assert client.get("/v1/reports/unmentored").json()["sections"]["at_risk"] == []


def test_counselor_logs_for_two_learners_each_sees_their_own(client: TestClient) -> None:
    world = world_of(client)
    response = log(world, "counselor", ["ada", "ava"], kind="event", summary="Career fair")
    assert response.status_code == 201, response.text
    uid = response.json()["uid"]
    assert sorted(response.json()["learner_uids"]) == sorted([world.uid["ada"], world.uid["ava"]])
    seen_by_mentor = world.call("mentor", "GET", f"/v1/interactions/{uid}").json()
    assert seen_by_mentor["learner_uids"] == [world.uid["ada"]]  # the mentor does not see ava
    assert world.call("counselor_b", "GET", f"/v1/interactions/{uid}").status_code == 404


def test_a_hidden_learner_in_the_list_is_404_and_nothing_is_written(client: TestClient) -> None:
    world = world_of(client)
    response = log(world, "mentor", ["ada", "ben"])
    assert is_problem(response, 404)
    items = world.call("admin", "GET", "/v1/learners/{ada}/interactions").json()["items"]
    assert items == []


def test_a_class_teacher_logs_an_interaction(client: TestClient) -> None:
    world = world_of(client)
    made = log(world, "teacher", ["ada"])  # sees ada through a class only
    assert made.status_code == 201, made.text
    items = world.call("counselor", "GET", "/v1/learners/{ada}/interactions").json()["items"]
    assert [i["uid"] for i in items] == [made.json()["uid"]]


def test_learners_guardians_keys_and_strangers_may_not_log(client: TestClient) -> None:
    world = world_of(client)
    assert is_problem(log(world, "learner", ["ada"]), 403)
    assert is_problem(log(world, "guardian", ["ada"]), 403)
    assert is_problem(log(world, "key_write", ["ada"]), 403)
    assert log(world, "former_mentor", ["ada"]).status_code == 404
    assert log(world, "counselor_b", ["ada"]).status_code == 404
    items = world.call("admin", "GET", "/v1/learners/{ada}/interactions").json()["items"]
    assert items == []


def test_expert_with_active_connection_logs(client: TestClient) -> None:
    world = world_of(client)
    assert log(world, "expert", ["ada"]).status_code == 201


def test_who_reads_a_learners_interactions(client: TestClient) -> None:
    world = world_of(client)
    uid = log(world, "mentor", ["ada"]).json()["uid"]
    for role in ("admin", "counselor", "school_admin", "mentor", "advisor", "teacher", "expert"):
        items = world.call(role, "GET", "/v1/learners/{ada}/interactions").json()["items"]
        assert [i["uid"] for i in items] == [uid], role
    for role in ("learner", "guardian"):
        assert world.call(role, "GET", "/v1/learners/{ada}/interactions").status_code == 403
        assert world.call(role, "GET", f"/v1/interactions/{uid}").status_code == 404
    for role in ("former_mentor", "counselor_b"):
        assert world.call(role, "GET", "/v1/learners/{ada}/interactions").status_code == 404
        assert world.call(role, "GET", f"/v1/interactions/{uid}").status_code == 404


def test_learner_interactions_are_newest_first_in_pages(client: TestClient) -> None:
    world = world_of(client)
    made = [log(world, "mentor", ["ada"], at=ago(days=d)).json()["uid"] for d in (3, 1, 2)]
    first = world.call("mentor", "GET", "/v1/learners/{ada}/interactions?limit=2").json()
    assert [i["uid"] for i in first["items"]] == [made[1], made[2]]
    rest = world.call("mentor", "GET", "/v1/learners/{ada}/interactions",
                      params={"limit": 2, "cursor": first["next_cursor"]}).json()  # fmt: skip
    assert ([i["uid"] for i in rest["items"]], rest["next_cursor"]) == ([made[0]], None)


def test_reads_are_audited(client: TestClient) -> None:
    world = world_of(client)
    uid = log(world, "mentor", ["ada"]).json()["uid"]
    world.call("advisor", "GET", f"/v1/interactions/{uid}")
    entries = client.get("/v1/audit", params={"learner": world.uid["ada"]}).json()["items"]
    whats = {(e["what"], e["action"]) for e in entries}
    assert (f"GET /v1/interactions/{uid}", "read") in whats
    assert ("POST /v1/interactions", "write") in whats


def test_bad_interactions_are_422_problems(client: TestClient) -> None:
    world = world_of(client)
    future = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    assert is_problem(log(world, "mentor", ["ada"], at=future), 422)
    assert is_problem(log(world, "mentor", ["ada", "ada"]), 422)
    assert is_problem(log(world, "mentor", ["ada"], kind="phone"), 422)
    assert is_problem(log(world, "mentor", ["ada"], summary=" "), 422)
    assert is_problem(log(world, "mentor", ["ada"], at="2024-01-01T10:00:00"), 422)  # no zone
    assert is_problem(log(world, "mentor", []), 422)
    many = {"learner_uids": [f"l{i}" for i in range(51)], "kind": "event", "summary": "Fair"}
    assert is_problem(world.call("mentor", "POST", "/v1/interactions", json=many), 422)
    bad_cursor = world.call("mentor", "GET", "/v1/learners/{ada}/interactions?cursor=%%%")
    assert is_problem(bad_cursor, 422)
