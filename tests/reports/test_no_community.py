"""The no-community report: learners in no community, and learners without a home base."""

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
    lrm_report,
    report,
    touch,
    uids,
)


def lists(client: TestClient, **params: object) -> tuple[list[str], list[str]]:
    parts = report(client, "no-community", **params)["sections"]
    return uids(parts["no_community"]), uids(parts["no_home_base"])


def test_no_community_empty_graph_has_empty_sections(client: TestClient) -> None:
    answer = report(client, "no-community")
    assert answer["sections"] == {"no_community": [], "no_home_base": []}


def test_no_community_learner_alone_is_in_both(client: TestClient) -> None:
    ada = factories.learner(client)
    parts = report(client, "no-community")["sections"]
    row = {"learner_uid": ada["uid"], "learner_name": ada["name"], "grade_level": "09"}
    assert parts == {"no_community": [row], "no_home_base": [row]}


def test_no_community_club_member_lacks_home_base_only(client: TestClient) -> None:
    ada = factories.learner(client)
    join(client, ada["uid"], factories.community(client, kind="club")["uid"])
    assert lists(client) == ([], [ada["uid"]])


def test_no_community_advisory_member_is_in_neither(client: TestClient) -> None:
    ada = factories.learner(client)
    join(client, ada["uid"], factories.community(client, kind="advisory")["uid"])
    assert lists(client) == ([], [])


def test_no_community_ended_membership_is_none(client: TestClient) -> None:
    ada = factories.learner(client)
    end(client, join(client, ada["uid"], factories.community(client, kind="advisory")["uid"]))
    assert lists(client) == ([ada["uid"]], [ada["uid"]])


def test_no_community_membership_ending_soon_still_counts(client: TestClient) -> None:
    ada = factories.learner(client)
    advisory = factories.community(client, kind="advisory")
    end(client, join(client, ada["uid"], advisory["uid"]), until=day(3))
    assert lists(client) == ([], [])


def test_no_community_adults_do_not_matter(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    end(client, factories.relate(client, "MENTORS", mentor["uid"], ada["uid"]))
    touch(client, factories.relate(client, "ADVISES", mentor["uid"], ada["uid"]), -200)
    assert lists(client) == ([ada["uid"]], [ada["uid"]])


def test_no_community_archived_community_does_not_count(client: TestClient) -> None:
    ada, advisory = factories.learner(client), factories.community(client, kind="advisory")
    join(client, ada["uid"], advisory["uid"])
    archive(client, "communities", advisory["uid"])
    assert lists(client) == ([ada["uid"]], [ada["uid"]])


def test_no_community_archived_learner_is_left_out(client: TestClient) -> None:
    archive(client, "learners", factories.learner(client)["uid"])
    assert lists(client) == ([], [])


def test_no_community_filters(client: TestClient) -> None:
    school, club = factories.organization(client), factories.community(client, kind="team")
    tenth = factories.learner(client, grade_level="10")["uid"]
    enrolled, member = (factories.learner(client)["uid"] for _ in range(2))
    enroll(client, enrolled, school["uid"])
    join(client, member, club["uid"])
    assert lists(client, grade="10") == ([tenth], [tenth])
    assert lists(client, organization=school["uid"]) == ([enrolled], [enrolled])
    assert lists(client, community=club["uid"]) == ([], [member])


def test_no_community_unknown_organization_is_404(client: TestClient) -> None:
    club = factories.community(client)
    response = client.get("/v1/reports/no-community", params={"organization": club["uid"]})
    assert response.status_code == 404


def test_no_community_csv(client: TestClient) -> None:
    ada = factories.learner(client)
    response = client.get("/v1/reports/no-community.csv")
    assert response.status_code == 200
    assert [(r["section"], r["learner_uid"]) for r in csv_rows(response.text)] == [
        ("no_community", ada["uid"]),
        ("no_home_base", ada["uid"]),
    ]


def test_no_community_cli(client: TestClient, settings: Settings) -> None:
    ada = factories.learner(client)
    table = lrm_report(settings, "no-community")
    assert table.exit_code == 0, table.output
    assert "Learners in no community: 1" in table.stdout
    assert ada["uid"][:8] in table.stdout
    answer = json.loads(lrm_report(settings, "no-community", "--format", "json").stdout)
    assert uids(answer["sections"]["no_home_base"]) == [ada["uid"]]
    as_csv = lrm_report(settings, "no-community", "--format", "csv", "--grade", "12").stdout
    assert as_csv.splitlines() == ["section,learner_uid,learner_name,grade_level"]
