"""The demo school: load a synthetic district with known gaps, and say where the gaps are.

The school is planned by `lrm_graph.demo.school_plan` (made-up names, the same for the same
seed) and goes in through `lrm_graph.imports.bulk.load`, the path of the API and the importers,
with source_ids like `demo-learner-0001`: a second run updates what the first one made
and changes no count. The manifest lists the learners of each planted gap, so that a
test can check that the reports find exactly those.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from lrm_graph import clock
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.demo import school_plan
from lrm_graph.errors import InvalidInput
from lrm_graph.imports import bulk

# What each planted gap means, for the manifest's readers.
GAP_MEANINGS = {
    "no_caring_relationship": "no caring relationship at all, active or ended",
    "only_ended_caring": "their one caring relationship (MENTORS) has ended",
    "goal_without_connection": (
        "their goal is in an industry no one works in, no resource supports and no "
        "community belongs to"
    ),
    "no_community": "a member of no community (no advisory, class section, club or team)",
}


@dataclass
class Manifest:
    """The learners of each planted gap (source_id and uid), and what the seed made."""

    seed: int
    learners: int
    caring_types: list[str]
    gap_industry: dict[str, str]
    gaps: dict[str, list[dict[str, str]]]
    nodes: dict[str, int] = field(default_factory=dict)  # rows planned per kind
    relationships: dict[str, int] = field(default_factory=dict)  # rows planned per type

    def union(self, *gaps: str) -> list[dict[str, str]]:
        """Return the learners of several gaps together, in source_id order."""
        learners = [learner for gap in gaps for learner in self.gaps[gap]]
        return sorted(learners, key=lambda learner: learner["source_id"])

    def no_active_caring(self) -> list[dict[str, str]]:
        """Return the learners a "no caring adult" report should list."""
        return self.union("no_caring_relationship", "only_ended_caring")

    def no_advisory(self) -> list[dict[str, str]]:
        """Return the learners without a home base (advisory): the uncared and the loners."""
        return self.union("no_caring_relationship", "only_ended_caring", "no_community")

    def as_dict(self) -> dict[str, Any]:
        """Return the manifest as JSON-ready data, with what each gap means."""
        return {
            "seed": self.seed,
            "learners": self.learners,
            "caring_types": self.caring_types,
            "gap_industry": self.gap_industry,
            "gap_meanings": GAP_MEANINGS,
            "gaps": self.gaps,
            "no_active_caring": self.no_active_caring(),
            "no_advisory": self.no_advisory(),
            "nodes": self.nodes,
            "relationships": self.relationships,
        }


@dataclass
class DemoRun:
    result: bulk.BulkResult
    manifest: Manifest


def load(graph: Graph, settings: Settings, learners: int = 300, seed: int = 7) -> DemoRun:
    """Plan the demo school for `seed` and load it through the bulk path; return what it did.

    The caring types are `settings.caring_types`; a rejected row is a bug in the plan and
    raises `InvalidInput` (the rows that were valid stay loaded, as in any bulk load).
    """
    plan = school_plan.build(learners, seed, settings.caring_types, clock.today())
    result = bulk.load(graph, settings, plan.nodes, plan.relationships)
    if result.rejected:
        first = result.rejected[0]
        raise InvalidInput(
            f"the bulk load rejected {len(result.rejected)} rows of the demo school; first: "
            f"{first.section}[{first.index}]: {first.reason}"
        )
    return DemoRun(result, manifest(plan, result, seed, list(settings.caring_types)))


def manifest(
    plan: school_plan.Plan, result: bulk.BulkResult, seed: int, caring_types: list[str]
) -> Manifest:
    """Return where `plan` planted its gaps, with the uids `result` gave those nodes."""

    def named(ref: school_plan.Ref) -> dict[str, str]:
        return {"source_id": ref[1], "uid": result.uids[ref]}

    gaps: dict[str, list[dict[str, str]]] = {}
    for gap in school_plan.GAPS:
        gaps[gap] = []
        for learner in plan.planted(gap):
            entry = named(learner.ref)
            if gap == "goal_without_connection":
                goal = named(plan.goals[learner.ref])
                entry |= {"goal_source_id": goal["source_id"], "goal_uid": goal["uid"]}
            gaps[gap].append(entry)
    industry = ("industry", f"demo-industry-{school_plan.GAP_INDUSTRY}")
    return Manifest(
        seed=seed,
        learners=len(plan.learners),
        caring_types=caring_types,
        gap_industry=named(industry),
        gaps=gaps,
        nodes=dict(sorted(Counter(row["node_kind"] for row in plan.nodes).items())),
        relationships=dict(sorted(Counter(row["type"] for row in plan.relationships).items())),
    )
