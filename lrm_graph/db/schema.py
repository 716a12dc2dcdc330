"""Apply the constraints and indexes, idempotently (`lrm db migrate`, API start).

Two sources: `cypher/schema/constraints.cypher` (the Entity-wide rules and those of the
records outside the relationship graph) and, per node label, the neomodel classes of
`node_labels` (a unique `uid`, an index per field lookups filter on).
"""

from __future__ import annotations

import io

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
