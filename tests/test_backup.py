"""`lrm db backup` and `lrm db restore`: a round trip into a fresh data dir holds every
count and record; a truncated, foreign or newer file is refused with the live data as it
was. Each Neo4j here is one of its own (the session's is never stopped)."""

from __future__ import annotations

import io
import json
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cli.main import app
from lrm_graph.config import Settings, get_settings
from lrm_graph.db import backup, runtime, schema
from lrm_graph.db.graph import Graph, connect
from lrm_graph.demo import demo_school

LEARNERS = 40
# Every node and every relationship, with all its properties, in a stable order.
NODES = "MATCH (n) RETURN n.uid AS uid, labels(n) AS labels, properties(n) AS props ORDER BY uid"
RELATIONSHIPS = (
    "MATCH (a)-[r]->(b) RETURN a.uid AS start, type(r) AS type, b.uid AS end, "
    "properties(r) AS props ORDER BY start, type, end, r.uid"
)


@dataclass(frozen=True)
class Instance:
    settings: Settings

    @property
    def env(self) -> dict[str, str | None]:
        """The environment that points `lrm` at this instance."""
        s = self.settings
        return {
            "NEO4J_URI": None,
            "LRM_NEO4J_URI": None,
            "LRM_DATA_DIR": str(s.data_dir),
            "LRM_BOLT_PORT": str(s.bolt_port),
            "LRM_NEO4J_HEAP": s.neo4j_heap,
            "LRM_NEO4J_PAGE_CACHE": s.neo4j_page_cache,
        }

    def lrm(self, *args: str) -> Result:
        get_settings.cache_clear()
        try:
            return CliRunner().invoke(app, ["db", *args], env=self.env)
        finally:
            get_settings.cache_clear()

    def rows(self, query: str) -> list[dict]:
        graph = connect(self.settings)
        try:
            return [r.data() for r in graph.driver.execute_query(query).records]
        finally:
            graph.close()

    def counts(self) -> backup.Counts:
        graph = connect(self.settings)
        try:
            return backup.count(graph)
        finally:
            graph.close()

    def stop(self) -> None:
        runtime.stop(self.settings.data_dir)


def instance(root: Path, name: str) -> Instance:
    settings = Settings(
        neo4j_uri=None,
        data_dir=root / name,
        bolt_port=runtime.free_port(),
        neo4j_heap="512m",
        neo4j_page_cache="64m",
    )
    return Instance(settings)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Instance, Path]]:
    """A running embedded Neo4j with the demo school, and a backup of it made by `lrm`."""
    root = tmp_path_factory.mktemp("backups")
    source = instance(root, "live")
    runtime.start(source.settings)
    try:
        graph: Graph = connect(source.settings)
        try:
            schema.apply(graph)
            demo_school.load(graph, source.settings, learners=LEARNERS, seed=3)
        finally:
            graph.close()
        made = source.lrm("backup", str(root / "school.backup"))
        assert made.exit_code == 0, made.output
        assert made.stdout.splitlines()[-1].startswith("backed up ")
        yield source, root / "school.backup"
    finally:
        source.stop()


def test_a_backup_restored_into_a_fresh_data_dir_holds_every_count_and_record(
    live: tuple[Instance, Path], tmp_path: Path
) -> None:
    source, file = live
    assert runtime.status(source.settings.data_dir).running  # started again after the dump
    fresh = instance(tmp_path, "fresh")
    try:
        restored = fresh.lrm("restore", str(file), "--yes")
        assert restored.exit_code == 0, restored.output
        assert "restored: embedded Neo4j is running" in restored.stdout
        counts, kept = fresh.counts(), backup.read_manifest(file).counts
        # All the backup held, and the restore's own audit entry (`lrm db restore`).
        assert counts.labels == kept.labels | {"AuditEntry": kept.labels["AuditEntry"] + 1}
        assert (counts.nodes, counts.relationships, counts.types) == (
            kept.nodes + 1,
            kept.relationships,
            kept.types,
        )
        assert kept.labels["Learner"] == LEARNERS and kept.labels["Entity"] > LEARNERS
        assert source.counts() == kept  # nothing was written to the live one since
        entities = "MATCH (n:Entity) WITH n ORDER BY n.uid WHERE n.uid IS NOT NULL "
        sample = entities + "WITH n SKIP 3 LIMIT 25 RETURN n.uid AS uid, properties(n) AS p"
        assert fresh.rows(sample) == source.rows(sample) and len(source.rows(sample)) == 25
        assert fresh.rows(RELATIONSHIPS) == source.rows(RELATIONSHIPS)
    finally:
        fresh.stop()


def assert_refused(source: Instance, file: Path, words: str) -> None:
    before = source.rows(NODES), runtime.status(source.settings.data_dir)
    refused = source.lrm("restore", str(file), "--yes")
    assert refused.exit_code == 1
    assert refused.stderr.startswith("error: ") and words in refused.stderr, refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert (source.rows(NODES), runtime.status(source.settings.data_dir)) == before
    assert not (source.settings.data_dir / backup.STAGING).exists()


def test_a_truncated_backup_is_refused_and_the_live_data_untouched(
    live: tuple[Instance, Path], tmp_path: Path
) -> None:
    source, file = live
    cut = tmp_path / "cut.backup"
    cut.write_bytes(file.read_bytes()[: file.stat().st_size * 2 // 3])
    assert_refused(source, cut, "damaged or truncated")


def test_a_foreign_file_is_refused_and_the_live_data_untouched(
    live: tuple[Instance, Path], tmp_path: Path
) -> None:
    source, _ = live
    foreign = tmp_path / "photos.tar"
    with tarfile.open(foreign, "w") as archive:
        info = tarfile.TarInfo("holiday.jpg")
        info.size = 4
        archive.addfile(info, io.BytesIO(b"\xff\xd8\xff\xe0"))
    assert_refused(source, foreign, "is not an LRM Graph backup")
    text = tmp_path / "notes.txt"
    text.write_text("not a backup\n")
    assert_refused(source, text, "is not an LRM Graph backup")


def test_a_backup_of_another_format_version_is_refused(
    live: tuple[Instance, Path], tmp_path: Path
) -> None:
    source, file = live
    newer = tmp_path / "newer.backup"
    with tarfile.open(file) as original, tarfile.open(newer, "w") as archive:
        for member in original.getmembers():
            body = original.extractfile(member)
            assert body is not None
            data = body.read()
            if member.name == backup.MANIFEST:
                data = json.dumps(json.loads(data) | {"version": backup.VERSION + 1}).encode()
                member.size = len(data)
            archive.addfile(member, io.BytesIO(data))
    assert_refused(source, newer, f"format version {backup.VERSION + 1}")
