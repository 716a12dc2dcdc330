"""Load a district: `lrm generate`, `lrm import oneroster`, `lrm import lrm`, as a user
runs them (subprocesses of the real CLI on the bench database), against the baselines
of `bench.baseline` measured on the same rows in the same run.

Order: our imports on the fresh database (the JVM still cold: planning, JIT); dump what
they wrote; empty the database; the minimal UNWIND loader writes the same rows (warm);
empty it again and our imports run once more, warm, and give the ratio. The graph the
later benchmarks read is then ours. Last, the one-query-per-row sample on it.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench import baseline, memory
from bench.common import Clock, Database, Table, ratio, verdict
from bench.server import app_environment

LOAD_TARGET = 1.5  # our load at most this many times the minimal loader's time
PER_ROW_TARGET = 100.0  # our load at least this many times faster than a query per row
DISTRICT_MINUTES = 10.0  # a 100,000-learner district generated and loaded
MOONSHOT_MINUTES = 30.0  # a 1,000,000-learner district generated and loaded (issue 14)


def district_target(learners: int, seconds: float) -> tuple[str, str]:
    """Return the target a district this size is held to for generating and loading, and
    whether `seconds` met it."""
    minutes = MOONSHOT_MINUTES if learners >= 1_000_000 else DISTRICT_MINUTES
    return f"< {minutes:.0f} min", verdict(seconds < minutes * 60)


@dataclass
class Step:
    name: str
    clock: Clock
    rows: int = 0


def lrm(db: Database, *args: str, peaks: memory.Peaks | None = None) -> Clock:
    """Run one `lrm` command against the bench database; time it, CPU of the child too;
    with `peaks`, its peak resident memory is followed as `lrm <command>`."""
    env = app_environment(db)
    command = [str(Path(sys.executable).with_name("lrm")), *args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with db.timed() as clock, tempfile.TemporaryFile("w+") as output:
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
        if peaks is not None:  # "lrm generate", "lrm import oneroster", "lrm import lrm"
            words = args[:2] if args[0] == "import" else args[:1]
            peaks.watch("lrm " + " ".join(words), process.pid)
        code = process.wait()
        output.seek(0)
        said = output.read()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if code != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{said}")
    clock.cpu += (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return clock


def run(
    db: Database,
    learners: int,
    seed: int,
    workdir: Path,
    per_row_sample: int,
    passes: int,
    peaks: memory.Peaks | None = None,
) -> Table:
    """Load a district of `learners`; with `passes` 0 our imports only (no baseline), 1 our
    imports cold against the baseline, 2 our imports again (warm) for the ratio. With
    `peaks`, the `lrm` commands' peak memory is followed."""
    district = workdir / "district"
    generate = lrm(db, "generate", "--learners", str(learners), "--seed", str(seed),
                   "--out", str(district), peaks=peaks)  # fmt: skip
    first = _imports(db, district, peaks)
    nodes, relationships = db.counts()
    if passes == 0:
        return _imports_only(learners, first, generate, (nodes, relationships))
    with db.timed() as dump_clock:
        dumped = baseline.dump(db, workdir / "dump", db.settings.bulk_batch_size)
    baseline.wipe(db)
    minimal = []
    for stage in baseline.STAGES:
        with db.timed() as clock:
            baseline.load(db, dumped, stage, db.settings.bulk_batch_size)
        minimal.append(Step(stage, clock, dumped.rows(stage)))
    if db.counts() != (nodes, relationships):
        raise RuntimeError(f"the baseline wrote {db.counts()}, ours {(nodes, relationships)}")
    again = None
    if passes > 1:
        baseline.wipe(db)
        again = _imports(db, district, peaks)
    for step, stage in zip(again or first, baseline.STAGES, strict=True):
        step.rows = dumped.rows(stage)
    per_row = baseline.per_row(db, dumped, per_row_sample)
    table = _table(learners, first, again, minimal, per_row, dumped, generate)
    table.title += f", {nodes:,} nodes, {relationships:,} relationships"
    table.notes.append(f"dumping the graph for the baseline took {dump_clock.wall:.0f} s")
    return table


def _imports_only(
    learners: int, first: list[Step], generate: Clock, size: tuple[int, int]
) -> Table:
    table = Table(
        f"Load: {learners:,} learners, {size[0]:,} nodes, {size[1]:,} relationships "
        "(our imports only; the ratios come from the smaller run)",
        ("step", "s (CPU client + JVM)", "target", "met"),
    )
    for step in first:
        table.add(step.name, step.clock.times(), "", "")
    total = generate.wall + sum(s.clock.wall for s in first)
    table.add("generate", generate.times(), "", "")
    table.add("generate + both imports", f"{total:.1f}", *district_target(learners, total))
    return table


def _imports(db: Database, district: Path, peaks: memory.Peaks | None) -> list[Step]:
    return [
        Step("import oneroster", lrm(db, "import", "oneroster", str(district), peaks=peaks)),
        Step("import lrm", lrm(db, "import", "lrm", str(district / "lrm.json"), peaks=peaks)),
    ]


def _table(
    learners: int,
    first: list[Step],
    again: list[Step] | None,
    minimal: list[Step],
    per_row: baseline.PerRow,
    dumped: baseline.Dump,
    generate: Clock,
) -> Table:
    table = Table(
        f"Load: {learners:,} learners",
        ("step", "rows", "ours, cold JVM: s (CPU client + JVM)", "ours, warm", "baseline, warm",
         "ratio", "target", "met"),
    )  # fmt: skip
    ours = again or first
    for cold, warm, theirs in zip(first, ours, minimal, strict=True):
        wall, base_wall = warm.clock.wall, theirs.clock.wall
        met = verdict(wall <= LOAD_TARGET * base_wall)
        times = (cold.clock.times(), warm.clock.times() if again else "", theirs.clock.times())
        table.add(warm.name, warm.rows, *times, ratio(wall, base_wall), f"<= x{LOAD_TARGET}", met)
    load = sum(s.clock.wall for s in ours)
    base = sum(s.clock.wall for s in minimal)
    cold_load = sum(s.clock.wall for s in first)
    table.add("both imports", dumped.rows(), f"{cold_load:.1f}", f"{load:.1f}" if again else "",
              f"{base:.1f}", ratio(load, base), f"<= x{LOAD_TARGET}",
              verdict(load <= LOAD_TARGET * base))  # fmt: skip
    slow = per_row.extrapolate(dumped.rows(section="nodes"), dumped.rows(section="relationships"))
    table.add(f"one query per row ({per_row.nodes + per_row.relationships:,}-row sample, "
              "extrapolated)", dumped.rows(), "", f"{load:.1f}", f"{slow:,.0f}",
              f"{slow / load:,.0f}x faster", f">= {PER_ROW_TARGET:.0f}x faster",
              verdict(slow >= PER_ROW_TARGET * load))  # fmt: skip
    table.add("(the baseline against one query per row)", dumped.rows(), "", "", f"{base:.1f}",
              f"{slow / base:,.0f}x faster", "", "")  # fmt: skip
    total = generate.wall + cold_load
    table.add("generate + both imports (cold)", dumped.rows(), f"{total:.1f}", "",
              f"({generate.wall:.1f} s generating)", "",
              *district_target(learners, total))  # fmt: skip
    table.notes += [
        "baseline: `UNWIND $rows AS row CREATE` of the same rows (the graph our imports "
        "wrote, timestamps set from one $now), the same batch size, no checks; relationships "
        "find their ends by uid (bench/queries/baseline_*.cypher)",
        f"one query per row: {per_row.seconds_per_node * 1000:.2f} ms a node, "
        f"{per_row.seconds_per_relationship * 1000:.2f} ms a relationship (after a warm-up)",
    ]
    return table
