"""Which relationship types count as caring is a setting, checked against the vocabulary."""

import pytest
from fastapi.testclient import TestClient

from lrm_graph import reports
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from tests import factories
from tests.reports.support import day, section
from tests.safeguarding.support import active_connection


def test_caring_types_split_by_direction() -> None:
    caring = reports.caring_types(["MENTORS", "trusts", "TEACHES", "MENTORS"])
    assert (caring.to_learner, caring.from_learner) == (("MENTORS", "TEACHES"), ("TRUSTS",))


@pytest.mark.parametrize("configured", [["MENTOR"], ["MEMBER_OF"], ["PEER_MENTORS"], []])
def test_caring_types_unusable_is_invalid_setting(configured: list[str]) -> None:
    with pytest.raises(reports.InvalidSetting):
        reports.caring_types(configured)


def test_caring_types_setting_changes_who_is_unmentored(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    ada, teacher = factories.learner(client), factories.adult(client, roles=["teacher"])
    factories.relate(client, "TRUSTS", ada["uid"], teacher["uid"], since=str(day(0)))
    assert section(client, "unmentored", "learners") == []
    mentors_only = settings.model_copy(update={"caring_types": ("MENTORS",)})
    answer = reports.run(graph, mentors_only, "unmentored", reports.Filters(), reports.Options())
    assert answer["caring_types"] == ["MENTORS"]
    assert [row["reason"] for row in answer["sections"]["learners"]] == ["none"]


def test_caring_types_screened_expert_mentor_is_caring(client: TestClient) -> None:
    ada = factories.learner(client)
    expert = factories.expert(client, screening_status="cleared")
    # An expert cares once the connection is active (proposed, approved, consented).
    active_connection(client, expert["uid"], ada["uid"])
    assert section(client, "unmentored", "learners") == []
    [row] = section(client, "fragile", "one_caring_adult")
    assert (row["adult_uid"], row["adult_kind"]) == (expert["uid"], "expert")


def test_caring_types_proposed_expert_connection_is_not_caring(client: TestClient) -> None:
    ada = factories.learner(client)
    expert = factories.expert(client, screening_status="cleared")
    factories.relate(client, "MENTORS", expert["uid"], ada["uid"])  # only proposed
    [row] = section(client, "unmentored", "learners")
    assert (row["learner_uid"], row["reason"]) == (ada["uid"], "none")


def test_caring_types_expert_whose_screening_lapsed_is_not_caring(client: TestClient) -> None:
    ada = factories.learner(client)
    expert = factories.expert(client, screening_status="cleared")
    active_connection(client, expert["uid"], ada["uid"])
    assert section(client, "unmentored", "learners") == []
    lapsed = client.patch(f"/v1/experts/{expert['uid']}", json={"screening_status": "expired"})
    assert lapsed.status_code == 200, lapsed.text
    # The connection is still active, but a lapsed expert neither grants access nor cares.
    [row] = section(client, "unmentored", "learners")
    assert (row["learner_uid"], row["reason"], row["relationships"]) == (ada["uid"], "none", [])
    assert section(client, "fragile", "one_caring_adult") == []
