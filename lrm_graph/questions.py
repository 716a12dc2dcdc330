"""The questions the graph answers: a learner's network, an adult's caseload, the shortest
path between two nodes, and a search by name.

Every question looks only at active relationships (`until` unset or after today) and
leaves archived nodes out.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from lrm_graph import clock
from lrm_graph.errors import InvalidInput, NotFound
from lrm_graph.graph import Graph
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

    def __init__(self, learner: dict[str, Any], max_nodes: int) -> None:
        self.learner = {**_short(learner), "hops": 0}
        self.max_nodes = max_nodes
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[str, dict[str, Any]] = {}
        self.truncated = False

    def known(self, uid: str) -> bool:
        return uid == self.learner["uid"] or uid in self.nodes

    def take(self, row: dict[str, Any], hops: int) -> bool:
        """Add one expansion row; return whether its far end is new to the network."""
        far = row["node"]
        new = not self.known(far["uid"])
        if new:
            if len(self.nodes) >= self.max_nodes:
                self.truncated = True
                return False
            self.nodes[far["uid"]] = {**far, "hops": hops}
        rel = {k: v for k, v in row["rel"].items() if v is not None}
        self.edges[rel["uid"]] = {
            **rel,
            "type": row["type"],
            "from_uid": row["from_uid"],
            "to_uid": row["to_uid"],
        }
        return new

    def answer(self, depth: int) -> dict[str, Any]:
        nodes: dict[str, list[dict[str, Any]]] = {kind.value: [] for kind in NodeKind}
        for node in sorted(self.nodes.values(), key=lambda n: (n["hops"], n["name"], n["uid"])):
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


def network(graph: Graph, uid: str, depth: int, max_nodes: int) -> dict[str, Any]:
    """Return a learner's network out to `depth` hops, at most `max_nodes` nodes besides them.

    One query per hop expands the frontier by one step; nodes keep the hop at which they
    were first reached. `truncated` says the cap (of nodes, or of rows at a hub) was hit.
    """
    if not 1 <= depth <= MAX_NETWORK_DEPTH:
        raise InvalidInput(f"depth must be between 1 and {MAX_NETWORK_DEPTH}")
    found = _Network(_node_of_kind(graph, NodeKind.LEARNER, uid), max_nodes)
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
        expanded += frontier
        frontier = [row["node"]["uid"] for row in rows if found.take(row, hops)]
        if found.truncated or not frontier:
            break
    return found.answer(depth)


def caseload(graph: Graph, uid: str) -> dict[str, Any]:
    """Return the learners an adult has active caseload relationships with, by name."""
    rows = graph.read(
        "questions/get_caseload", uid=uid, node_kind=NodeKind.ADULT.value, today=clock.today()
    )
    if not rows:
        raise NotFound(f"no adult with uid {uid!r}")
    adult, learners = rows[0]["adult"], rows[0]["learners"]
    for learner in learners:
        learner["relationships"].sort(key=lambda r: (r["type"], r["uid"]))
    capacity = adult.get("caseload_capacity")
    return {
        "adult": adult,
        "capacity": capacity,
        "count": len(learners),
        # Negative when the adult carries more than their capacity: worth seeing.
        "room": None if capacity is None else capacity - len(learners),
        "learners": learners,
    }


def path(graph: Graph, from_uid: str, to_uid: str, max_hops: int) -> dict[str, Any]:
    """Return the shortest path of active relationships between two nodes, either way."""
    if not 1 <= max_hops <= MAX_PATH_HOPS:
        raise InvalidInput(f"max_hops must be between 1 and {MAX_PATH_HOPS}")
    ends = _nodes(graph, from_uid, to_uid)
    missing = [uid for uid in dict.fromkeys((from_uid, to_uid)) if uid not in ends]
    if missing:
        raise NotFound(f"no node with uid {missing[0]!r}", missing=missing)
    if from_uid == to_uid:
        # shortestPath refuses equal ends; the answer is the node itself.
        return {"found": True, "length": 0, "nodes": [_short(ends[from_uid])], "relationships": []}
    rows = graph.read(
        "questions/shortest_path",
        from_uid=from_uid,
        to_uid=to_uid,
        today=clock.today(),
        max_hops=max_hops,
    )
    if not rows:
        return {"found": False, "length": None, "nodes": [], "relationships": []}
    found = rows[0]
    return {
        "found": True,
        "length": len(found["relationships"]),
        "nodes": found["nodes"],
        "relationships": found["relationships"],
    }


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
    graph: Graph, text: str, limit: int, *, include_directory_opt_outs: bool = True
) -> list[dict[str, Any]]:
    """Return people and communities whose names match `text`, best first.

    `include_directory_opt_outs` is the hook for a learner's `directory_opt_out`: the
    access-control work will pass False for callers with no relationship to the learner.
    Until then every caller sees every learner, so the default is True.
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
    )
    return [{**row["node"], "score": row["score"]} for row in rows]
