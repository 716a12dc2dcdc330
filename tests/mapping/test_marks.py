"""Marks in bulk: adults mark learners, learners name adults; row by row, idempotent, only
while the round is open."""

from fastapi.testclient import TestClient

from lrm_graph.access import audit
from lrm_graph.db.graph import Graph
from lrm_graph.mapping.marks import NOT_ON_ROSTER
from lrm_graph.mapping.rounds import NOT_AN_ADULT
from tests.mapping.support import build, close, mark, name, open_round


def outcomes(rows: list[dict]) -> list[tuple[bool, bool | None, str | None]]:
    return [(row["accepted"], row["new"], row["reason"]) for row in rows]


def test_staff_mark_learners_of_the_school_row_by_row(client: TestClient, graph: Graph) -> None:
    school = build(client, graph)
    uid = open_round(school)["uid"]
    rows = mark(school, "teacher", uid, "ana", "bo", "eve", "nobody", "ana")
    assert [row["learner_uid"] for row in rows] == [
        school.uid["ana"], school.uid["bo"], school.uid["eve"], "nobody",
    ]  # fmt: skip
    assert outcomes(rows) == [
        (True, True, None),
        (True, True, None),
        (False, None, NOT_ON_ROSTER),  # another school's learner
        (False, None, NOT_ON_ROSTER),
    ]
    assert all(row["adult_uid"] == school.uid["tom"] for row in rows)
    again = mark(school, "teacher", uid, "ana")
    assert outcomes(again) == [(True, False, None)]  # idempotent: one mark kept


def test_an_adult_who_only_cares_there_marks_learners_they_see(
    client: TestClient, graph: Graph
) -> None:
    school = build(client, graph)
    uid = open_round(school)["uid"]
    rows = mark(school, "mentor", uid, "ana", "bo")
    assert outcomes(rows) == [(True, True, None), (False, None, NOT_ON_ROSTER)]


def test_learners_and_other_schools_do_not_mark(client: TestClient, graph: Graph) -> None:
    school = build(client, graph)
    uid = open_round(school)["uid"]
    body = {"learner_uids": [school.uid["bo"]]}
    path = f"/v1/mapping-rounds/{uid}/marks"
    assert school.call("ana", "POST", path, json=body).status_code == 403
    assert school.call("admin", "POST", path, json=body).status_code == 403  # no person
    assert school.call("counselor_b", "POST", path, json=body).status_code == 404


def test_take_back_a_mark_while_open(client: TestClient, graph: Graph) -> None:
    school = build(client, graph)
    uid = open_round(school)["uid"]
    mark(school, "teacher", uid, "ana")
    path = f"/v1/mapping-rounds/{uid}/marks/{{ana}}"
    assert school.call("mentor", "DELETE", path).status_code == 404  # not her mark
    assert school.call("teacher", "DELETE", path).status_code == 204
    assert school.call("teacher", "DELETE", path).status_code == 404
    assert outcomes(mark(school, "teacher", uid, "ana")) == [(True, True, None)]


def test_learner_names_the_adults_they_trust(client: TestClient, graph: Graph) -> None:
    school = build(client, graph)
    uid = open_round(school)["uid"]
    rows = name(school, "ana", uid, "tom", "mia", "bo", "nobody")
    assert outcomes(rows) == [
        (True, True, None),
        (True, True, None),
        (False, None, NOT_AN_ADULT),  # a learner, not an adult
        (False, None, NOT_AN_ADULT),
    ]
    assert all(row["learner_uid"] == school.uid["ana"] for row in rows)
    assert outcomes(name(school, "ana", uid, "tom")) == [(True, False, None)]
    path = f"/v1/mapping-rounds/{uid}/trusted/{{mia}}"
    assert school.call("ana", "DELETE", path).status_code == 204
    assert school.call("ana", "DELETE", path).status_code == 404


def test_only_learners_enrolled_there_name_adults(client: TestClient, graph: Graph) -> None:
    school = build(client, graph)
    uid = open_round(school)["uid"]
    body = {"adult_uids": [school.uid["tom"]]}
    path = f"/v1/mapping-rounds/{uid}/trusted"
    assert school.call("teacher", "POST", path, json=body).status_code == 403
    assert school.call("counselor", "POST", path, json=body).status_code == 403
    assert school.call("eve", "POST", path, json=body).status_code == 404  # another school


def test_a_closed_round_takes_no_marks(client: TestClient, graph: Graph) -> None:
    school = build(client, graph)
    uid = open_round(school)["uid"]
    mark(school, "teacher", uid, "ana")
    name(school, "bo", uid, "tom")
    close(school, uid)
    calls = [
        (
            "teacher",
            "POST",
            f"/v1/mapping-rounds/{uid}/marks",
            {"learner_uids": [school.uid["bo"]]},
        ),
        ("bo", "POST", f"/v1/mapping-rounds/{uid}/trusted", {"adult_uids": [school.uid["mia"]]}),
        ("teacher", "DELETE", f"/v1/mapping-rounds/{uid}/marks/{{ana}}", None),
        ("bo", "DELETE", f"/v1/mapping-rounds/{uid}/trusted/{{tom}}", None),
    ]
    for who, method, path, body in calls:
        response = school.call(who, method, path, json=body)
        assert response.status_code == 409, (path, response.text)
        assert response.headers["content-type"] == "application/problem+json"


def test_bad_marks_are_422(client: TestClient, graph: Graph) -> None:
    school = build(client, graph)
    uid = open_round(school)["uid"]
    path = f"/v1/mapping-rounds/{uid}/marks"
    for body in ({"learner_uids": []}, {"learner_uids": "ana"}, {"learner_uids": [""]}, {}):
        response = school.call("teacher", "POST", path, json=body)
        assert response.status_code == 422, body
        assert response.headers["content-type"] == "application/problem+json"


def test_marks_are_audited_as_writes(client: TestClient, graph: Graph) -> None:
    school = build(client, graph)
    uid = open_round(school)["uid"]
    mark(school, "teacher", uid, "ana", "eve")
    name(school, "cy", uid, "tom")
    entries = [e for e in audit.list_entries(graph, limit=1000).items if uid in e["what"]]
    written = {(e["learner_uid"], e["action"], e["purpose"]) for e in entries}
    assert written == {
        (school.uid["ana"], "write", f"mapping round {uid}"),
        (school.uid["cy"], "write", "self"),
    }
