"""`lrm db ...` and `lrm serve`: the embedded Neo4j, the schema, the HTTP API."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from cli import operator_audit
from cli.app import (
    DataDir,
    app,
    console,
    current_settings,
    db_app,
    external_uri,
    open_graph,
    say,
    start_embedded,
)
from lrm_graph import logs
from lrm_graph.config import Settings
from lrm_graph.db import backup, cypher, runtime, schema
from lrm_graph.db.graph import connect, translated_errors
from lrm_graph.db.node_labels import NODE_CLASSES


@db_app.command("start")
def db_start(
    port: Annotated[
        int | None,
        typer.Option(min=1, max=65535, help="Bolt port (default: LRM_BOLT_PORT)."),
    ] = None,
    data_dir: DataDir = None,
) -> None:
    """Start the embedded Neo4j (building it on first use), wait until Bolt answers, and
    make sure the schema's constraints and indexes are in place (applied when missing)."""
    settings = current_settings(data_dir)
    uri = external_uri(settings)
    if uri:
        say(f"NEO4J_URI is set ({uri}): an external Neo4j is configured; nothing to start.")
        return
    already = runtime.status(settings.data_dir).running
    state = start_embedded(settings, port)
    say(("already running: " if already else "started: ") + state.describe())
    graph = open_graph(settings)
    try:
        applied = schema.ensure(graph)
    finally:
        graph.close()
    say("schema: applied (constraints and indexes)" if applied else "schema: in place")


@db_app.command("stop")
def db_stop(data_dir: DataDir = None) -> None:
    """Stop the embedded Neo4j cleanly."""
    settings = current_settings(data_dir)
    uri = external_uri(settings)
    if uri:
        say(f"NEO4J_URI is set ({uri}): an external Neo4j is configured; nothing to stop.")
        return
    if runtime.stop(settings.data_dir):
        say(f"stopped the embedded Neo4j (data dir {settings.data_dir})")
    else:
        say(f"the embedded Neo4j was not running (data dir {settings.data_dir})")


@db_app.command("status")
def db_status(data_dir: DataDir = None) -> None:
    """Say whether the database runs and answers, and where."""
    settings = current_settings(data_dir)
    uri = external_uri(settings)
    if uri is None:
        state = runtime.status(settings.data_dir)
        say(state.describe())
        if state.running:
            say(f"log: {state.log}")
        return
    graph = open_graph(settings)
    try:
        with translated_errors():
            info = graph.driver.get_server_info()
    finally:
        graph.close()
    say(f"external Neo4j at {uri} answers: {info.agent}, database {settings.neo4j_database}")


@db_app.command("migrate")
def db_migrate() -> None:
    """Apply every missing constraint and index; safe to run again and again."""
    settings = current_settings()
    graph = open_graph(settings)
    try:
        graph.ping()
        schema.apply(graph)
    finally:
        graph.close()
    where = external_uri(settings) or f"the embedded Neo4j ({settings.data_dir})"
    table = Table(title=f"schema applied to {where}, database {settings.neo4j_database}")
    table.add_column("rules")
    table.add_column("from")
    entity_rules = len(cypher.statements("schema/constraints"))
    table.add_row(f"{entity_rules} Entity-wide constraints and indexes", "cypher/schema/")
    labels = ", ".join(sorted(kind.label for kind in NODE_CLASSES))
    table.add_row(f"the constraints and indexes of {labels}", "lrm_graph/db/node_labels.py")
    console.print(table)
    say("missing rules were created, existing ones left as they were; all indexes are online")


@db_app.command("backup")
def db_backup(
    path: Annotated[
        Path, typer.Argument(dir_okay=False, help="The file to write, e.g. lrm-2026-12-05.backup.")
    ],
    data_dir: DataDir = None,
) -> None:
    """Back up the embedded Neo4j to a file with Neo4j's own dump (it stops for the dump
    and starts again: the API answers 503 meanwhile)."""
    settings = current_settings(data_dir)
    if not external_uri(settings) and runtime.status(settings.data_dir).running:
        _record(settings, f"lrm db backup {path.name}", "read")
    manifest = backup.backup(settings, path.resolve(), say)
    counts = manifest.counts
    say(
        f"backed up {counts.nodes} nodes and {counts.relationships} relationships "
        f"(Neo4j {manifest.neo4j_version}, backup format {manifest.version}) to {path}"
    )


@db_app.command("restore")
def db_restore(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A backup file.")],
    yes: Annotated[
        bool, typer.Option("--yes", help="Replace the database without asking.")
    ] = False,
    data_dir: DataDir = None,
) -> None:
    """Replace the embedded Neo4j's database with a backup: the file is checked whole
    first (format version, size, checksum) and nothing is touched if it is refused."""
    settings = current_settings(data_dir)
    backup.embedded_data_dir(settings)  # an external Neo4j is refused before anything
    manifest = backup.read_manifest(path)
    counts = manifest.counts
    say(
        f"{path}: a backup of {manifest.created_at} holding {counts.nodes} nodes and "
        f"{counts.relationships} relationships"
    )
    if not yes and not typer.confirm("replace the database with it?", default=False):
        raise typer.Exit(1)
    backup.restore(settings, path, say)
    _record(settings, f"lrm db restore {path.name}", "write")
    say(f"restored: {runtime.status(settings.data_dir).describe()}")


def _record(settings: Settings, what: str, action: str) -> None:
    graph = connect(settings)
    try:
        operator_audit.record_run(graph, what, action)
    finally:
        graph.close()


@db_app.command("build")
def db_build() -> None:
    """Build the embedded Neo4j's launcher with Maven (nothing to do when built)."""
    launcher = current_settings().launcher_dir
    if runtime.is_built(launcher):
        say(f"the launcher in {launcher} is built already")
        return
    say(f"building the launcher in {launcher} with Maven (downloads Neo4j 5.26)...")
    runtime.build(launcher)
    say("built")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="HTTP port.")] = 8000,
) -> None:
    """Serve the HTTP API (starting the embedded Neo4j first unless NEO4J_URI is set)."""
    import uvicorn

    settings = current_settings()
    if not external_uri(settings):
        say(start_embedded(settings).describe())
    say(f"serving LRM Graph on http://{host}:{port} (API docs at /docs)")
    # By name, so that lrm_graph does not import api/ (layering); uvicorn calls
    # create_app(), which reads the same cached get_settings() as above.
    logs.configure(settings.log_format)
    # uvicorn's own access log is off: the app logs each request once, with its id.
    uvicorn.run(
        "api.main:create_app",
        factory=True,
        host=host,
        port=port,
        log_config=None,
        access_log=False,
    )
