"""The coverage report: per organization and grade, as of a date, who is covered."""

import json
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from lrm_graph.config import Settings
from tests import factories
from tests.db.test_round_trips import named_queries
from tests.reports.support import csv_rows, day, end, enroll, join, lrm_report, report, touch
from tests.safeguarding.support import active_connection


def groups(client: TestClient, **params: object) -> list[dict]:
    return report(client, "coverage", **params)["sections"]["groups"]


def counts(client: TestClient, **params: object) -> dict[tuple, tuple]:
    """Map (organization, grade) to (learners, caring, two caring, community, goal, connected)."""
    return {
        (g["organization_uid"], g["grade_level"]): (
            g["learners"],
            g["with_caring_adult"],
            g["with_two_caring_adults"],
            g["with_community"],
            g["with_goal"],
            g["with_connected_goal"],
        )
        for g in groups(client, **params)
    }


def test_coverage_empty_graph_has_no_groups(client: TestClient) -> None:
    answer = report(client, "coverage")
    assert answer["sections"] == {"groups": []}
    assert answer["parameters"] == {"as_of": str(day(0))}


def test_coverage_counts_and_shares_per_organization_and_grade(client: TestClient) -> None:
    school = factories.organization(client)
    mentor, advisor = factories.adult(client), factories.adult(client)
    covered, alone, half = (factories.learner(client)["uid"] for _ in range(3))
    for learner in (covered, alone, half):
        enroll(client, learner, school["uid"])
    factories.relate(client, "MENTORS", mentor["uid"], covered)
    factories.relate(client, "TRUSTS", covered, advisor["uid"])
    factories.relate(client, "ADVISES", advisor["uid"], half)
    join(client, covered, factories.community(client)["uid"])
    [row] = groups(client)
    assert row == {
        "organization_uid": school["uid"],
        "organization_name": school["name"],
        "grade_level": "09",
        "learners": 3,
        "with_caring_adult": 2,
        "share_caring_adult": 0.6667,
        "with_two_caring_adults": 1,
        "share_two_caring_adults": 0.3333,
        "with_community": 1,
        "share_community": 0.3333,
        "with_goal": 0,
        "share_goal": 0.0,
        "with_connected_goal": 0,
        "share_connected_goal": 0.0,
    }


def test_coverage_groups_by_grade_and_unenrolled(client: TestClient) -> None:
    school = factories.organization(client)
    enroll(client, factories.learner(client)["uid"], school["uid"])
    enroll(client, factories.learner(client, grade_level="10")["uid"], school["uid"])
    factories.learner(client, grade_level="10")
    assert counts(client) == {
        (school["uid"], "09"): (1, 0, 0, 0, 0, 0),
        (school["uid"], "10"): (1, 0, 0, 0, 0, 0),
        (None, "10"): (1, 0, 0, 0, 0, 0),
    }


def test_coverage_ended_relationship_counts_before_it_ended(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    rel = factories.relate(client, "MENTORS", mentor["uid"], ada["uid"], since=str(day(-30)))
    end(client, rel, until=day(-10))
    assert counts(client) == {(None, "09"): (1, 0, 0, 0, 0, 0)}
    assert counts(client, as_of=str(day(-20))) == {(None, "09"): (1, 1, 0, 0, 0, 0)}
    assert counts(client, as_of=str(day(-10))) == {(None, "09"): (1, 0, 0, 0, 0, 0)}


def test_coverage_quiet_or_ending_soon_still_counts_today(client: TestClient) -> None:
    ada, quiet, leaving = (
        factories.learner(client),
        factories.adult(client),
        factories.adult(client),
    )
    touch(client, factories.relate(client, "MENTORS", quiet["uid"], ada["uid"]), -200)
    end(client, factories.relate(client, "ADVISES", leaving["uid"], ada["uid"]), until=day(3))
    assert counts(client) == {(None, "09"): (1, 1, 1, 0, 0, 0)}
    assert counts(client, as_of=str(day(0))) == {(None, "09"): (1, 1, 1, 0, 0, 0)}


def test_coverage_relationship_counts_from_its_since(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    factories.relate(client, "MENTORS", mentor["uid"], ada["uid"], since=str(day(-5)))
    assert counts(client, as_of=str(day(-6))) == {(None, "09"): (1, 0, 0, 0, 0, 0)}
    assert counts(client, as_of=str(day(-5))) == {(None, "09"): (1, 1, 0, 0, 0, 0)}


def test_coverage_enrollment_as_of(client: TestClient) -> None:
    school, ada = factories.organization(client), factories.learner(client)
    enroll_rel = factories.relate(
        client, "ENROLLED_AT", ada["uid"], school["uid"], since=str(day(-100))
    )
    end(client, enroll_rel, until=day(-50))
    assert counts(client) == {(None, "09"): (1, 0, 0, 0, 0, 0)}
    assert counts(client, as_of=str(day(-60))) == {(school["uid"], "09"): (1, 0, 0, 0, 0, 0)}


def _learner_with_goal(client: TestClient) -> tuple[str, str, str]:
    """Make a learner who pursues a goal in an industry; return their uids."""
    ada, goal, industry = (
        factories.learner(client)["uid"],
        factories.goal(client)["uid"],
        factories.industry(client)["uid"],
    )
    # Dated well back, so that coverage as of an earlier day sees the goal too.
    factories.relate(client, "PURSUES", ada, goal, since=str(day(-30)))
    factories.relate(client, "IN_INDUSTRY", goal, industry, since=str(day(-30)))
    return ada, goal, industry


def resource(client: TestClient) -> str:
    return factories.make(client, "resources", name="Anatomy 101", kind="course")["uid"]


def by_supported_goal(client: TestClient, ada: str, goal: str, industry: str) -> None:
    factories.relate(client, "SUPPORTS", resource(client), goal)


def by_caring_adult(client: TestClient, ada: str, goal: str, industry: str) -> None:
    nurse = factories.adult(client)["uid"]
    factories.relate(client, "MENTORS", nurse, ada)
    factories.relate(client, "WORKS_IN", nurse, industry)


def by_caring_expert(client: TestClient, ada: str, goal: str, industry: str) -> None:
    nurse = factories.expert(client, screening_status="cleared")["uid"]
    active_connection(client, nurse, ada, "COACHES")
    factories.relate(client, "WORKS_IN", nurse, industry)


def by_shared_community(client: TestClient, ada: str, goal: str, industry: str) -> None:
    club, nurse = factories.community(client)["uid"], factories.expert(client)["uid"]
    join(client, ada, club)
    join(client, nurse, club)
    factories.relate(client, "WORKS_IN", nurse, industry)


def by_community_industry(client: TestClient, ada: str, goal: str, industry: str) -> None:
    club = factories.community(client)["uid"]
    join(client, ada, club)
    factories.relate(client, "IN_INDUSTRY", club, industry)


def by_used_resource(client: TestClient, ada: str, goal: str, industry: str) -> None:
    course = resource(client)
    factories.relate(client, "USES", ada, course)
    factories.relate(client, "SUPPORTS", course, industry)


@pytest.mark.parametrize(
    "connect",
    [
        by_supported_goal,
        by_caring_adult,
        by_caring_expert,
        by_shared_community,
        by_community_industry,
        by_used_resource,
    ],
)
def test_coverage_goal_with_a_connection(
    client: TestClient, connect: Callable[[TestClient, str, str, str], None]
) -> None:
    ada, goal, industry = _learner_with_goal(client)
    assert counts(client)[(None, "09")][4:] == (1, 0)
    connect(client, ada, goal, industry)
    assert counts(client)[(None, "09")][4:] == (1, 1)


def test_coverage_goal_without_a_connection(client: TestClient) -> None:
    ada, _goal, industry = _learner_with_goal(client)
    mentor, stranger = factories.adult(client)["uid"], factories.adult(client)["uid"]
    factories.relate(client, "MENTORS", mentor, ada)
    factories.relate(client, "WORKS_IN", mentor, factories.industry(client)["uid"])
    factories.relate(client, "WORKS_IN", stranger, industry)
    course = resource(client)
    factories.relate(client, "SUPPORTS", course, industry)  # a resource the learner does not use
    assert counts(client)[(None, "09")][4:] == (1, 0)


def test_coverage_ended_connection_counts_only_before(client: TestClient) -> None:
    ada, _goal, industry = _learner_with_goal(client)
    nurse = factories.adult(client)["uid"]
    factories.relate(client, "WORKS_IN", nurse, industry, since=str(day(-20)))
    rel = factories.relate(client, "MENTORS", nurse, ada, since=str(day(-20)))
    end(client, rel, until=day(-1))
    assert counts(client)[(None, "09")][4:] == (1, 0)
    assert counts(client, as_of=str(day(-2)))[(None, "09")][4:] == (1, 1)


def test_coverage_filters(client: TestClient) -> None:
    school, other = factories.organization(client), factories.organization(client)
    club = factories.community(client)
    both, member = factories.learner(client)["uid"], factories.learner(client)["uid"]
    enroll(client, both, school["uid"])
    enroll(client, both, other["uid"])
    join(client, member, club["uid"])
    factories.learner(client, grade_level="10")
    assert counts(client, organization=school["uid"]) == {(school["uid"], "09"): (1, 0, 0, 0, 0, 0)}
    assert counts(client, community=club["uid"]) == {(None, "09"): (1, 0, 0, 1, 0, 0)}
    assert counts(client, grade="10") == {(None, "10"): (1, 0, 0, 0, 0, 0)}
    assert len(groups(client)) == 4  # both counts under each school


def test_coverage_future_or_bad_as_of_is_422(client: TestClient) -> None:
    for as_of in (str(day(1)), "2026-13-01", "yesterday"):
        response = client.get("/v1/reports/coverage", params={"as_of": as_of})
        assert response.status_code == 422, as_of
        assert response.headers["content-type"] == "application/problem+json"


def test_coverage_csv(client: TestClient) -> None:
    school = factories.organization(client)
    enroll(client, factories.learner(client)["uid"], school["uid"])
    response = client.get("/v1/reports/coverage.csv", params={"as_of": str(day(0))})
    assert response.status_code == 200
    assert response.headers["content-disposition"] == (
        f'attachment; filename="coverage-{day(0)}.csv"'
    )
    [row] = csv_rows(response.text)
    assert (row["organization_name"], row["learners"], row["share_caring_adult"]) == (
        school["name"],
        "1",
        "0.0",
    )


def test_coverage_cli_as_of(client: TestClient, settings: Settings) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    factories.relate(client, "MENTORS", mentor["uid"], ada["uid"], since=str(day(-5)))
    before = lrm_report(settings, "coverage", "--as-of", str(day(-6)), "--format", "json")
    assert before.exit_code == 0, before.output
    assert json.loads(before.stdout)["sections"]["groups"][0]["with_caring_adult"] == 0
    now = csv_rows(lrm_report(settings, "coverage", "--format", "csv").stdout)
    assert now[0]["with_caring_adult"] == "1"
    table = lrm_report(settings, "coverage", "--as-of", str(day(-6)))
    assert table.exit_code == 0 and "Coverage by organization and grade: 1" in table.stdout
    bad = lrm_report(settings, "coverage", "--as-of", "someday")
    assert bad.exit_code == 2


def test_a_first_page_asks_the_coverage_query_once_for_its_summary_and_its_rows(
    client: TestClient,
) -> None:
    school, other = factories.organization(client), factories.organization(client)
    for index in range(5):
        learner = factories.learner(client, grade_level=("09", "10")[index % 2])
        enroll(client, learner["uid"], (school, other)[index % 2]["uid"])
    before = named_queries()
    answer = report(client, "coverage", limit=2)
    ran = named_queries() - before
    assert ran["reports/count_coverage"] == 1  # it was 2: the summary asked it again
    assert answer["summary"]["total"] == {"groups": 2}
    assert len(answer["sections"]["groups"]) == 2 and answer["next_cursor"] is None
