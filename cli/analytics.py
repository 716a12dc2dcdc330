"""`lrm analyze <name>`: the analytics of `lrm_graph.analysis` as a table, CSV or JSON."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, get_args

import typer

from cli import operator_audit
from cli.app import Wide, answered_for, current_settings
from lrm_graph import analysis, tabular
from lrm_graph.db.graph import connect
from lrm_graph.errors import InvalidInput
from lrm_graph.store.fields import Grade

# From the registry, so that `--help` lists every analytic and a typo exits 2.
AnalyticName = StrEnum("AnalyticName", {name: name for name in analysis.NAMES})  # type: ignore[misc]


class Format(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"


def register(app: typer.Typer) -> None:
    """Add `lrm analyze` to the `lrm` app."""
    app.command("analyze")(analyze)


def analyze(
    name: Annotated[AnalyticName, typer.Argument(help="Which analytic.", show_default=False)],
    organization: Annotated[
        str | None, typer.Option(help="Organization uid: learners actively enrolled there.")
    ] = None,
    grade: Annotated[str | None, typer.Option(help='Learner grade_level, e.g. "09".')] = None,
    community: Annotated[
        str | None, typer.Option(help="Community uid: learners who are active members.")
    ] = None,
    k: Annotated[int, typer.Option("--k", help="goal-gaps: hops from the learner.")] = 2,
    include_connected: Annotated[
        bool, typer.Option(help="goal-gaps: list connected goals too.")
    ] = False,
    limit: Annotated[
        int, typer.Option(help="mentor-matches, community-suggestions: listed per learner.")
    ] = 5,
    top: Annotated[int, typer.Option(help="structure: bridging adults listed.")] = 20,
    samples: Annotated[
        int, typer.Option(help="structure: betweenness samples on large graphs.")
    ] = 100,
    seed: Annotated[int, typer.Option(help="structure: seed of the samples.")] = 0,
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.TABLE,
    wide: Wide = False,
) -> None:
    """Run an analytic: goal-gaps, structure, mentor-matches, community-suggestions.

    The CLI runs as the local operator (cli:<user>), who sees the whole district; over
    the API each caller sees only the learners they may see. Every learner shown is
    recorded in the audit first, as the API records its callers. A table's title says
    which learners the analytic covers; CSV and JSON say it on stderr.
    """
    if grade is not None and grade not in get_args(Grade):
        raise InvalidInput(f"grade {grade!r} is not a grade code ({', '.join(get_args(Grade))})")
    filters = analysis.LearnerFilter(organization, grade, community)
    options = analysis.Options(k, include_connected, limit, top, samples, seed)
    settings = current_settings()
    graph = connect(settings)
    request = operator_audit.request(f"lrm analyze {name}")
    try:
        report = analysis.run_analytic(graph, request, settings, str(name), filters, options)
    finally:
        graph.close()
    scope = answered_for(
        report.data["scope"], {k: v for k, v in vars(filters).items() if v is not None}
    )
    if fmt is not Format.TABLE:
        typer.echo(f"{name} for {scope}", err=True)
    typer.echo(render(report, fmt, scope, wide), nl=False)


def render(report: analysis.Report, fmt: Format, scope: str, wide: bool = False) -> str:
    """Return an analytic as text: a table titled with its `scope`, the CSV download, or
    the API's JSON."""
    if fmt is Format.JSON:
        return tabular.json_text(report.data)
    if fmt is Format.CSV:
        return report.csv()
    title = f"{report.name} for {scope}: {len(report.rows)} rows"
    return tabular.table_text(report.rows, report.columns, title=title, wide=wide)
