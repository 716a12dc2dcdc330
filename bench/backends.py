"""networkx's dispatch backends against plain networkx, on the support graph of a generated
district's projection: the calls `analytics/structure.py` makes, each timed and its answer
compared with plain networkx's (a backend that answers otherwise is no candidate).

    .venv/bin/python bench/backends.py --learners 2000

A row for `structure.betweenness` (not a backend: the list-indexed Brandes that structure
runs) stands beside them for betweenness. A backend must be installed in the environment
first (`pip install nx-parallel` or `graphblas-algorithms`); none is a dependency of the
project. One that cannot be imported, does not implement a call, or refuses one of the
call's arguments, says so in its row: no time, and the error where its answer would be
compared.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `bench` and the app importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import networkx as nx

from analytics import structure
from analytics.projection import support_graph
from bench import load
from bench.common import Table, fresh_database, ratio
from lrm_graph.analysis.projection import project

SAMPLES = 100  # betweenness sources, as structure's default on graphs above its exact limit
# Not a networkx backend: the betweenness structure runs (analytics.structure.betweenness,
# networkx's algorithm over lists), as a row beside the backends.
OURS = "structure.betweenness"


def calls(samples: int) -> dict[str, Callable[..., Any]]:
    """Return structure's networkx calls, each taking the graph and a backend (None: plain)."""

    def betweenness(S: nx.Graph, backend: str | None) -> Any:
        k = min(samples, S.number_of_nodes())
        if backend == OURS:
            return structure.betweenness(S, k=k, seed=0)
        return nx.betweenness_centrality(S, k=k, seed=0, backend=backend)

    def networkx_only(call: Callable[..., Any]) -> Callable[..., Any]:
        def run(S: nx.Graph, backend: str | None) -> Any:
            if backend == OURS:
                raise NotImplementedError(f"{OURS} is betweenness only")
            return call(S, backend=backend)

        return run

    return {
        f"betweenness_centrality(k={samples})": betweenness,
        "articulation_points": networkx_only(
            lambda S, backend: set(nx.articulation_points(S, backend=backend))
        ),
        "connected_components": networkx_only(
            lambda S, backend: sorted(map(sorted, nx.connected_components(S, backend=backend)))
        ),
    }


def compare(S: nx.Graph, backends: list[str], samples: int) -> Table:
    table = Table(
        f"networkx backends on the support graph ({S.number_of_nodes():,} nodes, "
        f"{S.number_of_edges():,} edges)",
        ("call", "backend", "seconds", "plain networkx s", "ratio", "same answer"),
    )
    for name, call in calls(samples).items():
        start = time.perf_counter()
        plain = call(S, None)
        plain_seconds = time.perf_counter() - start
        for backend in backends:
            start = time.perf_counter()
            try:
                found = call(S, backend)
            except (ImportError, NotImplementedError, TypeError) as exc:
                # Not installed (ImportError), not implemented by the backend
                # (NotImplementedError), or an argument its version does not take (TypeError).
                table.add(
                    name, backend, "", plain_seconds, "", f"{type(exc).__name__}: {exc}"[:120]
                )
                continue
            seconds = time.perf_counter() - start
            same = "yes" if found == plain else "NO"
            table.add(name, backend, seconds, plain_seconds, ratio(seconds, plain_seconds), same)
    return table


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="networkx backends against plain networkx.")
    parser.add_argument("--learners", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--backends", default=f"parallel,graphblas,{OURS}")
    parser.add_argument("--samples", type=int, default=SAMPLES)
    args = parser.parse_args(argv)
    with (
        tempfile.TemporaryDirectory(prefix="lrm-bench-backends-") as work,
        fresh_database("2g", "1g") as db,
    ):
        load.run(db, args.learners, args.seed, Path(work), 0, 0)
        S = support_graph(project(db.graph))
    print(compare(S, args.backends.split(","), args.samples).markdown(), flush=True)


if __name__ == "__main__":
    main()
