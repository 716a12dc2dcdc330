"""The `lrm` command line: thin commands over `lrm_graph`, output through rich.

Commands hang off `app` (top level) and `db_app` (`lrm db ...`). Add a command by
decorating a function with `@app.command()` or `@db_app.command()`, or a group of them
with `app.add_typer(other_app, name=...)`. Every `LrmError` a command raises becomes one
`error: ...` line on stderr and exit code 1; typer's own usage errors exit 2.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from pydantic_settings import SettingsError
from rich.console import Console
from rich.table import Table
from typer.core import TyperGroup

from lrm_graph import cypher, runtime, schema
from lrm_graph.config import Settings, get_settings
from lrm_graph.errors import GraphUnavailable, InvalidInput, LrmError, RuntimeProblem
from lrm_graph.graph import Graph, connect, translated_errors
from lrm_graph.models import MODELS

# Resolves sys.stdout at print time, so typer's CliRunner captures it.
console = Console(highlight=False, soft_wrap=True)


class LrmCommands(TyperGroup):
    """A command group that reports an `LrmError` as one line instead of a traceback."""

    # `Any`: the Context this overrides is typer's private vendored click one.
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except LrmError as exc:
            first, _, more = exc.detail.partition("\n")
            # typer.echo, not rich: the detail may hold [brackets] and must not be wrapped.
            typer.echo(f"error: {first}", err=True)
            if more.strip():  # e.g. the tail of Maven's or Neo4j's log
                typer.echo(textwrap.indent(more, "  "), err=True)
            raise typer.Exit(1) from None


app = typer.Typer(
    name="lrm",
    cls=LrmCommands,
    help="LRM Graph: the relationships around each learner, kept in Neo4j.",
    no_args_is_help=True,
    add_completion=False,
    # A traceback with locals could print the database password.
    pretty_exceptions_show_locals=False,
)
db_app = typer.Typer(
    name="db",
    cls=LrmCommands,
    help="The graph database: start, stop and check the embedded Neo4j; apply the schema.",
    no_args_is_help=True,
)
app.add_typer(db_app, name="db")

DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Data dir of the embedded Neo4j (default: LRM_DATA_DIR).",
        file_okay=False,
    ),
]


def say(message: str) -> None:
    """Print one plain message (no rich markup: paths and URIs may hold brackets)."""
    console.print(message, markup=False)


def current_settings(data_dir: Path | None = None) -> Settings:
    """Return the process settings, with `--data-dir` applied; bad values are `InvalidInput`."""
    try:
        settings = get_settings()
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        raise InvalidInput(f"the configuration is not valid: {problems}") from exc
    except SettingsError as exc:  # e.g. LRM_CARING_TYPES that is not a JSON list
        raise InvalidInput(f"the configuration is not valid: {exc}") from exc
    if data_dir is not None:
        settings = settings.model_copy(update={"data_dir": data_dir.resolve()})
    return settings


def external_uri(settings: Settings) -> str | None:
    return settings.neo4j_uri or None


def start_embedded(settings: Settings, port: int | None = None) -> runtime.Status:
    """Start the embedded Neo4j unless it runs; build the launcher first if needed."""
    current = runtime.status(settings.data_dir.resolve())
    if current.running:
        return current
    launcher = settings.launcher_dir
    if not (launcher / "pom.xml").is_file():
        raise RuntimeProblem(f"no launcher project at {launcher} (LRM_LAUNCHER_DIR)")
    if not runtime.is_built(launcher):
        say("building the embedded Neo4j with Maven (first use: it downloads Neo4j 5.26)...")
    say("starting the embedded Neo4j and waiting for Bolt...")
    return runtime.start(settings, port=port)


def open_graph(settings: Settings) -> Graph:
    """Connect to the configured Neo4j, saying plainly when the embedded one is down."""
    if not external_uri(settings):
        state = runtime.status(settings.data_dir.resolve())
        if not state.running:
            raise GraphUnavailable(
                f"the embedded Neo4j is not running (data dir {settings.data_dir}); "
                "start it with `lrm db start`"
            )
    with translated_errors():
        graph = connect(settings)
    return graph


@db_app.command("start")
def db_start(
    port: Annotated[
        int | None,
        typer.Option(min=1, max=65535, help="Bolt port (default: LRM_BOLT_PORT)."),
    ] = None,
    data_dir: DataDir = None,
) -> None:
    """Start the embedded Neo4j (building it on first use) and wait until Bolt answers."""
    settings = current_settings(data_dir)
    uri = external_uri(settings)
    if uri:
        say(f"NEO4J_URI is set ({uri}): an external Neo4j is configured; nothing to start.")
        return
    already = runtime.status(settings.data_dir).running
    state = start_embedded(settings, port)
    say(("already running: " if already else "started: ") + state.describe())


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
    labels = ", ".join(sorted(kind.label for kind in MODELS))
    table.add_row(f"the constraints and indexes of {labels}", "lrm_graph/models.py")
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
    uvicorn.run("api.main:create_app", factory=True, host=host, port=port)


from lrm_graph import cli_reports  # noqa: E402

cli_reports.register(app)

from lrm_graph import cli_analytics  # noqa: E402

cli_analytics.register(app)

from lrm_graph import cli_demo  # noqa: E402

cli_demo.register(app)

from lrm_graph import cli_district  # noqa: E402

cli_district.register(app)

from lrm_graph import cli_auth  # noqa: E402

cli_auth.register(app)
