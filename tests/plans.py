"""Read a named query's plan: the operators the planner chose (EXPLAIN, nothing runs)."""

from __future__ import annotations

from typing import Any

from lrm_graph.db import cypher
from lrm_graph.db.graph import Graph

# Operators that read every node of a label or every relationship: a batch query that
# plans one per row grows with the graph (or with its own transaction) instead of staying flat.
SCANS = ("AllNodesScan", "NodeByLabelScan", "NodeIndexScan", "RelationshipTypeScan",
         "AllRelationshipsScan", "RelationshipIndexScan")  # fmt: skip


def plan_operators(graph: Graph, name: str, **params: Any) -> list[str]:
    """Return the operator types of the plan of the named query for `params`."""
    with graph.driver.session(database=graph.database) as session:
        result = session.run("EXPLAIN " + cypher.text(name), params)
        plan = result.consume().plan
    assert plan is not None
    found, todo = [], [plan]
    while todo:
        step = todo.pop()
        found.append(step["operatorType"])
        todo += step.get("children", [])
    return found


def scans(operators: list[str]) -> list[str]:
    """Return the operators among `operators` that scan."""
    return [op for op in operators if any(scan in op for scan in SCANS)]


def plan_steps(graph: Graph, name: str, profile: bool = False, **params: Any) -> list[dict]:
    """Return each operator of the named query's plan (EXPLAIN; with `profile`, PROFILE,
    which runs it) as {"operator", "details", "rows", "db_hits"} (the last two profiled)."""
    with graph.driver.session(database=graph.database) as session:
        result = session.run(("PROFILE " if profile else "EXPLAIN ") + cypher.text(name), params)
        result.consume()
        summary = result.consume()
    plan = summary.profile if profile else summary.plan
    assert plan is not None
    found, todo = [], [plan]
    while todo:
        step = todo.pop()
        found.append({"operator": step["operatorType"].split("@")[0],
                      "details": step.get("args", {}).get("Details", ""),
                      "rows": step.get("rows", 0), "db_hits": step.get("dbHits", 0)})  # fmt: skip
        todo += step.get("children", [])
    return found
