"""Time and peak memory of one API request, in a process of its own.

    python bench/footprint.py --data-dir DIR --token TOKEN /v1/reports/unmentored

The app starts in process (FastAPI's TestClient) on the database of DIR; the request
runs once timed, then once under tracemalloc for its peak of Python allocations (not with
`--once`, for requests too long to run twice). Prints one JSON line: seconds, peak_mib
(tracemalloc; null with --once), rss_before_mib, max_rss_mib (VmHWM).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import tracemalloc
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the app importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fastapi.testclient import TestClient

from api.main import create_app
from bench import memory
from lrm_graph.config import Settings


def memory_mib(field: str) -> float:
    """Return VmRSS (resident now) or VmHWM (peak resident) of this process, in MiB.

    Not ru_maxrss: Linux carries the parent's peak over into a child across fork and exec.
    """
    found = memory.status_mib(os.getpid(), field)
    return float("nan") if found is None else found


def measure(data_dir: Path, token: str, path: str, once: bool = False) -> dict[str, float | None]:
    settings = Settings(neo4j_uri=None, data_dir=data_dir, query_timeout=900.0)
    headers = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(settings), headers=headers) as client:
        before = memory_mib("VmRSS")
        start = time.perf_counter()
        response = client.get(path)
        seconds = time.perf_counter() - start
        response.raise_for_status()
        peak = None if once else traced_peak(client, path)
    return {
        "seconds": seconds,
        "peak_mib": None if peak is None else peak / 2**20,
        "rss_before_mib": before,
        "max_rss_mib": memory_mib("VmHWM"),
    }


def traced_peak(client: TestClient, path: str) -> int:
    """Return the peak of Python allocations (bytes) of the request run again."""
    tracemalloc.start()
    client.get(path).raise_for_status()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--once", action="store_true", help="no second run under tracemalloc")
    parser.add_argument("path")
    args = parser.parse_args()
    print(json.dumps(measure(args.data_dir, args.token, args.path, args.once)))


if __name__ == "__main__":
    main()
