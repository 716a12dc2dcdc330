"""Truth on the demo school: the reports find exactly the gaps `lrm demo` plants, and
where Cypher and networkx can both answer (unmentored, no-community, fragile) they agree.

Two tests, each on one loaded demo school: loading it is the slow part.
"""

from fastapi.testclient import TestClient

from analytics.care import fragile_learners, learners_without_community
from analytics.matches import unmentored_learners
from lrm_graph.analysis.projection import project
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.demo import demo_school

LEARNERS = 120


def uids(learners: list[dict[str, str]]) -> set[str]:
    return {learner["uid"] for learner in learners}


def sections(client: TestClient, kind: str, name: str) -> dict:
    response = client.get(f"/v1/{kind}/{name}")
    assert response.status_code == 200, response.text
    return response.json()


def test_reports_find_exactly_the_planted_gaps(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    manifest = demo_school.load(graph, settings, learners=LEARNERS, seed=11).manifest
    unmentored = sections(client, "reports", "unmentored")["sections"]["learners"]
    none = {row["learner_uid"] for row in unmentored if row["reason"] == "none"}
    assert none == uids(manifest.no_active_caring())
    belonging = sections(client, "reports", "no-community")["sections"]
    loners = {row["learner_uid"] for row in belonging["no_community"]}
    assert loners == uids(manifest.gaps["no_community"])
    homeless = {row["learner_uid"] for row in belonging["no_home_base"]}
    assert homeless == uids(manifest.no_advisory())
    gaps = sections(client, "analytics", "goal-gaps?k=2")["items"]
    untied = {item["learner_uid"] for item in gaps if not item["connected"]}
    assert untied == uids(manifest.gaps["goal_without_connection"])


def test_cypher_and_networkx_agree_on_the_demo(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    demo_school.load(graph, settings, learners=LEARNERS, seed=11)
    G = project(graph)
    caring = settings.caring_types

    unmentored = sections(client, "reports", "unmentored")["sections"]["learners"]
    by_cypher = {row["learner_uid"] for row in unmentored if row["reason"] == "none"}
    assert by_cypher == set(unmentored_learners(G, caring_types=caring)) != set()

    belonging = sections(client, "reports", "no-community")["sections"]
    assert {r["learner_uid"] for r in belonging["no_community"]} == set(
        learners_without_community(G)
    )
    assert {r["learner_uid"] for r in belonging["no_home_base"]} == set(
        learners_without_community(G, kind="advisory")
    )

    fragile = sections(client, "reports", "fragile")["sections"]["one_caring_adult"]
    by_cypher_fragile = {row["learner_uid"]: row["adult_uid"] for row in fragile}
    assert by_cypher_fragile == fragile_learners(G, caring_types=caring) != {}
