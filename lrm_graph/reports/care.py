"""Reports on caring adults: unmentored and at-risk learners, fragile ties, caseloads.

Each report's function returns one page of one section: up to `limit` rows after the key
`after` (None: the first page), in the section's order (`catalogue`); its `count_`
twin, the rows of its summary's one aggregate query (`summary`); an `every_` function, the
rows of a section ordered by a count, after a key, lazily (`catalogue.Section.rest`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lrm_graph.db.graph import Graph
from lrm_graph.reports.common import DEFAULT_MIN_LEARNERS, Context, Rows
from lrm_graph.reports.paging import ALL, Key
from lrm_graph.reports.rows import AT_RISK, AtRiskRelationship, LearnerRow, fields_of

# How long the one query of a stream's section ordered by a count (`every_` functions) may
# stay open: it is read as the stream is written out, so a slow reader holds it open.
REST_SECONDS = 600.0

# Each section of the unmentored report, and the reasons it lists.
UNMENTORED_SECTIONS: dict[str, tuple[str, ...]] = {"learners": ("none",), "at_risk": AT_RISK}


def unmentored(graph: Graph, ctx: Context, section: str, after: Key | None, limit: int) -> Rows:
    """Find learners with no active caring adult (`learners`: none ever, or only ended
    ones), and apart from them those whose caring ties are all at risk (`at_risk`).

    A tie is at risk when it ends within `days` days ('ending'), when its logged
    interactions stopped more than `days` days ago ('quiet'), or when no interaction was
    ever logged on it and it began more than `days` days ago ('never_logged'). The rule
    is spelled out in `cypher/reports/find_unmentored.cypher`. The `reason` option keeps
    one reason's learners.
    """
    wanted = [r for r in UNMENTORED_SECTIONS[section] if ctx.options.reason in (None, r)]
    if not wanted:
        return []
    rows = graph.read(
        "reports/find_unmentored",
        **unmentored_params(ctx),
        reasons=wanted,
        after=after,
        limit=limit,
    )
    # The facts of an at-risk relationship in the row's order (a Cypher map has none).
    facts = fields_of(AtRiskRelationship)
    for row in rows:
        row["relationships"] = [
            {field: rel.get(field) for field in facts} for rel in row["relationships"]
        ]
    return rows


def count_unmentored(graph: Graph, ctx: Context) -> Rows:
    """Count the unmentored report's learners by section, reason, grade and schools."""
    return graph.read("reports/summarize_unmentored", **unmentored_params(ctx),
                      reason=ctx.options.reason)  # fmt: skip


def unmentored_params(ctx: Context) -> dict:
    """Return the parameters of the unmentored queries but the page's and the reasons."""
    return {**ctx.params(), "soon": ctx.days_ahead(), "quiet_before": ctx.days_ago()}


def fragile(graph: Graph, ctx: Context, section: str, after: Key | None, limit: int) -> Rows | None:
    """Find learners with one caring adult, the adults many depend on alone, and who'd lose all.

    `sole_adults` lists adults (or experts) who are the only caring adult of at least
    `min_learners` learners, most first; `if_adult_left` (only when `without` names an
    adult: None otherwise) lists the learners whose one caring adult that is.
    """
    if section == "sole_adults":
        return graph.read("reports/find_sole_adults", **_sole_adult_params(ctx), after=after,
                          limit=limit)  # fmt: skip
    adult = None
    if section == "if_adult_left":
        if ctx.options.without is None:
            return None
        adult = ctx.options.without
    rows = graph.read("reports/find_fragile", **ctx.params(), adult=adult, after=after,
                      limit=limit)  # fmt: skip
    if adult is None:
        return rows
    return [{k: row[k] for k in fields_of(LearnerRow)} for row in rows]


def every_sole_adult(graph: Graph, ctx: Context, after: Key) -> Iterator[dict[str, Any]]:
    """Yield every row of the fragile report's sole_adults after `after`, lazily."""
    return graph.read_each("reports/find_sole_adults", timeout=REST_SECONDS,
                           **_sole_adult_params(ctx), after=after, limit=ALL)  # fmt: skip


def _sole_adult_params(ctx: Context) -> dict[str, Any]:
    return {**ctx.params(), "min_learners": ctx.options.min_learners or DEFAULT_MIN_LEARNERS}


def count_fragile(graph: Graph, ctx: Context) -> Rows:
    """Count the fragile report's rows by section, grade and schools."""
    return graph.read("reports/summarize_fragile", **_sole_adult_params(ctx),
                      adult=ctx.options.without)  # fmt: skip


def caseloads(graph: Graph, ctx: Context, section: str, after: Key | None, limit: int) -> Rows:
    """Count each adult's caseload (caring types adult -> learner) against their capacity."""
    return graph.read("reports/count_caseloads", **_caseload_params(ctx), after=after,
                      limit=limit)  # fmt: skip


def every_caseload(graph: Graph, ctx: Context, after: Key) -> Iterator[dict[str, Any]]:
    """Yield every caseload row after `after`, lazily."""
    return graph.read_each("reports/count_caseloads", timeout=REST_SECONDS,
                           **_caseload_params(ctx), after=after, limit=ALL)  # fmt: skip


def _caseload_params(ctx: Context) -> dict[str, Any]:
    return {**ctx.filter_params(), "caseload_types": list(ctx.caring.to_learner)}


def count_caseloads(graph: Graph, ctx: Context) -> Rows:
    """Count the caseloads report's adults by status."""
    return graph.read("reports/summarize_caseloads", **_caseload_params(ctx))
