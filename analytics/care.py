"""Care and belonging over the projection: the networkx side of the reports' answers.

These give, from the projected graph, what the Cypher reports give from the database
(learners with exactly one caring adult, learners in no community or with no home
base); a test computes both on the same graph and requires them to agree.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from analytics.projection import ADULT, COMMUNITY, EXPERT, MEMBER_OF, learners_of, neighbors_by

__all__ = ["caring_adults", "fragile_learners", "learners_without_community"]

_ADULT_KINDS = (ADULT, EXPERT)


def caring_adults(G: nx.MultiDiGraph, learner: str, *, caring_types: Iterable[str]) -> set[str]:
    """Return the adults and experts joined to `learner` by an active caring relationship.

    Examples
    --------
    >>> from analytics.projection import add_node, add_relationship, new_graph
    >>> G = new_graph()
    >>> for uid, kind in [("l", "learner"), ("a", "adult"), ("p", "learner")]:
    ...     add_node(G, uid, kind, uid)
    >>> add_relationship(G, "a", "l", "MENTORS")
    >>> add_relationship(G, "l", "p", "PEER_OF")
    >>> caring_adults(G, "l", caring_types=["MENTORS", "TRUSTS"])
    {'a'}
    """
    near = neighbors_by(G, learner, set(caring_types))
    return {uid for uid in near if G.nodes[uid].get("node_kind") in _ADULT_KINDS}


def fragile_learners(G: nx.MultiDiGraph, *, caring_types: Iterable[str]) -> dict[str, str]:
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
    >>> fragile_learners(G, caring_types=["MENTORS", "TRUSTS"])
    {'l1': 'a'}
    """
    caring = tuple(caring_types)
    fragile = {}
    for learner in learners_of(G):
        adults = caring_adults(G, learner, caring_types=caring)
        if len(adults) == 1:
            fragile[learner] = next(iter(adults))
    return fragile


def learners_without_community(
    G: nx.MultiDiGraph, *, kind: str | None = None, learners: Iterable[str] | None = None
) -> list[str]:
    """Return the learners with no active MEMBER_OF a community (of `kind`, if given), in
    uid order; only those of `learners`, if given.

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
    return [
        uid
        for uid in learners_of(G, learners)
        if not any(
            G.nodes[c].get("node_kind") == COMMUNITY
            and (kind is None or G.nodes[c].get("kind") == kind)
            for c in neighbors_by(G, uid, {MEMBER_OF}, direction="out")
        )
    ]
