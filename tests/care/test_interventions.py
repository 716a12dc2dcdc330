"""Interventions: opened by the care team, checked in on and closed by the owner, overdue
check-ins listed for the owner, never read by the learner or a guardian."""

from datetime import date, timedelta

from fastapi.testclient import TestClient

from tests.care.support import ago, is_problem, log, plan, world_of


def days_ago(n: int) -> str:
    return (date.today() - timedelta(days=n)).isoformat()


def test_mentor_opens_an_intervention_they_own(client: TestClient) -> None:
    world = world_of(client)
    response = plan(world, "mentor")
    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["Location"] == f"/v1/interventions/{body['uid']}"
    assert (body["owner_uid"], body["status"], body["start"]) == (
        world.uid["mentor_a"], "open", date.today().isoformat())  # fmt: skip
    assert body["due_on"] == (date.today() + timedelta(days=7)).isoformat()
    assert (body["overdue"], body["created_by"]) == (False, world.uid["mentor_a"])


def test_counselor_opens_one_owned_by_the_advisor(client: TestClient) -> None:
    world = world_of(client)
    response = plan(world, "counselor", owner_uid=world.uid["advisor"])
    assert response.status_code == 201, response.text
    assert response.json()["owner_uid"] == world.uid["advisor"]


def test_owner_must_be_an_adult(client: TestClient) -> None:
    world = world_of(client)
    assert is_problem(plan(world, "counselor", owner_uid=world.uid["expert"]), 422)
    assert is_problem(plan(world, "counselor", owner_uid=world.uid["ava"]), 422)
    assert is_problem(plan(world, "expert"), 422)  # an expert is no adult to own one
    assert is_problem(plan(world, "admin"), 409)  # the admin is no person: name an owner


def test_who_may_open_one(client: TestClient) -> None:
    world = world_of(client)
    for role in ("teacher", "learner", "guardian", "key_write"):
        assert is_problem(plan(world, role), 403), role
    for role in ("former_mentor", "counselor_b"):
        assert is_problem(plan(world, role), 404), role


def test_who_reads_them(client: TestClient) -> None:
    world = world_of(client)
    uid = plan(world, "mentor").json()["uid"]
    for role in ("admin", "school_admin", "counselor", "mentor", "advisor", "expert"):
        assert world.call(role, "GET", f"/v1/interventions/{uid}").status_code == 200, role
        listed = world.call(role, "GET", "/v1/learners/{ada}/interventions").json()["items"]
        assert [p["uid"] for p in listed] == [uid], role
    assert world.call("teacher", "GET", "/v1/learners/{ada}/interventions").json()["items"] == []
    for role in ("teacher", "learner", "guardian", "former_mentor", "counselor_b"):
        assert world.call(role, "GET", f"/v1/interventions/{uid}").status_code == 404, role
    for role in ("learner", "guardian"):
        assert world.call(role, "GET", "/v1/learners/{ada}/interventions").status_code == 403
    assert world.call("former_mentor", "GET", "/v1/learners/{ada}/interventions").status_code == 404


def test_teacher_who_owns_one_reads_it(client: TestClient) -> None:
    world = world_of(client)
    uid = plan(world, "counselor", owner_uid=world.uid["teacher"]).json()["uid"]
    assert world.call("teacher", "GET", f"/v1/interventions/{uid}").status_code == 200
    listed = world.call("teacher", "GET", "/v1/learners/{ada}/interventions").json()["items"]
    assert [p["uid"] for p in listed] == [uid]


def test_owner_checks_in_changes_and_closes_the_loop(client: TestClient) -> None:
    world = world_of(client)
    uid = plan(world, "mentor", start=days_ago(30)).json()["uid"]
    assert world.call("mentor", "GET", f"/v1/interventions/{uid}").json()["overdue"] is True
    checked = world.call("mentor", "POST", f"/v1/interventions/{uid}/check-ins")
    assert checked.status_code == 200, checked.text
    assert checked.json()["last_check_in_at"] and checked.json()["overdue"] is False
    changed = world.call("mentor", "PATCH", f"/v1/interventions/{uid}",
                         json={"what": "Reading twice a week", "cadence_days": 3})  # fmt: skip
    assert (changed.json()["what"], changed.json()["cadence_days"]) == ("Reading twice a week", 3)
    closed = world.call("mentor", "POST", f"/v1/interventions/{uid}/close",
                        json={"outcome": "Reading at grade level"})  # fmt: skip
    assert closed.status_code == 200, closed.text
    body = closed.json()
    assert (body["status"], body["outcome"], body["due_on"]) == (
        "closed", "Reading at grade level", None)  # fmt: skip
    assert body["closed_at"] and body["closed_by"] == world.uid["mentor_a"]
    again = world.call("mentor", "POST", f"/v1/interventions/{uid}/close", json={"outcome": "x"})
    assert is_problem(again, 409)
    assert is_problem(world.call("mentor", "POST", f"/v1/interventions/{uid}/check-ins"), 409)
    open_only = world.call("mentor", "GET", "/v1/learners/{ada}/interventions?status=open")
    assert open_only.json()["items"] == []
    closed_only = world.call("mentor", "GET", "/v1/learners/{ada}/interventions?status=closed")
    assert [p["uid"] for p in closed_only.json()["items"]] == [uid]


def test_only_owner_or_organization_acts_on_one(client: TestClient) -> None:
    world = world_of(client)
    uid = plan(world, "mentor").json()["uid"]
    assert world.call("advisor", "POST", f"/v1/interventions/{uid}/check-ins").status_code == 403
    closing = world.call("advisor", "POST", f"/v1/interventions/{uid}/close", json={"outcome": "x"})
    assert closing.status_code == 403
    assert world.call("counselor", "POST", f"/v1/interventions/{uid}/check-ins").status_code == 200
    handed = world.call("counselor", "PATCH", f"/v1/interventions/{uid}",
                        json={"owner_uid": world.uid["advisor"]})  # fmt: skip
    assert handed.json()["owner_uid"] == world.uid["advisor"]
    assert world.call("advisor", "POST", f"/v1/interventions/{uid}/check-ins").status_code == 200


def test_overdue_lists_own_open_ones_most_overdue_first(client: TestClient) -> None:
    world = world_of(client)
    late = plan(world, "mentor", start=days_ago(20), cadence_days=7).json()["uid"]
    later = plan(world, "mentor", start=days_ago(40), cadence_days=7).json()["uid"]
    plan(world, "mentor", start=days_ago(3), cadence_days=7)  # not due yet
    plan(world, "counselor", owner_uid=world.uid["advisor"], start=days_ago(30))  # not mine
    closed = plan(world, "mentor", start=days_ago(60)).json()["uid"]
    world.call("mentor", "POST", f"/v1/interventions/{closed}/close", json={"outcome": "done"})
    items = world.call("mentor", "GET", "/v1/interventions/overdue").json()["items"]
    assert [p["uid"] for p in items] == [later, late]
    assert [p["days_overdue"] for p in items] == [33, 13]
    assert world.call("learner", "GET", "/v1/interventions/overdue").json()["items"] == []


def test_owner_logging_an_interaction_counts_as_a_check_in(client: TestClient) -> None:
    world = world_of(client)
    uid = plan(world, "mentor", start=days_ago(20)).json()["uid"]
    other = plan(world, "counselor", owner_uid=world.uid["advisor"], start=days_ago(20))
    assert log(world, "mentor", ["ada"], at=ago(hours=2)).status_code == 201
    assert world.call("mentor", "GET", "/v1/interventions/overdue").json()["items"] == []
    mine = world.call("mentor", "GET", f"/v1/interventions/{uid}").json()
    assert mine["last_check_in_at"] and not mine["overdue"]
    theirs = world.call("advisor", "GET", f"/v1/interventions/{other.json()['uid']}").json()
    assert theirs["last_check_in_at"] is None and theirs["overdue"]


def test_overdue_leaves_out_learners_the_owner_no_longer_sees(client: TestClient) -> None:
    world = world_of(client)
    plan(world, "mentor", start=days_ago(20))
    world.call("admin", "POST", "/v1/relationships/{ada_mentoring}/end", json={})
    assert world.call("mentor", "GET", "/v1/interventions/overdue").json()["items"] == []


def test_bad_interventions_are_422_problems(client: TestClient) -> None:
    world = world_of(client)
    for body in ({"cadence_days": 0}, {"cadence_days": 400}, {"what": ""},
                 {"start": "soon"}):  # fmt: skip
        assert is_problem(plan(world, "mentor", **body), 422), body
    # an owner_uid that names nothing is missing (404), as any uid a body names
    assert is_problem(plan(world, "mentor", owner_uid="nobody"), 404)
    uid = plan(world, "mentor").json()["uid"]
    assert is_problem(world.call("mentor", "POST", f"/v1/interventions/{uid}/close", json={}), 422)
    for body in ({}, {"what": None}, {"status": "closed"}):
        assert is_problem(world.call("mentor", "PATCH", f"/v1/interventions/{uid}", json=body), 422)
    bad = world.call("mentor", "GET", "/v1/learners/{ada}/interventions?status=stalled")
    assert is_problem(bad, 422)
