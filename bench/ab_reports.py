"""Before and after on one kept district: each report's summary + first page (`GET
/v1/reports/NAME`) and its streamed CSV (first byte, whole) through this checkout's API
and another checkout's (`--before`, e.g. a worktree of main), on the same database, taken
in turns (before, after) so that a busy machine weighs on both alike.

    .venv/bin/python -m bench.ab_reports --data-dir DIR --before /path/to/checkout

DIR is a district `bench/run_all.py --data-dir DIR` loaded and kept; nothing is written
to it but the audit entries of the reads. The other checkout runs with this checkout's
Python environment; its code must read the same graph (no schema change between them).
"""

from __future__ import annotations

import argparse
import statistics
from contextlib import ExitStack
from pathlib import Path

from bench.common import Table, database_at, machine, ratio
from bench.reports_scale import stream_csv
from bench.summaries import _seconds, before_and_after
from lrm_graph import reports

SIDES = ("before", "after")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--before", type=Path, required=True, help="the other checkout")
    parser.add_argument("--repeats", type=int, default=3, help="first pages of each side")
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--page-cache", default="1g")
    parser.add_argument("--skip-streams", default="", help="reports whose stream to skip")
    args = parser.parse_args()
    print(machine(), flush=True)
    with database_at(args.data_dir, args.heap, args.page_cache) as db, ExitStack() as stack:
        clients = before_and_after(db, args.before, stack)
        table = Table(
            f"Reports before against after on {args.data_dir} (first page: median of "
            f"{args.repeats}; stream: once each)",
            ("report", "summary + first page s before / after", "ratio",
             "CSV first byte s before / after", "CSV whole s before / after", "MB"),
        )  # fmt: skip
        skipped = set(args.skip_streams.split(",")) - {""}
        for name in reports.REPORTS:
            firsts: dict[str, list[float]] = {side: [] for side in SIDES}
            for _ in range(args.repeats):
                for side in SIDES:
                    firsts[side].append(_seconds(clients[side], f"/v1/reports/{name}"))
            before, after = (statistics.median(firsts[side]) for side in SIDES)
            streams = {side: (0.0, 0.0, 0) for side in SIDES}
            if name not in skipped:
                streams = {side: stream_csv(clients[side], f"/v1/reports/{name}.csv")
                           for side in SIDES}  # fmt: skip
            table.add(name, f"{before:.3f} / {after:.3f}", ratio(after, before),
                      " / ".join(f"{streams[s][0]:.3f}" for s in SIDES),
                      " / ".join(f"{streams[s][1]:.2f}" for s in SIDES),
                      f"{streams['after'][2] / 1e6:.1f}")  # fmt: skip
            print(table.rows[-1], flush=True)
        print(table.markdown())
        print(machine()["load average at start"], "(load at the end)")


if __name__ == "__main__":
    main()
