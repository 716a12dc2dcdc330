"""The questions the graph answers: a learner's network, an adult's caseload, the shortest
path between two nodes, and a search by name.

Every question looks only at active relationships (`until` unset or after today) and
leaves archived nodes out.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit, node_checks, policy, span_checks, visibility
from lrm_graph.auth.caller import Caller, Scope
from lrm_graph.db.graph import Graph
from lrm_graph.errors import InvalidInput, NotFound
from lrm_graph.vocabulary import NodeKind

MAX_NETWORK_DEPTH = 3
# The bound written in cypher/questions/shortest_path.cypher (a length is no parameter).
MAX_PATH_HOPS = 6
MAX_QUERY_LENGTH = 200
# Rows one hop of the network may read, per node the answer may hold: enough for the
# relationships among the nodes kept, small enough that a hub stops the database early.
ROWS_PER_NETWORK_NODE = 4
# Lucene's query syntax characters (those QueryParser.escape escapes); `&&` and `||` are
# operators, so each `&` and `|` is escaped on its own.
LUCENE_SPECIAL = frozenset('\\+-!():^[]"{}~*?|&/')
# The nodes many people share (a group, a resource, an adult with a caseload): it may
# count the people tied to them and leave the big ones unwalked (a school's every learner,
# or a counselor's caseload of 300, is no part of one learner's network).
GROUP_KINDS = frozenset({NodeKind.COMMUNITY, NodeKind.ORGANIZATION, NodeKind.INTEREST,
                         NodeKind.INDUSTRY, NodeKind.RESOURCE, NodeKind.ADULT,
                         NodeKind.EXPERT})  # fmt: skip
PEOPLE_KINDS = (NodeKind.LEARNER.value, NodeKind.ADULT.value, NodeKind.EXPERT.value)


def _nodes(graph: Graph, *uids: str) -> dict[str, dict[str, Any]]:
    rows = graph.read("questions/get_nodes", uids=list(uids))
    return {row["node"]["uid"]: row["node"] for row in rows}


def _node_of_kind(graph: Graph, kind: NodeKind, uid: str) -> dict[str, Any]:
    node = _nodes(graph, uid).get(uid)
    if node is None or node["node_kind"] != kind.value:
        raise NotFound(f"no {kind.value} with uid {uid!r}")
    return node


class _Network:
    """The nodes and relationships found so far, capped at `max_nodes` nodes."""

    def __init__(self, learner: dict[str, Any], max_nodes: int, purpose: str) -> None:
        self.learner = {**_short(learner), "hops": 0}
        self.max_nodes = max_nodes
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[str, dict[str, Any]] = {}
        self.truncated = False
        # The learners the caller sees among those met (None: all), and those shown.
        self.seen: dict[str, str] | None = {}
        self.disclosed = {learner["uid"]: purpose}

    def known(self, uid: str) -> bool:
        return uid == self.learner["uid"] or uid in self.nodes

    def take(self, row: dict[str, Any], hops: int) -> bool:
        """Add one expansion row; return whether its far end is new to the network."""
        far = row["node"]
        new = not self.known(far["uid"])
        hidden = far["node_kind"] == NodeKind.LEARNER and not self._sees(far["uid"])
        if new:
            if len(self.nodes) >= self.max_nodes:
                self.truncated = True
                return False
            self.nodes[far["uid"]] = {**far, "hops": hops} | ({"name": None} if hidden else {})
        rel = {k: v for k, v in row["rel"].items() if v is not None}
        self.edges[rel["uid"]] = {
            **rel,
            "type": row["type"],
            "from_uid": row["from_uid"],
            "to_uid": row["to_uid"],
        }
        return new and not hidden  # the walk goes no further through a hidden learner

    def _sees(self, uid: str) -> bool:
        if self.seen is None:
            self.disclosed[uid] = visibility.ALL
            return True
        if uid in self.seen:
            self.disclosed[uid] = self.seen[uid]
        return uid in self.seen

    def answer(self, depth: int) -> dict[str, Any]:
        nodes: dict[str, list[dict[str, Any]]] = {kind.value: [] for kind in NodeKind}
        order = sorted(self.nodes.values(), key=lambda n: (n["hops"], n["name"] or "", n["uid"]))
        for node in order:
            nodes[node["node_kind"]].append(node)
        edges: dict[str, list[dict[str, Any]]] = {}
        for edge in sorted(self.edges.values(), key=lambda e: (e["type"], e["uid"])):
            edges.setdefault(edge["type"], []).append(edge)
        return {
            "learner": self.learner,
            "depth": depth,
            "nodes": nodes,
            "edges": edges,
            "truncated": self.truncated,
        }


def _short(node: dict[str, Any]) -> dict[str, Any]:
    return {"uid": node["uid"], "node_kind": node["node_kind"], "name": node["name"]}


def _seen(graph: Graph, caller: Caller, uids: list[str]) -> dict[str, str] | None:
    """Return {uid: purpose} of the learners among `uids` the caller sees (None: all)."""
    if not uids:
        return {}
    return visibility.visible_learners(graph, caller, only=uids)


def learner_network(
    graph: Graph,
    request: audit.Request,
    uid: str,
    depth: int,
    max_nodes: int,
    walk_groups_up_to: int | None = None,
) -> dict[str, Any]:
    """Return a learner's network for the caller (`network`), one `audit.operation`: each
    learner it names recorded in the same transaction before it leaves, a refusal recorded
    as what it was: `GET /v1/learners/{uid}/network` and the web app's network picture."""
    caller = audit.signed_in(request)
    with audit.operation(graph, request, "read", aimed_at=[uid]) as op:
        answer, disclosed = network(op.graph, caller, uid, depth, max_nodes, walk_groups_up_to)
        op.record(disclosed)
        return answer


def network(
    graph: Graph,
    caller: Caller,
    uid: str,
    depth: int,
    max_nodes: int,
    walk_groups_up_to: int | None = None,
) -> tuple[dict[str, Any], dict[str, str]]:
    """Return a learner's network out to `depth` hops, at most `max_nodes` nodes besides them,
    and the learners it discloses ({uid: purpose}, for the audit).

    One query per hop expands the frontier by one step; nodes keep the hop at which they
    were first reached. `truncated` says the cap (of nodes, or of rows at a hub) was hit.
    Another learner the caller may not see is shown without a name, and not walked through.
    With `walk_groups_up_to`, each group (`GROUP_KINDS`) carries its `members` and one with
    more members than that is not walked through.
    """
    if not 1 <= depth <= MAX_NETWORK_DEPTH:
        raise InvalidInput(f"depth must be between 1 and {MAX_NETWORK_DEPTH}")
    policy.require(caller, Scope.READ)
    learner = _node_of_kind(graph, NodeKind.LEARNER, uid)
    found = _Network(learner, max_nodes, visibility.learner_purpose(graph, caller, uid))
    frontier, expanded = [uid], list[str]()
    row_budget = ROWS_PER_NETWORK_NODE * max_nodes
    for hops in range(1, depth + 1):
        rows = graph.read(
            "questions/expand_network",
            frontier=frontier,
            expanded=expanded,
            today=clock.today(),
            limit=row_budget + 1,
        )
        if len(rows) > row_budget:
            found.truncated = True
            rows = rows[:row_budget]
        met = {r["node"]["uid"] for r in rows if r["node"]["node_kind"] == NodeKind.LEARNER}
        found.seen = _seen(graph, caller, sorted(met - found.disclosed.keys()))
        expanded += frontier
        frontier = [row["node"]["uid"] for row in rows if found.take(row, hops)]
        if walk_groups_up_to is not None:
            frontier = _small_groups_only(graph, found, frontier, walk_groups_up_to)
        if found.truncated or not frontier:
            break
    return found.answer(depth), found.disclosed


def _small_groups_only(graph: Graph, found: _Network, frontier: list[str], bound: int) -> list[str]:
    """Count the members of the groups just met; return the frontier without the groups
    of more than `bound` members."""
    groups = [uid for uid in frontier if found.nodes[uid]["node_kind"] in GROUP_KINDS]
    if not groups:
        return frontier
    rows = graph.read("questions/count_group_members", uids=groups, today=clock.today(),
                      people=list(PEOPLE_KINDS))  # fmt: skip
    for row in rows:
        found.nodes[row["uid"]]["members"] = row["members"]
    return [uid for uid in frontier if found.nodes[uid].get("members", 0) <= bound]


def caseload(graph: Graph, caller: Caller, uid: str) -> tuple[dict[str, Any], dict[str, str]]:
    """Return the learners an adult has active caseload relationships with, by name, and
    the learners it discloses; a learner the caller may not see is shown without a name."""
    span_checks.check_caseload(graph, caller, uid)
    rows = graph.read(
        "questions/get_caseload", uid=uid, node_kind=NodeKind.ADULT.value, today=clock.today()
    )
    if not rows:
        raise NotFound(f"no adult with uid {uid!r}")
    adult, learners = rows[0]["adult"], rows[0]["learners"]
    seen = node_checks.seen_by(
        _seen(graph, caller, [lr["uid"] for lr in learners]), [lr["uid"] for lr in learners]
    )
    for learner in learners:
        learner["relationships"].sort(key=lambda r: (r["type"], r["uid"]))
        if learner["uid"] not in seen:
            learner.update(name=None, grade_level=None, relationships=[])
    capacity = adult.get("caseload_capacity")
    return {
        "adult": adult,
        "capacity": capacity,
        "count": len(learners),
        # Negative when the adult carries more than their capacity: worth seeing.
        "room": None if capacity is None else capacity - len(learners),
        "learners": learners,
    }, seen


def path(
    graph: Graph, caller: Caller, from_uid: str, to_uid: str, max_hops: int
) -> tuple[dict[str, Any], dict[str, str]]:
    """Return the shortest path of active relationships between two nodes, either way, and
    the learners it discloses. Both ends must be readable; a learner on the way whom the
    caller may not see is shown without a name."""
    if not 1 <= max_hops <= MAX_PATH_HOPS:
        raise InvalidInput(f"max_hops must be between 1 and {MAX_PATH_HOPS}")
    policy.require(caller, Scope.READ)
    ends = _nodes(graph, from_uid, to_uid)
    missing = [uid for uid in dict.fromkeys((from_uid, to_uid)) if uid not in ends]
    if missing and policy.audience_of(caller) is policy.Audience.DISTRICT:
        raise NotFound(f"no node with uid {missing[0]!r}", missing=missing)
    disclosed: dict[str, str] = {}
    for uid in dict.fromkeys((from_uid, to_uid)):
        disclosed |= node_checks.check_node(graph, caller, uid)[1]  # alike for absent and hidden
    if from_uid == to_uid:
        # shortestPath refuses equal ends; the answer is the node itself.
        only = [_short(ends[from_uid])]
        return {"found": True, "length": 0, "nodes": only, "relationships": []}, disclosed
    rows = graph.read(
        "questions/shortest_path",
        from_uid=from_uid,
        to_uid=to_uid,
        today=clock.today(),
        max_hops=max_hops,
    )
    if not rows:
        return {"found": False, "length": None, "nodes": [], "relationships": []}, disclosed
    found = rows[0]
    on_way = [n["uid"] for n in found["nodes"] if n["node_kind"] == NodeKind.LEARNER]
    seen = node_checks.seen_by(_seen(graph, caller, on_way), on_way)
    for node in found["nodes"]:
        if node["node_kind"] == NodeKind.LEARNER and node["uid"] not in seen:
            node["name"] = None
    answer = {
        "found": True,
        "length": len(found["relationships"]),
        "nodes": found["nodes"],
        "relationships": found["relationships"],
    }
    return answer, disclosed | seen


def _fold(term: str) -> str:
    """Lower-case and strip accents as the index's standard-folding analyzer does.

    Lucene does not analyze prefix (`t*`) terms, so the query must arrive folded.
    """
    decomposed = unicodedata.normalize("NFKD", term.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def lucene_query(text: str) -> str | None:
    r"""Turn a user's text into a Lucene query that searches it literally, term by term.

    Every special character is escaped, terms are lower-cased and accent-folded (as the index does
    so anyway, and it keeps `AND`/`OR`/`NOT` from being read as operators), and each term
    matches as a whole word or as a prefix; all terms must match. A term with no letter
    or digit can match no indexed word, so it is dropped; None means nothing is left.

    >>> lucene_query('Zoë ngu*')
    '(zoe OR zoe*) AND (ngu\\* OR ngu\\**)'
    """
    terms = [_fold(t) for t in text.split() if any(c.isalnum() for c in t)]
    escaped = ["".join("\\" + c if c in LUCENE_SPECIAL else c for c in t) for t in terms]
    return " AND ".join(f"({t} OR {t}*)" for t in escaped) or None


def search(
    graph: Graph,
    text: str,
    limit: int,
    *,
    include_directory_opt_outs: bool = True,
    scope: span_checks.SearchScope | None = None,
) -> list[dict[str, Any]]:
    """Return people and communities whose names match `text`, best first.

    `scope` limits the answer to what a caller may read (None: everything); learners who
    opted out of the directory are left out unless `include_directory_opt_outs`, except
    those in `scope.findable` (the caller's personal relationships).
    """
    text = text.strip()
    if not text or len(text) > MAX_QUERY_LENGTH:
        raise InvalidInput(f"q must hold 1 to {MAX_QUERY_LENGTH} characters")
    query = lucene_query(text)
    if query is None:
        return []
    rows = graph.read(
        "questions/search_names",
        query=query,
        limit=limit,
        include_directory_opt_outs=include_directory_opt_outs,
        findable=scope.findable if scope else None,
        visible=None if scope is None or scope.visible is None else sorted(scope.visible),
        people=scope.people if scope else None,
        hidden_kinds=scope.hidden_kinds if scope else [],
        today=clock.today(),
    )
    return [{**row["node"], "score": row["score"]} for row in rows]


def search_for(
    graph: Graph, caller: Caller, text: str, limit: int
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Search as `caller` (see lrm_graph.access.policy); return the items and the learners found."""
    scope = span_checks.search_scope(graph, caller)
    opt_outs = scope.findable is None  # only the district admin finds every opted-out learner
    items = search(graph, text, limit, include_directory_opt_outs=opt_outs, scope=scope)
    learners = [item["uid"] for item in items if item["node_kind"] == NodeKind.LEARNER]
    return items, node_checks.seen_by(scope.visible, learners)
