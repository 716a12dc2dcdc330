"""The coverage report: per organization and grade, the share of learners who are covered."""

from __future__ import annotations

from lrm_graph.db.graph import Graph
from lrm_graph.reports import paging
from lrm_graph.reports.common import Context, Rows
from lrm_graph.reports.paging import Key
from lrm_graph.reports.rows import CoverageRow, fields_of

# Each count the query returns (`with_x`), and the share it becomes (`share_x`).
SHARES = {
    count: "share_" + count.removeprefix("with_")
    for count in fields_of(CoverageRow)
    if count.startswith("with_")
}


def coverage(graph: Graph, ctx: Context, section: str, after: Key | None, limit: int) -> Rows:
    """Count learners per organization and grade, and the shares with care and connection.

    Everything is read as of `as_of` (default today): a relationship counts when it had
    begun (since is null or on or before that day) and not ended (until is null or after
    it). What makes "a goal with a connection" is spelled out in
    `cypher/reports/count_coverage.cypher`. The rows are counts, one per organization
    and grade (few): the query counts them all and the page is cut from them here; a run
    asks it once, for its summary and its pages alike (`Context.read_once`).
    """
    rows = ctx.read_once.get(QUERY)
    if rows is None:  # the first of the run's summary and pages to ask
        as_of = ctx.options.as_of or ctx.today
        found = graph.read(QUERY, **ctx.learner_params(), as_of=as_of,
                           caring_types=ctx.caring.all)  # fmt: skip
        rows = ctx.read_once[QUERY] = [_with_shares(row) for row in found]
    return paging.after(ORDER, rows, after, limit)


def count_coverage(graph: Graph, ctx: Context) -> Rows:
    """Count the coverage report's rows (one per organization and grade) from its own
    query, which counts them all at once: one row per group, at its organization."""
    return [
        {"section": "groups", "reason": None, "grade_level": group["grade_level"],
         "schools": _school(group), "count": 1}
        for group in coverage(graph, ctx, "groups", None, paging.ALL)
    ]  # fmt: skip


def _school(group: dict) -> list[dict]:
    if group["organization_uid"] is None:
        return []
    return [{"uid": group["organization_uid"], "name": group["organization_name"]}]


ORDER = ("organization_name", "organization_uid", "grade_level")  # the rows' unique key
QUERY = "reports/count_coverage"


def _with_shares(row: dict) -> dict:
    """Add to a row each count's share of its learners (0..1, four decimals)."""
    learners = row["learners"]
    shares = {
        share: round(row[count] / learners, 4) if learners else 0.0
        for count, share in SHARES.items()
    }
    return {**row, **shares}
