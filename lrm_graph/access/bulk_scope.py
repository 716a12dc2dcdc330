"""Confine a bulk load by an organization's API key to its organization (lrm_graph.access.policy).

A key of one organization writes, row by row, only what its organization may write:
- a node row for an existing learner it does not see, or an existing adult, expert or
  catalogue node tied to another organization, or a goal of learners it does not see, is
  rejected (with its reason, as other rejected rows are);
- a node row for a new learner needs, in the same load, an active ENROLLED_AT row from it
  to the key's organization or a school PART_OF it, so the key sees what it made;
- a relationship row needs every learner end seen by the key (or new in this load) and
  its other ends tied to the key's organization (or to none), as a single create does.
Nothing of a rejected row is written, so nothing outside the organization is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lrm_graph import clock
from lrm_graph.access import node_checks, visibility
from lrm_graph.access.policy import CREATE, Audience, Reach, audience_of
from lrm_graph.auth.caller import Caller
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Forbidden
from lrm_graph.store import bulk_batches
from lrm_graph.vocabulary import NodeKind, RelType

NodeKey = tuple[str, str]  # (node_kind, source_id)
LEARNER, GOAL = NodeKind.LEARNER.value, NodeKind.GOAL.value
UNTIED = {"tied": False, "own": False, "above": False}  # a node of this load: no ties yet
NOT_YOURS = "{kind} {source_id!r} belongs to another organization; this key writes only its own"
NEEDS_ENROLLMENT = (
    "a new learner needs, in the same load, an active ENROLLED_AT row to this key's "
    "organization or one of its schools"
)


@dataclass
class Confinement:
    """The rows an organization's key may write; `nodes` before any write, `relationship`
    for each relationship row once its ends are known."""

    graph: Graph
    caller: Caller
    size: int
    new_learners: set[NodeKey] = field(default_factory=set)
    _learners: dict[str, bool] = field(default_factory=dict)  # uid: the key may write it
    _ties: dict[str, dict[str, Any]] = field(default_factory=dict)

    def nodes(self, keys: list[NodeKey], relationships: Iterable[Any]) -> dict[NodeKey, str]:
        """Return {node key: why it is rejected} of the node rows the key may not write."""
        found = bulk_batches.resolve(self.graph, [("source", *key) for key in keys], self.size)
        existing = {(row["node_kind"], key[2]): row for key, row in found.items()}
        self.prepare(existing.values())
        goals = [row["uid"] for row in existing.values() if row["node_kind"] == GOAL]
        pursued = node_checks.goals_reached(self.graph, self.caller, goals, Reach.PURSUED)
        refused = {
            key: NOT_YOURS.format(kind=key[0], source_id=key[1])
            for key, row in existing.items()
            if not (row["uid"] in pursued if key[0] == GOAL else self._may_write(row))
        }
        enrolled = self._enrolled(relationships)
        for key in keys:
            if key[0] == LEARNER and key not in existing:
                if key in enrolled:
                    self.new_learners.add(key)
                else:
                    refused[key] = NEEDS_ENROLLMENT
        return refused

    def prepare(self, nodes: Iterable[dict[str, Any]]) -> None:
        """Look up, in two queries, what the checks of these nodes need."""
        nodes = list(nodes)
        learners = sorted(
            {n["uid"] for n in nodes if n["node_kind"] == LEARNER} - set(self._learners)
        )
        if learners:
            visible = visibility.visible_learners(self.graph, self.caller, only=learners)
            self._learners.update({uid: visible is None or uid in visible for uid in learners})
        others = sorted({n["uid"] for n in nodes if n["node_kind"] != LEARNER} - set(self._ties))
        for first in range(0, len(others), self.size):
            rows = self.graph.read(
                "nodes/get_org_ties",
                uids=others[first : first + self.size],
                org_uid=self.caller.org_uid,
                today=clock.today(),
            )
            self._ties.update({row["uid"]: row for row in rows})

    def relationship(self, rel_type: RelType, start: dict[str, Any], end: dict[str, Any]) -> None:
        """Raise (the row's rejection) unless the key may write this relationship; its
        ends were `prepare`d."""
        for node in (start, end):
            if node["node_kind"] == LEARNER and not self._learners.get(node["uid"], False):
                raise Forbidden(f"learner {node['uid']!r} is not one this key sees")
        if not CREATE[Audience.ORGANIZATION].ends_in_org:
            return
        for node, allowed in ((start, ("own",)), (end, ("own", "above"))):
            tie = self._ties.get(node["uid"], UNTIED)
            if node["node_kind"] != LEARNER and tie["tied"] and not any(tie[a] for a in allowed):
                kind = node["node_kind"]
                raise Forbidden(f"{kind} {node['uid']!r} belongs to another organization")

    def written(self, uids: dict[tuple[str, str], str]) -> None:
        """Note the uids the load gave its new learners: the key may relate them."""
        self._learners.update({uids[key]: True for key in self.new_learners if key in uids})

    def _may_write(self, node: dict[str, Any]) -> bool:
        if node["node_kind"] == LEARNER:
            return self._learners.get(node["uid"], False)
        tie = self._ties.get(node["uid"], UNTIED)
        return bool(tie["own"] or not tie["tied"])

    def _enrolled(self, relationships: Iterable[Any]) -> set[NodeKey]:
        """Return the learners (by source) an active ENROLLED_AT row of the load takes to
        an organization of the key's own."""
        today = clock.today()
        rows = [
            row
            for row in relationships
            if row.type == RelType.ENROLLED_AT
            and row.start.kind == NodeKind.LEARNER
            and (row.until is None or row.until > today)
        ]
        ends = bulk_batches.resolve(self.graph, sorted({row.end.key() for row in rows}), self.size)
        orgs = [n for n in ends.values() if n["node_kind"] == NodeKind.ORGANIZATION.value]
        self.prepare(orgs)
        own = {
            n["uid"] for n in orgs if not n["archived"] and self._ties.get(n["uid"], UNTIED)["own"]
        }
        return {
            (LEARNER, str(row.start.source_id))
            for row in rows
            if row.end.key() in ends and ends[row.end.key()]["uid"] in own
        }


def confinement(graph: Graph, caller: Caller, size: int) -> Confinement | None:
    """Return what confines this caller's bulk load; None for the district (no limit)."""
    if audience_of(caller) is not Audience.ORGANIZATION:
        return None
    return Confinement(graph, caller, size)
