"""Reports on caring adults: unmentored and at-risk learners, fragile ties, caseloads."""

from __future__ import annotations

from lrm_graph.db.graph import Graph
from lrm_graph.reports.common import DEFAULT_MIN_LEARNERS, Context, Rows
from lrm_graph.reports.rows import AT_RISK, AtRiskRelationship, LearnerRow, fields_of


def unmentored(graph: Graph, ctx: Context) -> dict[str, Rows]:
    """Find learners with no active caring adult (`learners`: none ever, or only ended
    ones), and apart from them those whose caring ties are all at risk (`at_risk`).

    A tie is at risk when it ends within `days` days ('ending'), when its logged
    interactions stopped more than `days` days ago ('quiet'), or when no interaction was
    ever logged on it and it began more than `days` days ago ('never_logged'). The rule
    is spelled out in `cypher/reports/find_unmentored.cypher`. The `reason` option keeps
    one reason's learners.
    """
    return {
        section: unmentored_page(graph, ctx, reasons, after=None, limit=ALL)
        for section, reasons in UNMENTORED_SECTIONS.items()
    }


# Each section of the unmentored report, and the reasons it lists.
UNMENTORED_SECTIONS: dict[str, tuple[str, ...]] = {"learners": ("none",), "at_risk": AT_RISK}
ALL = 2**62  # a limit no report reaches


def unmentored_page(
    graph: Graph, ctx: Context, reasons: tuple[str, ...], after: str | None, limit: int
) -> Rows:
    """Return up to `limit` learners after `after` (uid order) whose reason is one of
    `reasons` (narrowed by the `reason` option)."""
    wanted = [r for r in reasons if ctx.options.reason in (None, r)]
    if not wanted:
        return []
    rows = graph.read(
        "reports/find_unmentored",
        **ctx.params(),
        soon=ctx.days_ahead(),
        quiet_before=ctx.days_ago(),
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


def fragile(graph: Graph, ctx: Context) -> dict[str, Rows | None]:
    """Find learners with one caring adult, the adults many depend on alone, and who'd lose all.

    `sole_adults` lists adults (or experts) who are the only caring adult of at least
    `min_learners` learners, most first; `if_adult_left` (only when `without` names an
    adult) lists the learners whose one caring adult that is.
    """
    single = graph.read("reports/find_fragile", **ctx.params())
    minimum = ctx.options.min_learners or DEFAULT_MIN_LEARNERS
    sections: dict[str, Rows | None] = {
        "one_caring_adult": single,
        "sole_adults": _sole_adults(single, minimum),
        "if_adult_left": None,
    }
    if ctx.options.without is not None:
        sections["if_adult_left"] = [
            {k: row[k] for k in fields_of(LearnerRow)}
            for row in single
            if row["adult_uid"] == ctx.options.without
        ]
    return sections


def _sole_adults(single: Rows, minimum: int) -> Rows:
    """Group learners with one caring adult by that adult; keep adults with `minimum`+."""
    adults: dict[str, dict] = {}
    for row in single:
        adult = adults.setdefault(
            row["adult_uid"],
            {
                "adult_uid": row["adult_uid"],
                "adult_name": row["adult_name"],
                "adult_kind": row["adult_kind"],
                "learners": 0,
                "learner_uids": [],
            },
        )
        adult["learners"] += 1
        adult["learner_uids"].append(row["learner_uid"])
    kept = [a for a in adults.values() if a["learners"] >= minimum]
    return sorted(kept, key=lambda a: (-a["learners"], a["adult_uid"]))


def caseloads(graph: Graph, ctx: Context) -> dict[str, Rows]:
    """Count each adult's caseload (caring types adult -> learner) against their capacity."""
    rows = graph.read(
        "reports/count_caseloads",
        **ctx.filter_params(),
        caseload_types=list(ctx.caring.to_learner),
    )
    return {"adults": rows}
