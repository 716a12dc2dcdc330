"""The brief on ada before a conversation: JSON, Markdown and HTML, only what the caller
may see."""

from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests import factories
from tests.access.world import World
from tests.api.test_network_hubs import settings_changed
from tests.care.support import ago, is_problem, log, note, plan, world_of

BEN = "Ben Testwell"


def days_from_today(n: int) -> str:
    return (date.today() + timedelta(days=n)).isoformat()


def relate(world: World, rel_type: str, start: str, end: str, **facts: Any) -> dict:
    return factories.relate(world.client, rel_type, start, end, **facts)


def briefed_world(client: TestClient) -> World:
    """Ada with goals, an interest, a preference, and work on record around her.

    Her nurse goal's nearest tie is a nurse in ben's club (ada > ben > club > nurse: ben is
    at another school); her engineering goal's, an engineer in a robotics group her coach
    belongs to (ada > coach > robotics > engineer).
    """
    world = world_of(client)
    uid = world.uid
    client.patch(f"/v1/learners/{uid['ada']}", json={"learning_preferences": ["hands-on"]})
    relate(world, "INTERESTED_IN", uid["ada"], uid["robots"])
    relate(world, "IN_INDUSTRY", uid["ada_goal"], uid["health"])
    nurse = factories.adult(client, given_name="Nia", family_name="Nurse")
    relate(world, "WORKS_IN", nurse["uid"], uid["health"])
    relate(world, "MEMBER_OF", nurse["uid"], uid["club"])
    engineering = factories.industry(client, name="Engineering")
    build = factories.goal(client, title="Build bridges")
    relate(world, "PURSUES", uid["ada"], build["uid"])
    relate(world, "IN_INDUSTRY", build["uid"], engineering["uid"])
    robotics = factories.community(client, name="Robotics Guild")
    engineer = factories.adult(client, given_name="Eve", family_name="Engineer")
    relate(world, "WORKS_IN", engineer["uid"], engineering["uid"])
    relate(world, "MEMBER_OF", engineer["uid"], robotics["uid"])
    relate(world, "MEMBER_OF", uid["coach"], robotics["uid"])
    quiet = factories.adult(client, given_name="Quinn", family_name="Quiet")
    relate(world, "MENTORS", quiet["uid"], uid["ada"], since=days_from_today(-90))
    leaving = factories.adult(client, given_name="Lee", family_name="Leaving")
    ending = relate(world, "COACHES", leaving["uid"], uid["ada"])
    ended = client.post(
        f"/v1/relationships/{ending['uid']}/end", json={"until": days_from_today(10)}
    )
    assert ended.status_code == 200, ended.text
    log(world, "mentor", ["ada"], kind="check_in", summary="Nervous about the biology test",
        at=ago(days=1))  # fmt: skip
    plan(world, "mentor", what="Biology revision plan", start=days_from_today(-20))
    note(world, "mentor", "care_team", "Loves <script>alert(1)</script> robots")
    note(world, "advisor", "private", "Advisor's own worry")
    return world


def get_brief(world: World, role: str, **params: Any) -> Any:
    return world.call(role, "GET", "/v1/learners/{ada}/brief", params=params)


def accepting(world: World, media: str) -> Any:
    headers = world.headers["mentor"] | {"Accept": media}
    return world.client.get(f"/v1/learners/{world.uid['ada']}/brief", headers=headers)


def test_brief_for_the_mentor(client: TestClient) -> None:
    world = briefed_world(client)
    response = get_brief(world, "mentor")
    assert response.status_code == 200, response.text
    brief = response.json()
    assert brief["learner"]["name"] == "Ada Testwell"
    assert brief["learner"]["learning_preferences"] == ["hands-on"]
    assert [i["name"] for i in brief["interests"]] == ["Robots"]
    goals = {g["title"]: g for g in brief["goals"]}
    assert set(goals) == {"Become a nurse", "Build bridges"}
    assert [i["name"] for i in goals["Become a nurse"]["industries"]] == ["Health Science"]
    [last] = brief["last_interactions"]
    assert (last["summary"], last["author_name"]) == ("Nervous about the biology test",
                                                      "Mentor A Testwell")  # fmt: skip
    team = {m["name"] for m in brief["care_team"]}
    assert {"Advisor Testwell", "Coach Testwell", "Expert Testwell"} <= team
    assert "Mentor A Testwell" not in team  # the rest of the team: not the caller
    [overdue] = brief["open_interventions"]
    assert (overdue["what"], overdue["overdue"]) == ("Biology revision plan", True)
    risks = {t["adult_name"]: t["risk"] for t in brief["at_risk"]}
    assert risks == {"Quinn Quiet": "quiet", "Lee Leaving": "ending"}
    assert [n["visibility"] for n in brief["notes"]] == ["care_team"]  # not the advisor's
    assert len(brief["openers"]) == 5
    assert get_brief(world, "mentor").json()["openers"] == brief["openers"]  # deterministic


def test_brief_goal_gaps_name_no_hidden_learner(client: TestClient) -> None:
    world = briefed_world(client)
    response = get_brief(world, "mentor")
    gaps = {g["goal_name"]: g for g in response.json()["goal_gaps"]["items"]}
    bridges = gaps["Build bridges"]
    assert [s["name"] for s in bridges["path"]] == [
        "Ada Testwell", "Coach Testwell", "Robotics Guild", "Eve Engineer"]  # fmt: skip
    assert bridges["introducer"]["name"] == "Coach Testwell"
    nurse = gaps["Become a nurse"]
    assert nurse["distance"] == 3 and nurse["introducer"] is None
    assert nurse["path"][1] == {"uid": None, "name": None, "node_kind": "learner"}  # ben
    assert BEN not in response.text and world.uid["ben"] not in response.text
    admin = get_brief(world, "admin").json()
    admin_nurse = {g["goal_name"]: g for g in admin["goal_gaps"]["items"]}["Become a nurse"]
    assert admin_nurse["path"][1]["name"] == BEN


def test_brief_markdown_and_html(client: TestClient) -> None:
    world = briefed_world(client)
    markdown = get_brief(world, "mentor", format="markdown")
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert markdown.text.startswith("# Brief: Ada Testwell, grade 09\n")
    for title in ("## Goals", "## Conversation openers", "## Open interventions"):
        assert title in markdown.text
    assert "<script>" not in markdown.text
    by_accept = accepting(world, "text/markdown")
    assert by_accept.headers["content-type"].startswith("text/markdown")
    page = accepting(world, "text/html")
    assert page.headers["content-type"].startswith("text/html")
    assert "<h1>Brief: Ada Testwell, grade 09</h1>" in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "<script>" not in page.text
    assert "Advisor&#x27;s own worry" not in page.text and BEN not in page.text
    assert get_brief(world, "mentor", format="html").text.startswith("<!DOCTYPE html>")


def test_brief_is_for_the_staff_side(client: TestClient) -> None:
    world = briefed_world(client)
    for role in ("learner", "guardian", "key_read"):
        assert is_problem(get_brief(world, role), 403), role
    for role in ("former_mentor", "counselor_b"):
        assert is_problem(get_brief(world, role), 404), role
    teacher = get_brief(world, "teacher").json()  # sees ada through a class, off her team
    assert (teacher["notes"], teacher["open_interventions"]) == ([], [])
    assert teacher["last_interactions"]  # interactions are read by staff who see her


def test_brief_quiet_days_come_from_the_query(client: TestClient) -> None:
    world = briefed_world(client)
    at_risk = get_brief(world, "mentor", days=120).json()["at_risk"]
    risks = {t["adult_name"] for t in at_risk}
    assert risks == {"Lee Leaving"}  # 90 days without an interaction is not quiet at 120
    assert is_problem(get_brief(world, "mentor", days=0), 422)
    assert is_problem(get_brief(world, "mentor", format="pdf"), 422)


def test_brief_is_audited(client: TestClient) -> None:
    world = briefed_world(client)
    get_brief(world, "counselor")
    entries = client.get("/v1/audit", params={"learner": world.uid["ada"]}).json()["items"]
    assert any(e["what"].endswith("/brief") and e["actor_role"] == "counselor" for e in entries)


def test_brief_audits_the_learners_an_introduction_names(client: TestClient) -> None:
    world = briefed_world(client)
    get_brief(world, "admin")
    get_brief(world, "mentor")  # ben is on the path unnamed: no entry for him
    entries = client.get("/v1/audit", params={"learner": world.uid["ben"]}).json()["items"]
    roles = [e["actor_role"] for e in entries if e["what"].endswith("/brief")]
    assert roles == ["admin"]


def test_brief_goal_links_walk_through_no_hub(client: TestClient) -> None:
    """The walk to a goal's nearest tie goes through no group of more than
    network_hub_members members, as a network does: the Robotics Guild (the coach and the
    engineer) is a hub at a bound of 1, so the engineer beyond it is not met."""
    world = briefed_world(client)

    def bridges() -> list[str | None]:
        gaps = get_brief(world, "admin").json()["goal_gaps"]["items"]
        paths = ([s["name"] for s in g["path"]] for g in gaps if g["goal_name"] == "Build bridges")
        return next(paths, [])

    assert bridges()[-2:] == ["Robotics Guild", "Eve Engineer"]
    with settings_changed(client, network_hub_members=1):
        assert "Eve Engineer" not in bridges()
