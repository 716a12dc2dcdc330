"""The one bridge from the graph database to the analytics: a networkx projection.

`project` streams two named queries (`cypher/analytics/`) in one read transaction and
builds a `networkx.MultiDiGraph` keyed by uid, with one edge per active relationship
(key and attribute `type`). Nodes keep only what the analyses use:

- every node: ``node_kind``, ``name``
- learner: ``grade_level``; adult: ``roles``, ``caseload_capacity``
- expert: ``screened`` (cleared and not expired today, as in
  `lrm_graph.records.relationships.is_screened`), ``caseload_capacity`` when one is on record
- community: ``kind``, ``open``

The rest of this module is pure: the shape of the projection (`new_graph`,
`add_person`, ...) and the views the analyses share (`support_graph`, `is_adult`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import networkx as nx
from neo4j import READ_ACCESS, ManagedTransaction, unit_of_work

from lrm_graph import clock
from lrm_graph.db import cypher
from lrm_graph.db.graph import Graph, plain, translated_errors
from lrm_graph.records.relationships import is_screened
from lrm_graph.vocabulary import NodeKind, RelType

__all__ = [
    "PROJECTED_KINDS",
    "SUPPORT_TYPES",
    "add_node",
    "add_relationship",
    "is_adult",
    "neighbors_by",
    "new_graph",
    "project",
    "select_learners",
    "support_graph",
]

PROJECTED_KINDS = tuple(kind for kind in NodeKind if kind is not NodeKind.ORGANIZATION)

# The types that make up a learner's support network: people with people, people with
# communities. Goals, interests, industries and resources hang off it, but no one is
# introduced to anyone through them.
SUPPORT_TYPES = frozenset(
    {
        RelType.MENTORS,
        RelType.ADVISES,
        RelType.COACHES,
        RelType.COUNSELS,
        RelType.TEACHES,
        RelType.GUARDIAN_OF,
        RelType.TRUSTS,
        RelType.PEER_OF,
        RelType.PEER_MENTORS,
        RelType.MEMBER_OF,
    }
)

# Fields read from the database, per kind; anything else is dropped on the way in.
_KEPT = {
    NodeKind.LEARNER: ("grade_level",),
    NodeKind.ADULT: ("roles", "caseload_capacity"),
    NodeKind.EXPERT: ("caseload_capacity",),
    NodeKind.COMMUNITY: ("kind", "open"),
}


def new_graph() -> nx.MultiDiGraph:
    """Return an empty projection graph."""
    return nx.MultiDiGraph()


def add_node(G: nx.MultiDiGraph, uid: str, node_kind: str, name: str, **attrs: Any) -> None:
    """Add one node in the projection's shape (attributes that are None are left out).

    Examples
    --------
    >>> G = new_graph()
    >>> add_node(G, "e1", "expert", "Kay Lee", screened=True)
    >>> G.nodes["e1"]
    {'node_kind': 'expert', 'name': 'Kay Lee', 'screened': True}
    """
    kept = {k: v for k, v in attrs.items() if v is not None}
    G.add_node(uid, node_kind=str(node_kind), name=name, **kept)


def add_relationship(G: nx.MultiDiGraph, start: str, end: str, rel_type: str) -> None:
    """Add one active relationship, keyed by its type (one per type and direction)."""
    G.add_edge(start, end, key=str(rel_type), type=str(rel_type))


def is_adult(G: nx.Graph, uid: str) -> bool:
    """Say whether a node is an adult a learner may rely on: an Adult, or a screened Expert.

    Examples
    --------
    >>> G = new_graph()
    >>> add_node(G, "a", "adult", "Ann")
    >>> add_node(G, "e", "expert", "Eve", screened=False)
    >>> is_adult(G, "a"), is_adult(G, "e")
    (True, False)
    """
    data = G.nodes[uid]
    kind = data.get("node_kind")
    return kind == NodeKind.ADULT or (kind == NodeKind.EXPERT and bool(data.get("screened")))


def neighbors_by(
    G: nx.MultiDiGraph, uid: str, types: Iterable[str], *, direction: str = "both"
) -> set[str]:
    """Return the nodes joined to `uid` by a relationship of one of `types`.

    `direction` is "out" (uid is the start), "in" (uid is the end) or "both".

    Examples
    --------
    >>> G = new_graph()
    >>> for uid, kind in [("a", "adult"), ("l", "learner")]:
    ...     add_node(G, uid, kind, uid)
    >>> add_relationship(G, "a", "l", "MENTORS")
    >>> neighbors_by(G, "l", {"MENTORS"}), neighbors_by(G, "l", {"MENTORS"}, direction="out")
    ({'a'}, set())
    """
    wanted = {str(t) for t in types}
    found: set[str] = set()
    if direction in ("out", "both"):
        found.update(v for _, v, t in G.out_edges(uid, data="type") if t in wanted)
    if direction in ("in", "both"):
        found.update(u for u, _, t in G.in_edges(uid, data="type") if t in wanted)
    return found


def support_graph(G: nx.MultiDiGraph, *, with_resources: bool = False) -> nx.Graph:
    """Return the undirected support network: people and communities, safe links only.

    An expert whose screening is not current is left out altogether, so no path runs
    through them. With `with_resources`, resources that learners USE are added too (the
    analyses treat them as ends, never as a way through). Nodes and edges are added in
    uid order, so that walks over the result are the same from run to run.

    Examples
    --------
    >>> G = new_graph()
    >>> for uid, kind in [("l", "learner"), ("c", "community"), ("e", "expert")]:
    ...     add_node(G, uid, kind, uid, screened=False)
    >>> add_relationship(G, "l", "c", "MEMBER_OF")
    >>> add_relationship(G, "e", "c", "MEMBER_OF")
    >>> sorted(support_graph(G).edges())
    [('c', 'l')]
    """
    kinds = {NodeKind.LEARNER, NodeKind.ADULT, NodeKind.EXPERT, NodeKind.COMMUNITY}
    if with_resources:
        kinds.add(NodeKind.RESOURCE)
    types = set(SUPPORT_TYPES) | ({RelType.USES} if with_resources else set())

    def keep(uid: str) -> bool:
        kind = G.nodes[uid].get("node_kind")
        return kind in kinds and (kind != NodeKind.EXPERT or bool(G.nodes[uid].get("screened")))

    S = nx.Graph()
    S.add_nodes_from((uid, G.nodes[uid]) for uid in sorted(uid for uid in G if keep(uid)))
    edges = {
        tuple(sorted((u, v)))
        for u, v, t in G.edges(data="type")
        if t in types and u in S and v in S
    }
    S.add_edges_from(sorted(edges))
    return S


# --- the database side -------------------------------------------------------------


def project(graph: Graph, *, today: date | None = None) -> nx.MultiDiGraph:
    """Build the projection from the database, streaming records in one read transaction."""
    today = today or clock.today()

    @unit_of_work(timeout=graph.timeout)
    def work(tx: ManagedTransaction) -> nx.MultiDiGraph:
        # Built inside the transaction function: a retried transaction starts afresh.
        G = new_graph()
        kinds = [kind.value for kind in PROJECTED_KINDS]
        for row in _stream(tx, "analytics/project_nodes", kinds=kinds):
            _add_row(G, row, today)
        for row in _stream(tx, "analytics/project_relationships", today=today):
            if row["from_uid"] in G and row["to_uid"] in G:
                add_relationship(G, row["from_uid"], row["to_uid"], row["type"])
        return G

    with (
        translated_errors(),
        graph.driver.session(database=graph.database, default_access_mode=READ_ACCESS) as session,
    ):
        return session.execute_read(work)


def _stream(tx: ManagedTransaction, name: str, **params: Any) -> Iterator[Any]:
    # Iterating the result pulls records in batches; nothing holds the whole answer.
    yield from tx.run(cypher.load(name).text, params)


def _add_row(G: nx.MultiDiGraph, row: Any, today: date) -> None:
    kind = NodeKind(row["node_kind"])
    attrs = {field: plain(row[field]) for field in _KEPT.get(kind, ())}
    if kind is NodeKind.EXPERT:
        attrs["screened"] = is_screened(
            {
                "screening_status": row["screening_status"],
                "screening_expires_on": plain(row["screening_expires_on"]),
            },
            today,
        )
    add_node(G, row["uid"], kind, row["name"] or "", **attrs)


def select_learners(
    graph: Graph,
    *,
    organization: str | None = None,
    grade: str | None = None,
    community: str | None = None,
    visible: list[str] | None = None,
    today: date | None = None,
) -> set[str] | None:
    """Return the uids of the learners the filters select among `visible` (the learners a
    caller may see; None: all), or None when neither restricts."""
    if organization is None and grade is None and community is None and visible is None:
        return None
    rows = graph.read(
        "analytics/select_learners",
        organization=organization,
        grade=grade,
        community=community,
        visible=visible,
        today=today or clock.today(),
    )
    return {row["uid"] for row in rows}
