"""What every benchmark shares: a fresh embedded Neo4j, clocks, percentiles, tables.

Timings are wall-clock; beside them go CPU seconds of this process and of the Neo4j JVM
(from /proc), which a machine shared with other work disturbs far less than wall time.
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, LiteralString, cast

from neo4j import Query

from lrm_graph.config import Settings
from lrm_graph.db import runtime, schema
from lrm_graph.db.graph import Graph, connect

QUERY_DIR = Path(__file__).resolve().parent / "queries"
REPO_ROOT = Path(__file__).resolve().parents[1]


def query(name: str, timeout: float | None = None) -> Query:
    """Return the bench's own named query, `bench/queries/<name>.cypher`."""
    text = (QUERY_DIR / f"{name}.cypher").read_text(encoding="utf-8")
    # Safe for the same reason as lrm_graph.db.cypher.load: a file of this repository, chosen
    # by a name in our code; every value goes in as a $parameter.
    return Query(cast(LiteralString, text), timeout=timeout)


def district_arguments(
    description: str, heap: str = "2g", page_cache: str = "1g"
) -> argparse.ArgumentParser:
    """Return a parser with the options of a benchmark on a generated district: --learners,
    --seed, and the fresh Neo4j's --heap and --page-cache; a benchmark adds its own."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--heap", default=heap, help="Neo4j JVM heap")
    parser.add_argument("--page-cache", default=page_cache, help="Neo4j page cache")
    return parser


def machine() -> dict[str, str]:
    """Describe the machine the numbers come from."""
    with open("/proc/meminfo", encoding="ascii") as info:
        total_kib = int(info.readline().split()[1])
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus (nproc)": str(os.cpu_count()),
        "memory": f"{total_kib / 2**20:.1f} GiB",
        "load average at start": load,
        "python": platform.python_version(),
    }


def jvm_cpu_seconds(pid: int) -> float:
    """Return the CPU seconds (user + system) the process `pid` has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Clock:
    """Wall seconds, this process's CPU seconds and the JVM's CPU seconds of one step."""

    wall: float = 0.0
    cpu: float = 0.0
    jvm_cpu: float = 0.0

    def times(self) -> str:
        """Return e.g. `31.2 (12.0 + 40.5)`: wall seconds (CPU of this process + the JVM's)."""
        return f"{self.wall:.1f} ({self.cpu:.1f} + {self.jvm_cpu:.1f})"


@dataclass
class Database:
    """A running embedded Neo4j for one benchmark run, and a Graph on it."""

    settings: Settings
    graph: Graph
    pid: int

    @contextmanager
    def timed(self) -> Iterator[Clock]:
        """Measure the block: wall time, our CPU time and the JVM's CPU time."""
        clock = Clock()
        wall, cpu, jvm = time.perf_counter(), time.process_time(), jvm_cpu_seconds(self.pid)
        try:
            yield clock
        finally:
            clock.wall = time.perf_counter() - wall
            clock.cpu = time.process_time() - cpu
            clock.jvm_cpu = jvm_cpu_seconds(self.pid) - jvm

    def run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run a bench query (a write, or an admin read) and return its rows."""
        records = self.graph.driver.execute_query(
            query(name), params, database_=self.graph.database
        ).records
        return [dict(r) for r in records]

    def counts(self) -> tuple[int, int]:
        """Return how many nodes and relationships the database holds."""
        row = self.run("count_graph")[0]
        return int(row["nodes"]), int(row["relationships"])


@contextmanager
def fresh_database(heap: str, page_cache: str, keep: Path | None = None) -> Iterator[Database]:
    """Start an empty embedded Neo4j in a temporary directory; stop and remove it after."""
    with (
        tempfile.TemporaryDirectory(prefix="lrm-bench-", dir=keep) as tmp,
        database_at(Path(tmp), heap, page_cache) as db,
    ):
        yield db


@contextmanager
def database_at(directory: Path, heap: str, page_cache: str) -> Iterator[Database]:
    """Start the embedded Neo4j whose data is in `directory`/neo4j (made empty when there is
    none); stop it after, keeping its data."""
    settings = Settings(
        neo4j_uri=None,
        data_dir=directory / "neo4j",
        neo4j_heap=heap,
        neo4j_page_cache=page_cache,
        query_timeout=600.0,
        retry_seconds=30.0,
    )
    status = runtime.start(settings, port=runtime.free_port())
    graph = connect(settings)
    try:
        schema.apply(graph)
        assert status.pid is not None
        yield Database(settings, graph, status.pid)
    finally:
        graph.close()
        runtime.stop(settings.data_dir)


def percentile(values: list[float], share: float) -> float:
    """Return the `share` (0..1) percentile of `values`, nearest rank."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[rank]


@dataclass
class Table:
    """A Markdown table: printed as the benchmark goes, kept for the README."""

    title: str
    columns: tuple[str, ...]
    rows: list[tuple[str, ...]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, *cells: Any) -> None:
        self.rows.append(tuple(_cell(c) for c in cells))

    def markdown(self) -> str:
        lines = [f"### {self.title}", "", "| " + " | ".join(self.columns) + " |"]
        lines.append("|" + "|".join(" --- " for _ in self.columns) + "|")
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        lines += [""] + [f"- {note}" for note in self.notes] if self.notes else []
        return "\n".join(lines) + "\n"


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}" if value < 10 else f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def ratio(ours: float, baseline: float) -> str:
    """Say how many times the baseline `ours` takes (x1.00 is as fast)."""
    return f"x{ours / baseline:.2f}" if baseline > 0 else "n/a"


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"
