"""Care and belonging over the projection: the networkx side of the reports' answers.

These give, from the projected graph, what the Cypher reports give from the database
(learners with exactly one caring adult, learners in no community or with no home
base); a test computes both on the same graph and requires them to agree.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from analytics.projection import neighbors_by
from lrm_graph.config import DEFAULT_CARING_TYPES
from lrm_graph.vocabulary import CommunityKind, NodeKind, RelType

__all__ = ["caring_adults", "fragile_learners", "learners_without_community"]

_ADULT_KINDS = (NodeKind.ADULT, NodeKind.EXPERT)


def _learners(G: nx.MultiDiGraph) -> list[str]:
    return sorted(uid for uid, kind in G.nodes(data="node_kind") if kind == NodeKind.LEARNER)


def caring_adults(
    G: nx.MultiDiGraph, learner: str, *, caring_types: Iterable[str] = DEFAULT_CARING_TYPES
) -> set[str]:
    """Return the adults and experts joined to `learner` by an active caring relationship.

    Examples
    --------
    >>> from analytics.projection import add_node, add_relationship, new_graph
    >>> G = new_graph()
    >>> for uid, kind in [("l", "learner"), ("a", "adult"), ("p", "learner")]:
    ...     add_node(G, uid, kind, uid)
    >>> add_relationship(G, "a", "l", "MENTORS")
    >>> add_relationship(G, "l", "p", "PEER_OF")
    >>> caring_adults(G, "l")
    {'a'}
    """
    near = neighbors_by(G, learner, set(caring_types))
    return {uid for uid in near if G.nodes[uid].get("node_kind") in _ADULT_KINDS}


def fragile_learners(
    G: nx.MultiDiGraph, *, caring_types: Iterable[str] = DEFAULT_CARING_TYPES
) -> dict[str, str]:
    """Return {learner: their one caring adult} for learners with exactly one.

    Examples
    --------
    >>> from analytics.projection import add_node, add_relationship, new_graph
    >>> G = new_graph()
    >>> for uid, kind in [("l1", "learner"), ("l2", "learner"), ("a", "adult"), ("b", "adult")]:
    ...     add_node(G, uid, kind, uid)
    >>> add_relationship(G, "a", "l1", "MENTORS")
    >>> add_relationship(G, "a", "l2", "MENTORS")
    >>> add_relationship(G, "l2", "b", "TRUSTS")
    >>> fragile_learners(G)
    {'l1': 'a'}
    """
    caring = tuple(caring_types)
    fragile = {}
    for learner in _learners(G):
        adults = caring_adults(G, learner, caring_types=caring)
        if len(adults) == 1:
            fragile[learner] = next(iter(adults))
    return fragile


def learners_without_community(G: nx.MultiDiGraph, *, kind: str | None = None) -> list[str]:
    """Return the learners with no active MEMBER_OF a community (of `kind`, if given).

    `kind="advisory"` gives the learners without a home base.

    Examples
    --------
    >>> from analytics.projection import add_node, add_relationship, new_graph
    >>> G = new_graph()
    >>> add_node(G, "l1", "learner", "l1"); add_node(G, "l2", "learner", "l2")
    >>> add_node(G, "c", "community", "Chess", kind="club")
    >>> add_relationship(G, "l1", "c", "MEMBER_OF")
    >>> learners_without_community(G), learners_without_community(G, kind="advisory")
    (['l2'], ['l1', 'l2'])
    """
    wanted = CommunityKind(kind).value if kind is not None else None
    members = RelType.MEMBER_OF.value
    return [
        learner
        for learner in _learners(G)
        if not any(
            G.nodes[c].get("node_kind") == NodeKind.COMMUNITY
            and (wanted is None or G.nodes[c].get("kind") == wanted)
            for c in neighbors_by(G, learner, {members}, direction="out")
        )
    ]
