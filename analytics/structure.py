"""Bridges and isolation: groups cut off from every adult, and adults who join groups.

Both look at the support network (`projection.support_graph`): learners, adults,
screened experts and communities, joined by active person-person and person-community
relationships. An expert whose screening is not current is not part of it.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Hashable, Iterable
from typing import Any

import networkx as nx

from analytics.projection import COMMUNITY, LEARNER, is_adult, support_graph

__all__ = ["EXACT_LIMIT", "betweenness", "bridging_adults", "isolated_groups"]

# Up to this many nodes betweenness is exact; above, it is estimated from samples.
EXACT_LIMIT = 2000


def isolated_groups(
    G: nx.MultiDiGraph,
    *,
    learners: Iterable[str] | None = None,
    visible: Iterable[str] | None = None,
    support: nx.Graph | None = None,
) -> list[dict[str, Any]]:
    """Return the connected groups of learners with no adult and no screened expert in them.

    Parameters
    ----------
    G : the projection (`analytics.projection`).
    learners : report only groups holding one of these learners, and list only them
        (default: every learner).
    visible : the learners the caller may see (default: every learner); a group's size
        counts no other learner, so it tells nothing of learners hidden from them.
    support : `projection.support_graph(G)`, when the caller has it already.

    Returns
    -------
    One dict per group, largest first: ``learners`` and ``communities`` (uids, sorted)
    and ``size`` (every node of the group, reported or not, but for learners not
    `visible`). A learner linked to no one is a group of one.

    Examples
    --------
    >>> from analytics.projection import add_node, add_relationship, new_graph
    >>> G = new_graph()
    >>> for uid, kind in [("l1", "learner"), ("l2", "learner"), ("l3", "learner"),
    ...                   ("a", "adult")]:
    ...     add_node(G, uid, kind, uid)
    >>> add_relationship(G, "l1", "l2", "PEER_OF")
    >>> add_relationship(G, "a", "l3", "MENTORS")
    >>> [g["learners"] for g in isolated_groups(G)]
    [['l1', 'l2']]
    >>> [g["size"] for g in isolated_groups(G, visible=["l1"])]
    [1]
    """
    S = support_graph(G) if support is None else support
    wanted = _wanted(S, learners)
    seen = _wanted(S, visible)
    groups = []
    for members in nx.connected_components(S):
        if any(is_adult(S, uid) for uid in members):
            continue
        reported = sorted(uid for uid in members if uid in wanted)
        if not reported:
            continue
        communities = sorted(uid for uid in members if S.nodes[uid]["node_kind"] == COMMUNITY)
        size = len(communities) + sum(1 for uid in members if uid in seen)
        groups.append({"learners": reported, "communities": communities, "size": size})
    return sorted(groups, key=lambda g: (-g["size"], g["learners"][0]))


def bridging_adults(
    G: nx.MultiDiGraph,
    *,
    learners: Iterable[str] | None = None,
    samples: int = 100,
    exact_limit: int = EXACT_LIMIT,
    seed: int | None = None,
    support: nx.Graph | None = None,
) -> dict[str, Any]:
    """Rank the adults who bridge otherwise separate groups.

    Betweenness centrality (normalized) over the support network says how much of the
    network's shortest paths run through each adult; it is exact up to `exact_limit`
    nodes and estimated from `samples` sources (drawn with `seed`) above. An articulation
    point is an adult whose absence would split their group in two.

    Parameters
    ----------
    G : the projection (`analytics.projection`).
    learners : consider only adults in groups that hold one of these learners.
    samples, exact_limit, seed : how betweenness is estimated on large graphs.
    support : `projection.support_graph(G)`, when the caller has it already.

    Returns
    -------
    A dict: ``exact`` (bool), ``samples`` (None when exact) and ``adults``: one dict per
    adult or screened expert with betweenness above 0 or who is an articulation point,
    highest first: ``uid``, ``betweenness``, ``articulation_point`` and ``learners``
    (how many learners they are directly linked to).

    Examples
    --------
    >>> from analytics.projection import add_node, add_relationship, new_graph
    >>> G = new_graph()
    >>> for uid, kind in [("l1", "learner"), ("l2", "learner"), ("a", "adult")]:
    ...     add_node(G, uid, kind, uid)
    >>> add_relationship(G, "a", "l1", "MENTORS")
    >>> add_relationship(G, "a", "l2", "COACHES")
    >>> found = bridging_adults(G)
    >>> [(a["uid"], a["betweenness"], a["articulation_point"]) for a in found["adults"]]
    [('a', 1.0, True)]
    """
    S = support_graph(G) if support is None else support
    exact = S.number_of_nodes() <= exact_limit
    k = None if exact else min(samples, S.number_of_nodes())
    centrality = betweenness(S, k=k, seed=seed)
    cut = set(nx.articulation_points(S))
    near = _near(S, _wanted(S, learners)) if learners is not None else set(S)
    adults = [
        {
            "uid": uid,
            "betweenness": round(centrality.get(uid, 0.0), 6),
            "articulation_point": uid in cut,
            "learners": sum(1 for v in S.adj[uid] if S.nodes[v]["node_kind"] == LEARNER),
        }
        for uid in S
        if uid in near and is_adult(S, uid) and (centrality.get(uid, 0.0) > 0 or uid in cut)
    ]
    adults.sort(key=lambda a: (-a["betweenness"], not a["articulation_point"], a["uid"]))
    return {"exact": exact, "samples": k, "adults": adults}


def betweenness(S: nx.Graph, *, k: int | None = None, seed: int | None = None) -> dict:
    """Return `nx.betweenness_centrality(S, k=k, seed=seed)` (normalized, no endpoints) of
    an undirected graph, the same floats, about three times as fast.

    Brandes' algorithm as networkx runs it, over lists indexed by node instead of dicts
    keyed by uid: the same sources (drawn as networkx draws them), the same breadth-first
    order, and every sum taken in the same order, so each value is the very float
    networkx gives. A node's predecessors are found again among its neighbours when the
    dependencies are summed (those one hop nearer), not kept in a list per node: each
    predecessor's sum takes one term per node either way.

    Examples
    --------
    >>> G = nx.path_graph(["a", "b", "c", "d"])
    >>> betweenness(G) == nx.betweenness_centrality(G)
    True
    >>> G = nx.barbell_graph(5, 2)
    >>> betweenness(G, k=4, seed=3) == nx.betweenness_centrality(G, k=4, seed=3)
    True
    """
    order: list[Hashable] = list(S)
    n = len(order)
    index = {uid: i for i, uid in enumerate(order)}
    adj = [[index[w] for w in S.adj[v]] for v in order]
    if k is not None and k != n:
        sources = [index[v] for v in nx.utils.create_py_random_state(seed).sample(order, k)]
    else:
        sources, k = list(range(n)), None
    found = [0.0] * n
    for s in sources:
        _accumulate(adj, s, found)
    return _rescaled(order, found, k, {order[s] for s in sources})


def _accumulate(adj: list[list[int]], s: int, found: list[float]) -> None:
    """Add the dependencies of every node on source `s` to `found` (networkx's
    _single_source_shortest_path_basic and _accumulate_basic, over lists)."""
    n = len(adj)
    dist, sigma = [-1] * n, [0.0] * n
    dist[s], sigma[s] = 0, 1.0
    reached: list[int] = []
    queue = deque([s])
    while queue:
        v = queue.popleft()
        reached.append(v)
        next_hop, sigma_v = dist[v] + 1, sigma[v]
        for w in adj[v]:
            if dist[w] < 0:
                queue.append(w)
                dist[w] = next_hop
            if dist[w] == next_hop:
                sigma[w] += sigma_v
    delta = [0.0] * n
    while reached:
        w = reached.pop()
        coeff = (1 + delta[w]) / sigma[w]
        nearer = dist[w] - 1
        for v in adj[w]:
            if dist[v] == nearer:
                delta[v] += sigma[v] * coeff
        if w != s:
            found[w] += delta[w]


def _rescaled(
    order: list[Hashable], found: list[float], k: int | None, sampled: set[Hashable]
) -> dict:
    """Scale as networkx's _rescale does (normalized, undirected, no endpoints)."""
    N = len(order) - 1
    if N < 2:
        return dict(zip(order, found, strict=True))
    if k is None:
        scale = 1 / (N * (N - 1))
        return {v: b * scale if scale != 1 else b for v, b in zip(order, found, strict=True)}
    scale_source = 1 / ((k - 1) * (N - 1)) if k > 1 else math.nan
    scale_nonsource = 1 / (k * (N - 1))
    return {
        v: b * (scale_source if v in sampled else scale_nonsource)
        for v, b in zip(order, found, strict=True)
    }


def _wanted(S: nx.Graph, learners: Iterable[str] | None) -> set[str]:
    pool = S.nodes if learners is None else {uid for uid in learners if uid in S}
    return {uid for uid in pool if S.nodes[uid]["node_kind"] == LEARNER}


def _near(S: nx.Graph, learners: set[str]) -> set[str]:
    """Return every node in a group that holds one of `learners`."""
    near: set[str] = set()
    for learner in learners:
        if learner not in near:
            near |= nx.node_connected_component(S, learner)
    return near
