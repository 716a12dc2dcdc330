"""A dirty district imported as a user runs it: `lrm import oneroster` of a district with
roster faults planted (`lrm generate --dirty RATE`), against the same district clean,
imported in the same run on the same (emptied) database: clean first (the JVM warms up),
then dirty, then clean again, the baseline, then the same clean set once more (a re-import,
where the journal copies every row it stamps).

It prints the times side by side (the ratio is dirty over clean), what the report found
against what was planted (precision and recall), how many rows were skipped, and whether
the dirty import's graph is the clean one's minus exactly the skipped rows.

    .venv/bin/python bench/dirty_import.py --learners 10000 --rate 0.01
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `bench` and the app importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import baseline
from bench.common import Database, Table, district_arguments, fresh_database, machine, ratio
from bench.load import lrm
from bench.server import app_environment
from lrm_graph.demo.generator import dirty as dirty_roster


def report_of(db: Database, district: Path) -> dict[str, Any]:
    """Run `lrm import oneroster --check --format json` (writes nothing); return the report."""
    command = [str(Path(sys.executable).with_name("lrm")), "import", "oneroster", str(district),
               "--check", "--format", "json"]  # fmt: skip
    done = subprocess.run(command, env=app_environment(db), capture_output=True, text=True,
                          check=False)  # fmt: skip
    return json.loads(done.stdout)


def roster_graph(db: Database) -> tuple[set[tuple], set[tuple]]:
    """Return the roster's nodes and relationships as the generator's `minus_skipped`
    takes them."""
    nodes = {tuple(row.values()) for row in db.run("roster_nodes")}
    return nodes, {tuple(row.values()) for row in db.run("roster_relationships")}


def main() -> None:
    parser = district_arguments(__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=0.01)
    args = parser.parse_args()
    facts = machine()
    with (
        tempfile.TemporaryDirectory(prefix="lrm-dirty-") as tmp,
        fresh_database(args.heap, args.page_cache) as db,
    ):
        clean, dirty = Path(tmp) / "clean", Path(tmp) / "dirty"
        size = ("--learners", str(args.learners), "--seed", str(args.seed))
        lrm(db, "generate", *size, "--out", str(clean))
        lrm(db, "generate", *size, "--out", str(dirty), "--dirty", str(args.rate))
        planted = json.loads((dirty / "manifest.json").read_text())["dirty"]["faults"]
        cold_clock = lrm(db, "import", "oneroster", str(clean))  # the JVM warms up
        clean_graph = roster_graph(db)
        baseline.wipe(db)
        check_clock = lrm(db, "import", "oneroster", str(dirty), "--check", "--format", "json")
        report = report_of(db, dirty)
        gone_users, gone_links = dirty_roster.skipped_ids(clean, report)
        dirty_clock = lrm(db, "import", "oneroster", str(dirty))
        dirty_graph = roster_graph(db)
        baseline.wipe(db)
        clean_clock = lrm(db, "import", "oneroster", str(clean))
        # The same set again: every row finds what it made, and each batch's journal
        # copies all it stamps (lrm_graph.imports.journal), the journal's dearest case.
        again_clock = lrm(db, "import", "oneroster", str(clean))
    found = {(p["file"], p["line"], p["column"], p["code"]) for p in report["problems"]}
    wanted = {(f["file"], f["line"], f["column"], f["code"]) for f in planted}
    hits = len(found & wanted)
    table = Table(
        f"Dirty import: {args.learners:,} learners, faults at rate {args.rate:g}, seed {args.seed}",
        ("step", "wall s (CPU client + JVM)", "ratio to the clean import"),
    )
    for name, clock in (("import oneroster, clean, first (cold JVM)", cold_clock),
                        ("import oneroster, clean (warm: the baseline)", clean_clock),
                        ("import oneroster --check, dirty", check_clock),
                        ("import oneroster, dirty", dirty_clock),
                        ("import oneroster, clean, the same set again", again_clock)):  # fmt: skip
        table.add(name, clock.times(), ratio(clock.wall, clean_clock.wall))
    expected = dirty_roster.minus_skipped(*clean_graph, gone_users, gone_links)
    rows = sum(n["rows"] for n in report["files"].values())
    skipped = sum(n["skipped"] for n in report["files"].values())
    table.notes += [
        f"planted {len(wanted):,} faults; the report's causes: {len(found):,}; "
        f"precision {hits / max(len(found), 1):.3f}, recall {hits / max(len(wanted), 1):.3f}",
        f"{report['errors']:,} errors (with knock-ons), {report['warnings']:,} warnings; "
        f"{skipped:,} of {rows:,} rows skipped",
        f"the dirty import's graph is the clean district's minus exactly the skipped rows: "
        f"{'yes' if dirty_graph == expected else 'NO'} ({len(dirty_graph[0]):,} roster nodes, "
        f"{len(dirty_graph[1]):,} roster relationships; the clean district's "
        f"{len(clean_graph[0]):,} and {len(clean_graph[1]):,}; {len(gone_users):,} users and "
        f"{len(gone_links):,} links skipped)",
        "machine: " + ", ".join(f"{k} {v}" for k, v in facts.items()) + f"; pid {os.getpid()}",
    ]
    print(table.markdown())


if __name__ == "__main__":
    main()
