"""The brief's goals without a connection, for one learner, with who could introduce one.

The district's goal-gaps analytic projects the whole graph (seconds at 10,000 learners:
bench/README.md), too slow for a brief asked for before a conversation. So this builds a
small projection of the learner's neighbourhood only: a walk over the support network,
one query per hop, out to `k + INTRODUCTION_HOPS` hops and at most `max_nodes` nodes, plus
the ties of the learner's goals' industries among those nodes. It then runs the same pure
analytic (`analytics.goal_gaps`) and shapes it as the analytics endpoint does.

Within the neighbourhood the answer is the analytic's: whether a goal is connected within
`k` hops is exact unless `truncated`; an introduction further out than the walk went is
not found (the goal-gaps analytic over the whole district finds it).
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from analytics.projection import add_node, add_relationship, new_graph
from lrm_graph import clock
from lrm_graph.access import visibility
from lrm_graph.access.report_scope import ReportScope
from lrm_graph.analysis.answers import goal_gaps_answer
from lrm_graph.analysis.runner import Options
from lrm_graph.auth.caller import Caller
from lrm_graph.db.graph import Graph
from lrm_graph.records.relationships import is_screened
from lrm_graph.vocabulary import NodeKind

INTRODUCTION_HOPS = 2  # how much further than k the walk looks for an introduction
ROWS_PER_NODE = 4  # as questions.ROWS_PER_NETWORK_NODE: a hub stops the walk early
GAP_FIELDS = ("goal_uid", "goal_name", "industry_uid", "industry_name", "distance", "path")


def goal_links(
    graph: Graph,
    caller: Caller,
    learner: dict[str, Any],
    *,
    k: int = 2,
    max_nodes: int = 500,
) -> dict[str, Any]:
    """Return the learner's goals with no tie within `k` hops, each with the warm
    introduction to the nearest tie the walk found (a learner the caller does not see is
    left unnamed), whether the walk was cut short, and `disclosed`: {uid: purpose} of the
    learners the answer names, for the audit."""
    learner_uid = learner["uid"]
    G, truncated = _neighbourhood(graph, learner, k + INTRODUCTION_HOPS, max_nodes)
    _add_goal_ties(graph, G, learner_uid)
    met = sorted(uid for uid, kind in G.nodes(data="node_kind") if kind == NodeKind.LEARNER)
    scope = ReportScope(visibility.visible_learners(graph, caller, only=met))
    found = goal_gaps_answer(G, {learner_uid}, Options(k=k), (), scope)
    items = [
        {key: row[key] for key in GAP_FIELDS} | {"introducer": _introducer(row["path"])}
        for row in found.data["items"]
    ]
    return {"k": k, "hops_searched": k + INTRODUCTION_HOPS, "truncated": truncated,
            "items": items, "disclosed": scope.purposes(sorted(found.learners))}  # fmt: skip


def _introducer(path: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Return the first adult on the way (someone the learner knows who can introduce
    them), or None when the path is empty or has no adult before its end."""
    for step in path[1:-1]:
        if step["node_kind"] in (NodeKind.ADULT, NodeKind.EXPERT):
            return step
    return None


def _neighbourhood(
    graph: Graph, learner: dict[str, Any], hops: int, max_nodes: int
) -> tuple[nx.MultiDiGraph, bool]:
    """Walk the support network out from the learner ({uid, name}); return the projection
    and whether the walk stopped at the cap."""
    G = new_graph()
    learner_uid = learner["uid"]
    add_node(G, learner_uid, NodeKind.LEARNER, learner.get("name") or "")
    frontier, expanded, today = [learner_uid], list[str](), clock.today()
    budget = ROWS_PER_NODE * max_nodes
    for _ in range(hops):
        rows = graph.read("care/expand_support", frontier=frontier, expanded=expanded,
                          today=today, limit=budget + 1)  # fmt: skip
        truncated = len(rows) > budget
        expanded += frontier
        frontier = []
        for row in rows[:budget]:
            node = row["node"]
            if node["uid"] not in G:
                if G.number_of_nodes() > max_nodes:
                    return G, True
                _add(G, node, today)
                if node["node_kind"] != NodeKind.RESOURCE:  # a resource ends a path
                    frontier.append(node["uid"])
            add_relationship(G, row["from_uid"], row["to_uid"], row["type"])
        if truncated:
            return G, True
        if not frontier:
            break
    return G, False


def _add(G: nx.MultiDiGraph, node: dict[str, Any], today: Any) -> None:
    screened = is_screened(node, today) if node["node_kind"] == NodeKind.EXPERT else None
    add_node(G, node["uid"], node["node_kind"], node.get("name") or "", screened=screened)


def _add_goal_ties(graph: Graph, G: nx.MultiDiGraph, learner_uid: str) -> None:
    """Add the learner's goals, their industries and the ties to them among G's nodes."""
    rows = graph.read("care/get_goal_ties", learner_uid=learner_uid, uids=list(G.nodes),
                      today=clock.today())  # fmt: skip
    for row in rows:
        goal, industry = row["goal"], row["industry"]
        add_node(G, goal["uid"], NodeKind.GOAL, goal["name"] or "")
        add_node(G, industry["uid"], NodeKind.INDUSTRY, industry["name"] or "")
        add_relationship(G, learner_uid, goal["uid"], "PURSUES")
        add_relationship(G, goal["uid"], industry["uid"], "IN_INDUSTRY")
        for tie in row["ties"]:
            add_relationship(G, tie["from_uid"], industry["uid"], tie["type"])
        for resource in row["goal_resources"]:
            add_relationship(G, resource, goal["uid"], "SUPPORTS")
