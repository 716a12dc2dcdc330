"""Build a district on a fresh embedded Neo4j and measure it: load, reads, reports,
analytics. Prints a Markdown table per part as it goes (and writes them all to --out).

    .venv/bin/python bench/run_all.py --learners 10000
    .venv/bin/python bench/run_all.py --learners 100000 --out bench/results-100k.md

Every number is a ratio against a baseline measured in the same run on the same
database, or a time beside its target; nothing here is a test, and nothing asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType

if __package__ in (None, ""):  # run as a script: make `bench` and the app importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import analytics, learner_page, load, memory, plans, reads, reports, reports_scale
from bench.common import (
    Database,
    Table,
    database_at,
    district_arguments,
    fresh_database,
    machine,
)
from bench.server import admin_headers, serve

PARTS = ("load", "reads", "reports", "reports_scale", "learner_page", "analytics", "footprint",
         "plans")  # fmt: skip


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = district_arguments(__doc__.splitlines()[0], "4g", "4g")
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
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="keep the database here after the run; when it holds a district this run's "
        "--learners and --seed loaded, measure that one and skip the load",
    )
    parser.add_argument(
        "--progress",
        type=float,
        default=0.0,
        help="print the graph's size every this many seconds while it loads (0: never)",
    )
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
        if table not in self.tables:
            self.tables.append(table)
        print(table.markdown(), flush=True)
        self.write()

    def keep(self, table: Table) -> None:
        """Keep a table that fills as the run goes: written with the others, shown later."""
        self.tables.append(table)

    def write(self, tail: str = "") -> None:
        if self.out:
            text = "\n".join(t.markdown() for t in self.tables) + tail
            self.out.write_text(text, encoding="utf-8")


class Usage:
    """The peak resident memory of each part: the API, the JVM, this process, `lrm`."""

    def __init__(self, db: Database, show: Report) -> None:
        self.db, self.show = db, show
        self.table = Table(
            "Peak memory of each part (resident MiB, peak of the part, + growth over it)",
            ("part", "wall s", "API (uvicorn)", "Neo4j JVM", "bench (this process)",
             "lrm commands"),
        )  # fmt: skip
        self.table.notes.append(
            "from /proc/PID/status VmHWM, each long-lived process's peak reset at the start "
            "of the part (bench/memory.py); the JVM's resident set holds its heap and page "
            "cache as they fill, so its growth is the part's, its peak the run's so far"
        )
        show.keep(self.table)

    @contextmanager
    def part(self, name: str, api: int | None = None) -> Iterator[memory.Peaks]:
        pids = {"jvm": self.db.pid, "bench": os.getpid()} | ({"api": api} if api else {})
        start = time.perf_counter()
        with memory.measure(**pids) as peaks:
            yield peaks
        lrm = {k: v for k, v in peaks.peak.items() if k.startswith("lrm ")}
        self.table.add(
            name,
            time.perf_counter() - start,
            _mib(peaks, "api"),
            _mib(peaks, "jvm"),
            _mib(peaks, "bench"),
            "; ".join(f"{k[4:]} {v:,.0f}" for k, v in lrm.items()),
        )
        self.show.write()


def _mib(peaks: memory.Peaks, name: str) -> str:
    if name not in peaks.peak:
        return ""
    return f"{peaks.peak[name]:,.0f} (+{peaks.peak[name] - peaks.before.get(name, 0.0):,.0f})"


def measure(db: Database, args: argparse.Namespace, work: Path, show: Report) -> None:
    skip = set(args.skip.split(",")) - {""}
    usage = Usage(db, show)
    if loaded(args) == district(args):
        print(f"measuring the district loaded in {args.data_dir} (no load)", flush=True)
    else:
        with usage.part("load") as peaks, counting(db, args.progress):
            show(load.run(db, args.learners, args.seed, work, args.per_row, args.passes, peaks))
        if args.data_dir:
            (args.data_dir / LOADED).write_text(json.dumps(district(args)), encoding="utf-8")
    # A token per part: a 100k run's parts outlast one token's lifetime.
    with serve(db) as server:
        if "reads" not in skip:
            limits = {"requests": args.requests, "seconds": args.seconds, "seed": args.seed}
            with usage.part("reads", server.pid):
                show(reads.run(db, server, admin_headers(db), count=args.samples, **limits))
        if "reports" not in skip:
            with usage.part("reports", server.pid):
                show(reports.run(db, server, admin_headers(db), args.repeats))
        if "reports_scale" not in skip:  # summary + first page, streamed CSV
            with usage.part("reports: first pages and streams", server.pid):
                show(reports_scale.run(server, admin_headers(db), args.learners))
        if "learner_page" not in skip:  # the web app's learner page (issue 12: under 1 s)
            with usage.part("learner page", server.pid):
                target = learner_page.DISTRICT_TARGET_MS if args.learners >= 100_000 else 300.0
                show(learner_page.run(db, server, admin_headers(db), samples=min(args.samples, 20),
                                      repeats=3, seed=args.seed, target_ms=target))  # fmt: skip
    if "analytics" not in skip:
        with usage.part("analytics (in this process)"):
            show(analytics.run(db, args.repeats))
    if "footprint" not in skip:
        with usage.part("footprint (a process per request)"):
            show(reports.footprint(db, admin_headers(db)))
    if "plans" not in skip:
        sample = reads.paths(reads.samples(db, 1, args.seed))
        asked = reports.report_paths() | {q: found[0] for q, found in sample.items() if found}
        show(plans.run(db, admin_headers(db), asked))
    show(usage.table)


LOADED = "loaded.json"  # in --data-dir: the district loaded there, once its load ended


def district(args: argparse.Namespace) -> dict[str, int]:
    return {"learners": args.learners, "seed": args.seed}


def loaded(args: argparse.Namespace) -> dict[str, int] | None:
    """Return the district whose load ended in --data-dir, if any."""
    marker = args.data_dir / LOADED if args.data_dir else None
    return json.loads(marker.read_text(encoding="utf-8")) if marker and marker.exists() else None


@contextmanager
def counting(db: Database, every: float) -> Iterator[None]:
    """Every `every` seconds (0: never) print how big the graph has grown, with the time:
    what a long load reached, should it be stopped."""
    if every <= 0:
        yield
        return
    stop = threading.Event()
    start = time.perf_counter()

    def report() -> None:
        while not stop.wait(every):
            try:
                nodes, relationships = db.counts()
            except Exception as exc:  # a progress line, never a failure
                print(f"progress: could not count ({exc})", flush=True)
                continue
            job = db.run("import_progress")
            doing = ""
            if job and job[0]["status"] == "running":
                done, total = job[0]["rows_done"] or 0, job[0]["rows_total"] or 0
                doing = f"; import job: {done:,} of {total:,} rows"
            minutes = (time.perf_counter() - start) / 60
            stamp = datetime.now(UTC).strftime("%H:%M:%S UTC")
            print(f"progress {stamp}: {minutes:.1f} min, {nodes:,} nodes, "
                  f"{relationships:,} relationships{doing}", flush=True)  # fmt: skip

    thread = threading.Thread(target=report, name="bench-progress", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def stop_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit, so that Neo4j is stopped and temporary files go."""

    def leave(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, leave)


def main(argv: list[str] | None = None) -> None:
    args = arguments(argv)
    stop_on_sigterm()
    if args.data_dir and (args.data_dir / "neo4j").exists() and loaded(args) != district(args):
        sys.exit(f"error: {args.data_dir} holds another district or a load that did not end; "
                 "remove it or choose another --data-dir")  # fmt: skip
    start = time.perf_counter()
    show = Report(args.out)
    show(setup_table(args))
    with (
        tempfile.TemporaryDirectory(prefix="lrm-bench-district-") as work,
        (
            database_at(args.data_dir, args.heap, args.page_cache)
            if args.data_dir
            else fresh_database(args.heap, args.page_cache)
        ) as db,
    ):
        measure(db, args, Path(work), show)
    minutes = (time.perf_counter() - start) / 60
    print(f"whole run: {minutes:.1f} min", flush=True)
    show.write(f"\nWhole run: {minutes:.1f} min.\n")


if __name__ == "__main__":
    main()
