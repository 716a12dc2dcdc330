"""A delta's rows older than what is stored change nothing: each is reported (`stale-row`,
a warning) and taken out.

What a row made keeps its dateLastModified (`roster_modified`): a node for orgs, classes
and users, the relationship for an enrollment. A row whose dateLastModified is older is
an earlier state that arrived late; one as new or newer is applied (the same delta twice
changes nothing, since applying a row again is idempotent).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from lrm_graph.db.graph import Graph
from lrm_graph.imports.oneroster.check_people import PERSON
from lrm_graph.imports.oneroster.index import Index

NODE_FILES = {"orgs.csv": ("organization",), "classes.csv": ("community",), "users.csv": PERSON}
BATCH = 5000


def check_stale(graph: Graph, index: Index) -> None:
    """Take out the delta rows older than what earlier imports stored."""
    wanted: list[tuple[str, int, datetime, dict[str, Any]]] = []
    for file, rows in index.modified.items():
        for source_id, (line, when, user) in rows.items():
            if index.problems.left_out(file, line):
                continue
            if file in NODE_FILES:
                ref = {
                    "node_kinds": list(NODE_FILES[file]),
                    "source_id": source_id,
                    "roster_id": None,
                }
            elif file == "enrollments.csv" and user:
                ref = {"node_kinds": list(PERSON), "source_id": user, "roster_id": source_id}
            else:
                continue
            wanted.append((file, line, when, ref))
    for start in range(0, len(wanted), BATCH):
        chunk = wanted[start : start + BATCH]
        refs = [ref | {"key": i} for i, (_, _, _, ref) in enumerate(chunk)]
        for found in graph.read("imports/find_roster_modified", rows=refs):
            if found["modified"] is not None:
                file, line, when, _ = chunk[found["key"]]
                _compare(index, file, line, when, found["modified"])


def _compare(index: Index, file: str, line: int, when: datetime, stored: datetime) -> None:
    if when >= stored:
        return
    message = (
        f"dateLastModified {when.isoformat()} is older than the {stored.isoformat()} "
        "already imported: the row changes nothing"
    )
    problem = index.problem(
        file, line, "dateLastModified", "stale-row", message, value=when.isoformat(), warning=True
    )
    index.problems.take_out(file, line, problem)
