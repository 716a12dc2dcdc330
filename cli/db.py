"""`lrm db ...` and `lrm serve`: the embedded Neo4j, the schema, the HTTP API."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

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
from lrm_graph.db import cypher, runtime, schema
from lrm_graph.db.graph import translated_errors
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
