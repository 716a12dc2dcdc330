"""A roster import that leaves nothing half-written: what its journal costs, and a rollback.

`oneroster.run` writes in batches, each its own transaction, each keeping its journal
(`lrm_graph.imports.journal`: the uids it created, a copy of what it changed), so that a
failure part way is rolled back whole. Measured side by side in one run, on one database:
- a first import into the emptied database and the same set imported again onto it (every
  row then finds its node or relationship: the journal copies each one the import
  stamps), with the journal (the product) and without (`Writer(journal=False)`: what
  imports did before), alternately, `--passes` times each; a warm-up import first (cold
  JVM, not counted);
- the rollback of a whole first import (its journal played back, newest batch first),
  timed; the database must be empty after it.

An earlier version of this script measured the other way to make an import atomic, one
transaction for the whole write step: at 10,000 learners it did not finish within 1,800 s
(2026-12-05, load about 20), where batches took about 31 s.

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
from lrm_graph.imports import journal, oneroster
from lrm_graph.imports.oneroster.mapping import apply
from lrm_graph.imports.oneroster.problems import DEFAULT_MAX_SKIPPED
from lrm_graph.imports.oneroster.source import RosterFiles
from lrm_graph.imports.oneroster.writer import Writer
from lrm_graph.privacy import tombstones


def write(db: Database, district: Path, *, journaled: bool, import_id: str) -> Clock:
    """Import the set as `oneroster.run` does (check, then write), the journal kept or not;
    a kept journal is left in place (the caller drops it or rolls it back)."""
    with db.timed() as took:
        files = RosterFiles(district)
        try:
            erased = tombstones.load(db.graph, db.settings)
            index = oneroster.check(files, db.graph, erased)
            oneroster.decide(index, strict=False, max_skipped=DEFAULT_MAX_SKIPPED)
            writer = Writer(
                db.graph, import_id, db.settings.bulk_batch_size, erased, journal=journaled
            )
            apply(files, index, writer, lambda _: None)
        finally:
            files.close()
    return took


def imported(db: Database, district: Path, *, journaled: bool) -> Clock:
    """Import the set whole: with the journal, as the product does (dropped at the end)."""
    import_id = uuid.uuid4().hex
    took = write(db, district, journaled=journaled, import_id=import_id)
    if journaled:
        with db.timed() as dropped:
            journal.drop(db.graph, import_id)
        took.wall, took.cpu = took.wall + dropped.wall, took.cpu + dropped.cpu
        took.jvm_cpu += dropped.jvm_cpu
    return took


def main() -> None:
    parser = district_arguments(__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=1)
    args = parser.parse_args()
    facts = machine()
    year = clock.today().year if clock.today().month > 6 else clock.today().year - 1
    with (
        tempfile.TemporaryDirectory(prefix="lrm-atomic-") as tmp,
        fresh_database(args.heap, args.page_cache) as db,
    ):
        district = Path(tmp) / "district"
        generate(district, learners=args.learners, seed=args.seed, school_year=year)
        baseline.wipe(db)
        warm = imported(db, district, journaled=True)  # the JVM warms up
        runs: dict[str, list[Clock]] = {}
        for _ in range(args.passes):
            for journaled in (False, True):
                name = "with the journal" if journaled else "without (before)"
                baseline.wipe(db)
                runs.setdefault(f"first import, {name}", []).append(
                    imported(db, district, journaled=journaled)
                )
                runs.setdefault(f"same set again, {name}", []).append(
                    imported(db, district, journaled=journaled)
                )
        nodes, relationships = db.counts()
        baseline.wipe(db)
        import_id = uuid.uuid4().hex
        written = write(db, district, journaled=True, import_id=import_id)
        with db.timed() as rollback:
            undone = journal.undo(db.graph, import_id)
        left = db.counts()
    best = {name: min(c.wall for c in clocks) for name, clocks in runs.items()}
    table = Table(
        f"A OneRoster import with its journal: {args.learners:,} learners, seed {args.seed}",
        ("step", "wall s (CPU client + JVM)", "ratio to the same step without the journal"),
    )
    table.add("first import, with the journal (cold JVM, not counted)", warm.times(), "")
    for name, clocks in runs.items():
        without = best[name.replace("with the journal", "without (before)")]
        for took in clocks:
            table.add(name, took.times(), ratio(took.wall, without))
    table.add("first import, with the journal, kept for the rollback", written.times(), "")
    table.add(
        f"rollback of that import ({undone.batches} batches)",
        rollback.times(),
        ratio(rollback.wall, best["first import, with the journal"]) + " of the import",
    )
    table.notes += [
        f"the graph after each import: {nodes:,} nodes, {relationships:,} relationships; after "
        f"the rollback: {left[0]:,} nodes, {left[1]:,} relationships "
        f"({undone.deleted:,} deleted, {undone.restored:,} restored, {len(undone.kept)} kept)",
        f"JVM heap {args.heap}, page cache {args.page_cache}",
        "machine: " + ", ".join(f"{k} {v}" for k, v in facts.items()) + f"; pid {os.getpid()}",
    ]
    print(table.markdown())


if __name__ == "__main__":
    main()
