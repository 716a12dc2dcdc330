"""An analytic over one organization's subgraph: its people, what is one relationship from
them, the industries and resources of those; never the rest of the district."""

from __future__ import annotations

import json
from typing import Any

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from cli.main import app
from lrm_graph.analysis import NAMES
from lrm_graph.analysis.projection import project
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from tests import factories
from tests.analytics.support import analytic, relate
from tests.api.test_network_hubs import settings_changed
from tests.cli_env import cli_env


def two_schools(client: TestClient) -> dict[str, dict[str, Any]]:
    """North's learners Ada and Abe, its adult Mo; South's learner Bea and adult Sam, who
    also mentors Abe; Ada's goal (its industry, a resource for it) and a club shared with
    Bea (two relationships from North's people)."""
    made = {
        "north": factories.organization(client, name="North High", kind="school"),
        "south": factories.organization(client, name="South High", kind="school"),
        "ada": factories.learner(client, given_name="Ada", family_name="Lane"),
        "abe": factories.learner(client, given_name="Abe", family_name="Moss"),
        "bea": factories.learner(client, given_name="Bea", family_name="Ruiz"),
        "mo": factories.adult(client, given_name="Mo", family_name="Dane", roles=["mentor"]),
        "sam": factories.adult(client, given_name="Sam", family_name="Oak", roles=["mentor"]),
        "goal": factories.goal(client),
        "industry": factories.industry(client),
        "resource": factories.make(client, "resources", name="Shadow day", kind="program"),
        "club": factories.community(client, name="Chess", kind="club"),
    }
    ties = [
        ("ENROLLED_AT", "ada", "north"), ("ENROLLED_AT", "abe", "north"),
        ("ENROLLED_AT", "bea", "south"), ("WORKS_AT", "mo", "north"),
        ("WORKS_AT", "sam", "south"), ("MENTORS", "mo", "ada"), ("MENTORS", "sam", "abe"),
        ("MENTORS", "sam", "bea"), ("PURSUES", "ada", "goal"),
        ("IN_INDUSTRY", "goal", "industry"), ("SUPPORTS", "resource", "goal"),
        ("MEMBER_OF", "ada", "club"), ("MEMBER_OF", "bea", "club"),
    ]  # fmt: skip
    for rel_type, start, end in ties:
        relate(client, rel_type, made[start], made[end])
    return made


def test_an_organization_projects_its_people_and_their_neighbourhood(
    client: TestClient, graph: Graph
) -> None:
    made = two_schools(client)
    G = project(graph, organization=made["north"]["uid"])
    inside = ["ada", "abe", "mo", "sam", "goal", "industry", "resource", "club"]
    assert set(G) == {made[name]["uid"] for name in inside}  # not Bea, two steps away
    district = project(graph)
    assert nx.utils.edges_equal(
        G.edges(keys=True, data=True), district.subgraph(G).edges(keys=True, data=True)
    )
    assert dict(G.nodes(data=True)) == dict(district.subgraph(G).nodes(data=True))


@pytest.mark.parametrize("name", NAMES)
def test_each_analytic_runs_on_an_organization(client: TestClient, name: str) -> None:
    made = two_schools(client)
    north = {made[name]["uid"] for name in ("ada", "abe")}
    answer = analytic(client, name, organization=made["north"]["uid"])
    named = {uid for uid in _learner_uids(answer) if uid}
    assert named <= north
    assert made["bea"]["uid"] not in str(answer)


def test_the_cli_runs_an_analytic_on_an_organization(
    client: TestClient, settings: Settings
) -> None:
    made = two_schools(client)
    north = made["north"]["uid"]
    result = CliRunner().invoke(
        app,
        ["analyze", "structure", "--format", "json", "--organization", north],
        env=cli_env(settings),
    )
    assert result.exit_code == 0, result.output
    api = client.get("/v1/analytics/structure", params={"organization": north}).json()
    assert json.loads(result.stdout) == api


def _learner_uids(answer: Any) -> list[str]:
    if isinstance(answer, dict):
        found = [answer["learner_uid"]] if isinstance(answer.get("learner_uid"), str) else []
        return found + [uid for value in answer.values() for uid in _learner_uids(value)]
    if isinstance(answer, list):
        return [uid for value in answer for uid in _learner_uids(value)]
    return []


@pytest.mark.parametrize("name", NAMES)
def test_a_district_over_analytics_max_nodes_is_refused_clearly(
    client: TestClient, graph: Graph, name: str
) -> None:
    """A district-wide analytic over a projection larger than analytics_max_nodes is a 422
    analytics-too-large problem at once (nothing run); per organization it still answers."""
    made = two_schools(client)
    nodes = project(graph).number_of_nodes()
    with settings_changed(client, analytics_max_nodes=nodes - 1):
        refused = client.get(f"/v1/analytics/{name}")
        answered = analytic(client, name, organization=made["north"]["uid"])
    assert refused.status_code == 422, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")
    problem = refused.json()
    assert problem["type"] == "/problems/analytics-too-large"
    assert "organization" in problem["detail"]
    assert answered["scope"]
    with settings_changed(client, analytics_max_nodes=nodes):
        analytic(client, name)  # exactly at the bound: answered
