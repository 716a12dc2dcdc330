"""A learner's network, hub-aware: the people and groups around them, hop by hop.

A hub (a school, organization, community, interest, industry or resource with more than
`hub_members` members: setting `network_hub_members`, members as
cypher/fragments/members.cypher counts them) is one node with its member count and the
caller's own ties to it, never walked through: the second hop expands people and small
groups, not a school's 2,000 enrolled. What was collapsed is listed (`collapsed`).

Only relationships the caller may read are in the answer (the rule of
`GET /v1/relationships/{uid}`: `relationship_checks.readable_among`); a learner the caller
may not see is not in it at all (counted in `hidden_learners`), and each learner it holds
is recorded in the audit before it leaves.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit, node_checks, policy, relationship_checks, visibility
from lrm_graph.auth.caller import Caller, Scope
from lrm_graph.db.graph import Graph
from lrm_graph.errors import InvalidInput, NotFound
from lrm_graph.records import hub_counts
from lrm_graph.records.traversal import HUB_KINDS, short
from lrm_graph.vocabulary import NodeKind

MAX_NETWORK_DEPTH = 3
# Rows one hop may read, per node the answer may hold: enough for the relationships among
# the nodes kept, small enough that an adult with a caseload of 1,000 stops the hop early.
ROWS_PER_NETWORK_NODE = 4
# A hub's members are counted in full: the answer shows how many it has.
EVERY_MEMBER = 2**31 - 1


class _Walk:
    """The nodes and relationships found so far, capped at `max_nodes` nodes."""

    def __init__(
        self, learner: dict[str, Any], purpose: str, max_nodes: int, hub_members: int
    ) -> None:
        self.learner = short(learner) | {"hops": 0}
        self.max_nodes, self.hub_members = max_nodes, hub_members
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[str, dict[str, Any]] = {}
        self.kinds = {learner["uid"]: learner["node_kind"]}
        self.groups: dict[str, dict[str, Any]] = {}  # uid: members, caller_ties
        self.hidden: set[str] = set()
        self.truncated = False
        # The learners met whom the caller sees, from the learner (seen for `purpose`);
        # those the question asked the access rule about; the pursuers of the goals met.
        self.seen: node_checks.Disclosed = {learner["uid"]: purpose}
        self.asked: set[str] = set()
        self.pursuers: dict[str, list[str]] = {}

    def learn(self, answer: dict[str, Any]) -> None:
        """Keep what a question read with its hops (`_Hops.read`), so nothing is asked
        again: whom the caller sees, among the learners it asked about, and who pursues
        each goal it met."""
        self.seen = visibility.first_purposes(answer["seen"]) | self.seen
        self.asked |= set(answer["asked"])
        self.pursuers |= {goal["uid"]: goal["pursuers"] for goal in answer["goals"]}

    def take(self, graph: Graph, caller: Caller, row: dict[str, Any], hops: int) -> list[str]:
        """Add one hop's answer (`questions/expand_network`); return the next frontier:
        the people and the groups that are not hubs, new to the walk."""
        self.groups |= {group["uid"]: group for group in row["groups"]}
        rels = [{**r["rel"], "type": r["type"], "from_uid": r["from_uid"], "to_uid": r["to_uid"]}
                for r in row["rows"]]  # fmt: skip
        far = {r["node"]["uid"]: r["node"] for r in row["rows"]}
        asked = set(self.kinds) | self.asked  # learners met earlier were asked about
        self.kinds |= {uid: node["node_kind"] for uid, node in far.items()}
        kept, seen = relationship_checks.readable_among(
            graph, caller, rels, self.kinds, self.seen, asked, self.pursuers
        )
        self.seen |= seen
        self.hidden |= {
            uid for uid, kind in self.kinds.items()
            if kind == NodeKind.LEARNER and uid not in self.seen
        }  # fmt: skip
        frontier = []
        for rel in kept:
            ends = [uid for uid in (rel["from_uid"], rel["to_uid"]) if uid in far]
            new = [uid for uid in ends if not self._known(uid)]
            if new and len(self.nodes) >= self.max_nodes:
                self.truncated = True
                continue
            for uid in new:
                self.nodes[uid] = self._node(far[uid], hops)
                if not self._is_hub(uid):
                    frontier.append(uid)
            self.edges[rel["uid"]] = {k: v for k, v in rel.items() if v is not None}
        return frontier

    def disclosed(self) -> node_checks.Disclosed:
        """Return the learners the answer shows, {uid: purpose}, for the audit."""
        shown = [self.learner["uid"], *(n["uid"] for n in self.nodes.values()
                                        if n["node_kind"] == NodeKind.LEARNER)]  # fmt: skip
        return {uid: self.seen[uid] for uid in shown}

    def _known(self, uid: str) -> bool:
        return uid == self.learner["uid"] or uid in self.nodes

    def _node(self, node: dict[str, Any], hops: int) -> dict[str, Any]:
        shown = short(node) | {"hops": hops}
        group = self.groups.get(node["uid"])
        if group is not None:
            shown |= {"members": group["members"], "caller_ties": group["caller_ties"]}
            shown |= {"kind": node.get("kind")} if node.get("kind") else {}
        return shown

    def _is_hub(self, uid: str) -> bool:
        group = self.groups.get(uid)
        return group is not None and group["members"] > self.hub_members

    def answer(self, depth: int) -> dict[str, Any]:
        nodes: dict[str, list[dict[str, Any]]] = {kind.value: [] for kind in NodeKind}
        order = sorted(self.nodes.values(), key=lambda n: (n["hops"], n["name"] or "", n["uid"]))
        for node in order:
            nodes[node["node_kind"]].append(node)
        edges: dict[str, list[dict[str, Any]]] = {}
        for edge in sorted(self.edges.values(), key=lambda e: (e["type"], e["uid"])):
            edges.setdefault(edge["type"], []).append(edge)
        collapsed = [
            {"uid": node["uid"], "kind": node.get("kind") or node["node_kind"],
             "node_kind": node["node_kind"], "name": node["name"],
             "member_count": node["members"]}
            for node in order
            if self._is_hub(node["uid"])
        ]  # fmt: skip
        return {
            "learner": self.learner,
            "depth": depth,
            "hub_members": self.hub_members,
            "nodes": nodes,
            "edges": edges,
            "collapsed": collapsed,
            "hidden_learners": len(self.hidden),
            "truncated": self.truncated,
        }


def learner_network(
    graph: Graph,
    request: audit.Request,
    uid: str,
    depth: int,
    max_nodes: int,
    hub_members: int,
) -> dict[str, Any]:
    """Return a learner's network for the caller (`network`), each learner it holds
    recorded in the audit in the same transaction: `GET /v1/learners/{uid}/network`, the
    web app's network picture and a learner's own (`/v1/me/network`)."""
    caller = audit.signed_in(request)
    with audit.operation(graph, request, "read", aimed_at=[uid]) as op:
        answer, disclosed = network(op.graph, caller, uid, depth, max_nodes, hub_members)
        op.record(disclosed)
        return answer


class _Hops:
    """Read `questions/expand_network` a hop or two at a time, remembering what was
    expanded."""

    def __init__(self, graph: Graph, caller: Caller, max_nodes: int, hub_members: int) -> None:
        self.graph, self.caller = graph, caller
        self.max_nodes, self.hub_members = max_nodes, hub_members
        self.row_budget = ROWS_PER_NETWORK_NODE * max_nodes
        self.expanded: list[str] = []

    def read(
        self,
        frontier: list[str],
        counted: Sequence[str] = (),
        start_uid: str | None = None,
        hops: int = 1,
    ) -> dict[str, Any]:
        """Return the learner (`start`: `start_uid`'s, else None), `hops` rows, one per hop
        from `frontier` (a second only when the first kept within its bounds: `hops`), each
        group's `members` in full (a hub's as kept lately: `hub_counts`) and `truncated`
        when the rows went over the budget; and what the access rule needs, asked in the
        same query: the learners met (`asked`), those the caller sees (`seen`), who pursues
        each goal met (`goals`). Mark each hop's frontier expanded as it is `taken`."""
        kept = hub_counts.COUNTS.fresh()
        [answer] = self.graph.read(
            "questions/expand_network",
            start_uid=start_uid,
            frontier=frontier,
            expanded=self.expanded,
            hops=hops,
            today=clock.today(),
            limit=self.row_budget + 1,
            max_nodes=self.max_nodes,
            hub_kinds=list(HUB_KINDS),
            counted=list(counted),
            caller_uid=self.caller.person_uid,
            hub_members=self.hub_members,
            hub_limit=self.hub_members + 1,
            known=sorted(kept),
            count_up_to=EVERY_MEMBER,
            **visibility.scope_parameters(self.caller),
        )
        counts = {hub["uid"]: hub["members"] for hub in answer["hub_counts"]}
        hub_counts.COUNTS.keep(counts)
        for row in answer["hops"]:
            for group in row["groups"]:
                if group["members"] > self.hub_members:  # a hub: its count stopped at the bound
                    uid = group["uid"]
                    group["members"] = counts.get(uid) or max(kept.get(uid, 0), group["members"])
            row["truncated"] = len(row["rows"]) > self.row_budget
            row["rows"] = row["rows"][: self.row_budget]
        return dict(answer)

    def taken(self, frontier: list[str]) -> None:
        """Mark `frontier` expanded: its relationships are in the answer. A new list: the
        one a question was given stays as it was (bench/capture replays it)."""
        self.expanded = [*self.expanded, *frontier]


def network(
    graph: Graph, caller: Caller, uid: str, depth: int, max_nodes: int, hub_members: int
) -> tuple[dict[str, Any], node_checks.Disclosed]:
    """Return a learner's network out to `depth` hops, at most `max_nodes` nodes besides
    them, and the learners it discloses ({uid: purpose}, for the audit).

    One query reads the learner and the first two hops, and asks the access rule about
    every learner it meets (the second hop expands only those the caller sees), one more
    each further hop; nodes keep the hop at which they were first reached. `truncated`
    says the cap (of nodes, or of rows at a big node) was hit. Each group met carries its
    `members`; a hub (more than `hub_members`) is not walked through and is listed in
    `collapsed`.
    """
    if not 1 <= depth <= MAX_NETWORK_DEPTH:
        raise InvalidInput(f"depth must be between 1 and {MAX_NETWORK_DEPTH}")
    policy.require(caller, Scope.READ)
    hop = _Hops(graph, caller, max_nodes, hub_members)
    answer = hop.read(frontier=[uid], start_uid=uid, hops=min(depth, 2))
    learner = answer["start"]
    if learner is None or learner["node_kind"] != NodeKind.LEARNER:
        raise NotFound(f"no learner with uid {uid!r}")
    seen = visibility.first_purposes(answer["seen"])
    walk = _Walk(learner, visibility.learner_purpose(graph, caller, uid, seen), max_nodes,
                 hub_members)  # fmt: skip
    walk.learn(answer)
    rows, frontier = answer["hops"], [uid]
    for hops in range(1, depth + 1):
        if not rows:
            answer = hop.read(frontier=frontier, counted=sorted(walk.groups))
            walk.learn(answer)
            rows = answer["hops"]
        row = rows.pop(0)
        hop.taken(frontier)
        walk.truncated = walk.truncated or row["truncated"]
        frontier = walk.take(graph, caller, row, hops)
        if walk.truncated or not frontier:
            break
    return walk.answer(depth), walk.disclosed()
