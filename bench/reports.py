"""Reports and analytics: each report through HTTP against its Cypher direct, and the
time and peak memory of each report and each analytic, one fresh server each.

Peak memory: `bench/footprint.py` runs one request in a process of its own and reports
the peak of Python allocations (tracemalloc) and the process's peak resident set.
Neo4j's own memory (heap, page cache) is set for the run and not counted here.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from bench import capture
from bench.common import Database, Table, ratio, verdict
from bench.server import Server, app_environment
from lrm_graph import reports
from lrm_graph.analysis import runner

UNMENTORED_SECONDS, UNMENTORED_RATIO = 1.0, 1.3  # at 100,000 learners
TIMEOUT = 900.0


def report_paths() -> dict[str, str]:
    """Return the API path of each report and each analytic, by name."""
    found = {name: f"/v1/reports/{name}" for name in reports.REPORTS}
    found |= {f"analytics: {name}": f"/v1/analytics/{name}" for name in runner.NAMES}
    return found


def _get(client: httpx.Client, path: str) -> tuple[float, int]:
    start = time.perf_counter()
    response = client.get(path)
    seconds = time.perf_counter() - start
    if response.status_code != 200:
        raise RuntimeError(f"GET {path}: {response.status_code} {response.text[:300]}")
    return seconds, len(response.content)


def run(db: Database, server: Server, headers: dict[str, str], repeats: int) -> Table:
    """Time each report `repeats` times through HTTP and its queries as many times direct."""
    table = Table(
        f"Reports: HTTP against the same Cypher through the driver (median of {repeats})",
        ("report", "answer bytes", "HTTP s", "driver s", "ratio", "target", "met", "queries"),
    )
    paths = {n: p for n, p in report_paths().items() if not n.startswith("analytics")}
    with capture.app_client(db, headers) as in_process:
        caught = {name: capture.catch(in_process, path) for name, path in paths.items()}
    with httpx.Client(base_url=server.base_url, headers=headers, timeout=TIMEOUT) as client:
        for name, path in paths.items():
            over_http, size = [], 0
            direct = []
            for _ in range(repeats):  # alternated, so that both meet the same machine
                seconds, size = _get(client, path)
                over_http.append(seconds)
                start = time.perf_counter()
                capture.replay(db.graph, caught[name])
                direct.append(time.perf_counter() - start)
            h, d = statistics.median(over_http), statistics.median(direct)
            target, met = "", ""
            if name == "unmentored":
                target = f"< {UNMENTORED_SECONDS:.0f} s, <= x{UNMENTORED_RATIO}"
                met = verdict(h < UNMENTORED_SECONDS and h <= UNMENTORED_RATIO * d)
            table.add(name, size, h, d, ratio(h, d), target, met, capture.names(caught[name]))
    return table


def footprint(db: Database, headers: dict[str, str]) -> Table:
    """Run each report and analytic once in a process of its own: time and peak memory."""
    table = Table(
        "Time and peak memory of each report and analytic (one request, a process of its own)",
        ("report or analytic", "seconds", "peak Python allocations MiB (tracemalloc)",
         "process RSS before MiB", "process peak RSS MiB"),
    )  # fmt: skip
    script = Path(__file__).with_name("footprint.py")
    token = headers["Authorization"].split()[1]
    for name, path in report_paths().items():
        command = [sys.executable, str(script), "--data-dir", str(db.settings.data_dir),
                   "--token", token, path]  # fmt: skip
        done = subprocess.run(
            command, env=app_environment(db), capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"{path}: {done.stderr[-2000:]}")
        got = json.loads(done.stdout.strip().splitlines()[-1])
        table.add(name, got["seconds"], got["peak_mib"], got["rss_before_mib"],
                  got["max_rss_mib"])  # fmt: skip
    table.notes.append(
        "command, per request: `.venv/bin/python bench/footprint.py --data-dir DIR --token "
        "TOKEN /v1/reports/NAME` (seconds: the first request; the peak: the same request "
        "again under tracemalloc); Neo4j's own memory is its configured heap and page cache"
    )
    return table
