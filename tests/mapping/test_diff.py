"""Two rounds at the hand-built school, compared: the answer is known by construction.

Round 1: tom marks ana and bo; mia marks ana; ana names tom; bo names tom.
Round 2: tom marks ana and cy; ana names mia; cy names tom.
Ties 1: (tom, ana) adult+learner, (tom, bo) adult+learner, (mia, ana) adult.
Ties 2: (tom, ana) adult, (tom, cy) adult+learner, (mia, ana) learner.
Gained (tom, cy); lost (tom, bo); no tie in round 2: bo and dee.
Assigned mentors (tom: bo, cy; mia: ana, dee): ana names mia now, not before; bo named
tom before, not now; cy names tom now, not before; dee names mia in neither.
"""

from fastapi.testclient import TestClient

from lrm_graph.access import audit
from lrm_graph.db.graph import Graph
from tests.mapping.support import School, build, close, mark, name, open_round


def two_rounds(client: TestClient, graph: Graph) -> tuple[School, str, str]:
    school = build(client, graph)
    first = open_round(school, name="Autumn")["uid"]
    mark(school, "teacher", first, "ana", "bo")
    mark(school, "mentor", first, "ana")
    name(school, "ana", first, "tom")
    name(school, "bo", first, "tom")
    close(school, first)
    second = open_round(school, name="Spring")["uid"]
    mark(school, "teacher", second, "ana", "cy")
    name(school, "ana", second, "mia")
    name(school, "cy", second, "tom")
    close(school, second)
    return school, first, second


def pairs(school: School, rows: list[dict]) -> list[tuple[str, str, list[str]]]:
    names = {uid: name for name, uid in school.uid.items()}
    return sorted((names[r["adult_uid"]], names[r["learner_uid"]], r["by"]) for r in rows)


def mentor_rows(school: School, rows: list[dict]) -> dict[tuple[str, str], tuple]:
    names = {uid: name for name, uid in school.uid.items()}
    return {
        (names[r["adult_uid"]], names[r["learner_uid"]]): (r["named"], r["named_before"])
        for r in rows
    }


def test_diff_against_the_previous_round(client: TestClient, graph: Graph) -> None:
    school, first, second = two_rounds(client, graph)
    diff = school.ok("counselor", "GET", f"/v1/mapping-rounds/{second}/diff")
    assert (diff["round"]["uid"], diff["against"]["uid"]) == (second, first)
    assert pairs(school, diff["gained"]) == [("tom", "cy", ["adult", "learner"])]
    assert pairs(school, diff["lost"]) == [("tom", "bo", ["adult", "learner"])]
    names = {uid: name for name, uid in school.uid.items()}
    assert sorted(names[r["learner_uid"]] for r in diff["no_tie"]) == ["bo", "dee"]
    assert mentor_rows(school, diff["mentors"]) == {
        ("mia", "ana"): (True, False),
        ("tom", "bo"): (False, True),
        ("tom", "cy"): (True, False),
        ("mia", "dee"): (False, False),
    }
    assert diff["summary"] == {
        "ties": 3, "ties_before": 3, "gained": 1, "lost": 1, "no_tie": 2,
        "assigned_mentors": 4, "mentors_named": 2, "mentors_named_before": 1,
    }  # fmt: skip
    explicit = school.ok("counselor", "GET", f"/v1/mapping-rounds/{second}/diff?against={first}")
    assert explicit == diff


def test_first_round_has_nothing_to_compare_with(client: TestClient, graph: Graph) -> None:
    school, first, _ = two_rounds(client, graph)
    diff = school.ok("admin", "GET", f"/v1/mapping-rounds/{first}/diff")
    assert diff["against"] is None and diff["lost"] == []
    assert pairs(school, diff["gained"]) == [
        ("mia", "ana", ["adult"]),
        ("tom", "ana", ["adult", "learner"]),
        ("tom", "bo", ["adult", "learner"]),
    ]
    assert {r["named_before"] for r in diff["mentors"]} == {None}
    assert diff["summary"]["ties_before"] is None


def test_backwards_diff_swaps_gained_and_lost(client: TestClient, graph: Graph) -> None:
    school, first, second = two_rounds(client, graph)
    diff = school.ok("admin", "GET", f"/v1/mapping-rounds/{first}/diff?against={second}")
    assert pairs(school, diff["gained"]) == [("tom", "bo", ["adult", "learner"])]
    assert pairs(school, diff["lost"]) == [("tom", "cy", ["adult", "learner"])]


def test_diff_shows_only_learners_the_caller_sees(client: TestClient, graph: Graph) -> None:
    school, _, second = two_rounds(client, graph)
    diff = school.ok("mentor", "GET", f"/v1/mapping-rounds/{second}/diff")  # mia: ana, dee
    assert diff["gained"] == [] and diff["lost"] == []
    assert [r["learner_uid"] for r in diff["no_tie"]] == [school.uid["dee"]]
    assert mentor_rows(school, diff["mentors"]) == {
        ("mia", "ana"): (True, False),
        ("mia", "dee"): (False, False),
    }


def test_diff_is_refused_to_learners_and_other_schools(client: TestClient, graph: Graph) -> None:
    school, _, second = two_rounds(client, graph)
    assert school.call("ana", "GET", f"/v1/mapping-rounds/{second}/diff").status_code == 403
    assert school.call("counselor_b", "GET", f"/v1/mapping-rounds/{second}/diff").status_code == 404


def test_diff_against_a_round_elsewhere_is_422(client: TestClient, graph: Graph) -> None:
    school, _, second = two_rounds(client, graph)
    body = {"name": "B", "organization_uid": school.uid["school_b"]}
    elsewhere = school.ok("admin", "POST", "/v1/mapping-rounds", 201, json=body)
    for against in (elsewhere["uid"], second):
        response = school.call(
            "admin", "GET", f"/v1/mapping-rounds/{second}/diff?against={against}"
        )
        assert response.status_code == 422, response.text
        assert response.headers["content-type"] == "application/problem+json"
    missing = school.call("admin", "GET", f"/v1/mapping-rounds/{second}/diff?against=nothing")
    assert missing.status_code == 404


def test_diff_is_audited_per_learner_named(client: TestClient, graph: Graph) -> None:
    school, _, second = two_rounds(client, graph)
    school.ok("counselor", "GET", f"/v1/mapping-rounds/{second}/diff")
    what = f"GET /v1/mapping-rounds/{second}/diff"
    entries = [e for e in audit.list_entries(graph, limit=1000).items if e["what"] == what]
    assert {e["learner_uid"] for e in entries} == {
        school.uid[n] for n in ("ana", "bo", "cy", "dee")
    }
    assert {e["purpose"] for e in entries} == {f"organization {school.uid['school_a']}"}
