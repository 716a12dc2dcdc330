"""The OneRoster import's batch queries seek indexes and never scan, on an empty graph too.

A first import writes into a graph with no relationships yet: left alone, the planner
looks for a relationship's twin by scanning all relationships (those the batch's own
transaction has made included), once per row, and a 5,000-row batch took 45 s instead
of 1 s. The queries hint their index seeks; these tests read the plans.
"""

from datetime import UTC, datetime
from typing import Any

import pytest

from lrm_graph.db import schema
from lrm_graph.db.graph import Graph
from tests.conftest import WIPE
from tests.plans import plan_operators, scans

QUERIES: dict[str, dict[str, Any]] = {
    "imports/upsert_roster_nodes": {
        "rows": [], "node_kind": "learner", "label": "Learner", "person": True,
        "file": "users", "import_id": "x", "now": None,
    },
    "imports/upsert_roster_relationships": {
        "rows": [], "type": "MEMBER_OF", "file": "enrollments", "import_id": "x",
        "now": None, "today": None,
    },
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_roster_query_seeks_unique_indexes_and_never_scans(graph: Graph, name: str) -> None:
    schema.apply(graph)
    operators = plan_operators(graph, name, **QUERIES[name])
    assert not scans(operators), operators
    assert any(op.startswith("NodeUniqueIndexSeek") for op in operators), operators


def test_twin_lookup_seeks_after_a_wipe_and_a_reload(graph: Graph) -> None:
    """An import into a database emptied and filled again (the bench's second pass; a
    district that wipes and reloads): with stale index statistics the planner honoured a
    plain `USING INDEX` hint on the twin lookup's start node with a scan of the whole uid
    index, once per row (a 5,000-row GUARDIAN_OF batch ran for minutes at 10,000
    learners). The hint asks for a seek, so a scan is no plan at all."""
    schema.apply(graph)
    make = (
        "UNWIND range(1, $n) AS i "
        "CREATE (:Entity:Learner {uid: 'u' + i, node_kind: 'learner', source_id: 's' + i})"
    )
    with graph.driver.session(database=graph.database) as session:
        for _ in range(2):
            session.run(make, n=3000).consume()
            session.run(WIPE).consume()
        session.run(make, n=3000).consume()
    row = {"from_kind": "adult", "from_id": "g1", "to_kind": "learner", "to_id": "s1",
           "roster_id": "g1>s1", "suffix": "ab", "props": {}}  # fmt: skip
    journal = {"runner": "t", "seq": 1, "import_id": "x"}
    now = datetime.now(UTC)
    operators = plan_operators(graph, "imports/upsert_roster_relationships", rows=[row] * 50,
                               type="GUARDIAN_OF", file="users", import_id="x", now=now,
                               today=now.date(), journal=journal)  # fmt: skip
    assert not scans(operators), operators
