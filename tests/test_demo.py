"""The demo school: deterministic, idempotent, loaded through the bulk path, gaps as planted."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from cli.main import app
from lrm_graph.config import Settings, get_settings
from lrm_graph.db.graph import Graph
from lrm_graph.demo import demo_school, school_plan
from tests.cli_env import cli_env as database_env

# The school's own records (Entity); sign-in accounts and audit entries are not part of it.
COUNTS = (
    "MATCH (n:Entity) WITH count(n) AS nodes "
    "MATCH (:Entity)-[r]->(:Entity) RETURN nodes, count(r) AS rels"
)
STAMPS = (
    "MATCH (n:Entity) RETURN n.uid AS uid, n.updated_at AS updated_at "
    "UNION ALL MATCH (:Entity)-[r]->(:Entity) RETURN r.uid AS uid, r.updated_at AS updated_at"
)
SMALL = 60


def graph_counts(graph: Graph) -> tuple[int, int]:
    record = graph.driver.execute_query(COUNTS, database_=graph.database).records[0]
    return record["nodes"], record["rels"]


def relationships_of(client: TestClient, uid: str, **params: object) -> list[dict]:
    response = client.get("/v1/relationships", params={"node": uid, "limit": 500, **params})
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_demo_plan_same_seed_same_school(settings: Settings) -> None:
    def plan(seed: int) -> school_plan.Plan:
        return school_plan.build(SMALL, seed, settings.caring_types, date(2026, 11, 23))

    first, again, other = plan(7), plan(7), plan(8)
    assert (first.nodes, first.relationships) == (again.nodes, again.relationships)
    assert first.nodes != other.nodes


def test_demo_load_counts_match_the_plan(graph: Graph, settings: Settings) -> None:
    run = demo_school.load(graph, settings, learners=SMALL, seed=7)
    planned_nodes = sum(run.manifest.nodes.values())
    planned_rels = sum(run.manifest.relationships.values())
    assert run.manifest.nodes["learner"] == SMALL
    assert (run.result.nodes.created, run.result.relationships.created) == (
        planned_nodes,
        planned_rels,
    )
    assert graph_counts(graph) == (planned_nodes, planned_rels)


def stamps(graph: Graph) -> dict[str, object]:
    """Return the updated_at of every node and relationship of the school, by uid."""
    records = graph.driver.execute_query(STAMPS, database_=graph.database).records
    return {record["uid"]: record["updated_at"] for record in records}


def test_demo_second_run_changes_nothing(graph: Graph, settings: Settings) -> None:
    demo_school.load(graph, settings, learners=SMALL, seed=7)
    before = graph_counts(graph), stamps(graph)
    again = demo_school.load(graph, settings, learners=SMALL, seed=7)
    nodes, relationships = again.result.nodes, again.result.relationships
    assert (nodes.created, nodes.updated, relationships.created, relationships.updated) == (
        0, 0, 0, 0,
    )  # fmt: skip
    assert (nodes.unchanged, relationships.unchanged) == before[0]
    assert (graph_counts(graph), stamps(graph)) == before
    assert len(before[1]) == sum(before[0])  # every node and relationship has a stamp


def test_demo_every_gap_category_is_planted(graph: Graph, settings: Settings) -> None:
    manifest = demo_school.load(graph, settings, learners=SMALL, seed=7).manifest
    assert set(manifest.gaps) == set(school_plan.GAPS)
    assert all(manifest.gaps[gap] for gap in school_plan.GAPS)
    planted = [learner["source_id"] for learners in manifest.gaps.values() for learner in learners]
    assert len(planted) == len(set(planted))  # each learner carries one gap at most
    assert all(sid.startswith("demo-learner-") for sid in planted)


def test_demo_uncared_learners_have_no_active_caring_relationship(
    graph: Graph, settings: Settings, client: TestClient
) -> None:
    manifest = demo_school.load(graph, settings, learners=SMALL, seed=7).manifest
    caring = set(settings.caring_types)
    for learner in manifest.no_active_caring():
        active = relationships_of(client, learner["uid"], active=True)
        assert active, learner  # they still have a school, a guardian, class sections
        assert not [r["type"] for r in active if r["type"] in caring], learner


def test_demo_only_ended_learners_have_an_ended_caring_relationship(
    graph: Graph, settings: Settings, client: TestClient
) -> None:
    manifest = demo_school.load(graph, settings, learners=SMALL, seed=7).manifest
    for learner in manifest.gaps["only_ended_caring"]:
        ended = relationships_of(client, learner["uid"], active=False)
        assert [r["type"] for r in ended] == ["MENTORS"], learner


def test_demo_cared_for_learner_has_an_active_caring_relationship(
    graph: Graph, settings: Settings, client: TestClient
) -> None:
    manifest = demo_school.load(graph, settings, learners=SMALL, seed=7).manifest
    for learner in manifest.gaps["goal_without_connection"] + manifest.gaps["no_community"]:
        active = relationships_of(client, learner["uid"], active=True)
        assert {r["type"] for r in active} & set(settings.caring_types), learner


def test_demo_no_community_learners_belong_to_none(
    graph: Graph, settings: Settings, client: TestClient
) -> None:
    manifest = demo_school.load(graph, settings, learners=SMALL, seed=7).manifest
    for learner in manifest.gaps["no_community"]:
        assert relationships_of(client, learner["uid"], type="MEMBER_OF") == [], learner


def test_demo_gap_industry_is_tied_to_nothing_but_the_gap_goals(
    graph: Graph, settings: Settings, client: TestClient
) -> None:
    manifest = demo_school.load(graph, settings, learners=SMALL, seed=7).manifest
    ties = relationships_of(client, manifest.gap_industry["uid"])
    goals = sorted(learner["goal_uid"] for learner in manifest.gaps["goal_without_connection"])
    assert sorted(r["from_uid"] for r in ties) == goals
    assert {(r["type"], r["from_kind"]) for r in ties} == {("IN_INDUSTRY", "goal")}


@pytest.fixture
def fresh_settings() -> Iterator[None]:
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_lrm_demo_loads_and_prints_tables(
    graph: Graph, settings: Settings, fresh_settings: None, tmp_path: Path
) -> None:
    out = tmp_path / "manifest.json"
    args = ["demo", "--learners", "40", "--manifest", str(out)]
    result = CliRunner().invoke(app, args, env=database_env(settings))
    assert result.exit_code == 0, result.output
    assert "demo school loaded" in result.stdout
    assert "planted gaps" in result.stdout and "no_caring_relationship" in result.stdout
    manifest = json.loads(out.read_text())
    assert manifest["learners"] == 40
    planned = sum(manifest["nodes"].values()), sum(manifest["relationships"].values())
    assert graph_counts(graph) == planned
    assert f"{sum(planned)} changed, 0 already as planned" in result.stdout
    before = stamps(graph)
    again = CliRunner().invoke(app, args, env=database_env(settings))
    assert again.exit_code == 0, again.output
    assert f"0 changed, {sum(planned)} already as planned (left untouched)" in again.stdout
    assert stamps(graph) == before


def test_lrm_demo_too_few_learners_exits_2(fresh_settings: None) -> None:
    result = CliRunner().invoke(app, ["demo", "--learners", "3"])
    assert result.exit_code == 2
