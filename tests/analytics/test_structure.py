"""Structure: groups cut off from every adult, and the adults who bridge groups."""

from __future__ import annotations

import networkx as nx
import pytest
from fastapi.testclient import TestClient

from analytics import structure
from analytics.structure import bridging_adults, isolated_groups
from tests import factories
from tests.analytics.support import analytic, csv_rows, end, handmade, relate


def test_isolated_groups_peers_without_adult_and_lone_learner() -> None:
    nodes = {"l1": "learner", "l2": "learner", "l3": "learner", "l4": "learner", "a": "adult"}
    edges = [("l1", "l2", "PEER_OF"), ("a", "l3", "MENTORS")]
    groups = isolated_groups(handmade(nodes, edges))
    assert groups == [
        {"learners": ["l1", "l2"], "communities": [], "size": 2},
        {"learners": ["l4"], "communities": [], "size": 1},
    ]


def test_isolated_groups_unscreened_expert_does_not_count_as_adult() -> None:
    edges = [("l", "c", "MEMBER_OF"), ("e", "c", "MEMBER_OF")]
    blocked = handmade(
        {"l": "learner", "c": "community", "e": ("expert", {"screened": False})}, edges
    )
    cleared = handmade(
        {"l": "learner", "c": "community", "e": ("expert", {"screened": True})}, edges
    )
    assert isolated_groups(blocked) == [{"learners": ["l"], "communities": ["c"], "size": 2}]
    assert isolated_groups(cleared) == []


def test_isolated_groups_learners_filter_lists_only_those() -> None:
    G = handmade({"l1": "learner", "l2": "learner", "l3": "learner"}, [("l1", "l2", "PEER_OF")])
    assert isolated_groups(G, learners=["l2"]) == [
        {"learners": ["l2"], "communities": [], "size": 2}
    ]


def test_bridging_adults_adult_joining_two_groups_is_articulation_point() -> None:
    nodes = {"l1": "learner", "l2": "learner", "l3": "learner", "a": "adult", "b": "adult"}
    edges = [("l1", "l2", "PEER_OF"), ("a", "l2", "MENTORS"), ("a", "l3", "MENTORS")]
    edges.append(("b", "l3", "TEACHES"))
    found = bridging_adults(handmade(nodes, edges))
    assert (found["exact"], found["samples"]) == (True, None)
    # a is on the only path of 4 of the 6 pairs of other nodes: {l1, l2} x {l3, b}.
    assert found["adults"] == [
        {"uid": "a", "betweenness": 0.666667, "articulation_point": True, "learners": 2}
    ]


def test_bridging_adults_samples_above_exact_limit_with_seed() -> None:
    nodes = {f"l{i}": "learner" for i in range(6)} | {"a": "adult"}
    edges = [("a", f"l{i}", "MENTORS") for i in range(6)]
    G = handmade(nodes, edges)
    first = bridging_adults(G, exact_limit=3, samples=4, seed=7)
    assert (first["exact"], first["samples"]) == (False, 4)
    assert bridging_adults(G, exact_limit=3, samples=4, seed=7) == first
    assert first["adults"][0]["articulation_point"] is True


def test_bridging_adults_learners_filter_keeps_their_groups() -> None:
    nodes = {"l1": "learner", "l2": "learner", "l3": "learner", "l4": "learner"}
    nodes |= {"a": "adult", "b": "adult"}
    edges = [("a", "l1", "MENTORS"), ("a", "l2", "MENTORS")]
    edges += [("b", "l3", "MENTORS"), ("b", "l4", "MENTORS")]
    found = bridging_adults(handmade(nodes, edges), learners=["l3"])
    assert [a["uid"] for a in found["adults"]] == ["b"]


def test_structure_empty_graph_is_empty() -> None:
    G = handmade({}, [])
    assert isolated_groups(G) == []
    assert bridging_adults(G) == {"exact": True, "samples": None, "adults": []}


# --- through the API ---------------------------------------------------------------------


def test_structure_api_isolated_group_and_bridge(client: TestClient) -> None:
    l1, l2, l3, l4 = (factories.learner(client) for _ in range(4))
    club, adult = factories.community(client), factories.adult(client)
    relate(client, "MEMBER_OF", l1, club)
    relate(client, "MEMBER_OF", l2, club)
    relate(client, "MENTORS", adult, l3)
    relate(client, "COACHES", adult, l4)

    answer = analytic(client, "structure")

    [group] = answer["isolated_groups"]
    assert sorted(m["uid"] for m in group["learners"]) == sorted([l1["uid"], l2["uid"]])
    assert ([c["uid"] for c in group["communities"]], group["size"]) == ([club["uid"]], 3)
    [bridge] = answer["bridging_adults"]
    assert (bridge["uid"], bridge["name"], bridge["articulation_point"]) == (
        adult["uid"],
        adult["name"],
        True,
    )
    assert answer["betweenness_exact"] is True


def test_structure_api_learner_whose_only_adult_ended_is_cut_off(client: TestClient) -> None:
    learner, adult = factories.learner(client), factories.adult(client)
    end(client, relate(client, "MENTORS", adult, learner))
    [group] = analytic(client, "structure")["isolated_groups"]
    assert [m["uid"] for m in group["learners"]] == [learner["uid"]]


def test_structure_api_community_filter(client: TestClient) -> None:
    inside, outside = factories.learner(client), factories.learner(client)
    club = factories.community(client)
    relate(client, "MEMBER_OF", inside, club)
    groups = analytic(client, "structure", community=club["uid"])["isolated_groups"]
    assert [[m["uid"] for m in g["learners"]] for g in groups] == [[inside["uid"]]]
    assert outside["uid"] not in str(groups)


def test_structure_api_csv_one_row_per_finding(client: TestClient) -> None:
    learner, other, adult = (
        factories.learner(client),
        factories.learner(client),
        factories.adult(client),
    )
    relate(client, "MENTORS", adult, other)
    response = client.get("/v1/analytics/structure", params={"format": "csv"})
    assert response.status_code == 200, response.text
    rows = csv_rows(response.text)
    assert [(r["finding"], r["uid"], r["group"]) for r in rows] == [
        ("isolated_group", learner["uid"], "1")
    ]


def test_structure_api_empty_graph(client: TestClient) -> None:
    assert analytic(client, "structure") == {
        "isolated_groups": [],
        "bridging_adults": [],
        "betweenness_exact": True,
        "betweenness_samples": None,
        "scope": "the whole district",
    }


@pytest.mark.parametrize("k", [None, 2, 7, 40])
@pytest.mark.parametrize("seed", [0, 5])
def test_betweenness_is_networkx_float_for_float(k: int | None, seed: int) -> None:
    """structure.betweenness answers exactly nx.betweenness_centrality (normalized, no
    endpoints): the same sources, the same floats; on graphs in several pieces, with a
    node alone, and with uids of mixed kinds of names."""
    G = nx.gnm_random_graph(60, 110, seed=seed)
    G.add_edges_from([(100, 101), (101, 102)])
    G.add_node(200)
    G = nx.relabel_nodes(G, {v: f"u{v}" if v % 3 else v for v in G})
    assert structure.betweenness(G, k=k, seed=seed) == nx.betweenness_centrality(G, k=k, seed=seed)
    assert structure.betweenness(nx.Graph()) == nx.betweenness_centrality(nx.Graph())
    two = nx.path_graph(2)
    assert structure.betweenness(two) == nx.betweenness_centrality(two)
