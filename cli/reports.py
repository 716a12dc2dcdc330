"""`lrm report <name>`: the reports of `lrm_graph.reports` as a table, CSV or JSON."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

import typer

from cli import operator_audit
from cli.app import Wide, answered_for, current_settings
from lrm_graph import reports, tabular
from lrm_graph.db.graph import connect

# Built from the registry, so that `--help` lists every report and typos exit 2.
ReportName = StrEnum("ReportName", {name: name for name in reports.REPORTS})  # type: ignore[misc]


class Format(StrEnum):
    TABLE = "table"
    CSV = "csv"
    NDJSON = "ndjson"
    JSON = "json"


def register(app: typer.Typer) -> None:
    """Add `lrm report` to the `lrm` app."""
    app.command("report")(report)


def report(
    name: Annotated[ReportName, typer.Argument(help="Which report.", show_default=False)],
    organization: Annotated[
        str | None, typer.Option(help="Organization uid: learners actively enrolled there.")
    ] = None,
    grade: Annotated[str | None, typer.Option(help='Learner grade_level, e.g. "09".')] = None,
    community: Annotated[
        str | None, typer.Option(help="Community uid: learners who are active members.")
    ] = None,
    days: Annotated[
        int | None, typer.Option(help="unmentored: quiet or ending within this many days.")
    ] = None,
    min_learners: Annotated[
        int | None, typer.Option(help="fragile: list adults who alone care for this many.")
    ] = None,
    without: Annotated[
        str | None, typer.Option(help="fragile: adult uid; who would be left with none?")
    ] = None,
    as_of: Annotated[
        datetime | None,
        typer.Option(formats=["%Y-%m-%d"], help="coverage: the day to look at (YYYY-MM-DD)."),
    ] = None,
    threshold: Annotated[
        int | None,
        typer.Option(help="relationship-elements: score an element needs (default: setting)."),
    ] = None,
    reason: Annotated[
        str | None,
        typer.Option(help="unmentored: only none, quiet, never_logged or ending learners."),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.TABLE,
    wide: Wide = False,
) -> None:
    """Run a report: unmentored, fragile, caseloads, no-community, voice-mismatch, coverage,
    relationship-elements.

    The CLI runs as the local operator (cli:<user>), who sees the whole district; over
    the API each caller sees only the learners they may see. Every learner shown is
    recorded in the audit first, as the API records its callers. A table's title says
    which learners the report covers; CSV and JSON say it on stderr.
    """
    filters = reports.Filters(organization, grade, community)
    options = reports.Options(
        days, min_learners, without, as_of.date() if as_of else None, threshold, reason
    )
    settings = current_settings()
    graph = connect(settings)
    request = operator_audit.request(f"lrm report {name}")
    try:
        if fmt in (Format.CSV, Format.NDJSON):  # every row, streamed a page at a time
            stream = reports.stream_report(graph, request, settings, str(name), filters,
                                           options, fmt.value)  # fmt: skip
            given = {k: v for k, v in vars(filters).items() if v}
            typer.echo(f"{name} for {answered_for(stream.scope, given)}", err=True)
            for chunk in stream.chunks:
                typer.echo(chunk, nl=False)
            return
        result = reports.run_report(graph, request, settings, str(name), filters, options)
    finally:
        graph.close()
    if fmt is not Format.TABLE:
        typer.echo(f"{name} for {covered(result)}", err=True)
    typer.echo(render(result, fmt, wide), nl=False)


def covered(result: dict[str, Any]) -> str:
    """Say which learners a report's answer covers: its scope, and the options given."""
    given = {k: v for k, v in {**result["filters"], **result["parameters"]}.items() if v}
    return answered_for(result["scope"], given)


def render(result: dict[str, Any], fmt: Format, wide: bool = False) -> str:
    """Return a report as text: one table per section, one CSV, or the API's JSON."""
    if fmt is Format.JSON:
        return tabular.json_text(result)
    if fmt is Format.CSV:
        return reports.to_csv(result)
    return _tables(result, wide)


def _tables(result: dict[str, Any], wide: bool) -> str:
    report = reports.get(result["report"])
    generated = f"{result['generated_at']:%Y-%m-%d %H:%M} UTC"
    parts = [f"{report.name} for {covered(result)}, generated {generated}\n"]
    for section in report.sections:
        rows = result["sections"].get(section.name)
        if rows is None:
            continue
        title = f"{section.title}: {len(rows)}"
        parts.append(tabular.render(rows, "table", section.columns, title=title, wide=wide))
    return "\n".join(parts)
