"""The baselines a load is measured against, on the same rows and the same database.

`dump` writes every node and relationship of a loaded graph to a scratch directory, one
file per (stage, labels or type), streamed, so memory stays bounded at 2M relationships.
`load` writes them back with the minimal hand-written loader: `UNWIND $rows AS row CREATE`
in batches of the same size, no checks (nodes first, then relationships found by uid).
`per_row` writes a sample of the same rows with one query per row.
"""

from __future__ import annotations

import pickle
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from bench.common import Database, query
from lrm_graph import clock

STAGES = ("roster", "lrm")  # the roster import's rows, then the bulk load's


@dataclass
class Group:
    """One file of dumped rows: nodes of one label set, or relationships of one type."""

    stage: str
    section: str  # "nodes" or "relationships"
    name: tuple[str, ...]  # the labels, or (type,)
    path: Path
    rows: int = 0


@dataclass
class Dump:
    directory: Path
    groups: dict[tuple[str, str, tuple[str, ...]], Group] = field(default_factory=dict)

    def rows(self, stage: str | None = None, section: str | None = None) -> int:
        return sum(
            g.rows
            for g in self.groups.values()
            if stage in (None, g.stage) and section in (None, g.section)
        )

    def ordered(self, stage: str, section: str) -> list[Group]:
        found = [g for g in self.groups.values() if (g.stage, g.section) == (stage, section)]
        return sorted(found, key=lambda g: g.name)


class _Writer:
    """Append rows to per-group files in pickled chunks."""

    def __init__(self, dump: Dump, chunk: int) -> None:
        self.dump, self.chunk = dump, chunk
        self.buffers: dict[tuple, list[Any]] = defaultdict(list)
        self.files: dict[tuple, BinaryIO] = {}

    def add(self, key: tuple[str, str, tuple[str, ...]], row: Any) -> None:
        if key not in self.dump.groups:
            name = f"{key[0]}-{key[1]}-{'-'.join(key[2])}.pickle"
            self.dump.groups[key] = Group(*key, path=self.dump.directory / name)
        self.dump.groups[key].rows += 1
        buffer = self.buffers[key]
        buffer.append(row)
        if len(buffer) >= self.chunk:
            self._flush(key)

    def _flush(self, key: tuple) -> None:
        if key not in self.files:
            self.files[key] = self.dump.groups[key].path.open("wb")
        pickle.dump(self.buffers[key], self.files[key], protocol=pickle.HIGHEST_PROTOCOL)
        self.buffers[key] = []

    def close(self) -> None:
        for key, buffer in list(self.buffers.items()):
            if buffer:
                self._flush(key)
        for handle in self.files.values():
            handle.close()


def dump(db: Database, directory: Path, chunk: int) -> Dump:
    """Write every node and relationship of the graph to `directory`, grouped."""
    directory.mkdir(parents=True, exist_ok=True)
    result = Dump(directory)
    writer = _Writer(result, chunk)
    with db.graph.driver.session(database=db.graph.database, fetch_size=10_000) as session:
        for record in session.run(query("dump_nodes")):
            stage = STAGES[0] if record["roster"] else STAGES[1]
            writer.add((stage, "nodes", tuple(sorted(record["labels"]))), record["props"])
        for record in session.run(query("dump_relationships")):
            stage = STAGES[0] if record["roster"] else STAGES[1]
            row = {"from_uid": record["from_uid"], "to_uid": record["to_uid"]}
            writer.add(
                (stage, "relationships", (record["type"],)), row | {"props": record["props"]}
            )
    writer.close()
    return result


def chunks(group: Group) -> Iterator[list[Any]]:
    """Yield the group's rows in the chunks they were dumped in."""
    if not group.path.exists():
        return
    with group.path.open("rb") as handle:
        while True:
            try:
                yield pickle.load(handle)  # our own file, written just now
            except EOFError:
                return


def batches(group: Group, size: int) -> Iterator[list[Any]]:
    """Yield the group's rows in batches of `size`."""
    waiting: list[Any] = []
    for chunk in chunks(group):
        waiting += chunk
        while len(waiting) >= size:
            yield waiting[:size]
            waiting = waiting[size:]
    if waiting:
        yield waiting


def load(db: Database, data: Dump, stage: str, size: int) -> None:
    """Write one stage's rows back with the minimal UNWIND loader (nodes, then edges)."""
    for group in data.ordered(stage, "nodes"):
        for batch in batches(group, size):
            db.run("baseline_nodes", rows=batch, labels=list(group.name), now=clock.now())
    for group in data.ordered(stage, "relationships"):
        for batch in batches(group, size):
            db.run("baseline_relationships", rows=batch, type=group.name[0], now=clock.now())


@dataclass
class PerRow:
    nodes: int
    relationships: int
    seconds_per_node: float
    seconds_per_relationship: float

    def extrapolate(self, nodes: int, relationships: int) -> float:
        """Return the seconds one query per row would take for the given row counts."""
        return nodes * self.seconds_per_node + relationships * self.seconds_per_relationship


def per_row(db: Database, data: Dump, sample: int) -> PerRow:
    """Write copies of about `sample` rows (half nodes, half relationships) one query per
    row, on the loaded graph, after a short warm-up; time them, then remove the copies."""
    nodes = _sample(data, "nodes", sample // 2)
    relationships = _sample(data, "relationships", sample - len(nodes))
    warm = max(1, len(nodes) // 20)
    _one_by_one(db, nodes[:warm], relationships[:warm], "-warm-up")
    return PerRow(len(nodes), len(relationships), *_one_by_one(db, nodes, relationships, ""))


def _one_by_one(
    db: Database,
    nodes: list[tuple[tuple[str, ...], Any]],
    relationships: list[tuple[tuple[str, ...], Any]],
    tag: str,
) -> tuple[float, float]:
    """Write copies of the rows one query each; return the mean seconds a node and an edge."""
    start = time.perf_counter()
    node_uids = []
    for labels, props in nodes:
        copy = props | {"uid": f"{props['uid']}-per-row{tag}"}
        if "source_id" in props:
            copy["source_id"] = f"{props['source_id']}-per-row{tag}"
        db.run("per_row_node", props=copy, labels=list(labels), now=clock.now())
        node_uids.append(copy["uid"])
    node_seconds = time.perf_counter() - start
    start = time.perf_counter()
    made = []
    for (rel_type,), row in relationships:
        props = row["props"] | {"uid": f"{row['props'].get('uid')}-per-row{tag}"}
        db.run("per_row_relationship", type=rel_type, props=props, now=clock.now(), **_ends(row))
        made.append({"from_uid": row["from_uid"], "uid": props["uid"]})
    rel_seconds = time.perf_counter() - start
    db.run("delete_sample", relationships=made, node_uids=node_uids)
    return node_seconds / max(1, len(nodes)), rel_seconds / max(1, len(relationships))


def _ends(row: dict[str, Any]) -> dict[str, str]:
    return {"from_uid": row["from_uid"], "to_uid": row["to_uid"]}


def _sample(data: Dump, section: str, size: int) -> list[tuple[tuple[str, ...], Any]]:
    """Take rows from every group of `section`, in proportion to its size."""
    total = data.rows(section=section)
    taken: list[tuple[tuple[str, ...], Any]] = []
    for group in sorted(data.groups.values(), key=lambda g: (g.stage, g.section, g.name)):
        if group.section != section or not total:
            continue
        want = max(1, round(size * group.rows / total))
        first_chunk = next(chunks(group), [])
        taken += [(group.name, row) for row in first_chunk[:want]]
    return taken[:size]


def wipe(db: Database) -> None:
    """Empty the database (implicit transactions: each query commits in batches), the
    relationships first, so that no batch holds a hub's every relationship."""
    with db.graph.driver.session(database=db.graph.database) as session:
        session.run(query("wipe_relationships")).consume()
        session.run(query("wipe")).consume()
