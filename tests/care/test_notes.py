"""Notes: each read respects the note's visibility, for every role, and a note is never
shown to someone who cannot see the learner."""

from fastapi.testclient import TestClient

from tests.access.world import World
from tests.care.support import is_problem, note, world_of

VISIBILITIES = ("private", "care_team", "learner", "guardian")


def written(world: World, role: str = "mentor") -> dict[str, str]:
    """Write one note of each visibility about ada as `role`; return {visibility: uid}."""
    uids = {}
    for visibility in VISIBILITIES:
        response = note(world, role, visibility)
        assert response.status_code == 201, response.text
        uids[visibility] = response.json()["uid"]
    return uids


def listed(world: World, role: str) -> set[str]:
    response = world.call(role, "GET", "/v1/learners/{ada}/notes")
    assert response.status_code == 200, (role, response.text)
    return {item["visibility"] for item in response.json()["items"]}


def test_mentor_writes_a_note(client: TestClient) -> None:
    world = world_of(client)
    response = note(world, "mentor", "care_team", "Loves robotics; ask about the club")
    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["Location"] == f"/v1/notes/{body['uid']}"
    assert (body["learner_uid"], body["author_uid"], body["visibility"]) == (
        world.uid["ada"], world.uid["mentor_a"], "care_team")  # fmt: skip
    assert body["author_name"] == "Mentor A Testwell"


def test_each_role_lists_only_the_notes_it_may_read(client: TestClient) -> None:
    world = world_of(client)
    written(world)
    assert listed(world, "mentor") == set(VISIBILITIES)  # the author
    shared = {"care_team", "learner", "guardian"}
    for role in ("admin", "school_admin", "counselor", "advisor", "coach", "expert"):
        assert listed(world, role) == shared, role  # never the private one, even the admin
    assert listed(world, "learner") == {"learner"}
    assert listed(world, "guardian") == {"guardian"}
    assert listed(world, "teacher") == set()  # sees ada through a class, not on her care team
    for role in ("former_mentor", "counselor_b"):
        assert world.call(role, "GET", "/v1/learners/{ada}/notes").status_code == 404


def test_single_unreadable_note_is_404(client: TestClient) -> None:
    world = world_of(client)
    uids = written(world)
    assert world.call("admin", "GET", f"/v1/notes/{uids['private']}").status_code == 404
    assert world.call("learner", "GET", f"/v1/notes/{uids['care_team']}").status_code == 404
    assert world.call("learner", "GET", f"/v1/notes/{uids['guardian']}").status_code == 404
    assert world.call("learner", "GET", f"/v1/notes/{uids['learner']}").status_code == 200
    assert world.call("guardian", "GET", f"/v1/notes/{uids['learner']}").status_code == 404
    assert world.call("guardian", "GET", f"/v1/notes/{uids['guardian']}").status_code == 200
    assert world.call("counselor_b", "GET", f"/v1/notes/{uids['care_team']}").status_code == 404
    missing = world.call("admin", "GET", "/v1/notes/nothing-here")
    hidden = world.call("admin", "GET", f"/v1/notes/{uids['private']}")
    assert missing.json()["detail"] == "no note with uid 'nothing-here'"
    assert hidden.json()["detail"] == f"no note with uid {uids['private']!r}"


def test_former_mentor_loses_their_own_notes_with_the_relationship(client: TestClient) -> None:
    world = world_of(client)
    uid = note(world, "mentor", "private").json()["uid"]
    ended = world.call("admin", "POST", "/v1/relationships/{ada_mentoring}/end", json={})
    assert ended.status_code == 200, ended.text
    assert world.call("mentor", "GET", f"/v1/notes/{uid}").status_code == 404
    assert world.call("mentor", "GET", "/v1/learners/{ada}/notes").status_code == 404


def test_who_may_write_notes(client: TestClient) -> None:
    world = world_of(client)
    for role in ("admin", "counselor", "school_admin", "mentor", "advisor", "expert", "teacher"):
        assert note(world, role, "care_team").status_code == 201, role  # teacher: via a class
    for role in ("learner", "guardian", "key_write"):
        assert is_problem(note(world, role, "care_team"), 403), role
    for role in ("former_mentor", "counselor_b"):
        assert is_problem(note(world, role, "care_team"), 404), role


def test_only_the_author_changes_or_deletes(client: TestClient) -> None:
    world = world_of(client)
    uid = note(world, "mentor", "care_team", "First draft").json()["uid"]
    path = f"/v1/notes/{uid}"
    assert world.call("advisor", "PATCH", path, json={"text": "x"}).status_code == 403
    assert world.call("admin", "DELETE", path).status_code == 403
    changed = world.call("mentor", "PATCH", path, json={"text": "Second", "visibility": "learner"})
    assert changed.status_code == 200, changed.text
    assert (changed.json()["text"], changed.json()["visibility"]) == ("Second", "learner")
    assert world.call("learner", "GET", path).json()["text"] == "Second"
    assert world.call("mentor", "DELETE", path).status_code == 204
    assert world.call("mentor", "GET", path).status_code == 404


def test_making_a_note_private_hides_it_from_the_care_team(client: TestClient) -> None:
    world = world_of(client)
    uid = note(world, "mentor", "care_team").json()["uid"]
    assert world.call("advisor", "GET", f"/v1/notes/{uid}").status_code == 200
    world.call("mentor", "PATCH", f"/v1/notes/{uid}", json={"visibility": "private"})
    assert world.call("advisor", "GET", f"/v1/notes/{uid}").status_code == 404


def test_notes_page_newest_first(client: TestClient) -> None:
    world = world_of(client)
    made = [note(world, "mentor", "care_team", f"n{i}").json()["uid"] for i in range(3)]
    first = world.call("advisor", "GET", "/v1/learners/{ada}/notes?limit=2").json()
    assert [n["uid"] for n in first["items"]] == [made[2], made[1]]
    rest = world.call("advisor", "GET", "/v1/learners/{ada}/notes",
                      params={"limit": 2, "cursor": first["next_cursor"]}).json()  # fmt: skip
    assert [n["uid"] for n in rest["items"]] == [made[0]]


def test_note_reads_are_audited(client: TestClient) -> None:
    world = world_of(client)
    uid = note(world, "mentor", "learner").json()["uid"]
    world.call("learner", "GET", f"/v1/notes/{uid}")
    world.call("admin", "GET", f"/v1/notes/{written(world)['private']}")  # denied
    entries = client.get("/v1/audit", params={"learner": world.uid["ada"]}).json()["items"]
    outcomes = {(e["what"], e["outcome"]) for e in entries}
    assert (f"GET /v1/notes/{uid}", "allowed") in outcomes
    assert any(what.startswith("GET /v1/notes/") and out == "denied" for what, out in outcomes)


def test_bad_notes_are_422_problems(client: TestClient) -> None:
    world = world_of(client)
    assert is_problem(note(world, "mentor", "everyone"), 422)
    assert is_problem(note(world, "mentor", "care_team", text=" " * 3), 422)
    uid = note(world, "mentor", "care_team").json()["uid"]
    for body in ({}, {"text": None}, {"visibility": "public"}, {"author_uid": "x"}):
        assert is_problem(world.call("mentor", "PATCH", f"/v1/notes/{uid}", json=body), 422)
