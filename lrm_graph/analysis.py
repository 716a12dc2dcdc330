"""The analytics as the API and the CLI ask for them: project, run, shape.

`run` selects the learners a report is about (`LearnerFilter`), projects the graph
(`analytics.projection`), runs one pure analytic and shapes its answer twice: `data` for
JSON (the API's response models) and flat `rows` for CSV and tables. `accept_match` turns
an accepted mentor match into a relationship; `time_analytics` times each step for the
bench scripts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from time import perf_counter
from typing import Any

import networkx as nx

from analytics import communities, goal_gaps, matches, projection, structure
from lrm_graph import clock, nodes, relationships, tabular
from lrm_graph.config import DEFAULT_CARING_TYPES
from lrm_graph.errors import Conflict, InvalidInput, NotFound
from lrm_graph.graph import Graph
from lrm_graph.vocabulary import NodeKind, RelType, Source

NAMES = ("goal-gaps", "structure", "mentor-matches", "community-suggestions")
K_MAX, LIMIT_MAX, TOP_MAX, SAMPLES_MAX = 6, 50, 500, 5000
MATCH_TYPES = (RelType.MENTORS, RelType.ADVISES, RelType.COACHES, RelType.COUNSELS)


@dataclass(frozen=True)
class LearnerFilter:
    """Which learners a report is about; the support graph around them stays whole."""

    organization: str | None = None
    grade: str | None = None
    community: str | None = None


@dataclass(frozen=True)
class Options:
    """The knobs of the analytics; each applies to the analytics named beside it."""

    k: int = 2  # goal-gaps: a tie within k hops of the learner connects the goal
    include_connected: bool = False  # goal-gaps: list connected goals too
    limit: int = 5  # mentor-matches, community-suggestions: listed per learner
    top: int = 20  # structure: bridging adults listed
    samples: int = 100  # structure: betweenness sources on graphs above EXACT_LIMIT
    seed: int | None = 0  # structure: the same report twice gives the same estimate

    def check(self) -> None:
        """Raise InvalidInput for a knob out of its range."""
        for name, value, high in (
            ("k", self.k, K_MAX),
            ("limit", self.limit, LIMIT_MAX),
            ("top", self.top, TOP_MAX),
            ("samples", self.samples, SAMPLES_MAX),
        ):
            if not 1 <= value <= high:
                raise InvalidInput(f"{name} must be between 1 and {high}, not {value}")


@dataclass
class Report:
    """One analytic's answer: `data` for JSON, `rows` (with `columns`) for CSV and tables."""

    name: str
    data: dict[str, Any]
    columns: tuple[str, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)

    def csv(self) -> str:
        """Return the rows as CSV, a header line first."""
        return tabular.csv_text(self.rows, self.columns)


Runner = Callable[[nx.MultiDiGraph, "set[str] | None", Options, tuple[str, ...]], Report]


def run(
    graph: Graph,
    name: str,
    filters: LearnerFilter | None = None,
    options: Options | None = None,
    *,
    caring_types: Iterable[str] = DEFAULT_CARING_TYPES,
) -> Report:
    """Run the analytic called `name` over the whole graph, reporting on the learners asked."""
    if name not in RUNNERS:
        raise NotFound(f"no analytic called {name!r}; there are {', '.join(NAMES)}")
    options = options or Options()
    options.check()
    learners = select(graph, filters or LearnerFilter())
    G = projection.project(graph)
    return RUNNERS[name](G, learners, options, tuple(caring_types))


def select(graph: Graph, filters: LearnerFilter) -> set[str] | None:
    """Return the uids of the learners the filters pick (None: every learner)."""
    if filters.organization is not None:
        nodes.get(graph, NodeKind.ORGANIZATION, filters.organization)
    if filters.community is not None:
        nodes.get(graph, NodeKind.COMMUNITY, filters.community)
    return projection.select_learners(
        graph,
        organization=filters.organization,
        grade=filters.grade,
        community=filters.community,
    )


def _node(G: nx.MultiDiGraph, uid: str) -> dict[str, Any]:
    data = G.nodes[uid]
    return {"uid": uid, "name": data.get("name", ""), "node_kind": data.get("node_kind")}


def _named(G: nx.MultiDiGraph, row: dict[str, Any]) -> dict[str, Any]:
    """Return `row` with an `x_name` beside every `x_uid` (None beside None)."""
    names = {
        key.removesuffix("_uid") + "_name": None if uid is None else G.nodes[uid].get("name", "")
        for key, uid in row.items()
        if key.endswith("_uid")
    }
    return {**row, **names}


def _goal_gaps(G: nx.MultiDiGraph, learners: Any, options: Options, _: Any) -> Report:
    found = goal_gaps.goal_gaps(G, k=options.k, learners=learners)
    items = [
        {**_named(G, row), "path": [_node(G, uid) for uid in row["path"]]}
        for row in found
        if options.include_connected or not row["connected"]
    ]
    rows = [
        {
            **item,
            "introduction": " > ".join(step["name"] for step in item["path"]),
            "introduction_uids": " ".join(step["uid"] for step in item["path"]),
        }
        for item in items
    ]
    named = ("learner", "goal", "industry")
    columns = (*(f"{c}_{p}" for c in named for p in ("uid", "name")), *GOAL_GAP_COLUMNS)
    return Report("goal-gaps", {"k": options.k, "items": items}, columns, rows)


GOAL_GAP_COLUMNS = ("connected", "distance", "introduction", "introduction_uids")


def _structure(G: nx.MultiDiGraph, learners: Any, options: Options, _: Any) -> Report:
    groups = structure.isolated_groups(G, learners=learners)
    bridges = structure.bridging_adults(
        G, learners=learners, samples=options.samples, seed=options.seed
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
            {**_node(G, adult["uid"]), **adult} for adult in bridges["adults"][: options.top]
        ],
        "betweenness_exact": bridges["exact"],
        "betweenness_samples": bridges["samples"],
    }
    rows = [
        {"finding": "isolated_group", "group": g["group"], "group_size": g["size"], **member}
        for g in data["isolated_groups"]
        for member in g["learners"] + g["communities"]
    ] + [{"finding": "bridging_adult", **adult} for adult in data["bridging_adults"]]
    return Report("structure", data, STRUCTURE_COLUMNS, rows)


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


def _mentor_matches(
    G: nx.MultiDiGraph, learners: Any, options: Options, caring_types: tuple[str, ...]
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
    return Report("mentor-matches", data, (*columns, "reasons"), _ranked(items, "candidates"))


def _community_suggestions(G: nx.MultiDiGraph, learners: Any, options: Options, _: Any) -> Report:
    found = communities.community_suggestions(G, learners=learners, limit=options.limit)
    items = [
        {
            **_named(G, {"learner_uid": row["learner_uid"]}),
            "suggestions": [
                {
                    **_explained(G, s, s["community_uid"], _COMMUNITY_REASONS),
                    "kind": G.nodes[s["community_uid"]].get("kind"),
                    "open": G.nodes[s["community_uid"]].get("open"),
                }
                for s in row["suggestions"]
            ],
        }
        for row in found
    ]
    data = {"weights": dict(communities.WEIGHTS), "items": items}
    columns = (*RANKED_COLUMNS[:3], "community_uid", "community_name", "kind", "open", "score")
    return Report(
        "community-suggestions", data, (*columns, "reasons"), _ranked(items, "suggestions")
    )


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
    "goal-gaps": _goal_gaps,
    "structure": _structure,
    "mentor-matches": _mentor_matches,
    "community-suggestions": _community_suggestions,
}


def accept_match(
    graph: Graph, learner_uid: str, adult_uid: str, rel_type: RelType = RelType.MENTORS
) -> dict[str, Any]:
    """Record an accepted suggestion as a caseload relationship with source `suggested`.

    404 for an unknown node, 422 for a pair the vocabulary refuses (or an expert not
    screened), 409 when the same relationship is active already or the adult has no
    caseload room left.
    """
    if rel_type not in MATCH_TYPES:
        allowed = ", ".join(t.value for t in MATCH_TYPES)
        raise InvalidInput(f"a match is one of {allowed}, not {rel_type.value}")
    rows = graph.read("analytics/get_caseload", uid=adult_uid, today=clock.today())
    if not rows:
        raise NotFound(f"no node with uid {adult_uid!r}", missing=[adult_uid])
    capacity, caseload = rows[0]["capacity"], rows[0]["caseload"]
    if capacity is not None and caseload >= capacity:
        raise Conflict(f"{adult_uid!r} has no caseload room ({caseload} of {capacity})")
    fields = relationships.RelationshipFields(
        type=rel_type, from_uid=adult_uid, to_uid=learner_uid, source=Source.SUGGESTED
    )
    return relationships.create(graph, fields)


@dataclass
class Timing:
    """Seconds each step took, and the size of the projection."""

    nodes: int
    relationships: int
    seconds: dict[str, float]


def time_analytics(
    graph: Graph,
    names: Iterable[str] = NAMES,
    filters: LearnerFilter | None = None,
    options: Options | None = None,
    *,
    caring_types: Iterable[str] = DEFAULT_CARING_TYPES,
) -> Timing:
    """Time the selection and projection once, then each analytic over that projection."""
    options = options or Options()
    seconds: dict[str, float] = {}
    start = perf_counter()
    learners = select(graph, filters or LearnerFilter())
    G = projection.project(graph)
    seconds["projection"] = perf_counter() - start
    for name in names:
        start = perf_counter()
        RUNNERS[name](G, learners, options, tuple(caring_types))
        seconds[name] = perf_counter() - start
    return Timing(G.number_of_nodes(), G.number_of_edges(), seconds)
