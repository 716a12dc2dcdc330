"""The shape of the projection the analyses run over: a `networkx.MultiDiGraph` keyed by
uid, one edge per active relationship (key and attribute `type`), and the views of it the
analyses share (`support_graph`, `neighbors_by`, `is_adult`).

`lrm_graph.analysis.projection` builds it from the database; the analyses only read it.
Nodes keep only what the analyses use:

- every node: ``node_kind``, ``name``
- learner: ``grade_level``; adult: ``roles``, ``caseload_capacity``
- expert: ``screened`` (cleared and current today), ``caseload_capacity`` when on record
- community: ``kind``, ``open``

This package is a leaf, like networkx itself: it imports nothing of the project. The node
kinds and relationship types the analyses read are named below as plain text, the values
the projection stores (`tests/analytics/test_projection.py` holds them equal to the
vocabulary's); what a deployment configures, such as the caring types, comes in as an
argument.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

__all__ = [
    "CASELOAD_TYPES",
    "SUPPORT_TYPES",
    "add_node",
    "add_relationship",
    "is_adult",
    "learners_of",
    "neighbors_by",
    "new_graph",
    "support_graph",
]

# Node kinds (attribute `node_kind`).
LEARNER, ADULT, EXPERT, COMMUNITY = "learner", "adult", "expert", "community"
GOAL, INDUSTRY, INTEREST, RESOURCE = "goal", "industry", "interest", "resource"
# Relationship types (edge attribute and key `type`).
MENTORS, ADVISES, COACHES, COUNSELS = "MENTORS", "ADVISES", "COACHES", "COUNSELS"
TEACHES, GUARDIAN_OF, TRUSTS = "TEACHES", "GUARDIAN_OF", "TRUSTS"
PEER_OF, PEER_MENTORS, MEMBER_OF = "PEER_OF", "PEER_MENTORS", "MEMBER_OF"
PURSUES, IN_INDUSTRY, INTERESTED_IN = "PURSUES", "IN_INDUSTRY", "INTERESTED_IN"
WORKS_IN, SUPPORTS, USES = "WORKS_IN", "SUPPORTS", "USES"

# The adult -> learner types that make up an adult's caseload.
CASELOAD_TYPES = (MENTORS, ADVISES, COACHES, COUNSELS)
# The types that make up a learner's support network: people with people, people with
# communities. Goals, interests, industries and resources hang off it, but no one is
# introduced to anyone through them.
SUPPORT_TYPES = frozenset(
    {*CASELOAD_TYPES, TEACHES, GUARDIAN_OF, TRUSTS, PEER_OF, PEER_MENTORS, MEMBER_OF}
)


def new_graph() -> nx.MultiDiGraph:
    """Return an empty projection graph."""
    return nx.MultiDiGraph()


def add_node(G: nx.MultiDiGraph, uid: str, node_kind: str, name: str, **attrs: Any) -> None:
    """Add one node in the projection's shape (attributes that are None are left out).

    Examples
    --------
    >>> G = new_graph()
    >>> add_node(G, "e1", "expert", "Kay Lee", screened=True)
    >>> G.nodes["e1"]
    {'node_kind': 'expert', 'name': 'Kay Lee', 'screened': True}
    """
    kept = {k: v for k, v in attrs.items() if v is not None}
    G.add_node(uid, node_kind=str(node_kind), name=name, **kept)


def add_relationship(G: nx.MultiDiGraph, start: str, end: str, rel_type: str) -> None:
    """Add one active relationship, keyed by its type (one per type and direction)."""
    G.add_edge(start, end, key=str(rel_type), type=str(rel_type))


def is_adult(G: nx.Graph, uid: str) -> bool:
    """Say whether a node is an adult a learner may rely on: an Adult, or a screened Expert.

    Examples
    --------
    >>> G = new_graph()
    >>> add_node(G, "a", "adult", "Ann")
    >>> add_node(G, "e", "expert", "Eve", screened=False)
    >>> is_adult(G, "a"), is_adult(G, "e")
    (True, False)
    """
    data = G.nodes[uid]
    kind = data.get("node_kind")
    return kind == ADULT or (kind == EXPERT and bool(data.get("screened")))


def learners_of(G: nx.Graph, learners: Iterable[str] | None = None) -> list[str]:
    """Return the learners in `G` (only those among `learners`, if given), in uid order.

    Examples
    --------
    >>> G = new_graph()
    >>> for uid, kind in [("l2", "learner"), ("a", "adult"), ("l1", "learner")]:
    ...     add_node(G, uid, kind, uid)
    >>> learners_of(G), learners_of(G, ["l2", "a", "gone"])
    (['l1', 'l2'], ['l2'])
    """
    pool = G.nodes if learners is None else (uid for uid in set(learners) if uid in G)
    return sorted(uid for uid in pool if G.nodes[uid].get("node_kind") == LEARNER)


def neighbors_by(
    G: nx.MultiDiGraph, uid: str, types: Iterable[str], *, direction: str = "both"
) -> set[str]:
    """Return the nodes joined to `uid` by a relationship of one of `types`.

    `direction` is "out" (uid is the start), "in" (uid is the end) or "both".

    Examples
    --------
    >>> G = new_graph()
    >>> for uid, kind in [("a", "adult"), ("l", "learner")]:
    ...     add_node(G, uid, kind, uid)
    >>> add_relationship(G, "a", "l", "MENTORS")
    >>> neighbors_by(G, "l", {"MENTORS"}), neighbors_by(G, "l", {"MENTORS"}, direction="out")
    ({'a'}, set())
    """
    wanted = {str(t) for t in types}
    found: set[str] = set()
    if direction in ("out", "both"):
        found.update(v for _, v, t in G.out_edges(uid, data="type") if t in wanted)
    if direction in ("in", "both"):
        found.update(u for u, _, t in G.in_edges(uid, data="type") if t in wanted)
    return found


def support_graph(G: nx.MultiDiGraph, *, with_resources: bool = False) -> nx.Graph:
    """Return the undirected support network: people and communities, safe links only.

    An expert whose screening is not current is left out altogether, so no path runs
    through them. With `with_resources`, resources that learners USE are added too (the
    analyses treat them as ends, never as a way through). Nodes and edges are added in
    uid order, so that walks over the result are the same from run to run.

    Examples
    --------
    >>> G = new_graph()
    >>> for uid, kind in [("l", "learner"), ("c", "community"), ("e", "expert")]:
    ...     add_node(G, uid, kind, uid, screened=False)
    >>> add_relationship(G, "l", "c", "MEMBER_OF")
    >>> add_relationship(G, "e", "c", "MEMBER_OF")
    >>> sorted(support_graph(G).edges())
    [('c', 'l')]
    """
    kinds = {LEARNER, ADULT, EXPERT, COMMUNITY} | ({RESOURCE} if with_resources else set())
    types = set(SUPPORT_TYPES) | ({USES} if with_resources else set())

    def keep(uid: str) -> bool:
        kind = G.nodes[uid].get("node_kind")
        return kind in kinds and (kind != EXPERT or bool(G.nodes[uid].get("screened")))

    S = nx.Graph()
    S.add_nodes_from((uid, G.nodes[uid]) for uid in sorted(uid for uid in G if keep(uid)))
    edges = {
        tuple(sorted((u, v)))
        for u, v, t in G.edges(data="type")
        if t in types and u in S and v in S
    }
    S.add_edges_from(sorted(edges))
    return S
