"""No goal without a connection: learners' goals with nobody and nothing near them tied to
the goal's industry, and the shortest warm introduction where a tie exists further out.

A tie to a goal's industry is an adult or screened expert who WORKS_IN it, a community
IN_INDUSTRY it, or a resource that SUPPORTS it (or SUPPORTS the goal itself). Distance is
counted in hops from the learner over the support network (`projection.support_graph`):
caring adults, peers, communities and their members, and the resources those learners
USE. A path runs only through people and communities (a resource can only end it) and
never through an expert whose screening is not current.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable
from typing import Any

import networkx as nx

from analytics.projection import (
    ADULT,
    COMMUNITY,
    EXPERT,
    IN_INDUSTRY,
    PURSUES,
    RESOURCE,
    SUPPORTS,
    WORKS_IN,
    learners_of,
    neighbors_by,
    support_graph,
)

__all__ = ["goal_gaps", "goal_ties"]

Key = tuple[str, frozenset[str]]


def goal_ties(G: nx.MultiDiGraph, S: nx.Graph, goal: str, industry: str) -> set[str]:
    """Return the nodes of the support network `S` tied to `goal` through `industry`.

    Examples
    --------
    >>> from analytics.projection import add_node, add_relationship, new_graph
    >>> G = new_graph()
    >>> for uid, kind in [("a", "adult"), ("g", "goal"), ("i", "industry")]:
    ...     add_node(G, uid, kind, uid)
    >>> add_relationship(G, "g", "i", "IN_INDUSTRY")
    >>> add_relationship(G, "a", "i", "WORKS_IN")
    >>> goal_ties(G, support_graph(G, with_resources=True), "g", "i")
    {'a'}
    """
    return _industry_ties(G, S, industry) | _goal_resources(G, S, goal)


def _industry_ties(G: nx.MultiDiGraph, S: nx.Graph, industry: str) -> set[str]:
    ties = set()
    for start, _, rel_type in G.in_edges(industry, data="type"):
        kind = G.nodes[start]["node_kind"]
        if start not in S:  # e.g. an expert whose screening is not current
            continue
        if (
            (rel_type == WORKS_IN and kind in (ADULT, EXPERT))
            or (rel_type == IN_INDUSTRY and kind == COMMUNITY)
            or (rel_type == SUPPORTS and kind == RESOURCE)
        ):
            ties.add(start)
    return ties


def _goal_resources(G: nx.MultiDiGraph, S: nx.Graph, goal: str) -> set[str]:
    return {r for r in neighbors_by(G, goal, {SUPPORTS}, direction="in") if r in S}


def goal_gaps(
    G: nx.MultiDiGraph, *, k: int = 2, learners: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """Find, for every learner's goal and its industry, the nearest tie and how far it is.

    Parameters
    ----------
    G : the projection (`analytics.projection`).
    k : a goal is connected when a tie is at most `k` hops from the learner.
    learners : uids of the learners to report on (default: every learner in `G`).

    Returns
    -------
    One dict per (learner, goal, industry of the goal), in uid order: ``learner_uid``,
    ``goal_uid``, ``industry_uid``, ``connected`` (a tie within `k` hops), ``distance``
    (hops to the nearest tie, None when none can be reached) and ``path`` (uids from the
    learner to that tie; empty when none can be reached). Goals without an industry are
    left out.

    Examples
    --------
    >>> from analytics.projection import add_node, add_relationship, new_graph
    >>> G = new_graph()
    >>> for uid, kind in [("l", "learner"), ("c", "community"), ("a", "adult"),
    ...                   ("g", "goal"), ("i", "industry")]:
    ...     add_node(G, uid, kind, uid)
    >>> for start, end, rel in [("l", "g", "PURSUES"), ("g", "i", "IN_INDUSTRY"),
    ...                         ("l", "c", "MEMBER_OF"), ("a", "c", "MEMBER_OF"),
    ...                         ("a", "i", "WORKS_IN")]:
    ...     add_relationship(G, start, end, rel)
    >>> [(r["connected"], r["path"]) for r in goal_gaps(G, k=1)]
    [(False, ['l', 'c', 'a'])]
    >>> goal_gaps(G, k=2)[0]["connected"]
    True
    """
    if k < 0:
        raise ValueError("k must be 0 or more")
    S = support_graph(G, with_resources=True)
    wanted = learners_of(G, learners)
    # One search per distinct set of ties (an industry, plus any resources that support
    # the goal itself), not one per learner: the cost grows with industries, not learners.
    groups: dict[Key, list[tuple[str, str, str]]] = defaultdict(list)
    industry_ties: dict[str, frozenset[str]] = {}
    for learner in wanted:
        for goal in sorted(neighbors_by(G, learner, {PURSUES}, direction="out")):
            for industry in sorted(neighbors_by(G, goal, {IN_INDUSTRY}, direction="out")):
                if industry not in industry_ties:
                    industry_ties[industry] = frozenset(_industry_ties(G, S, industry))
                key = (industry, frozenset(_goal_resources(G, S, goal)))
                groups[key].append((learner, goal, industry))
    rows = []
    # Plain lists and a set: one search per group goes through the whole network, and
    # networkx's views cost more than the search itself (same neighbours, same order).
    adj = {uid: list(neighbors) for uid, neighbors in S.adjacency()}
    ends = {uid for uid, kind in S.nodes(data="node_kind") if kind == RESOURCE}
    for (industry, extra), items in groups.items():
        toward = _nearest(adj, ends, industry_ties[industry] | extra)
        for learner, goal, industry_uid in items:
            path = _walk(toward, learner)
            distance = len(path) - 1 if path else None
            connected = distance is not None and distance <= k
            rows.append(
                {
                    "learner_uid": learner,
                    "goal_uid": goal,
                    "industry_uid": industry_uid,
                    "connected": connected,
                    "distance": distance,
                    "path": path,
                }
            )
    return sorted(rows, key=lambda r: (r["learner_uid"], r["goal_uid"], r["industry_uid"]))


def _nearest(
    adj: dict[str, list[str]], ends: set[str], ties: Iterable[str]
) -> dict[str, str | None]:
    """Search outward from every tie at once over the network's neighbour lists; map each
    node reached to its next hop. A node of `ends` (a resource) ends a path: it is never a
    way through to someone else."""
    toward: dict[str, str | None] = {}
    queue: deque[str] = deque()
    for tie in sorted(ties):
        toward[tie] = None
        queue.append(tie)
    while queue:
        node = queue.popleft()
        for neighbor in adj[node]:
            if neighbor in toward or neighbor in ends:
                continue
            toward[neighbor] = node
            queue.append(neighbor)
    return toward


def _walk(toward: dict[str, str | None], learner: str) -> list[str]:
    if learner not in toward:
        return []
    path = [learner]
    step = toward[learner]
    while step is not None:
        path.append(step)
        step = toward[step]
    return path
