"""The fragile report: one caring adult, adults many depend on alone, and who'd be left."""

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
    touch,
    uids,
)


def sections(client: TestClient, **params: object) -> dict:
    return report(client, "fragile", **params)["sections"]


def mentor_all(client: TestClient, adult: str, learners: list[str]) -> None:
    for learner in learners:
        factories.relate(client, "MENTORS", adult, learner)


def test_fragile_empty_graph_has_empty_sections(client: TestClient) -> None:
    answer = report(client, "fragile")
    assert answer["sections"] == {
        "one_caring_adult": [],
        "sole_adults": [],
        "if_adult_left": None,
    }
    assert answer["parameters"] == {"min_learners": 2, "without": None}


def test_fragile_one_mentor_is_listed_with_that_adult(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    factories.relate(client, "MENTORS", mentor["uid"], ada["uid"])
    assert sections(client)["one_caring_adult"] == [
        {
            "learner_uid": ada["uid"],
            "learner_name": ada["name"],
            "grade_level": "09",
            "adult_uid": mentor["uid"],
            "adult_name": mentor["name"],
            "adult_kind": "adult",
        }
    ]


def test_fragile_same_adult_twice_counts_once(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    factories.relate(client, "MENTORS", mentor["uid"], ada["uid"])
    factories.relate(client, "TRUSTS", ada["uid"], mentor["uid"])
    assert uids(sections(client)["one_caring_adult"]) == [ada["uid"]]


def test_fragile_two_adults_is_not_listed(client: TestClient) -> None:
    ada, one, two = factories.learner(client), factories.adult(client), factories.adult(client)
    factories.relate(client, "MENTORS", one["uid"], ada["uid"])
    factories.relate(client, "TRUSTS", ada["uid"], two["uid"])
    assert sections(client)["one_caring_adult"] == []


def test_fragile_no_adult_is_not_one_adult(client: TestClient) -> None:
    factories.learner(client)
    assert sections(client)["one_caring_adult"] == []


def test_fragile_second_adult_ended_makes_it_fragile(client: TestClient) -> None:
    ada, one, two = factories.learner(client), factories.adult(client), factories.adult(client)
    factories.relate(client, "MENTORS", one["uid"], ada["uid"])
    end(client, factories.relate(client, "COUNSELS", two["uid"], ada["uid"]))
    assert uids(sections(client)["one_caring_adult"], "adult_uid") == [one["uid"]]


def test_fragile_second_adult_archived_makes_it_fragile(client: TestClient) -> None:
    ada, one, two = factories.learner(client), factories.adult(client), factories.adult(client)
    factories.relate(client, "MENTORS", one["uid"], ada["uid"])
    factories.relate(client, "MENTORS", two["uid"], ada["uid"])
    archive(client, "adults", two["uid"])
    assert uids(sections(client)["one_caring_adult"], "adult_uid") == [one["uid"]]


def test_fragile_only_relationship_ended_is_not_one_adult(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    end(client, factories.relate(client, "MENTORS", mentor["uid"], ada["uid"]))
    assert sections(client)["one_caring_adult"] == []


def test_fragile_quiet_or_ending_soon_adult_still_counts(client: TestClient) -> None:
    quiet, ending = factories.learner(client), factories.learner(client)
    mentor = factories.adult(client)
    touch(client, factories.relate(client, "MENTORS", mentor["uid"], quiet["uid"]), -200)
    end(client, factories.relate(client, "MENTORS", mentor["uid"], ending["uid"]), until=day(3))
    assert sorted(uids(sections(client)["one_caring_adult"])) == sorted(
        [quiet["uid"], ending["uid"]]
    )


def test_fragile_sole_adults_sorted_by_count(client: TestClient) -> None:
    busy, lone = factories.adult(client), factories.adult(client)
    three = learner_uids(client, 3)
    mentor_all(client, busy["uid"], three)
    mentor_all(client, lone["uid"], learner_uids(client, 1))
    [row] = sections(client)["sole_adults"]
    assert (row["adult_uid"], row["learners"]) == (busy["uid"], 3)
    assert sorted(row["learner_uids"]) == sorted(three)
    rows = sections(client, min_learners=1)["sole_adults"]
    assert [(r["adult_uid"], r["learners"]) for r in rows] == [(busy["uid"], 3), (lone["uid"], 1)]


def test_fragile_sole_adults_shared_learners_do_not_count(client: TestClient) -> None:
    one, two = factories.adult(client), factories.adult(client)
    shared = learner_uids(client, 3)
    mentor_all(client, one["uid"], shared)
    mentor_all(client, two["uid"], shared)
    assert sections(client, min_learners=1)["sole_adults"] == []


def test_fragile_without_lists_learners_left_with_none(client: TestClient) -> None:
    leaving, staying = factories.adult(client), factories.adult(client)
    alone = learner_uids(client, 2)
    mentor_all(client, leaving["uid"], alone)
    both = factories.learner(client)["uid"]
    mentor_all(client, leaving["uid"], [both])
    mentor_all(client, staying["uid"], [both])
    answer = report(client, "fragile", without=leaving["uid"])
    assert sorted(uids(answer["sections"]["if_adult_left"])) == sorted(alone)
    assert answer["parameters"]["without"] == leaving["uid"]
    assert sections(client, without=staying["uid"])["if_adult_left"] == []


def test_fragile_without_unknown_or_not_an_adult_is_404(client: TestClient) -> None:
    ada = factories.learner(client)
    for uid in ("nope", ada["uid"]):
        response = client.get("/v1/reports/fragile", params={"without": uid})
        assert response.status_code == 404, uid
        assert "adult or expert" in response.json()["detail"]


def test_fragile_bad_min_learners_is_422(client: TestClient) -> None:
    assert client.get("/v1/reports/fragile", params={"min_learners": 0}).status_code == 422


def test_fragile_filters_grade_organization_community(client: TestClient) -> None:
    mentor, school, club = (
        factories.adult(client),
        factories.organization(client),
        factories.community(client),
    )
    tenth = factories.learner(client, grade_level="10")["uid"]
    enrolled, member, other = learner_uids(client, 3)
    enroll(client, enrolled, school["uid"])
    join(client, member, club["uid"])
    mentor_all(client, mentor["uid"], [tenth, enrolled, member, other])
    listed = {
        "grade": uids(sections(client, grade="10")["one_caring_adult"]),
        "organization": uids(sections(client, organization=school["uid"])["one_caring_adult"]),
        "community": uids(sections(client, community=club["uid"])["one_caring_adult"]),
    }
    assert listed == {"grade": [tenth], "organization": [enrolled], "community": [member]}
    [sole] = sections(client, grade="09")["sole_adults"]
    assert sole["learners"] == 3


def test_fragile_csv_has_a_section_column(client: TestClient) -> None:
    mentor = factories.adult(client)
    two = learner_uids(client, 2)
    mentor_all(client, mentor["uid"], two)
    response = client.get("/v1/reports/fragile.csv", params={"without": mentor["uid"]})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = csv_rows(response.text)
    assert sorted(r["section"] for r in rows) == [
        "if_adult_left",
        "if_adult_left",
        "one_caring_adult",
        "one_caring_adult",
        "sole_adults",
    ]
    [sole] = [r for r in rows if r["section"] == "sole_adults"]
    assert (sole["adult_uid"], sole["learners"]) == (mentor["uid"], "2")
    assert sorted(sole["learner_uids"].split("; ")) == sorted(two)


def test_fragile_cli_without_and_min_learners(client: TestClient, settings: Settings) -> None:
    mentor = factories.adult(client)
    two = learner_uids(client, 2)
    mentor_all(client, mentor["uid"], two)
    result = lrm_report(
        settings, "fragile", "--without", mentor["uid"], "--min-learners", "3", "--format", "json"
    )
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert sorted(uids(answer["sections"]["if_adult_left"])) == sorted(two)
    assert answer["sections"]["sole_adults"] == []
    table = lrm_report(settings, "fragile")
    assert table.exit_code == 0, table.output
    assert "Adults who are the only caring adult of many learners: 1" in table.stdout


def test_fragile_cli_option_of_another_report_is_an_error(
    client: TestClient, settings: Settings
) -> None:
    result = lrm_report(settings, "fragile", "--days", "3")
    assert result.exit_code == 1
    assert "does not take days" in result.stderr
