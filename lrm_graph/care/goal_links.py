"""The brief's goals without a connection, for one learner, with who could introduce one.

The district's goal-gaps analytic projects the whole graph (seconds at 10,000 learners:
bench/README.md), too slow for a brief asked for before a conversation. So this builds a
small projection of the learner's neighbourhood only
(`lrm_graph.analysis.projection.project_neighbourhood`): a walk over the support network,
one query per hop, out to `k + INTRODUCTION_HOPS` hops and at most `max_nodes` nodes,
through no hub (the network's rule: setting network_hub_members), plus the ties of the
learner's goals' industries among those nodes. It then runs the same pure
analytic (`analytics.goal_gaps`) and shapes it as the analytics endpoint does.

Within the neighbourhood the answer is the analytic's: whether a goal is connected within
`k` hops is exact unless `truncated`; an introduction further out than the walk went is
not found (the goal-gaps analytic over the whole district finds it).
"""

from __future__ import annotations

from typing import Any

from lrm_graph.access import visibility
from lrm_graph.access.report_scope import ReportScope
from lrm_graph.analysis.answers import goal_gaps_answer
from lrm_graph.analysis.options import Options
from lrm_graph.analysis.projection import add_goal_ties, project_neighbourhood
from lrm_graph.auth.caller import Caller
from lrm_graph.db.graph import Graph
from lrm_graph.vocabulary import NodeKind

INTRODUCTION_HOPS = 2  # how much further than k the walk looks for an introduction
GAP_FIELDS = ("goal_uid", "goal_name", "industry_uid", "industry_name", "distance", "path")


def goal_links(
    graph: Graph,
    caller: Caller,
    learner: dict[str, Any],
    *,
    k: int = 2,
    max_nodes: int = 500,
    hub_members: int,
) -> dict[str, Any]:
    """Return the learner's goals with no tie within `k` hops, each with the warm
    introduction to the nearest tie the walk found (a learner the caller does not see is
    left unnamed; the walk goes through no group of more than `hub_members` members),
    whether the walk was cut short, and `disclosed`: {uid: purpose} of the learners the
    answer names, for the audit."""
    learner_uid = learner["uid"]
    G, truncated = project_neighbourhood(
        graph, learner, k + INTRODUCTION_HOPS, max_nodes, hub_members
    )
    add_goal_ties(graph, G, learner_uid)
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
