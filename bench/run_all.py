"""Build a district on a fresh embedded Neo4j and measure it: load, reads, reports,
analytics. Prints a Markdown table per part as it goes (and writes them all to --out).

    .venv/bin/python bench/run_all.py --learners 10000
    .venv/bin/python bench/run_all.py --learners 100000 --out bench/results-100k.md

Every number is a ratio against a baseline measured in the same run on the same
database, or a time beside its target; nothing here is a test, and nothing asserts.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

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


def measure(db: Database, args: argparse.Namespace, work: Path) -> list[Table]:
    skip = set(args.skip.split(",")) - {""}
    tables = [load.run(db, args.learners, args.seed, work, args.per_row, args.passes)]
    show(tables[-1])
    headers = admin_headers(db)
    with serve(db) as server:
        if "reads" not in skip:
            limits = {"requests": args.requests, "seconds": args.seconds, "seed": args.seed}
            tables.append(reads.run(db, server, headers, count=args.samples, **limits))
            show(tables[-1])
        if "reports" not in skip:
            tables.append(reports.run(db, server, headers, args.repeats))
            show(tables[-1])
    if "analytics" not in skip:
        tables.append(analytics.run(db, args.repeats))
        show(tables[-1])
    if "footprint" not in skip:
        tables.append(reports.footprint(db, headers))
        show(tables[-1])
    if "plans" not in skip:
        sample = reads.paths(reads.samples(db, 1, args.seed))
        asked = reports.report_paths() | {q: found[0] for q, found in sample.items() if found}
        tables.append(plans.run(db, headers, asked))
        show(tables[-1])
    return tables


def show(table: Table) -> None:
    print(table.markdown(), flush=True)


def main(argv: list[str] | None = None) -> None:
    args = arguments(argv)
    start = time.perf_counter()
    setup = setup_table(args)
    show(setup)
    with (
        tempfile.TemporaryDirectory(prefix="lrm-bench-district-") as work,
        fresh_database(args.heap, args.page_cache) as db,
    ):
        tables = [setup, *measure(db, args, Path(work))]
    minutes = (time.perf_counter() - start) / 60
    print(f"whole run: {minutes:.1f} min", flush=True)
    if args.out:
        text = "\n".join(t.markdown() for t in tables) + f"\nWhole run: {minutes:.1f} min.\n"
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
