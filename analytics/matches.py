"""Mentor match suggestions: learners without a caring adult, adults with caseload room.

A suggestion for a person to act on; nothing here writes anything.

Score of an (learner, adult) pair, with these weights (`WEIGHTS`):

- 3 for each industry of the learner's goals the adult WORKS_IN,
- 2 for each community both are in (the adult as MEMBER_OF or TEACHES it),
- 1 for each interest both are INTERESTED_IN.

Only pairs that score above 0 are candidates: a shared industry, community or interest
is the reason for the suggestion. The ranked list per learner is then turned into ONE
assignment over all learners by a min-cost maximum flow (source → learner, capacity 1;
learner → adult, capacity 1, cost -score; adult → sink, capacity = the adult's room):
as many learners as possible get a caring adult, and among those assignments the total
score is the highest. Every adult's room is respected.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from analytics.projection import (
    ADULT,
    CASELOAD_TYPES,
    COMMUNITY,
    EXPERT,
    IN_INDUSTRY,
    INDUSTRY,
    INTEREST,
    INTERESTED_IN,
    MEMBER_OF,
    PURSUES,
    TEACHES,
    WORKS_IN,
    learners_of,
    neighbors_by,
)

__all__ = [
    "WEIGHTS",
    "assign",
    "caseload",
    "mentor_matches",
    "room",
    "unmentored_learners",
]

WEIGHTS = {"goal_industry": 3, "community": 2, "interest": 1}

_ADULT_KINDS = (ADULT, EXPERT)
_SOURCE, _SINK = ("source",), ("sink",)


def unmentored_learners(
    G: nx.MultiDiGraph,
    *,
    caring_types: Iterable[str],
    learners: Iterable[str] | None = None,
) -> list[str]:
    """Return the learners with no active caring relationship with an adult or expert.

    Any relationship of `caring_types`, either direction (TRUSTS runs from the learner),
    counts, whatever the expert's screening today: that is a safeguarding question, not
    a missing adult.

    Examples
    --------
    >>> from analytics.projection import add_node, add_relationship, new_graph
    >>> G = new_graph()
    >>> for uid, kind in [("l1", "learner"), ("l2", "learner"), ("a", "adult")]:
    ...     add_node(G, uid, kind, uid)
    >>> add_relationship(G, "l1", "a", "TRUSTS")
    >>> unmentored_learners(G, caring_types=["MENTORS", "TRUSTS"])
    ['l2']
    """
    caring = set(caring_types)
    return [
        uid
        for uid in learners_of(G, learners)
        if not any(
            G.nodes[other]["node_kind"] in _ADULT_KINDS for other in neighbors_by(G, uid, caring)
        )
    ]


def caseload(G: nx.MultiDiGraph, adult: str) -> int:
    """Return how many learners an adult MENTORS, ADVISES, COACHES or COUNSELS (distinct)."""
    return len(neighbors_by(G, adult, CASELOAD_TYPES, direction="out"))


def room(G: nx.MultiDiGraph, adult: str) -> int | None:
    """Return an adult's caseload room: capacity minus caseload; None when no capacity.

    Examples
    --------
    >>> from analytics.projection import add_node, new_graph
    >>> G = new_graph()
    >>> add_node(G, "a", "adult", "Ann", caseload_capacity=2)
    >>> add_node(G, "b", "adult", "Ben")
    >>> room(G, "a"), room(G, "b")
    (2, None)
    """
    capacity = G.nodes[adult].get("caseload_capacity")
    return None if capacity is None else capacity - caseload(G, adult)


def _has_room(G: nx.MultiDiGraph) -> dict[str, int]:
    """Map every possible mentor (adult, or screened expert) with room above 0 to it."""
    found = {}
    for uid, data in G.nodes(data=True):
        kind = data.get("node_kind")
        if kind == ADULT or (kind == EXPERT and data.get("screened")):
            left = room(G, uid)
            if left is not None and left > 0:
                found[uid] = left
    return found


# What a mentor shares with a learner, by the relationship the mentor has to it.
_TIES = {
    WORKS_IN: ("goal_industry", INDUSTRY),
    MEMBER_OF: ("community", COMMUNITY),
    TEACHES: ("community", COMMUNITY),
    INTERESTED_IN: ("interest", INTEREST),
}


def _mentors_by_tie(G: nx.MultiDiGraph, mentors: Mapping[str, int]) -> dict[str, set[str]]:
    """Map each industry, community and interest to the mentors with room tied to it."""
    index: dict[str, set[str]] = {}
    for mentor in mentors:
        for _, node, rel_type in G.out_edges(mentor, data="type"):
            tie = _TIES.get(rel_type)
            if tie is not None and G.nodes[node].get("node_kind") == tie[1]:
                index.setdefault(node, set()).add(mentor)
    return index


def _shared(
    G: nx.MultiDiGraph, learner: str, index: Mapping[str, set[str]]
) -> dict[str, dict[str, set[str]]]:
    """Map each mentor with room to what they share with `learner`, by reason."""
    shared: dict[str, dict[str, set[str]]] = {}

    def note(reason: str, via: str) -> None:
        for uid in index.get(via, ()):
            shared.setdefault(uid, {r: set() for r in WEIGHTS})[reason].add(via)

    def ends(uid: str, rel_type: str) -> set[str]:
        return neighbors_by(G, uid, {rel_type}, direction="out")

    for goal in ends(learner, PURSUES):
        for industry in ends(goal, IN_INDUSTRY):
            note("goal_industry", industry)
    for community in ends(learner, MEMBER_OF):
        note("community", community)
    for interest in ends(learner, INTERESTED_IN):
        note("interest", interest)
    return shared


def assign(scores: Mapping[str, Mapping[str, int]], room: Mapping[str, int]) -> dict[str, str]:
    """Assign learners to adults: most learners first, then the highest total score.

    A min-cost maximum flow, so an adult never gets more learners than `room` allows and
    the whole list is weighed at once (a greedy pass can strand a learner whose only
    candidate was taken by someone who had others).

    Parameters
    ----------
    scores : learner uid → {adult uid → score}, only for pairs that may be matched.
    room : adult uid → how many more learners the adult can take.

    Returns
    -------
    learner uid → adult uid, for every learner who gets one.

    Examples
    --------
    >>> assign({"l1": {"a": 5, "b": 4}, "l2": {"a": 4}}, {"a": 1, "b": 1})
    {'l1': 'b', 'l2': 'a'}
    """
    # Learners with the same candidates and scores are interchangeable: one node each
    # group, with the group's size as capacity, gives the same optimum on a smaller graph.
    groups: dict[tuple[tuple[str, int], ...], list[str]] = {}
    for learner in sorted(scores):
        options = tuple(
            sorted((a, int(s)) for a, s in scores[learner].items() if room.get(a, 0) > 0)
        )
        if options:
            groups.setdefault(options, []).append(learner)
    F = nx.DiGraph()
    F.add_nodes_from([_SOURCE, _SINK])
    for number, (options, members) in enumerate(groups.items()):
        F.add_edge(_SOURCE, number, capacity=len(members), weight=0)
        for adult, score in options:
            F.add_edge(number, ("adult", adult), capacity=len(members), weight=-score)
            F.add_edge(("adult", adult), _SINK, capacity=room[adult], weight=0)
    flow = nx.max_flow_min_cost(F, _SOURCE, _SINK)
    chosen: dict[str, str] = {}
    for number, members in enumerate(groups.values()):
        waiting = iter(members)
        for (_, adult), units in sorted(flow[number].items()):
            chosen.update((next(waiting), adult) for _ in range(units))
    return chosen


def _name(G: nx.MultiDiGraph, uid: str) -> str:
    return str(G.nodes[uid].get("name") or "")


def mentor_matches(
    G: nx.MultiDiGraph,
    *,
    caring_types: Iterable[str],
    learners: Iterable[str] | None = None,
    limit: int = 5,
) -> list[dict[str, Any]]:
    """Suggest caring adults for learners who have none, ranked, with one assignment.

    Parameters
    ----------
    G : the projection (`analytics.projection`).
    caring_types : the relationship types that count as a caring relationship.
    learners : report only these learners (default: every learner without one).
    limit : candidates listed per learner (the assigned one is always listed).

    Returns
    -------
    One dict per learner without a caring adult, in uid order: ``learner_uid``,
    ``assigned_uid`` (the adult the assignment gives them, or None) and ``candidates``,
    best first: ``adult_uid``, ``score``, ``room`` (before the assignment),
    ``assigned`` and, by reason, what they share: ``goal_industry``, ``community``,
    ``interest`` (uids, sorted).

    Examples
    --------
    >>> from analytics.projection import add_node, add_relationship, new_graph
    >>> G = new_graph()
    >>> add_node(G, "l", "learner", "Lia")
    >>> add_node(G, "a", "adult", "Ann", caseload_capacity=1)
    >>> add_node(G, "n", "interest", "Chess")
    >>> add_relationship(G, "l", "n", "INTERESTED_IN")
    >>> add_relationship(G, "a", "n", "INTERESTED_IN")
    >>> found = mentor_matches(G, caring_types=["MENTORS", "TRUSTS"])
    >>> [(m["learner_uid"], m["assigned_uid"]) for m in found]
    [('l', 'a')]
    """
    mentors = _has_room(G)
    index = _mentors_by_tie(G, mentors)
    rows: list[dict[str, Any]] = [
        {"learner_uid": learner, "candidates": _candidates(G, learner, mentors, index)}
        for learner in unmentored_learners(G, caring_types=caring_types, learners=learners)
    ]
    chosen = assign(
        {
            row["learner_uid"]: {c["adult_uid"]: c["score"] for c in row["candidates"]}
            for row in rows
        },
        mentors,
    )
    for row in rows:
        row["assigned_uid"] = chosen.get(row["learner_uid"])
        for candidate in row["candidates"]:
            candidate["assigned"] = candidate["adult_uid"] == row["assigned_uid"]
        row["candidates"] = [
            c for rank, c in enumerate(row["candidates"]) if rank < limit or c["assigned"]
        ]
    return rows


def _candidates(
    G: nx.MultiDiGraph, learner: str, mentors: Mapping[str, int], index: Mapping[str, set[str]]
) -> list[dict[str, Any]]:
    """Return the learner's candidates, best first: score, then room, then name."""
    candidates: list[dict[str, Any]] = [
        {
            "adult_uid": adult,
            "score": sum(WEIGHTS[r] * len(via) for r, via in reasons.items()),
            "room": mentors[adult],
            **{r: sorted(via) for r, via in reasons.items()},
        }
        for adult, reasons in _shared(G, learner, index).items()
    ]
    candidates.sort(
        key=lambda c: (-c["score"], -c["room"], _name(G, c["adult_uid"]), c["adult_uid"])
    )
    return candidates
