"""Apply the constraints and indexes, idempotently (`lrm db migrate`, API start)."""

from __future__ import annotations

import io

from neomodel import db as neomodel_db

from lrm_graph.db import cypher
from lrm_graph.db.graph import Graph, translated_errors
from lrm_graph.db.models import MODELS


def apply(graph: Graph) -> None:
    """Create every constraint and index that is missing; leave the rest alone."""
    with translated_errors():
        for statement in cypher.statements("schema/constraints"):
            graph.driver.execute_query(statement, database_=graph.database)
        neomodel_db.set_connection(driver=graph.driver)
        # neomodel reports "already exists" for each rule on a second run; that is the
        # idempotent case, so its chatter goes to a buffer, not the console.
        chatter = io.StringIO()
        for model in MODELS.values():
            neomodel_db.install_labels(model, stdout=chatter)
        graph.driver.execute_query(cypher.load("schema/await_indexes"), database_=graph.database)
