"""The answers of the analytics: each pure analytic's result, shaped for one caller.

Each runner takes the projection, the learners to report on (already only those the
caller sees, see `analysis.select`), the options, the caring types and the caller's
`ReportScope`, and returns a `Report`: `data` for JSON, flat `rows` for CSV and tables,
and `learners`, the uids of every learner the answer names, for the audit.

The analytics look at the whole support graph, so an answer can run through a learner
the caller may not see (a peer on a warm introduction, a peer in a community). Such a
learner is never named: a path step shows no uid and no name, a peer reason no name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from analytics import communities, goal_gaps, matches, structure
from analytics.projection import SUPPORT_TYPES, neighbors_by, support_graph
from lrm_graph import tabular
from lrm_graph.access.report_scope import ReportScope
from lrm_graph.analysis.options import Options
from lrm_graph.vocabulary import NodeKind

HIDDEN_STEP = "(another learner)"  # how a path step the caller may not see reads in CSV


@dataclass
class Report:
    """One analytic's answer: `data` for JSON, `rows` (with `columns`) for CSV and tables."""

    name: str
    data: dict[str, Any]
    columns: tuple[str, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)
    learners: set[str] = field(default_factory=set)  # every learner the answer names

    def csv(self) -> str:
        """Return the rows as CSV, a header line first."""
        return tabular.csv_text(self.rows, self.columns)


Runner = Callable[[nx.MultiDiGraph, set[str] | None, Options, tuple[str, ...], ReportScope], Report]


def _node(G: nx.MultiDiGraph, uid: str) -> dict[str, Any]:
    data = G.nodes[uid]
    return {"uid": uid, "name": data.get("name", ""), "node_kind": data.get("node_kind")}


def _is_learner(G: nx.MultiDiGraph, uid: str) -> bool:
    return G.nodes[uid].get("node_kind") == NodeKind.LEARNER


def _step(G: nx.MultiDiGraph, uid: str, scope: ReportScope) -> dict[str, Any]:
    """Return one step of a path; a learner the caller may not see stays unnamed."""
    if _is_learner(G, uid) and not scope.sees(uid):
        return {"uid": None, "name": None, "node_kind": NodeKind.LEARNER.value}
    return _node(G, uid)


def _named(G: nx.MultiDiGraph, row: dict[str, Any]) -> dict[str, Any]:
    """Return `row` with an `x_name` beside every `x_uid` (None beside None)."""
    names = {
        key.removesuffix("_uid") + "_name": None if uid is None else G.nodes[uid].get("name", "")
        for key, uid in row.items()
        if key.endswith("_uid")
    }
    return {**row, **names}


GOAL_GAP_COLUMNS = ("connected", "distance", "introduction", "introduction_uids")


def goal_gaps_answer(
    G: nx.MultiDiGraph, learners: Any, options: Options, _: Any, scope: ReportScope
) -> Report:
    found = goal_gaps.goal_gaps(G, k=options.k, learners=learners)
    items = [
        {**_named(G, row), "path": [_step(G, uid, scope) for uid in row["path"]]}
        for row in found
        if options.include_connected or not row["connected"]
    ]
    rows = [
        {
            **item,
            "introduction": " > ".join(step["name"] or HIDDEN_STEP for step in item["path"]),
            "introduction_uids": " ".join(step["uid"] or "-" for step in item["path"]),
        }
        for item in items
    ]
    named = ("learner", "goal", "industry")
    columns = (*(f"{c}_{p}" for c in named for p in ("uid", "name")), *GOAL_GAP_COLUMNS)
    disclosed = {item["learner_uid"] for item in items} | {
        step["uid"]
        for item in items
        for step in item["path"]
        if step["node_kind"] == NodeKind.LEARNER and step["uid"] is not None
    }
    return Report("goal-gaps", {"k": options.k, "items": items}, columns, rows, disclosed)


def structure_answer(
    G: nx.MultiDiGraph, learners: Any, options: Options, _: Any, scope: ReportScope
) -> Report:
    S = support_graph(G)  # once, for both
    groups = structure.isolated_groups(G, learners=learners, visible=scope.visible, support=S)
    bridges = structure.bridging_adults(
        G, learners=learners, samples=options.samples, seed=options.seed, support=S
    )
    data = {
        "isolated_groups": [
            {
                "group": number,
                "size": group["size"],
                "learners": [_node(G, uid) for uid in group["learners"]],
                "communities": [_node(G, uid) for uid in group["communities"]],
            }
            for number, group in enumerate(groups, start=1)
        ],
        "bridging_adults": [
            {**_node(G, adult["uid"]), **adult, "learners": _linked(G, adult, scope)}
            for adult in bridges["adults"][: options.top]
        ],
        "betweenness_exact": bridges["exact"],
        "betweenness_samples": bridges["samples"],
    }
    rows = [
        {"finding": "isolated_group", "group": g["group"], "group_size": g["size"], **member}
        for g in data["isolated_groups"]
        for member in g["learners"] + g["communities"]
    ] + [{"finding": "bridging_adult", **adult} for adult in data["bridging_adults"]]
    disclosed = {uid for group in groups for uid in group["learners"]}
    return Report("structure", data, STRUCTURE_COLUMNS, rows, disclosed)


def _linked(G: nx.MultiDiGraph, adult: dict[str, Any], scope: ReportScope) -> int:
    """Return how many learners an adult is directly linked to, of those the caller sees."""
    if scope.whole_district:
        return int(adult["learners"])
    linked = neighbors_by(G, adult["uid"], SUPPORT_TYPES)
    return sum(1 for uid in linked if _is_learner(G, uid) and scope.sees(uid))


STRUCTURE_COLUMNS = (
    *("finding", "group", "group_size", "uid", "name", "node_kind"),
    *("betweenness", "articulation_point", "learners"),
)

_MATCH_REASONS = {
    "goal_industry": "works in {}",
    "community": "both in {}",
    "interest": "both interested in {}",
}
_COMMUNITY_REASONS = {"peer": "peer {} is a member", "goal_industry": "in {}, a goal's industry"}


def _explained(G: nx.MultiDiGraph, found: dict[str, Any], uid: str, wording: dict) -> dict:
    """Return one candidate with names, its kind, and its reasons in words."""
    reasons = [
        text.format(G.nodes[via].get("name", ""))
        for key, text in wording.items()
        for via in found[key]
    ]
    return {**_named(G, found), "node_kind": G.nodes[uid]["node_kind"], "reasons": reasons}


def mentor_matches_answer(
    G: nx.MultiDiGraph,
    learners: Any,
    options: Options,
    caring_types: tuple[str, ...],
    _: ReportScope,
) -> Report:
    found = matches.mentor_matches(
        G, caring_types=caring_types, learners=learners, limit=options.limit
    )
    items = [
        {
            **_named(G, {k: v for k, v in row.items() if k != "candidates"}),
            "candidates": [
                _explained(G, c, c["adult_uid"], _MATCH_REASONS) for c in row["candidates"]
            ],
        }
        for row in found
    ]
    assigned = sum(1 for item in items if item["assigned_uid"] is not None)
    data = {
        "weights": dict(matches.WEIGHTS),
        "assigned": assigned,
        "unassigned": len(items) - assigned,
        "items": items,
    }
    columns = (*RANKED_COLUMNS[:3], "adult_uid", "adult_name", "score", "room", "assigned")
    rows = _ranked(items, "candidates")
    disclosed = {item["learner_uid"] for item in items}
    return Report("mentor-matches", data, (*columns, "reasons"), rows, disclosed)


def community_suggestions_answer(
    G: nx.MultiDiGraph, learners: Any, options: Options, _: Any, scope: ReportScope
) -> Report:
    found = communities.community_suggestions(G, learners=learners, limit=options.limit)
    items = [
        {
            **_named(G, {"learner_uid": row["learner_uid"]}),
            "suggestions": [_suggestion(G, s, scope) for s in row["suggestions"]],
        }
        for row in found
    ]
    data = {"weights": dict(communities.WEIGHTS), "items": items}
    columns = (*RANKED_COLUMNS[:3], "community_uid", "community_name", "kind", "open", "score")
    disclosed = {item["learner_uid"] for item in items} | {
        peer for item in items for s in item["suggestions"] for peer in s["peer"]
    }
    rows = _ranked(items, "suggestions")
    return Report("community-suggestions", data, (*columns, "reasons"), rows, disclosed)


def _suggestion(G: nx.MultiDiGraph, found: dict[str, Any], scope: ReportScope) -> dict:
    """Return one suggested community with its reasons; peers the caller may not see
    still count (the score is the same) but are named neither by uid nor by name."""
    seen = [peer for peer in found["peer"] if scope.sees(peer)]
    unseen = len(found["peer"]) - len(seen)
    uid = found["community_uid"]
    suggestion = {
        **_explained(G, {**found, "peer": seen}, uid, _COMMUNITY_REASONS),
        "kind": G.nodes[uid].get("kind"),
        "open": G.nodes[uid].get("open"),
    }
    if unseen:
        more = "1 more peer is a member" if unseen == 1 else f"{unseen} more peers are members"
        suggestion["reasons"].insert(len(seen), more)
    return suggestion


RANKED_COLUMNS = ("learner_uid", "learner_name", "rank")


def _ranked(items: list[dict[str, Any]], listed: str) -> list[dict[str, Any]]:
    """Flatten per-learner lists: one row per entry, one bare row for a learner with none."""
    return [
        {
            "learner_uid": item["learner_uid"],
            "learner_name": item["learner_name"],
            **entry,
            "rank": rank if entry else None,
        }
        for item in items
        for rank, entry in enumerate(item[listed] or [{}], start=1)
    ]


RUNNERS: dict[str, Runner] = {
    "goal-gaps": goal_gaps_answer,
    "structure": structure_answer,
    "mentor-matches": mentor_matches_answer,
    "community-suggestions": community_suggestions_answer,
}
