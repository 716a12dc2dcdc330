"""Apply the constraints and indexes, idempotently (`lrm db migrate`, `lrm db start`, API
start), and make sure they are in place before a command writes (`ensure`): without them
a roster import scans (minutes instead of seconds) and concurrent upserts may duplicate.

Two sources: `cypher/schema/constraints.cypher` (the Entity-wide rules and those of the
records outside the relationship graph) and, per node label, the neomodel classes of
`node_labels` (a unique `uid`, an index per field lookups filter on).
"""

from __future__ import annotations

import io
import re

from neomodel import db as neomodel_db

from lrm_graph.db import cypher
from lrm_graph.db.graph import Graph, translated_errors
from lrm_graph.db.node_labels import NODE_CLASSES


def apply(graph: Graph) -> None:
    """Create every constraint and index that is missing; leave the rest alone."""
    with translated_errors():
        for statement in cypher.statements("schema/constraints"):
            graph.driver.execute_query(statement, database_=graph.database)
        neomodel_db.set_connection(driver=graph.driver)
        # neomodel reports "already exists" for each rule on a second run; that is the
        # idempotent case, so its chatter goes to a buffer, not the console.
        chatter = io.StringIO()
        for node_class in NODE_CLASSES.values():
            neomodel_db.install_labels(node_class, stdout=chatter)
        graph.driver.execute_query(cypher.load("schema/await_indexes"), database_=graph.database)


RULE_NAME = re.compile(r"(?:CONSTRAINT|INDEX) (\w+) IF NOT EXISTS")  # a rule's name


def missing(graph: Graph) -> list[str]:
    """Return the names of the Entity-wide constraints and indexes that are not in place."""
    wanted = [
        match.group(1)
        for statement in cypher.statements("schema/constraints")
        if (match := RULE_NAME.search(statement.text))
    ]
    with translated_errors():
        present = {row["name"] for row in graph.read("schema/constraint_names")}
        present |= {row["name"] for row in graph.read("schema/index_names")}
    return [name for name in wanted if name not in present]


def ensure(graph: Graph) -> bool:
    """Apply the schema when any of it is missing (one quick look otherwise); say whether
    it was applied."""
    if not missing(graph):
        return False
    apply(graph)
    return True
