"""The analytics projection against a bare driver loop that reads the same records, and
the time of each analytic over one projection (`lrm_graph.analysis.runner.time_analytics`)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from neo4j import READ_ACCESS, ManagedTransaction

from bench.common import Database, Table, ratio, verdict
from lrm_graph.analysis import projection, runner
from lrm_graph.db import cypher

PROJECTION_RATIO = 1.5


@contextmanager
def _streams_caught(found: list[tuple[str, dict[str, Any]]]) -> Iterator[None]:
    """Note the named queries (and parameters) the projection streams."""
    original = projection._stream

    def stream(tx: ManagedTransaction, name: str, **params: Any) -> Iterator[Any]:
        found.append((name, params))
        return original(tx, name, **params)

    projection._stream = stream  # type: ignore[assignment]
    try:
        yield
    finally:
        projection._stream = original  # type: ignore[assignment]


def bare_loop(db: Database, queries: list[tuple[str, dict[str, Any]]]) -> int:
    """Read every record of the queries in one read transaction, doing nothing with them."""

    def work(tx: ManagedTransaction) -> int:
        count = 0
        for name, params in queries:
            for _ in tx.run(cypher.load(name).text, params):
                count += 1
        return count

    with db.graph.driver.session(
        database=db.graph.database, default_access_mode=READ_ACCESS
    ) as session:
        return int(session.execute_read(work))


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def run(db: Database, repeats: int) -> Table:
    """Time the projection and the bare loop, alternated, `repeats` times each."""
    queries: list[tuple[str, dict[str, Any]]] = []
    with _streams_caught(queries):
        G = projection.project(db.graph)
    built, bare = [], []
    for _ in range(repeats):  # alternated, so that both meet the same machine
        built.append(_timed(lambda: projection.project(db.graph)))
        bare.append(_timed(lambda: bare_loop(db, queries)))
    records = bare_loop(db, queries)
    p, b = statistics.median(built), statistics.median(bare)
    table = Table(
        f"Analytics: projection against a bare driver loop (median of {repeats})",
        ("step", "records / size", "seconds", "bare loop s", "ratio", "target", "met"),
    )
    step = "projection (" + ", ".join(n for n, _ in queries) + ")"
    met = verdict(p <= PROJECTION_RATIO * b)
    table.add(step, records, p, b, ratio(p, b), f"<= x{PROJECTION_RATIO}", met)
    timing = runner.time_analytics(db.graph)
    size = f"{G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges"
    for name, seconds in timing.seconds.items():
        table.add(f"in process: {name}", size, seconds, "", "", "", "")
    return table
