"""Community suggestions for learners in no community, ranked, with the reasons.

A community is suggested to a learner with no active MEMBER_OF when it holds one of the
learner's peers (PEER_OF or PEER_MENTORS, either direction: the learner's TRUSTS run to
adults, so peers are the learners they trust) or is IN_INDUSTRY one of the industries of
the learner's goals. Score, with these weights (`WEIGHTS`): 2 for each such peer who is a
member, 3 for each such industry.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from analytics.care import learners_without_community
from analytics.projection import (
    COMMUNITY,
    IN_INDUSTRY,
    LEARNER,
    MEMBER_OF,
    PEER_MENTORS,
    PEER_OF,
    PURSUES,
    neighbors_by,
)

__all__ = ["WEIGHTS", "community_suggestions", "learners_without_community"]

WEIGHTS = {"peer": 2, "goal_industry": 3}

_PEER_TYPES = {PEER_OF, PEER_MENTORS}


def _communities_by_industry(G: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Map each industry to the communities IN_INDUSTRY it (once, not once per learner)."""
    index: dict[str, set[str]] = {}
    for start, end, rel_type in G.edges(data="type"):
        if rel_type == IN_INDUSTRY and G.nodes[start].get("node_kind") == COMMUNITY:
            index.setdefault(end, set()).add(start)
    return index


def _reasons(
    G: nx.MultiDiGraph, learner: str, by_industry: dict[str, set[str]]
) -> dict[str, dict[str, set[str]]]:
    """Map each community to the peers in it and the goal industries it is in."""
    found: dict[str, dict[str, set[str]]] = {}

    def note(community: str, reason: str, via: str) -> None:
        if G.nodes[community].get("node_kind") == COMMUNITY:
            found.setdefault(community, {r: set() for r in WEIGHTS})[reason].add(via)

    for peer in neighbors_by(G, learner, _PEER_TYPES):
        if G.nodes[peer].get("node_kind") == LEARNER:
            for community in neighbors_by(G, peer, {MEMBER_OF}, direction="out"):
                note(community, "peer", peer)
    for goal in neighbors_by(G, learner, {PURSUES}, direction="out"):
        for industry in neighbors_by(G, goal, {IN_INDUSTRY}, direction="out"):
            for community in by_industry.get(industry, ()):
                note(community, "goal_industry", industry)
    return found


def _name(G: nx.MultiDiGraph, uid: str) -> str:
    return str(G.nodes[uid].get("name") or "")


def community_suggestions(
    G: nx.MultiDiGraph, *, learners: Iterable[str] | None = None, limit: int = 5
) -> list[dict[str, Any]]:
    """Suggest communities to learners in none, best first, with what ties them.

    Parameters
    ----------
    G : the projection (`analytics.projection`).
    learners : report only these learners (default: every learner in no community).
    limit : suggestions listed per learner.

    Returns
    -------
    One dict per learner in no community, in uid order (also when nothing can be
    suggested): ``learner_uid`` and ``suggestions``: ``community_uid``, ``score``,
    ``peer`` (uids of the peers who are members) and ``goal_industry`` (uids of the goal
    industries it is in).

    Examples
    --------
    >>> from analytics.projection import add_node, add_relationship, new_graph
    >>> G = new_graph()
    >>> for uid, kind in [("l", "learner"), ("p", "learner"), ("c", "community")]:
    ...     add_node(G, uid, kind, uid)
    >>> add_relationship(G, "l", "p", "PEER_OF")
    >>> add_relationship(G, "p", "c", "MEMBER_OF")
    >>> community_suggestions(G)
    [{'learner_uid': 'l', 'suggestions': [{'community_uid': 'c', 'score': 2, 'peer': ['p'], 'goal_industry': []}]}]
    """  # noqa: E501
    by_industry = _communities_by_industry(G)
    rows = []
    for learner in learners_without_community(G, learners=learners):
        suggestions: list[dict[str, Any]] = [
            {
                "community_uid": community,
                "score": sum(WEIGHTS[r] * len(via) for r, via in reasons.items()),
                **{r: sorted(via) for r, via in reasons.items()},
            }
            for community, reasons in _reasons(G, learner, by_industry).items()
        ]
        suggestions.sort(
            key=lambda s: (-s["score"], _name(G, s["community_uid"]), s["community_uid"])
        )
        rows.append({"learner_uid": learner, "suggestions": suggestions[:limit]})
    return rows
