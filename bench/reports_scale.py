"""Reports at district size: every report's summary + first page through HTTP against the
same queries through the driver (the ratio, `bench/reports.py`'s measure: the queries one
request makes are caught in process and replayed direct), and each report's streamed CSV:
time to its first byte, its whole time and size, and how much the API process's peak
resident set grew while it streamed (VmHWM of /proc/<pid>/status before and after; the
server is fresh, so the first stream's growth is the whole of it).

    .venv/bin/python -m bench.reports_scale --learners 10000

`run(server_url_and_pid, headers, ...)` is what bench/run_all.py calls on its own server.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import httpx

from bench import load, memory
from bench import reports as bench_reports
from bench.common import Database, Table, district_arguments, fresh_database, machine
from bench.server import Server, admin_headers, serve
from lrm_graph import reports

TIMEOUT = 1800.0
TTFB_SECONDS, GROWTH_MB = 1.0, 100.0  # issue 14's targets at 100,000 learners


def peak_rss_mb(pid: int) -> float:
    """Return a process's peak resident set so far (VmHWM), in MB."""
    peak = memory.status_mib(pid, "VmHWM")
    if peak is None:
        raise RuntimeError(f"no VmHWM for pid {pid}")
    return peak


def stream_csv(client: httpx.Client, path: str) -> tuple[float, float, int]:
    """Return (seconds to the first byte, seconds in all, bytes) of one streamed GET."""
    start = time.perf_counter()
    first, size = None, 0
    with client.stream("GET", path) as response:
        if response.status_code != 200:
            raise RuntimeError(f"GET {path}: {response.status_code}")
        for chunk in response.iter_raw():
            if first is None and chunk:
                first = time.perf_counter() - start
            size += len(chunk)
    return first or 0.0, time.perf_counter() - start, size


def run(server: Server, headers: dict[str, str], learners: int) -> Table:
    """Stream every report's CSV from `server`; return the table (TTFB, time, bytes, peak
    memory growth of the API process)."""
    table = Table(
        f"Streamed CSV of every report: {learners:,} learners",
        ("report", "first byte s", "whole s", "MB", "API peak RSS growth MB", "target", "met"),
    )
    with httpx.Client(base_url=server.base_url, headers=headers, timeout=TIMEOUT) as client:
        for name in reports.REPORTS:
            before = peak_rss_mb(server.pid)
            ttfb, whole, size = stream_csv(client, f"/v1/reports/{name}.csv")
            growth = peak_rss_mb(server.pid) - before
            met = ttfb < TTFB_SECONDS and growth < GROWTH_MB
            table.rows.append((name, f"{ttfb:.3f}", f"{whole:.2f}", f"{size / 1e6:.1f}",
                               f"{growth:.1f}", f"< {TTFB_SECONDS:.0f} s, < {GROWTH_MB:.0f} MB",
                               "yes" if met else "no"))  # fmt: skip
    table.notes.append("peak RSS growth: VmHWM after minus before each stream, in report "
                       "order; a later report grows it only past the earlier peak")  # fmt: skip
    return table


def main() -> None:
    parser = district_arguments(__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print(machine())
    with (
        tempfile.TemporaryDirectory(prefix="lrm-reports-scale-") as tmp,
        fresh_database(args.heap, args.page_cache) as db,
    ):
        print(load.run(db, args.learners, args.seed, Path(tmp), 0, 0).markdown())
        _measure(db, args)


def _measure(db: Database, args: argparse.Namespace) -> None:
    headers = admin_headers(db)
    with serve(db) as server:
        print(run(server, headers, args.learners).markdown())
        print(bench_reports.run(db, server, headers, args.repeats).markdown())


if __name__ == "__main__":
    main()
