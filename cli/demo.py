"""`lrm demo`: load the synthetic demo school and show what went in and where the gaps are."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from lrm_graph.config import Settings, get_settings
from lrm_graph.db import runtime, schema
from lrm_graph.db.graph import connect
from lrm_graph.demo import demo_school, signins
from lrm_graph.imports import bulk

# Resolves sys.stdout at print time, so typer's CliRunner captures it.
console = Console(highlight=False, soft_wrap=True)
COUNTS = ("created", "updated", "unchanged")


def register(app: typer.Typer) -> None:
    """Add `lrm demo` to the command line."""
    app.command("demo")(demo)


def demo(
    learners: Annotated[
        int, typer.Option(min=10, max=10_000, help="How many learners (grades 09-12).")
    ] = 300,
    seed: Annotated[int, typer.Option(help="The same seed makes the same school.")] = 7,
    manifest: Annotated[
        Path | None,
        typer.Option(dir_okay=False, help="Write the planted gaps here as JSON ('-': stdout)."),
    ] = None,
) -> None:
    """Load a synthetic demo school with known gaps; running it again changes nothing."""
    settings = get_settings()
    if not settings.neo4j_uri:
        _ensure_embedded(settings)
    graph = connect(settings)
    try:
        graph.ping()
        schema.apply(graph)
        run = demo_school.load(graph, settings, learners=learners, seed=seed)
        made = signins.ensure(graph, settings)
    finally:
        graph.close()
    console.print(_loaded_table(run))
    console.print(_changed_line(run.result), markup=False)
    console.print(_gaps_table(run.manifest))
    console.print(_signins_table(made))
    console.print(
        "sign in at POST /v1/auth/token (form fields username, password), or in the API "
        "docs (/docs, Authorize); the passwords stay the same for this data set",
        markup=False,
    )
    if manifest is not None:
        text = json.dumps(run.manifest.as_dict(), indent=2)
        if str(manifest) == "-":
            typer.echo(text)
        else:
            manifest.write_text(text + "\n", encoding="utf-8")
            console.print(f"manifest written to {manifest}", markup=False)


def _ensure_embedded(settings: Settings) -> None:
    if not runtime.status(settings.data_dir.resolve()).running:
        console.print("starting the embedded Neo4j (building it on first use)...")
    runtime.start(settings)


def _loaded_table(run: demo_school.DemoRun) -> Table:
    table = Table(title=f"demo school loaded (seed {run.manifest.seed})")
    for column in ("kind / type", "rows", *COUNTS):
        table.add_column(column, justify="left" if column == "kind / type" else "right")
    sections = (
        (run.manifest.nodes, run.result.per_kind),
        (run.manifest.relationships, run.result.per_type),
    )
    for planned, counts in sections:
        for name, rows in planned.items():
            table.add_row(name, str(rows), *_counted(counts[name]))
        table.add_section()
    totals = ((run.result.nodes, "all nodes"), (run.result.relationships, "all relationships"))
    for done, label in totals:
        table.add_row(label, str(sum(vars(done).values())), *_counted(done))
    return table


def _counted(done: bulk.Counts) -> list[str]:
    return [str(getattr(done, name)) for name in COUNTS]


def _changed_line(result: bulk.BulkResult) -> str:
    """Say how many rows changed the graph (0 when the school was loaded as it is)."""
    changed = sum(c.created + c.updated for c in (result.nodes, result.relationships))
    kept = result.nodes.unchanged + result.relationships.unchanged
    return f"{changed} changed, {kept} already as planned (left untouched)"


def _gaps_table(manifest: demo_school.Manifest) -> Table:
    table = Table(title="planted gaps")
    table.add_column("gap", no_wrap=True)
    table.add_column("learners", justify="right")
    table.add_column("first source_ids")
    table.add_column("meaning", ratio=1)
    for gap, learners in manifest.gaps.items():
        first = ", ".join(learner["source_id"] for learner in learners[:2])
        more = f" (+{len(learners) - 2})" if len(learners) > 2 else ""
        table.add_row(gap, str(len(learners)), first + more, demo_school.GAP_MEANINGS[gap])
    return table


def _signins_table(signins: list[signins.DemoSignIn]) -> Table:
    table = Table(title="demo sign-ins")
    for column in ("role", "email", "password", "who"):
        table.add_column(column, no_wrap=column != "who")
    for signin in signins:
        table.add_row(signin.role, signin.email, signin.password, signin.who, style=None)
    return table
