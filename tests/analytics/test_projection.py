"""The projection: only live nodes and active relationships, only the attributes needed."""

from __future__ import annotations

import doctest
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

import analytics.care
import analytics.communities
import analytics.goal_gaps
import analytics.matches
import analytics.projection
import analytics.structure
from lrm_graph import clock, vocabulary
from lrm_graph.analysis import runner
from lrm_graph.analysis.projection import project, select_learners
from lrm_graph.db.graph import Graph
from lrm_graph.vocabulary import NodeKind, RelType
from tests import factories
from tests.analytics.support import end, relate


@pytest.mark.parametrize(
    "module",
    [
        analytics.projection,
        analytics.goal_gaps,
        analytics.structure,
        analytics.matches,
        analytics.communities,
        analytics.care,
    ],
)
def test_docstring_examples_run(module: object) -> None:
    failed, tried = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)  # type: ignore[arg-type]
    assert tried > 0 and failed == 0


def test_projection_names_are_the_vocabulary() -> None:
    """analytics names node kinds and relationship types as plain text (it imports nothing
    of the project): each must be a value of the vocabulary, its sets the vocabulary's."""
    kinds, types = {k.value for k in NodeKind}, {t.value for t in RelType}
    named = {
        value
        for name, value in vars(analytics.projection).items()
        if name.isupper() and isinstance(value, str)
    }
    assert len(named) == 24 and named <= kinds | types
    assert tuple(vocabulary.CASELOAD_TYPES) == analytics.projection.CASELOAD_TYPES
    assert types >= analytics.projection.SUPPORT_TYPES


def test_project_keeps_only_the_attributes_analyses_need(client: TestClient, graph: Graph) -> None:
    learner = factories.learner(client, email="ada@example.org", birth_date="2010-05-01")
    adult = factories.adult(client, roles=["counselor"], caseload_capacity=4)
    club = factories.community(client, kind="team", description="Saturday mornings")
    G = project(graph)
    assert G.nodes[learner["uid"]] == {
        "node_kind": "learner",
        "name": learner["name"],
        "grade_level": "09",
    }
    assert G.nodes[adult["uid"]] == {
        "node_kind": "adult",
        "name": adult["name"],
        "roles": ["counselor"],
        "caseload_capacity": 4,
    }
    assert G.nodes[club["uid"]] == {
        "node_kind": "community",
        "name": club["name"],
        "kind": "team",
        "open": True,
    }


def test_project_expert_screened_follows_is_screened(client: TestClient, graph: Graph) -> None:
    yesterday, today = clock.today() - timedelta(days=1), clock.today()
    experts = {
        "pending": factories.expert(client),
        "cleared": factories.expert(client, screening_status="cleared"),
        "until_today": factories.expert(
            client, screening_status="cleared", screening_expires_on=today.isoformat()
        ),
        "lapsed": factories.expert(
            client, screening_status="cleared", screening_expires_on=yesterday.isoformat()
        ),
    }
    G = project(graph)
    screened = {name: G.nodes[e["uid"]]["screened"] for name, e in experts.items()}
    assert screened == {"pending": False, "cleared": True, "until_today": True, "lapsed": False}


def test_project_holds_active_relationships_of_live_nodes(client: TestClient, graph: Graph) -> None:
    learner, adult, gone = (
        factories.learner(client),
        factories.adult(client),
        factories.adult(client),
    )
    school = factories.organization(client)
    relate(client, "MENTORS", adult, learner)
    end(client, relate(client, "COACHES", adult, learner))
    relate(client, "ADVISES", gone, learner)
    relate(client, "ENROLLED_AT", learner, school)
    assert client.delete(f"/v1/adults/{gone['uid']}").status_code == 200

    G = project(graph)

    assert sorted(G.nodes) == sorted([learner["uid"], adult["uid"]])
    assert list(G.edges(keys=True)) == [(adult["uid"], learner["uid"], "MENTORS")]


def test_project_empty_graph(graph: Graph) -> None:
    G = project(graph)
    assert (G.number_of_nodes(), G.number_of_edges()) == (0, 0)


def test_select_learners_by_grade_organization_and_community(
    client: TestClient, graph: Graph
) -> None:
    school, club = factories.organization(client), factories.community(client)
    ninth, tenth = factories.learner(client), factories.learner(client, grade_level="10")
    left = factories.learner(client)
    relate(client, "ENROLLED_AT", ninth, school)
    relate(client, "ENROLLED_AT", tenth, school)
    end(client, relate(client, "ENROLLED_AT", left, school))
    relate(client, "MEMBER_OF", tenth, club)

    assert select_learners(graph) is None
    assert select_learners(graph, organization=school["uid"]) == {ninth["uid"], tenth["uid"]}
    assert select_learners(graph, organization=school["uid"], grade="09") == {ninth["uid"]}
    assert select_learners(graph, community=club["uid"]) == {tenth["uid"]}


def test_time_analytics_times_each_step(client: TestClient, graph: Graph) -> None:
    relate(client, "MENTORS", factories.adult(client), factories.learner(client))
    timing = runner.time_analytics(graph)
    assert (timing.nodes, timing.relationships) == (2, 1)
    assert list(timing.seconds) == ["projection", *runner.NAMES]
    assert all(seconds >= 0 for seconds in timing.seconds.values())
