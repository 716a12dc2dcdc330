"""A generated district, loaded whole (roster, then lrm.json): the reports and analytics
find exactly the gaps its manifest says were planted.
"""

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.demo.generator import bulk_file
from tests.imports import support


@pytest.fixture
def loaded(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> tuple[dict, dict[str, str]]:
    """Load a district; return its manifest and each learner's uid by source_id."""
    out = support.district(tmp_path, learners=120, seed=21)
    support.run(graph, settings, out)
    assert bulk_file.load_file(graph, settings, out / "lrm.json").rejected == []
    page = client.get("/v1/learners", params={"limit": 500}).json()["items"]
    return support.manifest(out), {learner["uid"]: learner["source_id"] for learner in page}


def planted(manifest: dict, *gaps: str) -> set[str]:
    return {learner for gap in gaps for learner in manifest["gaps"][gap]["learners"]}


def test_unmentored_report_finds_the_planted_uncared(
    client: TestClient, loaded: tuple[dict, dict]
) -> None:
    manifest, source_of = loaded
    rows = client.get("/v1/reports/unmentored").json()["sections"]["learners"]
    found = {source_of[row["learner_uid"]] for row in rows if row["reason"] == "none"}
    assert found == planted(manifest, "no_caring_relationship", "only_ended_caring")


def test_goal_gaps_finds_the_planted_untied_goals(
    client: TestClient, loaded: tuple[dict, dict]
) -> None:
    manifest, source_of = loaded
    items = client.get("/v1/analytics/goal-gaps", params={"k": 2}).json()["items"]
    found = {source_of[item["learner_uid"]] for item in items if not item["connected"]}
    assert found == planted(manifest, "goal_without_connection")


def test_no_community_report_finds_the_planted_without_home_base(
    client: TestClient, loaded: tuple[dict, dict]
) -> None:
    manifest, source_of = loaded
    sections = client.get("/v1/reports/no-community").json()["sections"]
    found = {source_of[row["learner_uid"]] for row in sections["no_home_base"]}
    assert found == planted(manifest, "no_community", "no_caring_relationship", "only_ended_caring")
    assert sections["no_community"] == []  # every learner is in class sections
