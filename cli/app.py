"""What every `lrm` command shares: the app, its error handling, settings, the database.

Commands hang off `app` (top level) and `db_app` (`lrm db ...`). Add a command by
decorating a function with `@app.command()` or `@db_app.command()`, or a group of them
with `app.add_typer(other_app, name=...)`. Every `LrmError` a command raises becomes one
`error: ...` line on stderr and exit code 1; typer's own usage errors exit 2.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from pydantic_settings import SettingsError
from rich.console import Console
from typer.core import TyperGroup

from lrm_graph import tabular
from lrm_graph.config import Settings, get_settings
from lrm_graph.db import runtime
from lrm_graph.db.graph import Graph, connect, translated_errors
from lrm_graph.errors import GraphUnavailable, InvalidInput, LrmError, RuntimeProblem

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

Wide = Annotated[
    bool, typer.Option("--wide", help="Show whole uids in tables (their first 8 digits otherwise).")
]


def answered_for(scope: str, given: Mapping[str, Any]) -> str:
    """Say which learners an answer covers: "the whole district (grade=09)"."""
    narrowed = ", ".join(f"{k}={tabular.cell(v)}" for k, v in given.items())
    return f"{scope} ({narrowed})" if narrowed else scope


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
