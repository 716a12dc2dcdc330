"""Run a report for a `ReportScope`, and turn its answer into rows and CSV.

`run` checks no caller and records nothing: the use case `lrm_graph.reports.run_report`
does both around it. Only the learners the scope sees are listed or counted, also in the
rows about adults. For a caller who sees only some learners, a filter or `without` that
names something outside their scope, or nothing at all, gives the same answer: an empty
report (a 404 would tell the two apart, and let uids be probed).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from lrm_graph import clock, tabular
from lrm_graph.access.report_scope import DISTRICT, ReportScope
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.errors import InvalidInput
from lrm_graph.reports import paging
from lrm_graph.reports.catalogue import Report, Section, get
from lrm_graph.reports.common import (
    DEFAULT_MIN_LEARNERS,
    Context,
    Filters,
    Options,
    Rows,
    caring_types,
    check_nodes,
    check_values,
)
from lrm_graph.reports.paging import EVERY_ROW, Key, PageRequest
from lrm_graph.reports.summary import summarize


def run(
    graph: Graph,
    settings: Settings,
    name: str,
    filters: Filters,
    options: Options,
    scope: ReportScope = DISTRICT,
    page: PageRequest = EVERY_ROW,
    summary: bool = False,
) -> dict[str, Any]:
    """Run one report over the learners `scope` sees: `page.limit` rows of each section
    (every row by default) after `page.cursor`, and with `summary` (on a first page) the
    counts per section, school, grade and reason; 404 for an unknown report (or, for the
    whole district, an unknown filter node), 422 for a bad value or cursor."""
    report = get(name)
    ctx = context(graph, settings, report, filters, options, scope)
    page.check()
    keys: dict[str, Key | None]
    if page.cursor:
        keys = dict(paging.decode(name, page.cursor, [s.name for s in report.sections]))
    else:
        keys = {s.name: None for s in report.sections}
    sections: dict[str, Rows | None] = {}
    next_keys: dict[str, Key] = {}
    for section in report.sections:
        if section.name not in keys or not section.shown(ctx):
            sections[section.name] = None
            continue
        limit = page.limit if page.limit == paging.ALL else page.limit + 1
        rows = report.page(graph, ctx, section.name, keys[section.name], limit) or []
        sections[section.name] = rows[: page.limit]
        if len(rows) > page.limit:
            next_keys[section.name] = paging.key_of(section.order, rows[page.limit - 1])
    return {
        "report": name,
        "description": report.description,
        "filters": filters.params(),
        "parameters": _parameters(report, ctx),
        "caring_types": ctx.caring.all,
        "today": ctx.today,
        "generated_at": clock.now(),
        "summary": summarize(graph, ctx, report) if summary and not page.cursor else None,
        "sections": sections,
        "limit": None if page.limit == paging.ALL else page.limit,
        "next_cursor": paging.encode(name, next_keys) if next_keys else None,
        "next_cursors": {
            s.name: paging.encode(name, {s.name: next_keys[s.name]})
            if s.name in next_keys
            else None
            for s in report.sections
        },
    }


def summary_of(
    graph: Graph,
    settings: Settings,
    name: str,
    filters: Filters,
    options: Options,
    scope: ReportScope = DISTRICT,
) -> dict[str, Any]:
    """Return one report's summary alone, over the learners `scope` sees: its one
    aggregate query, no row (`summarize`); 404 and 422 as `run`."""
    report = get(name)
    return summarize(graph, context(graph, settings, report, filters, options, scope), report)


def context(
    graph: Graph,
    settings: Settings,
    report: Report,
    filters: Filters,
    options: Options,
    scope: ReportScope,
) -> Context:
    """Check a run's filters and options; return its context. 404 for an unknown filter
    node (whole district only), 422 for a bad value."""
    name = report.name
    unknown = sorted(options.given() - set(report.options))
    if unknown:
        takes = ", ".join(report.options) or "no options"
        raise InvalidInput(
            f"the {name} report does not take {', '.join(unknown)}; it takes {takes}"
        )
    today = clock.today()
    check_values(filters, options, today)
    caring = caring_types(settings.caring_types)
    if scope.whole_district:
        # Only here: within a part of the district, unknown and out of scope look alike.
        check_nodes(graph, filters, options)
    return Context(filters, options, caring, today, scope.param(), settings.element_threshold)


def _parameters(report: Report, ctx: Context) -> dict[str, Any]:
    """Return the value each option of the report had in this run, defaults filled in."""
    effective = {
        "days": ctx.days,
        "min_learners": ctx.options.min_learners or DEFAULT_MIN_LEARNERS,
        "without": ctx.options.without,
        "as_of": ctx.options.as_of or ctx.today,
        "threshold": ctx.threshold,
        "reason": ctx.options.reason,
    }
    return {option: effective[option] for option in report.options}


def disclosed(result: Mapping[str, Any]) -> set[str]:
    """Return the uids of the learners a report's answer names (a count names nobody)."""
    return {uid for rows in result["sections"].values() for uid in disclosed_by(rows or ())}


def disclosed_by(rows: Iterable[Mapping[str, Any]]) -> set[str]:
    """Return the uids of the learners some rows of a report name."""
    found: set[str] = set()
    for row in rows:
        if row.get("learner_uid") is not None:
            found.add(row["learner_uid"])
        found.update(row.get("learner_uids") or ())
    return found


def to_rows(result: Mapping[str, Any]) -> tuple[Rows, list[str]]:
    """Return a report's rows as one list, with a `section` column when it has several."""
    report = get(result["report"])
    sections = [s for s in report.sections if result["sections"].get(s.name) is not None]
    columns = to_columns(report, sections)
    if len(report.sections) == 1:
        return list(result["sections"][report.sections[0].name]), columns
    rows = [{"section": s.name, **row} for s in sections for row in result["sections"][s.name]]
    return rows, columns


def to_columns(report: Report, sections: Sequence[Section]) -> list[str]:
    """Return the CSV columns of a report listing `sections`: a `section` column first
    when the report has several."""
    if len(report.sections) == 1:
        return list(report.sections[0].columns)
    return ["section", *tabular.columns_of([dict.fromkeys(s.columns) for s in sections])]


def to_csv(result: Mapping[str, Any]) -> str:
    """Return a report as one CSV (several sections share it, told apart by `section`)."""
    rows, columns = to_rows(result)
    return tabular.csv_text(rows, columns)
