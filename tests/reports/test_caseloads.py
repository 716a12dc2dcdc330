"""The caseloads report: each adult's caring caseload against their capacity."""

import json

from fastapi.testclient import TestClient

from lrm_graph.config import Settings
from tests import factories
from tests.reports.support import (
    archive,
    csv_rows,
    day,
    end,
    enroll,
    join,
    learner_uids,
    lrm_report,
    report,
    section,
    touch,
)


def adults(client: TestClient, **params: object) -> list[dict]:
    return section(client, "caseloads", "adults", **params)


def by_adult(client: TestClient, **params: object) -> dict[str, tuple]:
    return {row["adult_uid"]: (row["learners"], row["status"]) for row in adults(client, **params)}


def mentor_all(client: TestClient, adult: str, learners: list[str], kind: str = "MENTORS") -> None:
    for learner in learners:
        factories.relate(client, kind, adult, learner)


def test_caseloads_empty_graph_has_no_rows(client: TestClient) -> None:
    answer = report(client, "caseloads")
    assert answer["sections"] == {"adults": []}
    assert answer["parameters"] == {}


def test_caseloads_status_against_capacity(client: TestClient) -> None:
    over, full, room = (factories.adult(client, caseload_capacity=2) for _ in range(3))
    unset = factories.adult(client)
    mentor_all(client, over["uid"], learner_uids(client, 3))
    mentor_all(client, full["uid"], learner_uids(client, 2), "ADVISES")
    mentor_all(client, room["uid"], learner_uids(client, 1), "COUNSELS")
    mentor_all(client, unset["uid"], learner_uids(client, 1), "COACHES")
    assert by_adult(client) == {
        over["uid"]: (3, "overloaded"),
        full["uid"]: (2, "full"),
        room["uid"]: (1, "room"),
        unset["uid"]: (1, "no capacity set"),
    }


def test_caseloads_row_shape_and_order(client: TestClient) -> None:
    small, large = factories.adult(client, caseload_capacity=5), factories.adult(client)
    mentor_all(client, small["uid"], learner_uids(client, 1))
    mentor_all(client, large["uid"], learner_uids(client, 2))
    rows = adults(client)
    assert [r["adult_uid"] for r in rows] == [large["uid"], small["uid"]]
    assert rows[1] == {
        "adult_uid": small["uid"],
        "adult_name": small["name"],
        "roles": ["mentor"],
        "capacity": 5,
        "learners": 1,
        "learners_in_scope": 1,
        "room": 4,
        "status": "room",
    }


def test_caseloads_adult_without_learners_has_room(client: TestClient) -> None:
    idle = factories.adult(client, caseload_capacity=3)
    assert by_adult(client) == {idle["uid"]: (0, "room")}


def test_caseloads_trusts_teaches_and_ended_do_not_count(client: TestClient) -> None:
    adult = factories.adult(client, caseload_capacity=1)
    trusting, taught, former = learner_uids(client, 3)
    factories.relate(client, "TRUSTS", trusting, adult["uid"])
    factories.relate(client, "TEACHES", adult["uid"], taught)
    end(client, factories.relate(client, "MENTORS", adult["uid"], former))
    assert by_adult(client) == {adult["uid"]: (0, "room")}


def test_caseloads_quiet_or_ending_soon_still_count(client: TestClient) -> None:
    adult = factories.adult(client, caseload_capacity=2)
    quiet, ending = learner_uids(client, 2)
    touch(client, factories.relate(client, "MENTORS", adult["uid"], quiet), -200)
    end(client, factories.relate(client, "ADVISES", adult["uid"], ending), until=day(3))
    assert by_adult(client) == {adult["uid"]: (2, "full")}


def test_caseloads_two_types_to_one_learner_count_once(client: TestClient) -> None:
    adult, ada = factories.adult(client, caseload_capacity=1), factories.learner(client)
    factories.relate(client, "MENTORS", adult["uid"], ada["uid"])
    factories.relate(client, "COACHES", adult["uid"], ada["uid"])
    assert by_adult(client) == {adult["uid"]: (1, "full")}


def test_caseloads_archived_learner_and_adult_are_left_out(client: TestClient) -> None:
    adult, gone = factories.adult(client), factories.adult(client)
    ada = factories.learner(client)
    factories.relate(client, "MENTORS", adult["uid"], ada["uid"])
    archive(client, "learners", ada["uid"])
    archive(client, "adults", gone["uid"])
    assert by_adult(client) == {adult["uid"]: (0, "no capacity set")}


def test_caseloads_filters_count_in_scope_and_keep_whole_caseload(client: TestClient) -> None:
    adult, idle = factories.adult(client, caseload_capacity=2), factories.adult(client)
    tenth = factories.learner(client, grade_level="10")["uid"]
    ninth = learner_uids(client, 2)
    mentor_all(client, adult["uid"], [tenth, *ninth])
    [row] = adults(client, grade="10")
    assert (row["adult_uid"], row["learners"], row["learners_in_scope"], row["status"]) == (
        adult["uid"],
        3,
        1,
        "overloaded",
    )
    assert idle["uid"] not in by_adult(client, grade="10")


def test_caseloads_filter_organization_lists_staff_and_enrolled(client: TestClient) -> None:
    school, other = factories.organization(client), factories.organization(client)
    staff, outside, stranger = (factories.adult(client) for _ in range(3))
    factories.relate(client, "WORKS_AT", staff["uid"], school["uid"])
    factories.relate(client, "WORKS_AT", stranger["uid"], other["uid"])
    enrolled = factories.learner(client)["uid"]
    enroll(client, enrolled, school["uid"])
    mentor_all(client, outside["uid"], [enrolled])
    assert by_adult(client, organization=school["uid"]) == {
        outside["uid"]: (1, "no capacity set"),
        staff["uid"]: (0, "no capacity set"),
    }


def test_caseloads_filter_community(client: TestClient) -> None:
    club = factories.community(client)
    adult, other = factories.adult(client), factories.adult(client)
    member, outsider = learner_uids(client, 2)
    join(client, member, club["uid"])
    mentor_all(client, adult["uid"], [member])
    mentor_all(client, other["uid"], [outsider])
    assert by_adult(client, community=club["uid"]) == {adult["uid"]: (1, "no capacity set")}


def test_caseloads_unknown_community_is_404(client: TestClient) -> None:
    response = client.get("/v1/reports/caseloads", params={"community": "nope"})
    assert response.status_code == 404
    assert response.json()["detail"] == "no community with uid 'nope'"


def test_caseloads_option_of_another_report_is_422(client: TestClient) -> None:
    assert client.get("/v1/reports/caseloads", params={"days": 5}).status_code == 422


def test_caseloads_csv_joins_roles(client: TestClient) -> None:
    adult = factories.adult(client, roles=["teacher", "advisor"], caseload_capacity=0)
    response = client.get("/v1/reports/caseloads", params={"format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-disposition"].startswith('attachment; filename="caseloads-')
    assert csv_rows(response.text) == [
        {
            "adult_uid": adult["uid"],
            "adult_name": adult["name"],
            "roles": "teacher; advisor",
            "capacity": "0",
            "learners": "0",
            "learners_in_scope": "0",
            "room": "0",
            "status": "full",
        }
    ]


def test_caseloads_cli(client: TestClient, settings: Settings) -> None:
    adult = factories.adult(client, caseload_capacity=1)
    mentor_all(client, adult["uid"], learner_uids(client, 2))
    table = lrm_report(settings, "caseloads")
    assert table.exit_code == 0, table.output
    assert "overloaded" in table.stdout and adult["uid"][:8] in table.stdout
    as_json = json.loads(lrm_report(settings, "caseloads", "--format", "json").stdout)
    assert as_json["sections"]["adults"][0]["status"] == "overloaded"
    as_csv = csv_rows(lrm_report(settings, "caseloads", "--format", "csv").stdout)
    assert [(r["adult_uid"], r["learners"]) for r in as_csv] == [(adult["uid"], "2")]
