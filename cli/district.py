"""`lrm generate` (a synthetic district) and `lrm import oneroster|lrm` (loading one).

lrm generate --learners 5000 --seed 7 --out district/
lrm import oneroster district/      # or a .zip of the set
lrm import lrm district/lrm.json
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError

from cli import operator_audit, progress, roster_report
from lrm_graph.config import Settings, get_settings
from lrm_graph.db import schema
from lrm_graph.db.graph import Graph, connect
from lrm_graph.demo import generator
from lrm_graph.demo.generator import bulk_file
from lrm_graph.errors import InvalidInput
from lrm_graph.imports import oneroster
from lrm_graph.imports.oneroster import history, jobs
from lrm_graph.imports.oneroster.problems import DEFAULT_MAX_SKIPPED, RosterRejected

import_app = typer.Typer(
    name="import",
    help="Load a OneRoster CSV set, or an LRM bulk file, into the graph.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    """Add `lrm generate` and `lrm import ...` to the `lrm` app."""
    app.command("generate")(generate)
    app.add_typer(import_app, name="import")


def say(message: str) -> None:
    typer.echo(message)


def generate(
    learners: Annotated[int, typer.Option(min=1, help="How many learners.")],
    out: Annotated[Path, typer.Option(file_okay=False, help="Directory to write into.")],
    seed: Annotated[int, typer.Option(help="Same seed, same district, byte for byte.")] = 1,
    school_year: Annotated[
        int, typer.Option(help="The year the school year starts (August to June).")
    ] = generator.DEFAULT_SCHOOL_YEAR,
    dirty: Annotated[
        float,
        typer.Option(min=0, max=1, help="Plant roster faults in this share of rows (0.02)."),
    ] = 0.0,
) -> None:
    """Write a synthetic district: OneRoster 1.2 CSV, lrm.json and manifest.json."""
    manifest = generator.generate(
        out, learners=learners, seed=seed, school_year=school_year, dirty=dirty
    )
    files = manifest["files"]["oneroster"]
    schools = len(manifest["schools"])
    say(
        f"wrote {manifest['district']} ({learners} learners, {schools} "
        f"school{'s' if schools > 1 else ''}, {manifest['school_year']}) to {out}"
    )
    say(
        f"roster: {files['users.csv']} users, {files['classes.csv']} classes, "
        f"{files['enrollments.csv']} enrollments; lrm.json: "
        f"{sum(manifest['lrm_nodes'].values())} nodes; "
        f"{manifest['relationships_per_learner']} relationships per learner in all"
    )
    gaps = ", ".join(f"{name} {gap['count']}" for name, gap in manifest["gaps"].items())
    say(f"planted gaps (learners listed in manifest.json): {gaps}")
    if dirty:
        planted = manifest["dirty"]["faults"]
        errors = sum(1 for fault in planted if fault["severity"] == "error")
        say(f"planted {len(planted)} roster faults ({errors} errors) at rate {dirty:g}")


@import_app.command("oneroster")
def import_oneroster(
    path: Annotated[Path, typer.Argument(exists=True, help="A set's directory or .zip.")],
    check: Annotated[
        bool, typer.Option("--check", help="Print the problem report; write nothing.")
    ] = False,
    form: Annotated[
        str, typer.Option("--format", help="The report's format: table, json or csv.")
    ] = "table",
    strict: Annotated[
        bool, typer.Option("--strict", help="Refuse the whole set if any row has an error.")
    ] = False,
    max_skipped: Annotated[
        float,
        typer.Option(
            min=0, max=100, help="Refuse the set if a file would skip more than this % of its rows."
        ),
    ] = DEFAULT_MAX_SKIPPED,
) -> None:
    """Import a OneRoster 1.1/1.2 CSV set (bulk or delta): valid rows are applied, rows with
    errors (and the rows that depend on them) skipped, every problem reported."""
    if form not in roster_report.FORMATS:
        raise InvalidInput(f"--format must be one of {', '.join(roster_report.FORMATS)}")
    options: dict[str, Any] = {"strict": strict, "max_skipped": max_skipped}
    with _graph() as (graph, settings):
        if check:
            _check(graph, settings, path, form, options)
            return
        with progress.shown("importing the roster", settings.progress_seconds) as start:
            operator_audit.record_run(graph, f"lrm import oneroster {path.name}", "write")
            job = jobs.create(graph, "oneroster", path.name, operator_audit.operator().id, options)
            try:
                counts = jobs.run_recorded(graph, settings, job["id"], path, start, **options)
            except RosterRejected as refused:
                say(roster_report.render(refused.problems.report(), form))
                raise
    if counts["report"]["problems"]:
        say(roster_report.render(counts["report"], form))
    modes = ", ".join(sorted(set(counts["modes"].values())))
    say(f"imported OneRoster {counts['version']} ({modes}) from {path} (import {job['id']})")
    say(_line("nodes", counts["nodes"]) + "; " + _line("relationships", counts["relationships"]))
    skipped = sum(n["skipped"] for n in counts["report"]["files"].values())
    say(
        f"ended {counts['ended']} relationships and archived {counts['archived']} nodes "
        f"the roster no longer lists; skipped {skipped} rows with errors"
    )


def _check(
    graph: Graph, settings: Settings, path: Path, form: str, options: dict[str, Any]
) -> None:
    """Print the report of a set without writing anything; exit 1 if it would be refused."""
    try:
        result = oneroster.run(graph, settings, path, check_only=True, **options)
    except RosterRejected as refused:  # the manifest cannot be read
        say(roster_report.render(refused.problems.report(), form))
        raise
    say(roster_report.render(result["report"], form))
    if "refused" in result:
        raise InvalidInput(f"the import would be refused: {result['refused']}")


@import_app.command("history")
def import_history(
    limit: Annotated[int, typer.Option(min=1, max=200, help="How many, newest first.")] = 20,
    form: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """List the imports, newest first: when, by whom, what, how it ended, rows skipped."""
    with _graph() as (graph, _):
        page = history.list_jobs(graph, limit)
    if form == "json":
        say(json.dumps(page.items, indent=2, default=str))
        return
    for job in page.items:
        skipped = sum(n["skipped"] for n in job["counts"].get("files", {}).values())
        rows = sum(job["counts"].get("rows", {}).values())
        say(
            f"{job['created_at']:%Y-%m-%d %H:%M}  {job['status']:<9} {job['id']}  "
            f"{job['source']}  by {job['by'] or '?'}  OneRoster {job['version'] or '?'} "
            f"{','.join(sorted(set(job['modes'].values()))) or '-'}  {rows} rows, "
            f"{skipped} skipped" + (f"  ({job['detail']})" if job["detail"] else "")
        )
    if not page.items:
        say("no imports yet")


@import_app.command("lrm")
def import_lrm(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A bulk JSON file.")],
) -> None:
    """Load a bulk-format file (e.g. a generated lrm.json) after its roster is imported."""
    with (
        _graph() as (graph, settings),
        progress.shown("loading", settings.progress_seconds, "characters") as start,
    ):
        operator_audit.record_run(graph, f"lrm import lrm {path.name}", "write")
        result = bulk_file.load_file(graph, settings, path, start)
    say(f"loaded {path}")
    say(_line("nodes", result.nodes) + "; " + _line("relationships", result.relationships))
    if result.rejected:
        first = result.rejected[0]
        raise InvalidInput(
            f"{len(result.rejected)} rows were rejected; the first, "
            f"{first['section']}[{first['index']}]: {first['reason']}"
        )


def _line(what: str, counts: dict[str, int]) -> str:
    return f"{what}: " + ", ".join(f"{n} {name}" for name, n in counts.items())


@contextmanager
def _graph() -> Iterator[tuple[Graph, Settings]]:
    try:
        settings = get_settings()
    except ValidationError as exc:
        raise InvalidInput(f"the configuration is not valid: {exc.errors()[0]['msg']}") from exc
    graph = connect(settings)
    try:
        schema.ensure(graph)  # an import without the constraints scans and may duplicate
        yield graph, settings
    finally:
        graph.close()
