"""Which measured queries scan: EXPLAIN each named query the benchmarked requests run
(with the parameters they ran with) and the bulk load's, and list scans and
Cartesian products; a scan is fine in a district-wide report, a finding in a lookup."""

from __future__ import annotations

from typing import Any, LiteralString, cast

from neo4j import Query

from bench import capture
from bench.common import Database, Table
from lrm_graph.db import cypher

SCANS = ("AllNodesScan", "NodeByLabelScan", "NodeIndexScan", "AllRelationshipsScan",
         "RelationshipTypeScan", "CartesianProduct")  # fmt: skip


def operators(db: Database, name: str, params: dict[str, Any]) -> list[str]:
    """Return the operators of the query's plan (EXPLAIN: nothing runs)."""
    # EXPLAIN before the text of one of our query files (as lrm_graph.db.cypher.load: a file of
    # this repository, chosen by name; values stay $parameters).
    explained = Query(cast(LiteralString, "EXPLAIN " + cypher.text(name)))
    with db.graph.driver.session(database=db.graph.database) as session:
        plan = session.run(explained, params).consume().plan
    found, todo = [], [plan] if plan else []
    while todo:
        step = todo.pop()
        details = str(step.get("args", {}).get("Details", ""))[:60]
        found.append(f"{step['operatorType'].split('@')[0]} {details}".strip())
        todo += step.get("children", [])
    return found


def run(db: Database, headers: dict[str, str], paths: dict[str, str]) -> Table:
    """EXPLAIN the queries behind each request path; one row per distinct query."""
    seen: dict[str, tuple[str, dict[str, Any]]] = {}
    with capture.app_client(db, headers) as client:
        for label, path in paths.items():
            for call in capture.catch(client, path):
                seen.setdefault(call.name, (label, call.params))
    table = Table("Query plans: scans in the queries measured", ("query", "first seen in", "scans"))
    for name, (label, params) in sorted(seen.items()):
        scans = [op for op in operators(db, name, params) if op.startswith(SCANS)]
        table.add(name, label, "; ".join(scans) or "none: index seeks and expands only")
    return table
