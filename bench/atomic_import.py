"""A roster import written whole or not at all: what one transaction for its write step costs.

`oneroster.run` commits each batch on its own (the baseline). The candidate writes the same
rows with the same `Writer` inside one transaction (`Graph.unit`), so that an import that
fails part way would leave nothing written. Both run in the same run on the same database,
emptied before each import: a warm-up (batch by batch, cold JVM, not counted), then
baseline and one transaction alternately, `--passes` times each.

Measured 2026-12-05 at 10,000 learners (load average about 20): the one-transaction import
did not finish within its 1800 s timeout (the batch-by-batch import takes about 31 s on a
quieter machine): that is why imports stay batch by batch.

    .venv/bin/python bench/atomic_import.py --learners 10000
"""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `bench` and the app importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import baseline
from bench.common import Clock, Database, Table, district_arguments, fresh_database, machine, ratio
from lrm_graph import clock
from lrm_graph.demo.generator import generate
from lrm_graph.imports import oneroster
from lrm_graph.imports.oneroster.mapping import apply
from lrm_graph.imports.oneroster.problems import DEFAULT_MAX_SKIPPED
from lrm_graph.imports.oneroster.source import RosterFiles
from lrm_graph.imports.oneroster.writer import Writer
from lrm_graph.privacy import tombstones


def batch_by_batch(db: Database, district: Path) -> Clock:
    """Import as the product does (the baseline): each batch committed on its own."""
    baseline.wipe(db)
    with db.timed() as took:
        oneroster.run(db.graph, db.settings, district)
    return took


def one_transaction(db: Database, district: Path, timeout: float = 1800.0) -> Clock:
    """Import with the same check, writer and rows, the write step in one transaction."""
    baseline.wipe(db)
    settings = db.settings
    with db.timed() as took:
        files = RosterFiles(district)
        try:
            erased = tombstones.load(db.graph, settings)
            index = oneroster.check(files, db.graph, erased)
            oneroster.decide(index, strict=False, max_skipped=DEFAULT_MAX_SKIPPED)
            with db.graph.unit(timeout=timeout) as unit:
                writer = Writer(unit, uuid.uuid4().hex, settings.bulk_batch_size, erased)
                apply(files, index, writer, lambda _: None)
        finally:
            files.close()
    return took


def main() -> None:
    parser = district_arguments(__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=2)
    args = parser.parse_args()
    facts = machine()
    year = clock.today().year if clock.today().month > 6 else clock.today().year - 1
    with (
        tempfile.TemporaryDirectory(prefix="lrm-atomic-") as tmp,
        fresh_database(args.heap, args.page_cache) as db,
    ):
        district = Path(tmp) / "district"
        generate(district, learners=args.learners, seed=args.seed, school_year=year)
        warm = batch_by_batch(db, district)  # the JVM warms up
        runs: list[tuple[str, Clock]] = []
        for n in range(1, args.passes + 1):
            runs.append((f"batch by batch (baseline), pass {n}", batch_by_batch(db, district)))
            runs.append((f"one transaction, pass {n}", one_transaction(db, district)))
        nodes, relationships = db.counts()
    best_base = min(c.wall for name, c in runs if name.startswith("batch"))
    best_one = min(c.wall for name, c in runs if name.startswith("one"))
    table = Table(
        f"A OneRoster import in one transaction: {args.learners:,} learners, seed {args.seed}",
        ("import", "wall s (CPU client + JVM)", "ratio to the best baseline"),
    )
    table.add("batch by batch, first (cold JVM, not counted)", warm.times(), "")
    for name, took in runs:
        table.add(name, took.times(), ratio(took.wall, best_base))
    table.notes += [
        f"best of each: one transaction {best_one:.1f} s, batch by batch {best_base:.1f} s: "
        f"{ratio(best_one, best_base)}",
        f"the graph after each import: {nodes:,} nodes, {relationships:,} relationships; "
        f"JVM heap {args.heap}, page cache {args.page_cache}",
        "machine: " + ", ".join(f"{k} {v}" for k, v in facts.items()) + f"; pid {os.getpid()}",
    ]
    print(table.markdown())


if __name__ == "__main__":
    main()
