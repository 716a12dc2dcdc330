"""Mapping rounds end to end: open, list, read, roster, close; who may and who may not."""

from fastapi.testclient import TestClient

from lrm_graph.access import audit
from lrm_graph.db.graph import Graph
from tests.mapping.support import build, close, open_round

PROBLEM = "application/problem+json"


def test_counselor_opens_a_round_at_their_school(client: TestClient, graph: Graph) -> None:
    school = build(client, graph)
    response = school.call(
        "counselor", "POST", "/v1/mapping-rounds",
        json={"name": "Autumn", "organization_uid": school.uid["school_a"]},
    )  # fmt: skip
    assert response.status_code == 201, response.text
    opened = response.json()
    assert response.headers["Location"] == f"/v1/mapping-rounds/{opened['uid']}"
    assert opened["status"] == "open" and opened["closed_at"] is None
    assert (opened["organization_uid"], opened["opened_by"]) == (
        school.uid["school_a"],
        school.uid["cora"],
    )


def test_second_open_round_at_one_organization_is_409(client: TestClient, graph: Graph) -> None:
    school = build(client, graph)
    first = open_round(school)
    response = school.call(
        "admin", "POST", "/v1/mapping-rounds",
        json={"name": "Again", "organization_uid": school.uid["school_a"]},
    )  # fmt: skip
    assert response.status_code == 409
    assert response.json()["open_uid"] == first["uid"]
    close(school, first["uid"])
    assert open_round(school, "admin", "Spring")["status"] == "open"


def test_only_admins_and_the_schools_own_roles_open_rounds(
    client: TestClient, graph: Graph
) -> None:
    school = build(client, graph)
    body = {"name": "Autumn", "organization_uid": school.uid["school_a"]}
    for who in ("counselor_b", "teacher", "mentor", "ana"):
        response = school.call(who, "POST", "/v1/mapping-rounds", json=body)
        assert response.status_code == 403, (who, response.text)
    unknown = school.call("admin", "POST", "/v1/mapping-rounds",
                          json={"name": "X", "organization_uid": "nowhere"})  # fmt: skip
    assert unknown.status_code == 404


def test_bad_round_body_is_422_problem(client: TestClient, graph: Graph) -> None:
    school = build(client, graph)
    org = school.uid["school_a"]
    bodies = [{"name": "", "organization_uid": org}, {"organization_uid": org},
              {"name": "A", "organization_uid": org, "extra": 1}]  # fmt: skip
    for body in bodies:
        response = school.call("counselor", "POST", "/v1/mapping-rounds", json=body)
        assert response.status_code == 422, body
        assert response.headers["content-type"] == PROBLEM


def test_rounds_are_read_by_those_who_take_part(client: TestClient, graph: Graph) -> None:
    school = build(client, graph)
    uid = open_round(school)["uid"]
    for who in ("admin", "counselor", "teacher", "mentor", "ana"):
        assert school.ok(who, "GET", f"/v1/mapping-rounds/{uid}")["uid"] == uid
        listed = school.ok(who, "GET", "/v1/mapping-rounds")["items"]
        assert [r["uid"] for r in listed] == [uid], who
    for who in ("counselor_b", "eve"):
        assert school.call(who, "GET", f"/v1/mapping-rounds/{uid}").status_code == 404
        assert school.ok(who, "GET", "/v1/mapping-rounds")["items"] == []


def test_list_filters_by_organization_and_status(client: TestClient, graph: Graph) -> None:
    school = build(client, graph)
    first = open_round(school)["uid"]
    close(school, first)
    second = open_round(school, name="Spring")["uid"]
    path = "/v1/mapping-rounds?organization={school_a}&status="
    assert [r["uid"] for r in school.ok("admin", "GET", path + "closed")["items"]] == [first]
    assert [r["uid"] for r in school.ok("admin", "GET", path + "open")["items"]] == [second]
    other = school.ok("admin", "GET", "/v1/mapping-rounds?organization={school_b}")
    assert other["items"] == []
    assert school.call("admin", "GET", "/v1/mapping-rounds?status=ajar").status_code == 422


def test_roster_is_the_whole_school_for_its_staff_while_open(
    client: TestClient, graph: Graph
) -> None:
    school = build(client, graph)
    uid = open_round(school)["uid"]
    roster = school.ok("teacher", "GET", f"/v1/mapping-rounds/{uid}/roster")
    assert roster["whole_roster"] is True
    by_uid = {row["learner_uid"]: row for row in roster["learners"]}
    # dee opted out of the directory and is still on her own school's roster.
    assert set(by_uid) == {school.uid[n] for n in ("ana", "bo", "cy", "dee")}
    assert by_uid[school.uid["dee"]]["directory_opt_out"] is True
    assert by_uid[school.uid["ana"]]["learner_name"] == "Ana Lovelace"
    # An adult who only mentors there sees the learners they mentor.
    mine = school.ok("mentor", "GET", f"/v1/mapping-rounds/{uid}/roster")
    assert mine["whole_roster"] is False
    assert {r["learner_uid"] for r in mine["learners"]} == {school.uid["ana"], school.uid["dee"]}
    grade = school.ok("counselor", "GET", f"/v1/mapping-rounds/{uid}/roster?grade=10")
    assert grade["learners"] == []


def test_roster_after_close_is_only_what_staff_see_themselves(
    client: TestClient, graph: Graph
) -> None:
    school = build(client, graph)
    uid = open_round(school)["uid"]
    close(school, uid)
    roster = school.ok("teacher", "GET", f"/v1/mapping-rounds/{uid}/roster")
    assert roster["whole_roster"] is False
    assert {r["learner_uid"] for r in roster["learners"]} == {school.uid["bo"], school.uid["cy"]}
    assert school.ok("counselor", "GET", f"/v1/mapping-rounds/{uid}/roster")["whole_roster"]


def test_roster_is_not_for_learners_or_other_schools(client: TestClient, graph: Graph) -> None:
    school = build(client, graph)
    uid = open_round(school)["uid"]
    assert school.call("ana", "GET", f"/v1/mapping-rounds/{uid}/roster").status_code == 403
    assert school.call("counselor_b", "GET", f"/v1/mapping-rounds/{uid}/roster").status_code == 404
    assert school.call("admin", "GET", "/v1/mapping-rounds/nothing/roster").status_code == 404


def test_roster_read_is_audited_per_learner(client: TestClient, graph: Graph) -> None:
    school = build(client, graph)
    uid = open_round(school)["uid"]
    school.ok("teacher", "GET", f"/v1/mapping-rounds/{uid}/roster")
    what = f"GET /v1/mapping-rounds/{uid}/roster"
    entries = [e for e in audit.list_entries(graph, limit=1000).items if e["what"] == what]
    purposes = {e["learner_uid"]: e["purpose"] for e in entries}
    assert purposes == {
        school.uid["ana"]: f"mapping round {uid}",
        school.uid["bo"]: "MENTORS",
        school.uid["cy"]: "MENTORS",
        school.uid["dee"]: f"mapping round {uid}",
    }


def test_close_is_for_those_who_open(client: TestClient, graph: Graph) -> None:
    school = build(client, graph)
    uid = open_round(school)["uid"]
    assert school.call("teacher", "POST", f"/v1/mapping-rounds/{uid}/close").status_code == 403
    assert school.call("counselor_b", "POST", f"/v1/mapping-rounds/{uid}/close").status_code == 404
    closed = close(school, uid)
    assert closed["status"] == "closed" and closed["closed_by"] == school.uid["cora"]
    again = school.call("counselor", "POST", f"/v1/mapping-rounds/{uid}/close")
    assert again.status_code == 409 and again.headers["content-type"] == PROBLEM
