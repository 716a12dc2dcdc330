"""Bulk load batches: a load cut off halfway converges when run again, rows keep their own
facts, start nodes stay in one batch, and every batch query seeks indexes."""

import gc
from typing import Any

import pytest

from lrm_graph.config import Settings
from lrm_graph.db import schema
from lrm_graph.db.graph import Graph
from lrm_graph.errors import GraphUnavailable
from lrm_graph.imports import bulk
from lrm_graph.store.bulk_batches import start_node_batches
from tests.plans import plan_operators, scans


@pytest.fixture(autouse=True)
def constraints(graph: Graph) -> None:
    """The constraints and indexes the API applies at start (these tests need no client)."""
    schema.apply(graph)


class CutOffGraph(Graph):
    """The real database, but the connection drops after `writes` write transactions."""

    def __init__(self, graph: Graph, writes: int) -> None:
        super().__init__(graph.driver, graph.database, graph.timeout)
        self.writes_left = writes

    def write(self, name: str, /, **params: Any) -> list[dict[str, Any]]:
        if self.writes_left == 0:
            raise GraphUnavailable("the load was cut off")
        self.writes_left -= 1
        return super().write(name, **params)


def person(kind: str, source_id: str) -> dict[str, Any]:
    row = {"kind": kind, "source_id": source_id, "given_name": "Ilo", "family_name": "Brand"}
    return row | {"roles": ["mentor"]} if kind == "adult" else row


def ref(kind: str, source_id: str) -> dict[str, str]:
    return {"kind": kind, "source_id": source_id}


def district() -> tuple[list[dict], list[dict]]:
    """Two adults, six learners, a club; mentoring, membership, peers and an ended row."""
    club = {"node_kind": "community", "source_id": "C1", "name": "Chess", "kind": "club"}
    nodes = [person("adult", "A1"), person("adult", "A2"), club]
    nodes += [person("learner", f"L{i}") for i in range(6)]
    rows = [
        {"type": "MENTORS", "from": ref("adult", f"A{1 + i % 2}"), "to": ref("learner", f"L{i}"),
         "strength": 1 + i % 5}
        for i in range(6)
    ]  # fmt: skip
    rows += [
        {"type": "MEMBER_OF", "from": ref("learner", f"L{i}"), "to": ref("community", "C1")}
        for i in range(6)
    ]
    rows += [
        {"type": "PEER_OF", "from": ref("learner", f"L{i}"), "to": ref("learner", f"L{i + 1}")}
        for i in range(0, 6, 2)
    ]
    ended = {"since": "2024-09-01", "until": "2025-06-13"}
    rows.append({"type": "ADVISES", "from": ref("adult", "A2"), "to": ref("learner", "L0")} | ended)
    return nodes, rows


def graph_shape(graph: Graph) -> dict[str, Any]:
    """Count nodes, and relationships per type with their distinct node pairs."""
    driver = graph.driver
    nodes = driver.execute_query("MATCH (n:Entity) RETURN count(n) AS n").records[0]["n"]
    per_type = driver.execute_query(
        "MATCH (a:Entity)-[r]->(b:Entity) "
        "RETURN type(r) AS type, count(r) AS n, count(DISTINCT [a.uid, b.uid]) AS pairs, "
        "count(DISTINCT r.uid) AS uids, collect(r.strength) AS strengths, "
        "collect(r.until) AS untils"
    ).records
    return {
        "nodes": nodes,
        "relationships": {
            r["type"]: (r["n"], r["pairs"], r["uids"], sorted(r["strengths"]), r["untils"])
            for r in per_type
        },
    }


def empty(graph: Graph) -> None:
    graph.driver.execute_query("MATCH (n) DETACH DELETE n")


def test_bulk_load_cut_off_halfway_then_run_again_matches_one_whole_load(
    graph: Graph, settings: Settings
) -> None:
    small = settings.model_copy(update={"bulk_batch_size": 2})
    assert bulk.load(graph, small, *district()).rejected == []
    whole = graph_shape(graph)
    empty(graph)
    with pytest.raises(GraphUnavailable):
        bulk.load(CutOffGraph(graph, writes=9), small, *district())
    assert graph_shape(graph) != whole  # the cut-off load wrote part of the rows
    again = bulk.load(graph, small, *district())
    assert again.rejected == []
    assert graph_shape(graph) == whole
    assert sum(vars(again.nodes).values()) == len(district()[0])


def test_bulk_load_cut_off_leaves_the_garbage_collector_on(
    graph: Graph, settings: Settings
) -> None:
    with pytest.raises(GraphUnavailable):
        bulk.load(CutOffGraph(graph, writes=1), settings, *district())
    assert gc.isenabled()


def test_bulk_rows_of_one_batch_keep_their_own_facts(graph: Graph, settings: Settings) -> None:
    nodes, rows = district()
    assert bulk.load(graph, settings, nodes, rows).rejected == []
    stored = graph.driver.execute_query(
        "MATCH (a:Adult)-[r:MENTORS]->(l:Learner) RETURN l.source_id AS learner, r.strength AS s"
    ).records
    assert {r["learner"]: r["s"] for r in stored} == {f"L{i}": 1 + i % 5 for i in range(6)}


def test_start_node_batches_keep_each_start_node_in_one_batch() -> None:
    rows = sorted((start, f"end{i}", ()) for start, n in (("a", 3), ("b", 2), ("c", 4))
                  for i in range(n))  # fmt: skip
    batches = list(start_node_batches(rows, 4))
    assert [[row[0] for row in batch] for batch in batches] == [
        ["a", "a", "a"],
        ["b", "b"],
        ["c", "c", "c", "c"],
    ]


def test_start_node_batches_spread_a_start_node_larger_than_a_batch() -> None:
    rows = [("a", f"end{i}", ()) for i in range(5)] + [("b", "end", ())]
    sizes = [len(batch) for batch in start_node_batches(rows, 2)]
    assert sizes == [2, 2, 2]


QUERIES = {
    "bulk/upsert_nodes": {"rows": [], "cleared": {}, "node_kind": "learner", "label": "Learner",
                          "now": None},
    "bulk/resolve_references": {"refs": []},
    "bulk/upsert_relationships": {"rows": [], "facts": [], "defaults": {}, "type": "PEER_OF",
                                  "symmetric": True, "now": None, "today": None},
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_bulk_query_seeks_unique_indexes_and_never_scans(graph: Graph, name: str) -> None:
    # On the empty graph of a test: where the planner, left alone, scans all relationships.
    operators = plan_operators(graph, name, **QUERIES[name])
    assert not scans(operators), operators
    assert any(op.startswith("NodeUniqueIndexSeek") for op in operators), operators
