"""The voice-mismatch report: what adults report against what learners say."""

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
)


def pairs(client: TestClient, part: str, **params: object) -> list[tuple[str, str]]:
    rows = report(client, "voice-mismatch", **params)["sections"][part]
    return [(row["learner_uid"], row["adult_uid"]) for row in rows]


def unnamed(client: TestClient, **params: object) -> list[tuple[str, str]]:
    return pairs(client, "unnamed_by_learner", **params)


def unrecorded(client: TestClient, **params: object) -> list[tuple[str, str]]:
    return pairs(client, "trusted_not_on_record", **params)


def test_voice_mismatch_empty_graph_has_empty_sections(client: TestClient) -> None:
    answer = report(client, "voice-mismatch")
    assert answer["sections"] == {"unnamed_by_learner": [], "trusted_not_on_record": []}


def test_voice_mismatch_mentor_not_named_by_learner(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    factories.relate(client, "COACHES", mentor["uid"], ada["uid"])
    factories.relate(client, "MENTORS", mentor["uid"], ada["uid"])
    [row] = report(client, "voice-mismatch")["sections"]["unnamed_by_learner"]
    assert row == {
        "learner_uid": ada["uid"],
        "learner_name": ada["name"],
        "grade_level": "09",
        "adult_uid": mentor["uid"],
        "adult_name": mentor["name"],
        "adult_kind": "adult",
        "types": ["COACHES", "MENTORS"],
    }


def test_voice_mismatch_named_mentor_is_not_listed(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    factories.relate(client, "MENTORS", mentor["uid"], ada["uid"])
    factories.relate(client, "TRUSTS", ada["uid"], mentor["uid"])
    assert (unnamed(client), unrecorded(client)) == ([], [])


def test_voice_mismatch_ended_trust_leaves_mentor_unnamed(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    factories.relate(client, "MENTORS", mentor["uid"], ada["uid"])
    end(client, factories.relate(client, "TRUSTS", ada["uid"], mentor["uid"]))
    assert unnamed(client) == [(ada["uid"], mentor["uid"])]


def test_voice_mismatch_only_relationship_ended_is_not_a_claim(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    end(client, factories.relate(client, "MENTORS", mentor["uid"], ada["uid"]))
    assert (unnamed(client), unrecorded(client)) == ([], [])


def test_voice_mismatch_quiet_or_ending_soon_is_still_a_claim(client: TestClient) -> None:
    quiet, ending = factories.learner(client), factories.learner(client)
    mentor = factories.adult(client)
    touch(client, factories.relate(client, "MENTORS", mentor["uid"], quiet["uid"]), -200)
    end(client, factories.relate(client, "MENTORS", mentor["uid"], ending["uid"]), until=day(3))
    assert sorted(unnamed(client)) == sorted(
        [(quiet["uid"], mentor["uid"]), (ending["uid"], mentor["uid"])]
    )


def test_voice_mismatch_teaching_is_not_a_caring_claim(client: TestClient) -> None:
    ada, teacher = factories.learner(client), factories.adult(client, roles=["teacher"])
    factories.relate(client, "TEACHES", teacher["uid"], ada["uid"])
    assert unnamed(client) == []


def test_voice_mismatch_trusted_adult_with_nothing_on_record(client: TestClient) -> None:
    ada, coach = factories.learner(client), factories.adult(client)
    trust = factories.relate(client, "TRUSTS", ada["uid"], coach["uid"], since="2025-09-01")
    [row] = report(client, "voice-mismatch")["sections"]["trusted_not_on_record"]
    assert (row["learner_uid"], row["adult_uid"], row["trusted_since"]) == (
        ada["uid"],
        coach["uid"],
        trust["since"],
    )


def test_voice_mismatch_any_relationship_on_record_is_enough(client: TestClient) -> None:
    ada, teacher = factories.learner(client), factories.adult(client, roles=["teacher"])
    factories.relate(client, "TRUSTS", ada["uid"], teacher["uid"])
    factories.relate(client, "TEACHES", teacher["uid"], ada["uid"])
    assert unrecorded(client) == []


def test_voice_mismatch_ended_relationship_is_not_on_record(client: TestClient) -> None:
    ada, teacher = factories.learner(client), factories.adult(client, roles=["teacher"])
    factories.relate(client, "TRUSTS", ada["uid"], teacher["uid"])
    end(client, factories.relate(client, "TEACHES", teacher["uid"], ada["uid"]))
    assert unrecorded(client) == [(ada["uid"], teacher["uid"])]


def test_voice_mismatch_archived_adult_is_left_out(client: TestClient) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    factories.relate(client, "MENTORS", mentor["uid"], ada["uid"])
    archive(client, "adults", mentor["uid"])
    assert unnamed(client) == []


def test_voice_mismatch_filters(client: TestClient) -> None:
    mentor = factories.adult(client)
    school, club = factories.organization(client), factories.community(client)
    tenth = factories.learner(client, grade_level="10")["uid"]
    enrolled, member = (factories.learner(client)["uid"] for _ in range(2))
    enroll(client, enrolled, school["uid"])
    join(client, member, club["uid"])
    for learner in (tenth, enrolled, member):
        factories.relate(client, "MENTORS", mentor["uid"], learner)
        factories.relate(client, "TRUSTS", learner, factories.adult(client)["uid"])
    assert [p[0] for p in unnamed(client, grade="10")] == [tenth]
    assert [p[0] for p in unrecorded(client, organization=school["uid"])] == [enrolled]
    assert [p[0] for p in unnamed(client, community=club["uid"])] == [member]


def test_voice_mismatch_bad_grade_is_422(client: TestClient) -> None:
    response = client.get("/v1/reports/voice-mismatch", params={"grade": "13th"})
    assert response.status_code == 422
    assert response.json()["status"] == 422


def test_voice_mismatch_csv(client: TestClient) -> None:
    ada, mentor, trusted = (
        factories.learner(client),
        factories.adult(client),
        factories.adult(client),
    )
    factories.relate(client, "MENTORS", mentor["uid"], ada["uid"])
    factories.relate(client, "TRUSTS", ada["uid"], trusted["uid"])
    response = client.get("/v1/reports/voice-mismatch.csv")
    assert response.status_code == 200
    rows = csv_rows(response.text)
    assert [(r["section"], r["adult_uid"], r["types"]) for r in rows] == [
        ("unnamed_by_learner", mentor["uid"], "MENTORS"),
        ("trusted_not_on_record", trusted["uid"], ""),
    ]


def test_voice_mismatch_cli(client: TestClient, settings: Settings) -> None:
    ada, mentor = factories.learner(client), factories.adult(client)
    factories.relate(client, "MENTORS", mentor["uid"], ada["uid"])
    table = lrm_report(settings, "voice-mismatch")
    assert table.exit_code == 0, table.output
    assert "Adults' caring relationships the learner does not name: 1" in table.stdout
    answer = json.loads(lrm_report(settings, "voice-mismatch", "--format", "json").stdout)
    assert answer["sections"]["unnamed_by_learner"][0]["adult_uid"] == mentor["uid"]
    as_csv = csv_rows(lrm_report(settings, "voice-mismatch", "--format", "csv").stdout)
    assert [r["learner_uid"] for r in as_csv] == [ada["uid"]]
