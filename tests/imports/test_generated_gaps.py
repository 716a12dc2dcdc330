"""A generated district, loaded whole (roster, then lrm.json): the reports and analytics
find exactly the gaps its manifest says were planted.
"""

import json
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lrm_graph import clock
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


def uncared_in_files(out: Path, settings: Settings) -> set[str]:
    """Return, worked out from the generated files alone, the learners (source ids) with
    no active caring relationship: no relationship of a caring type between them and an
    adult, or a cleared expert, that has not ended by today."""
    _, users = support.read(out, "users.csv")
    _, roles = support.read(out, "roles.csv")
    students = {r["userSourcedId"] for r in roles if r["role"] == "student"}
    assert students and students <= {u["sourcedId"] for u in users}
    written = json.loads((out / "lrm.json").read_text(encoding="utf-8"))
    cleared = {n["source_id"] for n in written["nodes"] if n["node_kind"] == "expert"
               and n.get("screening_status") == "cleared"
               and date.fromisoformat(n["screening_expires_on"]) >= clock.today()}  # fmt: skip
    cared = set()
    for rel in written["relationships"]:
        ends = {
            rel["from"]["kind"]: rel["from"]["source_id"],
            rel["to"]["kind"]: rel["to"]["source_id"],
        }
        carer = ends.get("adult") or (ends.get("expert") if ends.get("expert") in cleared else None)
        until = rel.get("until")
        if (rel["type"] in settings.caring_types and "learner" in ends and carer
                and (until is None or date.fromisoformat(until) > clock.today())):  # fmt: skip
            cared.add(ends["learner"])
    return students - cared


def test_unmentored_first_list_is_exactly_the_planted_uncared(
    client: TestClient, loaded: tuple[dict, dict], settings: Settings, tmp_path: Path
) -> None:
    manifest, source_of = loaded
    sections = client.get("/v1/reports/unmentored").json()["sections"]
    found = {source_of[row["learner_uid"]] for row in sections["learners"]}
    wanted = planted(manifest, "no_caring_relationship", "only_ended_caring")
    assert len(wanted) > 3 and found == wanted  # the first list: no one else, and no one left out
    assert found == uncared_in_files(tmp_path, settings)  # checked against the files too
    assert {row["reason"] for row in sections["learners"]} == {"none"}
    assert not found & {source_of[row["learner_uid"]] for row in sections["at_risk"]}


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
