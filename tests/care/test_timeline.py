"""Ada's timeline: relationships begun and ended, goals, interactions, interventions and
notes, in time order, each only as far as the caller may read it."""

from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests.access.world import World
from tests.care.support import ago, is_problem, log, note, plan, world_of


def events(world: World, role: str, **params: Any) -> list[dict[str, Any]]:
    response = world.call(role, "GET", "/v1/learners/{ada}/timeline", params=params)
    assert response.status_code == 200, (role, response.text)
    return list(response.json()["events"])


def kinds(found: list[dict[str, Any]]) -> set[str]:
    return {e["kind"] for e in found}


def recorded_world(client: TestClient) -> World:
    world = world_of(client)
    log(world, "mentor", ["ada"], summary="First check-in", at=ago(days=3))
    uid = plan(world, "mentor", start=(date.today() - timedelta(days=10)).isoformat())
    world.call("mentor", "POST", f"/v1/interventions/{uid.json()['uid']}/close",
               json={"outcome": "Back on track"})  # fmt: skip
    for visibility in ("private", "care_team", "learner", "guardian"):
        note(world, "mentor", visibility)
    return world


def test_timeline_is_in_time_order_with_every_kind(client: TestClient) -> None:
    world = recorded_world(client)
    found = events(world, "mentor")
    ats = [e["at"] for e in found]
    assert ats == sorted(ats)
    assert found[0]["kind"] == "relationship_begun"  # the former mentor, 2020-01-01
    assert found[0]["at"].startswith("2020-01-01") and found[0]["precision"] == "day"
    assert found[0]["other"]["name"] == "Former Testwell"
    assert kinds(found) == {"relationship_begun", "relationship_ended", "goal_set",
                            "interaction", "intervention_opened", "intervention_closed",
                            "note"}  # fmt: skip
    order = [e["kind"] for e in found if e["kind"] in
             ("intervention_opened", "interaction", "intervention_closed")]  # fmt: skip
    assert order == ["intervention_opened", "interaction", "intervention_closed"]
    [goal] = [e for e in found if e["kind"] == "goal_set"]
    assert goal["other"]["name"] == "Become a nurse"
    assert len([e for e in found if e["kind"] == "note"]) == 4  # the author reads all four


def test_timeline_from_and_to(client: TestClient) -> None:
    world = recorded_world(client)
    found = events(world, "admin", **{"from": "2020-06-01", "to": "2021-06-01"})
    assert [(e["kind"], e["at"][:10]) for e in found] == [("relationship_ended", "2021-01-01")]
    recent = events(world, "admin", **{"from": (date.today() - timedelta(days=5)).isoformat()})
    assert "relationship_ended" not in kinds(recent) and "interaction" in kinds(recent)
    bad = world.call("admin", "GET", "/v1/learners/{ada}/timeline",
                     params={"from": "2021-01-02", "to": "2021-01-01"})  # fmt: skip
    assert is_problem(bad, 422)
    assert is_problem(world.call("admin", "GET", "/v1/learners/{ada}/timeline?to=soon"), 422)


def test_learner_and_guardian_see_their_part_only(client: TestClient) -> None:
    world = recorded_world(client)
    for role, visibility in (("learner", "learner"), ("guardian", "guardian")):
        found = events(world, role)
        assert "relationship_begun" in kinds(found), role
        assert not kinds(found) & {"interaction", "intervention_opened", "intervention_closed"}
        assert [e["visibility"] for e in found if e["kind"] == "note"] == [visibility], role


def test_admin_never_sees_a_private_note_and_hidden_peers_stay_out(client: TestClient) -> None:
    world = recorded_world(client)
    admin = events(world, "admin")
    assert "private" not in {e.get("visibility") for e in admin}
    peers = [e for e in admin if e.get("type") == "PEER_OF"]
    assert [p["other"]["uid"] for p in peers] == [world.uid["ben"]]
    counselor = events(world, "counselor")  # school A: does not see ben
    assert [e for e in counselor if e.get("type") == "PEER_OF"] == []
    assert world.uid["ben"] not in str(counselor)


def test_former_mentor_and_other_school_get_404(client: TestClient) -> None:
    world = recorded_world(client)
    for role in ("former_mentor", "counselor_b"):
        response = world.call(role, "GET", "/v1/learners/{ada}/timeline")
        assert is_problem(response, 404), role
    assert is_problem(world.call("key_read", "GET", "/v1/learners/{ada}/timeline"), 403)
