"""Back up and restore the embedded Neo4j with Neo4j's own dump and load (`neo4j-admin`).

Neo4j Community has no online backup, and a dump needs its database offline: the embedded
Neo4j holds the store's lock while it runs. So `backup` counts what the database holds,
stops the embedded Neo4j, dumps the `neo4j` database, and starts it again; the API
answers 503 in between (mostly Neo4j's own stop and start: the dump of the demo school
takes a few seconds). A dump rather
than a copy of the store's files: it is Neo4j's own compressed archive, which Neo4j
checks when it loads it, and which `neo4j-admin database load` of any Neo4j 5.26 server
reads too, so a backup can move from the embedded Neo4j to a server. It holds the
database only, never the `system` database with its users and passwords.

A backup file is a tar archive: `lrm-backup.json` first (the format and its version,
the Neo4j version, when, what the database held: nodes by label, relationships by type,
and the dump's size and SHA-256), then `neo4j.dump`. `restore` reads all of it before it
touches anything: another format, a newer version, a foreign or truncated file is
refused with the live data as it was. It loads the dump into a staging store beside the
live one, then stops the embedded Neo4j, swaps the `neo4j` database's folders, starts it
and compares the counts with the manifest's; if they differ, the previous folders go
back. The embedded Neo4j is left running.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tarfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from lrm_graph import clock, problem_types
from lrm_graph.config import Settings
from lrm_graph.db import runtime
from lrm_graph.db.graph import Graph, connect
from lrm_graph.errors import InvalidInput, RuntimeProblem

FORMAT = "lrm-graph-backup"
VERSION = 1  # of this file's layout; restore refuses another
NEO4J_SERIES = "5.26"  # a dump loads into the same Neo4j series
MANIFEST = "lrm-backup.json"
DUMP = "neo4j.dump"
DATABASE = "neo4j"
STAGING = "restore-staging"
Say = Callable[[str], Any]


class InvalidBackup(InvalidInput):
    """A file `restore` will not load: not a backup, another version, or damaged."""

    problem = problem_types.BACKUP_INVALID


@dataclass(frozen=True)
class Counts:
    """What a database holds: totals, nodes by label and relationships by type."""

    nodes: int
    relationships: int
    labels: dict[str, int] = field(default_factory=dict)
    types: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Manifest:
    format: str
    version: int
    neo4j_version: str
    created_at: str
    database: str
    dump_bytes: int
    dump_sha256: str
    counts: Counts


def count(graph: Graph) -> Counts:
    """Return what the database holds now."""
    totals = graph.read("backup/count_all")[0]
    labels = {row["label"]: row["count"] for row in graph.read("backup/count_nodes")}
    types = {row["type"]: row["count"] for row in graph.read("backup/count_relationships")}
    return Counts(totals["nodes"], totals["relationships"], labels, types)


def backup(settings: Settings, path: Path, say: Say) -> Manifest:
    """Write a backup of the embedded Neo4j's `neo4j` database to `path`; return its manifest.

    The embedded Neo4j is stopped for the dump and started again if it was running. The
    file appears at `path` only once whole (written beside it, then renamed).
    """
    data_dir = embedded_data_dir(settings)
    was_running = runtime.status(data_dir).running
    if not was_running:
        runtime.start(settings)
    counts, version = _inventory(settings)
    work = path.parent / f".{path.name}.partial"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        say("stopping the embedded Neo4j for the dump (the API answers 503 meanwhile)")
        runtime.stop(data_dir)
        try:
            runtime.admin(
                settings, runtime.store_home(data_dir), "database", "dump", DATABASE,
                f"--to-path={work}", "--overwrite-destination=true",
            )  # fmt: skip
        finally:
            if was_running:
                runtime.start(settings)
                say("the embedded Neo4j is running again")
        manifest = _manifest(work / f"{DATABASE}.dump", counts, version)
        _write_archive(path, work / f"{DATABASE}.dump", manifest)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return manifest


def _inventory(settings: Settings) -> tuple[Counts, str]:
    graph = connect(settings)
    try:
        return count(graph), graph.read("backup/server_version")[0]["version"]
    finally:
        graph.close()


def _manifest(dump: Path, counts: Counts, neo4j_version: str) -> Manifest:
    return Manifest(
        FORMAT, VERSION, neo4j_version, clock.now().isoformat(), DATABASE,
        dump.stat().st_size, _sha256(dump), counts,
    )  # fmt: skip


def _write_archive(path: Path, dump: Path, manifest: Manifest) -> None:
    partial = path.with_name(f".{path.name}.writing")
    body = json.dumps(asdict(manifest), indent=2).encode()
    with tarfile.open(partial, "w") as archive:
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mtime, info.mode = len(body), int(clock.now().timestamp()), 0o600
        archive.addfile(info, io.BytesIO(body))
        archive.add(dump, arcname=DUMP)
    partial.chmod(0o600)  # the learners' records: readable by this user only
    partial.replace(path)


def _sha256(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def read_manifest(path: Path) -> Manifest:
    """Return a backup's manifest once the whole file checks out; `InvalidBackup` if not."""
    with _opened(path) as archive:
        return _checked(archive, path, None)


def restore(settings: Settings, path: Path, say: Say) -> Manifest:
    """Replace the embedded Neo4j's `neo4j` database with the backup at `path`.

    The file is checked whole first, and loaded into a staging store; only then is the
    embedded Neo4j stopped and the database's folders swapped. It is left running, with
    its counts checked against the backup's.
    """
    data_dir = embedded_data_dir(settings)
    staging = data_dir / STAGING
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "dump").mkdir(parents=True)
    try:
        with _opened(path) as archive:
            manifest = _checked(archive, path, staging / "dump")
        say(f"{path} is a whole backup of {manifest.created_at}; loading it aside")
        runtime.admin(
            settings, staging / "home", "database", "load", DATABASE,
            f"--from-path={staging / 'dump'}", "--overwrite-destination=true",
        )  # fmt: skip
        _swap_in(settings, data_dir, staging, manifest, say)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return manifest


def _swap_in(
    settings: Settings, data_dir: Path, staging: Path, manifest: Manifest, say: Say
) -> None:
    was_running = runtime.status(data_dir).running
    if was_running:
        say("stopping the embedded Neo4j to swap the database in (the API answers 503)")
        runtime.stop(data_dir)
    live = _folders(runtime.store_home(data_dir))
    staged, kept = _folders(staging / "home"), _folders(staging / "previous")
    _move(live, kept)
    _move(staged, live)
    try:
        runtime.start(settings)
        counts, _ = _inventory(settings)
        if counts != manifest.counts:
            raise RuntimeProblem(
                f"the restored database holds {counts.nodes} nodes and "
                f"{counts.relationships} relationships; the backup says "
                f"{manifest.counts.nodes} and {manifest.counts.relationships}"
            )
    except RuntimeProblem:
        runtime.stop(data_dir)
        _move(live, staged)
        _move(kept, live)
        if was_running:
            runtime.start(settings)
        raise


def _folders(home: Path) -> list[Path]:
    """Return the folders of the `neo4j` database under a NEO4J_HOME: store and logs."""
    return [home / "data" / "databases" / DATABASE, home / "data" / "transactions" / DATABASE]


def _move(sources: list[Path], targets: list[Path]) -> None:
    for source, target in zip(sources, targets, strict=True):
        if source.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            source.replace(target)


def embedded_data_dir(settings: Settings) -> Path:
    """Return the embedded Neo4j's data dir; `InvalidInput` when NEO4J_URI names another."""
    if settings.neo4j_uri:
        raise InvalidInput(
            f"NEO4J_URI is set ({settings.neo4j_uri}): back that Neo4j up with its own tools "
            "(neo4j-admin database dump, or your provider's snapshots); see README, Backups"
        )
    return settings.data_dir.resolve()


class _opened:
    """Open a backup as a tar archive; anything else is `InvalidBackup`."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> tarfile.TarFile:
        try:
            self.archive = tarfile.open(self.path, "r:")
        except (OSError, tarfile.TarError) as exc:
            raise InvalidBackup(f"{self.path} is not an LRM Graph backup ({exc})") from None
        return self.archive

    def __exit__(self, *exc: object) -> None:
        self.archive.close()


def _checked(archive: tarfile.TarFile, path: Path, into: Path | None) -> Manifest:
    """Check the archive's manifest and dump (size and SHA-256), copying the dump `into`
    a folder if given; return the manifest."""
    try:
        first = archive.next()
        if first is None or first.name != MANIFEST or not first.isfile():
            raise InvalidBackup(f"{path} is not an LRM Graph backup (no {MANIFEST} first)")
        manifest = _parsed(_read_member(archive, first), path)
        dump = archive.next()
        if dump is None or dump.name != DUMP or not dump.isfile():
            raise InvalidBackup(f"{path} is damaged: no {DUMP} after the manifest")
        digest, size = _copy_dump(archive, dump, into)
    except (OSError, tarfile.TarError, EOFError) as exc:
        raise InvalidBackup(f"{path} is damaged or truncated ({exc})") from None
    if (size, digest) != (manifest.dump_bytes, manifest.dump_sha256):
        raise InvalidBackup(
            f"{path} is damaged or truncated: its dump has {size} bytes (SHA-256 "
            f"{digest[:12]}...), the manifest says {manifest.dump_bytes} "
            f"({manifest.dump_sha256[:12]}...)"
        )
    return manifest


def _read_member(archive: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    extracted = archive.extractfile(member)
    if extracted is None:
        raise InvalidBackup(f"{member.name} is not a file")
    return extracted.read()


def _copy_dump(
    archive: tarfile.TarFile, member: tarfile.TarInfo, into: Path | None
) -> tuple[str, int]:
    source = archive.extractfile(member)
    if source is None:
        raise InvalidBackup(f"{DUMP} is not a file")
    digest, size = hashlib.sha256(), 0
    target = (into / f"{DATABASE}.dump").open("wb") if into is not None else None
    try:
        while chunk := source.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
            if target is not None:
                target.write(chunk)
    finally:
        if target is not None:
            target.close()
    return digest.hexdigest(), size


def _parsed(body: bytes, path: Path) -> Manifest:
    try:
        raw = json.loads(body)
        if raw.get("format") != FORMAT:
            raise InvalidBackup(f"{path} is not an LRM Graph backup (format {raw.get('format')!r})")
        if raw.get("version") != VERSION:
            raise InvalidBackup(
                f"{path} is a backup of format version {raw.get('version')}; this LRM Graph "
                f"reads version {VERSION}"
            )
        if not str(raw.get("neo4j_version", "")).startswith(NEO4J_SERIES + "."):
            raise InvalidBackup(
                f"{path} was made by Neo4j {raw.get('neo4j_version')}; this one loads "
                f"{NEO4J_SERIES}.x dumps"
            )
        counts = Counts(**raw.pop("counts"))
        return Manifest(**raw, counts=counts)
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        raise InvalidBackup(f"{path} has an unreadable manifest ({exc})") from None
