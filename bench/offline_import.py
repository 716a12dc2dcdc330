"""Neo4j's offline importer (`neo4j-admin database import full`) against `lrm import`, for
a first load into an empty database, on the same graph in the same run.

    .venv/bin/python bench/offline_import.py --learners 10000

Steps: `lrm generate`, then `lrm import oneroster` and `lrm import lrm` on a fresh embedded
Neo4j (ours, timed); the graph they wrote is exported to the importer's CSV files (one per
label set and per relationship type, every property with its type, timed); the importer,
run from the jars the launcher ships (launcher/target/lib), writes a new store in a second
data directory (timed); Neo4j starts on it and the constraints and indexes are built
(`schema.apply`, timed: the importer writes none). Last, both graphs are compared: the
same nodes with the same labels and properties, the same relationships with the same
ends and properties (an order-free digest of every row, and the counts).

The comparison is fair to the importer in one way and not in another: its CSV comes from
the graph our imports wrote (the checks, ids and timestamps are ours), so the export
stands for the row shaping an adoption would do instead of the UNWIND writes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

if __package__ in (None, ""):  # run as a script: make `bench` and the app importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from neo4j import time as neo4j_time

from bench import load
from bench.common import Database, Table, district_arguments, fresh_database, machine, query, ratio
from lrm_graph.config import Settings
from lrm_graph.db import runtime, schema
from lrm_graph.db.graph import connect

IMPORTER = "org.neo4j.cli.AdminTool"
TYPES = {  # valueType() without NOT NULL -> the importer's column type
    "STRING": "string",
    "INTEGER": "long",
    "FLOAT": "double",
    "BOOLEAN": "boolean",
    "DATE": "date",
    "ZONED DATETIME": "datetime",
    "LOCAL DATETIME": "localdatetime",
    "LIST<STRING NOT NULL>": "string[]",
    "LIST<INTEGER NOT NULL>": "long[]",
}
ARRAY_DELIMITER = ";"


def column_type(value_types: set[str]) -> str:
    """Return the importer's type for a key whose values have these value types."""
    kinds = {TYPES.get(v.removesuffix(" NOT NULL"), "?") for v in value_types}
    if len(kinds) != 1 or "?" in kinds:
        raise RuntimeError(f"no single importer type for values of types {value_types}")
    return kinds.pop()


def cell(value: Any) -> Any:
    """Write a property value as the importer reads it (None: an empty field, which is no
    property; a quoted empty field would be an empty string)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, neo4j_time.DateTime | neo4j_time.Date):
        return value.iso_format()
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(str(v) for v in value)
    return value


@dataclass
class Export:
    """The CSV files of one graph: (section, name) -> (header path, data path)."""

    directory: Path
    files: dict[tuple[str, tuple[str, ...]], tuple[Path, Path]] = field(default_factory=dict)
    rows: int = 0

    def arguments(self) -> list[str]:
        args = []
        for (section, name), (header, data) in sorted(self.files.items()):
            option = "--nodes" if section == "nodes" else "--relationships"
            args.append(f"{option}={':'.join(name)}={header},{data}")
        return args


def export(db: Database, directory: Path) -> Export:
    """Write every Entity node and relationship of the graph as the importer's CSV files."""
    directory.mkdir(parents=True, exist_ok=True)
    columns: dict[tuple[str, tuple[str, ...]], dict[str, set[str]]] = defaultdict(
        lambda: defaultdict(set)
    )
    for row in db.run("offline_keys"):
        columns[(row["section"], tuple(row["name"]))][row["key"]].add(row["value_type"])
    result = Export(directory)
    writers: dict[tuple[str, tuple[str, ...]], tuple[Any, list[str]]] = {}
    handles: list[TextIO] = []
    for (section, name), keys in columns.items():
        stem = f"{section}-{'-'.join(name)}"
        header, data = directory / f"{stem}-header.csv", directory / f"{stem}.csv"
        # A node's uid is its importer id, which the importer stores as the uid property.
        order = sorted(k for k in keys if section != "nodes" or k != "uid")
        typed = [f"{k}:{column_type(keys[k])}" for k in order]
        ends = ["uid:ID"] if section == "nodes" else [":START_ID", ":END_ID"]
        header.write_text(",".join(ends + typed) + "\n", encoding="utf-8")
        handle = data.open("w", encoding="utf-8", newline="")
        handles.append(handle)
        writers[(section, name)] = (csv.writer(handle), order)
        result.files[(section, name)] = (header, data)
    try:
        for section, record in _records(db):
            writer, order = writers[(section, tuple(record["name"]))]
            props = record["props"]
            ends = [props["uid"]] if section == "nodes" else [record["from_uid"], record["to_uid"]]
            writer.writerow(ends + [cell(props.get(k)) for k in order])
            result.rows += 1
    finally:
        for opened in handles:
            opened.close()
    return result


def _records(db: Database) -> Iterator[tuple[str, Any]]:
    driver, database = db.graph.driver, db.graph.database
    for section in ("nodes", "relationships"):
        with driver.session(database=database, fetch_size=10_000) as session:
            for record in session.run(query(f"offline_{section}")):
                yield section, record


def digest(db: Database) -> dict[str, int]:
    """Return counts and an order-free digest of every Entity node and relationship."""
    found = {"nodes": 0, "relationships": 0, "digest": 0}
    for section, record in _records(db):
        props = sorted((k, repr(cell(v))) for k, v in record["props"].items())
        ends = (record.get("from_uid"), record.get("to_uid")) if section != "nodes" else ()
        text = repr((section, tuple(record["name"]), ends, props)).encode()
        found[section] += 1
        found["digest"] = (found["digest"] + int(hashlib.blake2b(text).hexdigest(), 16)) % (2**128)
    return found


def run_importer(settings: Settings, home: Path, files: Export) -> str:
    """Run `neo4j-admin database import full` into the Neo4j home `home`; return its log."""
    conf = home / "conf"
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "neo4j.conf").write_text("", encoding="utf-8")
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(conf)}
    command = [
        "java", f"-Xmx{settings.neo4j_heap}", *runtime.JVM_OPTIONS,
        "-cp", runtime.launcher_classpath(settings.launcher_dir), IMPORTER,
        "database", "import", "full", settings.neo4j_database, "--overwrite-destination=true",
        f"--array-delimiter={ARRAY_DELIMITER}", "--multiline-fields=true", "--verbose",
        *files.arguments(),  # after the database's name: each takes every file that follows
    ]  # fmt: skip
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the importer failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done.stdout


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = district_arguments(__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = arguments(argv)
    table = Table(
        f"Offline importer against lrm import: {args.learners:,} learners, a first load",
        ("step", "wall s", "ratio to lrm import (both)"),
    )
    with tempfile.TemporaryDirectory(prefix="lrm-bench-offline-") as work:
        workdir = Path(work)
        with fresh_database(args.heap, args.page_cache) as db:
            district = workdir / "district"
            load.lrm(db, "generate", "--learners", str(args.learners), "--seed", str(args.seed),
                     "--out", str(district))  # fmt: skip
            ours = [
                load.lrm(db, "import", "oneroster", str(district)),
                load.lrm(db, "import", "lrm", str(district / "lrm.json")),
            ]
            start = time.perf_counter()
            files = export(db, workdir / "csv")
            exported = time.perf_counter() - start
            expected = digest(db)
            settings = db.settings
        home = workdir / "offline"
        offline = settings.model_copy(update={"data_dir": home})
        start = time.perf_counter()
        log = run_importer(offline, home / "store", files)
        imported = time.perf_counter() - start
        start = time.perf_counter()
        runtime.start(offline, port=runtime.free_port())
        graph = connect(offline)
        try:
            started = time.perf_counter() - start
            start = time.perf_counter()
            schema.apply(graph)
            indexed = time.perf_counter() - start
            status = runtime.status(home)
            assert status.pid is not None
            got = digest(Database(offline, graph, status.pid))
        finally:
            graph.close()
            runtime.stop(home)
    both = sum(c.wall for c in ours)
    offline_total = exported + imported + started + indexed
    table.add("lrm import oneroster + lrm import lrm (online, into the empty database)", both,
              "x1.00")  # fmt: skip
    table.add(f"export the graph as CSV ({files.rows:,} rows)", exported, ratio(exported, both))
    table.add("neo4j-admin database import full", imported, ratio(imported, both))
    table.add("start Neo4j on the imported store", started, ratio(started, both))
    table.add("constraints and indexes (schema.apply)", indexed, ratio(indexed, both))
    table.add("offline, all four", offline_total, ratio(offline_total, both))
    table.add("offline without the export", offline_total - exported,
              ratio(offline_total - exported, both))  # fmt: skip
    same = got == expected
    table.notes += [
        f"the same graph: {'yes' if same else 'NO'} (ours {expected['nodes']:,} nodes, "
        f"{expected['relationships']:,} relationships; imported {got['nodes']:,}, "
        f"{got['relationships']:,}; digests {'equal' if same else 'differ'})",
        "importer: " + " ".join(line for line in log.splitlines() if "IMPORT DONE" in line),
    ]
    for key, value in machine().items():
        table.notes.append(f"{key}: {value}")
    text = table.markdown()
    print(text, flush=True)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
