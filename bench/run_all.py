"""Build a district on a fresh embedded Neo4j and measure it: load, reads, reports,
analytics. Prints a Markdown table per part as it goes (and writes them all to --out).

    .venv/bin/python bench/run_all.py --learners 10000
    .venv/bin/python bench/run_all.py --learners 100000 --out bench/results-100k.md

Every number is a ratio against a baseline measured in the same run on the same
database, or a time beside its target; nothing here is a test, and nothing asserts.
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import time
from pathlib import Path
from types import FrameType

if __package__ in (None, ""):  # run as a script: make `bench` and the app importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import analytics, load, plans, reads, reports
from bench.common import Database, Table, fresh_database, machine
from bench.server import admin_headers, serve

PARTS = ("load", "reads", "reports", "analytics", "footprint", "plans")


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--heap", default="4g", help="Neo4j JVM heap")
    parser.add_argument("--page-cache", default="4g", help="Neo4j page cache")
    parser.add_argument("--samples", type=int, default=200, help="people sampled for reads")
    parser.add_argument("--requests", type=int, default=800, help="per question and side")
    parser.add_argument("--seconds", type=float, default=45.0, help="per question and side")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each report")
    parser.add_argument("--per-row", type=int, default=2000, help="rows of the per-row sample")
    parser.add_argument(
        "--passes",
        type=int,
        choices=(0, 1, 2),
        default=2,
        help="2: our imports, the baseline, ours again warm (the ratio); 1: ours once, "
        "cold; 0: ours once and no baseline (the ratios come from a smaller run)",
    )
    parser.add_argument("--skip", default="", help=f"parts to skip, of {', '.join(PARTS[1:])}")
    parser.add_argument("--out", type=Path, help="also write the tables to this file")
    return parser.parse_args(argv)


def setup_table(args: argparse.Namespace) -> Table:
    table = Table("Machine and run", ("what", "value"))
    for key, value in machine().items():
        table.add(key, value)
    table.add("Neo4j", f"embedded 5.26, heap {args.heap}, page cache {args.page_cache}")
    table.add("district", f"{args.learners:,} learners, seed {args.seed}")
    table.add("command", "`.venv/bin/python " + " ".join(["bench/run_all.py", *sys.argv[1:]]) + "`")
    return table


class Report:
    """Print each table as it comes, and keep the --out file up to date after each."""

    def __init__(self, out: Path | None) -> None:
        self.out, self.tables = out, list[Table]()

    def __call__(self, table: Table) -> None:
        self.tables.append(table)
        print(table.markdown(), flush=True)
        self.write()

    def write(self, tail: str = "") -> None:
        if self.out:
            text = "\n".join(t.markdown() for t in self.tables) + tail
            self.out.write_text(text, encoding="utf-8")


def measure(db: Database, args: argparse.Namespace, work: Path, show: Report) -> None:
    skip = set(args.skip.split(",")) - {""}
    show(load.run(db, args.learners, args.seed, work, args.per_row, args.passes))
    headers = admin_headers(db)
    with serve(db) as server:
        if "reads" not in skip:
            limits = {"requests": args.requests, "seconds": args.seconds, "seed": args.seed}
            show(reads.run(db, server, headers, count=args.samples, **limits))
        if "reports" not in skip:
            show(reports.run(db, server, headers, args.repeats))
    if "analytics" not in skip:
        show(analytics.run(db, args.repeats))
    if "footprint" not in skip:
        show(reports.footprint(db, headers))
    if "plans" not in skip:
        sample = reads.paths(reads.samples(db, 1, args.seed))
        asked = reports.report_paths() | {q: found[0] for q, found in sample.items() if found}
        show(plans.run(db, headers, asked))


def stop_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit, so that Neo4j is stopped and temporary files go."""

    def leave(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, leave)


def main(argv: list[str] | None = None) -> None:
    args = arguments(argv)
    stop_on_sigterm()
    start = time.perf_counter()
    show = Report(args.out)
    show(setup_table(args))
    with (
        tempfile.TemporaryDirectory(prefix="lrm-bench-district-") as work,
        fresh_database(args.heap, args.page_cache) as db,
    ):
        measure(db, args, Path(work), show)
    minutes = (time.perf_counter() - start) / 60
    print(f"whole run: {minutes:.1f} min", flush=True)
    show.write(f"\nWhole run: {minutes:.1f} min.\n")


if __name__ == "__main__":
    main()
