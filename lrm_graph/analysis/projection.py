"""The projection from the database into networkx, in the shape `analytics.projection`
gives: the whole district for the analytics (`project`), or the neighbourhood of one
learner for the brief (`project_neighbourhood`, `add_goal_ties`), and the learners a
report is about (`select_learners`).

The analyses read node kinds and relationship types as the plain text the database holds
(NodeKind and RelType values); only the fields they use are kept (`KEPT`), and an expert
carries `screened` (cleared and current today: `store.relationships.is_screened`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from typing import Any

import networkx as nx
from neo4j import READ_ACCESS, ManagedTransaction, unit_of_work

from analytics.projection import add_node, add_relationship, new_graph
from lrm_graph import clock, problem_types
from lrm_graph.db import cypher
from lrm_graph.db.graph import Graph, plain, translated_errors
from lrm_graph.errors import InvalidInput
from lrm_graph.records.traversal import HUB_KINDS
from lrm_graph.store.relationships import is_screened
from lrm_graph.vocabulary import NodeKind, RelType

PROJECTED_KINDS = tuple(kind for kind in NodeKind if kind is not NodeKind.ORGANIZATION)

# Fields read from the database, per kind; anything else is dropped on the way in.
KEPT = {
    NodeKind.LEARNER: ("grade_level",),
    NodeKind.ADULT: ("roles", "caseload_capacity"),
    NodeKind.EXPERT: ("caseload_capacity",),
    NodeKind.COMMUNITY: ("kind", "open"),
}
ROWS_PER_NODE = 4  # as records.network.ROWS_PER_NETWORK_NODE: a hub stops the walk early


class TooLarge(InvalidInput):
    """A district-wide projection would hold more nodes than it may (analytics_max_nodes)."""

    problem = problem_types.ANALYTICS_TOO_LARGE


def project(
    graph: Graph,
    *,
    organization: str | None = None,
    today: date | None = None,
    max_nodes: int | None = None,
) -> nx.MultiDiGraph:
    """Build the projection of the whole district, or of one organization's subgraph (its
    people, what is one relationship from them, and the industries and resources of
    those), streaming records in one read transaction of its own: each row goes into the
    graph as it arrives, and no list of rows is held beside it.

    With `max_nodes`, the district's nodes are counted first, and TooLarge (422
    analytics-too-large) raised, having streamed nothing, when there are more: a district
    that would outrun an analytic's time and memory is asked per organization instead.

    Its own, also when `graph` is an operation's unit: READ routing lets a cluster's
    followers serve it, and it writes nothing, so the operation stays all or nothing.
    """
    today = today or clock.today()
    kinds = [kind.value for kind in PROJECTED_KINDS]

    @unit_of_work(timeout=graph.timeout)
    def work(tx: ManagedTransaction) -> nx.MultiDiGraph:
        # Built inside the transaction function: a retried transaction starts afresh.
        if organization is None:
            _check_size(tx, kinds, max_nodes)
            return _district(tx, kinds, today)
        return _organization(tx, organization, today)

    with (
        translated_errors(),
        graph.driver.session(database=graph.database, default_access_mode=READ_ACCESS) as session,
    ):
        return session.execute_read(work)


def _check_size(tx: ManagedTransaction, kinds: list[str], max_nodes: int | None) -> None:
    if max_nodes is None:
        return
    found = int(
        tx.run(cypher.load("analytics/count_projection").text, kinds=kinds).single(strict=True)[
            "nodes"
        ]
    )
    if found > max_nodes:
        raise TooLarge(
            f"the district's analytics projection would hold {found:,} nodes, over "
            f"analytics_max_nodes ({max_nodes:,}): ask per organization (organization=<uid>)"
        )


def _district(tx: ManagedTransaction, kinds: list[str], today: date) -> nx.MultiDiGraph:
    """One query, one row per node with the relationships that start at it (a fifth of the
    records one row per relationship takes). A relationship may reach a node whose row is
    still to come (networkx adds it bare) or one that has none (an organization): those
    left bare are dropped at the end, and their relationships with them."""
    G = new_graph()
    for row in _stream(tx, "analytics/project_district", kinds=kinds, today=today):
        _add_row_with_ties(G, row, today)
    _drop_bare(G)
    return G


def _organization(tx: ManagedTransaction, organization: str, today: date) -> nx.MultiDiGraph:
    """One query: each node of the subgraph with the relationships that start at it. A
    relationship may reach a node whose row is still to come (networkx adds it bare) or
    one outside the subgraph (no row ever comes): those left bare are dropped at the end,
    and their relationships with them."""
    G = new_graph()
    for row in _stream(tx, "analytics/project_organization", organization=organization,
                       today=today):  # fmt: skip
        _add_row_with_ties(G, row, today)
    _drop_bare(G)
    return G


def _add_row_with_ties(G: nx.MultiDiGraph, row: Any, today: date) -> None:
    # Uids and types interned: the driver decodes fresh strings per row, and a district's
    # edges would keep millions of copies.
    uid = sys.intern(row["uid"])
    _add_row(G, row, today, uid)
    for end, rel_type in row["ties"]:
        add_relationship(G, uid, sys.intern(end), sys.intern(rel_type))


def _drop_bare(G: nx.MultiDiGraph) -> None:
    G.remove_nodes_from([uid for uid, data in G.nodes(data=True) if "node_kind" not in data])


def _stream(tx: ManagedTransaction, name: str, **params: Any) -> Iterator[Any]:
    # Iterating the result pulls records in batches; nothing holds the whole answer.
    yield from tx.run(cypher.load(name).text, params)


def _add_row(G: nx.MultiDiGraph, row: Any, today: date, uid: str | None = None) -> None:
    kind = NodeKind(row["node_kind"])
    attrs = {field: plain(row[field]) for field in KEPT.get(kind, ())}
    if kind is NodeKind.EXPERT:
        attrs["screened"] = is_screened(
            {
                "screening_status": row["screening_status"],
                "screening_expires_on": plain(row["screening_expires_on"]),
            },
            today,
        )
    add_node(G, uid or row["uid"], kind.value, row["name"] or "", **attrs)


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
    if organization is not None:  # anchored at the organization, no scan of the district
        rows = graph.read("analytics/select_organization_learners", organization=organization,
                          grade=grade, community=community, visible=visible,
                          today=today or clock.today())  # fmt: skip
        return {row["uid"] for row in rows}
    rows = graph.read(
        "analytics/select_learners",
        organization=organization,
        grade=grade,
        community=community,
        visible=visible,
        today=today or clock.today(),
    )
    return {row["uid"] for row in rows}


def project_neighbourhood(
    graph: Graph, learner: dict[str, Any], hops: int, max_nodes: int, hub_members: int
) -> tuple[nx.MultiDiGraph, bool]:
    """Walk the support network out from the learner ({uid, name}), one query per hop, at
    most `hops` hops and about `max_nodes` nodes; return the projection and whether the
    walk stopped at the cap. A hub (a group of more than `hub_members` members: fragment
    members, as a network's) is met but never walked through, nor is a resource."""
    G = new_graph()
    learner_uid = learner["uid"]
    add_node(G, learner_uid, NodeKind.LEARNER.value, learner.get("name") or "")
    frontier, expanded, today = [learner_uid], list[str](), clock.today()
    budget = ROWS_PER_NODE * max_nodes
    for _ in range(hops):
        rows = graph.read("care/expand_support", frontier=frontier, expanded=expanded,
                          today=today, limit=budget + 1, hub_kinds=list(HUB_KINDS),
                          count_up_to=hub_members + 1)  # fmt: skip
        truncated = len(rows) > budget
        expanded += frontier
        frontier = []
        for row in rows[:budget]:
            node = row["node"]
            if node["uid"] not in G:
                if G.number_of_nodes() > max_nodes:
                    return G, True
                _add_met(G, node, today)
                hub = row["members"] is not None and row["members"] > hub_members
                if node["node_kind"] != NodeKind.RESOURCE and not hub:  # ends of a path
                    frontier.append(node["uid"])
            add_relationship(G, row["from_uid"], row["to_uid"], row["type"])
        if truncated:
            return G, True
        if not frontier:
            break
    return G, False


def _add_met(G: nx.MultiDiGraph, node: dict[str, Any], today: date) -> None:
    screened = is_screened(node, today) if node["node_kind"] == NodeKind.EXPERT else None
    add_node(G, node["uid"], node["node_kind"], node.get("name") or "", screened=screened)


def add_goal_ties(graph: Graph, G: nx.MultiDiGraph, learner_uid: str) -> None:
    """Add the learner's goals, their industries and the ties to them among G's nodes."""
    rows = graph.read("care/get_goal_ties", learner_uid=learner_uid, uids=list(G.nodes),
                      today=clock.today())  # fmt: skip
    for row in rows:
        goal, industry = row["goal"], row["industry"]
        add_node(G, goal["uid"], NodeKind.GOAL.value, goal["name"] or "")
        add_node(G, industry["uid"], NodeKind.INDUSTRY.value, industry["name"] or "")
        add_relationship(G, learner_uid, goal["uid"], RelType.PURSUES.value)
        add_relationship(G, goal["uid"], industry["uid"], RelType.IN_INDUSTRY.value)
        for tie in row["ties"]:
            add_relationship(G, tie["from_uid"], industry["uid"], tie["type"])
        for resource in row["goal_resources"]:
            add_relationship(G, resource, goal["uid"], RelType.SUPPORTS.value)
