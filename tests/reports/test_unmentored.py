"""The unmentored report: no caring adult ('none') first, in `learners`; apart from them,
in `at_risk`, learners every one of whose caring ties is quiet, never logged or ending."""

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
    section,
    touch,
    uids,
)


def learners(client: TestClient, **params: object) -> list[dict]:
    """Return both sections' rows: those with no caring adult, then those at risk."""
    sections = report(client, "unmentored", **params)["sections"]
    return sections["learners"] + sections["at_risk"]


def reasons(client: TestClient, **params: object) -> dict[str, str]:
    return {row["learner_uid"]: row["reason"] for row in learners(client, **params)}


def test_unmentored_empty_graph_has_no_rows(client: TestClient) -> None:
    answer = report(client, "unmentored")
    assert answer["report"] == "unmentored"
    assert answer["sections"] == {"learners": [], "at_risk": []}
    assert answer["parameters"] == {"days": 30, "reason": None}
    assert answer["filters"] == {"organization": None, "grade": None, "community": None}


def test_unmentored_learner_alone_is_none(client: TestClient) -> None:
    ada = factories.learner(client, grade_level="10")
    rows = learners(client)
    assert rows == [
        {
            "learner_uid": ada["uid"],
            "learner_name": ada["name"],
            "grade_level": "10",
            "reason": "none",
            "relationships": [],
        }
    ]


def test_unmentored_only_relationship_ended_is_none(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    rel = factories.relate(client, "MENTORS", mentor["uid"], ada["uid"], since=str(day(-5)))
    end(client, rel)
    assert reasons(client) == {ada["uid"]: "none"}


def test_unmentored_recent_mentor_is_not_listed(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    rel = factories.relate(client, "MENTORS", mentor["uid"], ada["uid"], since=str(day(-200)))
    touch(client, rel, -3)
    assert learners(client) == []


def test_unmentored_quiet_relationship_is_quiet_with_details(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    rel = factories.relate(client, "MENTORS", mentor["uid"], ada["uid"], since=str(day(-200)))
    touch(client, rel, -31)
    [row] = learners(client)
    assert (row["learner_uid"], row["reason"]) == (ada["uid"], "quiet")
    [detail] = row["relationships"]
    assert detail["uid"] == rel["uid"]
    assert (detail["type"], detail["adult_uid"], detail["adult_name"]) == (
        "MENTORS",
        mentor["uid"],
        mentor["name"],
    )
    assert (detail["risk"], detail["since"], detail["until"]) == ("quiet", str(day(-200)), None)
    assert detail["last_interaction_at"].startswith(str(day(-31)))


def test_unmentored_interaction_exactly_days_ago_is_not_quiet(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    rel = factories.relate(client, "MENTORS", mentor["uid"], ada["uid"], since=str(day(-200)))
    touch(client, rel, -30)
    assert learners(client) == []


def test_unmentored_no_interaction_new_relationship_is_not_quiet(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    factories.relate(client, "MENTORS", mentor["uid"], ada["uid"], since=str(day(-10)))
    assert learners(client) == []


def test_unmentored_no_interaction_old_relationship_is_never_logged(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    factories.relate(client, "MENTORS", mentor["uid"], ada["uid"], since=str(day(-31)))
    assert reasons(client) == {ada["uid"]: "never_logged"}
    [row] = section(client, "unmentored", "at_risk")
    assert row["relationships"][0]["risk"] == "never_logged"
    assert section(client, "unmentored", "learners") == []  # not mixed into the first list


def test_unmentored_first_list_is_only_learners_without_a_caring_adult(
    client: TestClient,
) -> None:
    alone, quiet, unlogged, ending = (factories.learner(client) for _ in range(4))
    mentor = factories.adult(client)
    touch(client, factories.relate(client, "MENTORS", mentor["uid"], quiet["uid"],
                                   since=str(day(-200))), -60)  # fmt: skip
    factories.relate(client, "MENTORS", mentor["uid"], unlogged["uid"], since=str(day(-90)))
    rel = factories.relate(client, "COACHES", mentor["uid"], ending["uid"], since=str(day(-9)))
    end(client, rel, until=day(5))
    answer = report(client, "unmentored")["sections"]
    assert uids(answer["learners"]) == [alone["uid"]]
    assert {row["learner_uid"]: row["reason"] for row in answer["at_risk"]} == {
        quiet["uid"]: "quiet", unlogged["uid"]: "never_logged", ending["uid"]: "ending"
    }  # fmt: skip
    for reason, who in (("quiet", quiet), ("never_logged", unlogged), ("none", alone)):
        only = report(client, "unmentored", reason=reason)
        assert uids(only["sections"]["learners"] + only["sections"]["at_risk"]) == [who["uid"]]
        assert only["parameters"]["reason"] == reason
    bad = client.get("/v1/reports/unmentored", params={"reason": "lonely"})
    assert bad.status_code == 422


def test_unmentored_quiet_beats_never_logged(client: TestClient) -> None:
    ada, one, two = factories.learner(client), factories.adult(client), factories.adult(client)
    touch(client, factories.relate(client, "MENTORS", one["uid"], ada["uid"],
                                   since=str(day(-200))), -60)  # fmt: skip
    factories.relate(client, "ADVISES", two["uid"], ada["uid"], since=str(day(-90)))
    [row] = learners(client)
    assert row["reason"] == "quiet"
    risks = {rel["adult_uid"]: rel["risk"] for rel in row["relationships"]}
    assert risks == {one["uid"]: "quiet", two["uid"]: "never_logged"}


def test_unmentored_new_relationship_without_interaction_is_not_quiet(
    client: TestClient,
) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    rel = factories.relate(client, "MENTORS", mentor["uid"], ada["uid"])
    assert rel["since"] == str(day(0))  # a relationship begins when it is recorded
    assert reasons(client) == {}


def test_unmentored_relationship_ending_soon_is_ending(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    rel = factories.relate(client, "COACHES", mentor["uid"], ada["uid"], since=str(day(-100)))
    touch(client, rel, -1)
    end(client, rel, until=day(10))
    [row] = learners(client)
    assert (row["reason"], row["relationships"][0]["risk"]) == ("ending", "ending")
    assert row["relationships"][0]["until"] == str(day(10))


def test_unmentored_relationship_ending_later_is_not_listed(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    rel = factories.relate(client, "COACHES", mentor["uid"], ada["uid"], since=str(day(-100)))
    touch(client, rel, -1)
    end(client, rel, until=day(31))
    assert learners(client) == []


def test_unmentored_one_healthy_relationship_is_enough(client: TestClient) -> None:
    ada = factories.learner(client)
    quiet, fine = factories.adult(client), factories.adult(client)
    touch(client, factories.relate(client, "MENTORS", quiet["uid"], ada["uid"]), -90)
    touch(client, factories.relate(client, "ADVISES", fine["uid"], ada["uid"]), -2)
    assert learners(client) == []


def test_unmentored_quiet_and_ending_is_quiet(client: TestClient) -> None:
    ada = factories.learner(client)
    quiet, leaving = factories.adult(client), factories.adult(client)
    touch(client, factories.relate(client, "MENTORS", quiet["uid"], ada["uid"]), -90)
    rel = factories.relate(client, "ADVISES", leaving["uid"], ada["uid"])
    touch(client, rel, -2)
    end(client, rel, until=day(5))
    [row] = learners(client)
    assert row["reason"] == "quiet"
    risks = {r["adult_uid"]: r["risk"] for r in row["relationships"]}
    assert risks == {quiet["uid"]: "quiet", leaving["uid"]: "ending"}


def test_unmentored_days_parameter_moves_the_line(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    touch(client, factories.relate(client, "MENTORS", mentor["uid"], ada["uid"]), -20)
    assert learners(client) == []
    assert reasons(client, days=10) == {ada["uid"]: "quiet"}
    assert report(client, "unmentored", days=10)["parameters"] == {"days": 10, "reason": None}


def test_unmentored_learner_trusts_counts_as_caring(client: TestClient) -> None:
    ada, teacher = factories.learner(client), factories.adult(client, roles=["teacher"])
    factories.relate(client, "TRUSTS", ada["uid"], teacher["uid"], since=str(day(-3)))
    assert learners(client) == []


def test_unmentored_teaches_is_not_caring(client: TestClient) -> None:
    ada, teacher = factories.learner(client), factories.adult(client, roles=["teacher"])
    touch(client, factories.relate(client, "TEACHES", teacher["uid"], ada["uid"]), -1)
    assert reasons(client) == {ada["uid"]: "none"}


def test_unmentored_archived_adult_leaves_learner_with_none(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    touch(client, factories.relate(client, "MENTORS", mentor["uid"], ada["uid"]), -1)
    archive(client, "adults", mentor["uid"])
    assert reasons(client) == {ada["uid"]: "none"}


def test_unmentored_archived_learner_is_left_out(client: TestClient) -> None:
    ada = factories.learner(client)
    archive(client, "learners", ada["uid"])
    assert learners(client) == []


def test_unmentored_filter_grade(client: TestClient) -> None:
    ninth, tenth = factories.learner(client, grade_level="09"), factories.learner(client)
    client.patch(f"/v1/learners/{tenth['uid']}", json={"grade_level": "10"})
    assert uids(learners(client, grade="10")) == [tenth["uid"]]
    assert uids(learners(client, grade="09")) == [ninth["uid"]]


def test_unmentored_filter_organization_active_enrollment_only(client: TestClient) -> None:
    school = factories.organization(client)
    here, left, elsewhere = (factories.learner(client) for _ in range(3))
    enroll(client, here["uid"], school["uid"])
    end(client, enroll(client, left["uid"], school["uid"]))
    assert elsewhere["uid"] not in uids(learners(client, organization=school["uid"]))
    assert uids(learners(client, organization=school["uid"])) == [here["uid"]]


def test_unmentored_filter_community(client: TestClient) -> None:
    club = factories.community(client)
    member, outsider = factories.learner(client), factories.learner(client)
    join(client, member["uid"], club["uid"])
    assert uids(learners(client, community=club["uid"])) == [member["uid"]]
    assert outsider["uid"] in uids(learners(client))


def test_unmentored_unknown_organization_is_404(client: TestClient) -> None:
    response = client.get("/v1/reports/unmentored", params={"organization": "nope"})
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert "organization" in response.json()["detail"]


def test_unmentored_community_uid_of_a_learner_is_404(client: TestClient) -> None:
    ada = factories.learner(client)
    response = client.get("/v1/reports/unmentored", params={"community": ada["uid"]})
    assert response.status_code == 404


def test_unmentored_bad_days_or_grade_is_422(client: TestClient) -> None:
    for params in ({"days": 0}, {"days": "soon"}, {"grade": "9th"}, {"colour": "red"}):
        response = client.get("/v1/reports/unmentored", params=params)
        assert response.status_code == 422, params
        assert response.headers["content-type"] == "application/problem+json"


def test_unmentored_csv_download(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    touch(client, factories.relate(client, "MENTORS", mentor["uid"], ada["uid"]), -40)
    alone = factories.learner(client)
    for url, params in (
        ("/v1/reports/unmentored.csv", {}),
        ("/v1/reports/unmentored", {"format": "csv"}),
    ):
        response = client.get(url, params=params)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("text/csv")
        assert response.headers["content-disposition"].startswith("attachment; filename=")
        rows = {row["learner_uid"]: row for row in csv_rows(response.text)}
        assert {uid: row["reason"] for uid, row in rows.items()} == {
            ada["uid"]: "quiet",
            alone["uid"]: "none",
        }
        assert mentor["uid"] in rows[ada["uid"]]["relationships"]


def test_unmentored_cli_table_csv_json(client: TestClient, settings: Settings) -> None:
    ada = factories.learner(client, grade_level="11")
    table = lrm_report(settings, "unmentored", "--grade", "11")
    assert table.exit_code == 0, table.output
    assert table.stdout.startswith("unmentored for the whole district (grade=11, ")
    assert ada["uid"][:8] in table.stdout and "none" in table.stdout
    assert ada["uid"] not in table.stdout  # a short uid; --wide shows it whole
    assert ada["uid"] in lrm_report(settings, "unmentored", "--grade", "11", "--wide").stdout
    as_csv = lrm_report(settings, "unmentored", "--format", "csv", "--days", "7")
    assert [r["learner_uid"] for r in csv_rows(as_csv.stdout)] == [ada["uid"]]
    assert as_csv.stderr == "unmentored for the whole district\n"  # no filter given
    as_json = json.loads(lrm_report(settings, "unmentored", "--format", "json").stdout)
    assert as_json["sections"]["learners"][0]["learner_uid"] == ada["uid"]
    empty = lrm_report(settings, "unmentored", "--grade", "10", "--format", "csv")
    assert empty.stdout.splitlines() == [
        "section,learner_uid,learner_name,grade_level,reason,relationships"
    ]


def test_unmentored_cli_unknown_organization_is_one_line_error(
    client: TestClient, settings: Settings
) -> None:
    result = lrm_report(settings, "unmentored", "--organization", "nope")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: no organization with uid 'nope'")
    assert len(result.stderr.strip().splitlines()) == 1
