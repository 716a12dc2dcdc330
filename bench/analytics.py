"""The analytics projection against a bare driver loop that reads the same records, the
time of each analytic over one projection (`lrm_graph.analysis.runner.time_analytics`),
and every analytic per school and district-wide through the API, each request in a
process of its own with its peak memory (`scopes`).

    .venv/bin/python bench/analytics.py --learners 10000 --schools 3
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `bench` and the app importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from neo4j import READ_ACCESS, ManagedTransaction

from bench import load
from bench.common import (
    Database,
    Table,
    district_arguments,
    fresh_database,
    machine,
    ratio,
    verdict,
)
from bench.server import admin_headers, app_environment
from lrm_graph.analysis import LearnerFilter, projection, runner
from lrm_graph.db import cypher

PROJECTION_RATIO = 1.5
SCHOOL_SECONDS = 2.0  # issue 14's targets at 100,000 learners: one school, each analytic
DISTRICT_SECONDS, DISTRICT_MIB = 60.0, 2048.0  # the district, each analytic, the API process


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


def schools(db: Database, count: int) -> list[dict[str, Any]]:
    """Return up to `count` schools (uid, name, learners), the largest first."""
    return db.run("schools", count=count)


def in_api_process(db: Database, token: str, path: str) -> dict[str, Any]:
    """Run one request in an API process of its own (bench/footprint.py --once)."""
    script = Path(__file__).with_name("footprint.py")
    command = [sys.executable, str(script), "--once", "--data-dir", str(db.settings.data_dir),
               "--token", token, path]  # fmt: skip
    done = subprocess.run(
        command, env=app_environment(db), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{path}: {done.stderr[-2000:]}")
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def scopes(db: Database, headers: dict[str, str], count: int = 3) -> Table:
    """Time every analytic for each of the `count` largest schools and for the district,
    one API request each in a process of its own: seconds and the process's peak memory."""
    table = Table(
        "Analytics per school and district-wide (one API request, a process of its own)",
        ("scope", "learners", "analytic", "seconds", "process peak RSS MiB", "target", "met"),
    )
    token = headers["Authorization"].split()[1]
    scopes = [(f"school {s['name']}", s["learners"], s["uid"]) for s in schools(db, count)]
    for scope, learners, organization in [*scopes, ("district", None, None)]:
        for name in runner.NAMES:
            path = f"/v1/analytics/{name}" + (
                f"?organization={organization}" if organization else ""
            )
            got = in_api_process(db, token, path)
            seconds, peak = got["seconds"], got["max_rss_mib"]
            if organization:
                target, met = f"< {SCHOOL_SECONDS:g} s", seconds < SCHOOL_SECONDS
            else:
                target = f"< {DISTRICT_SECONDS:g} s, < {DISTRICT_MIB:g} MiB"
                met = seconds < DISTRICT_SECONDS and peak < DISTRICT_MIB
            table.add(scope, learners or "all", name, seconds, peak, target, verdict(met))
    table.notes.append(
        "command, per request: `.venv/bin/python bench/footprint.py --once --data-dir DIR "
        "--token TOKEN /v1/analytics/NAME[?organization=UID]`; seconds include the app's "
        "first request (the projection, the analytic, the audit); peak RSS is the process's "
        "VmHWM, the app's start included"
    )
    return table


def in_process(db: Database, count: int = 3) -> Table:
    """Time the projection and each analytic in process, per school and district-wide."""
    table = Table(
        "Analytics in process: the projection and each analytic, per scope",
        ("scope", "projection nodes", "projection edges", "step", "seconds"),
    )
    found = [(f"school {s['name']}", s["uid"]) for s in schools(db, count)]
    for scope, organization in [*found, ("district", None)]:
        timing = runner.time_analytics(db.graph, filters=LearnerFilter(organization))
        for step, seconds in timing.seconds.items():
            table.add(scope, timing.nodes, timing.relationships, step, seconds)
    return table


def main(argv: list[str] | None = None) -> None:
    parser = district_arguments("Analytics per school and district-wide.", "4g", "4g")
    parser.add_argument("--schools", type=int, default=3, help="the largest N schools")
    args = parser.parse_args(argv)
    print("\n".join(f"- {k}: {v}" for k, v in machine().items()), flush=True)
    with (
        tempfile.TemporaryDirectory(prefix="lrm-bench-analytics-") as work,
        fresh_database(args.heap, args.page_cache) as db,
    ):
        print(load.run(db, args.learners, args.seed, Path(work), 0, 0).markdown(), flush=True)
        print(in_process(db, args.schools).markdown(), flush=True)
        print(scopes(db, admin_headers(db), args.schools).markdown(), flush=True)


if __name__ == "__main__":
    main()
