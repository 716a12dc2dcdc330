"""Reports on belonging and voice: learners without a community, and mismatched voices."""

from __future__ import annotations

from lrm_graph.db.graph import Graph
from lrm_graph.reports.common import Context, Rows
from lrm_graph.reports.rows import LearnerRow, fields_of
from lrm_graph.vocabulary import CommunityKind

# The home base of a learner is an advisory community.
HOME_BASE = CommunityKind.ADVISORY


def no_community(graph: Graph, ctx: Context) -> dict[str, Rows]:
    """Find learners in no community at all, and learners without a home base (advisory)."""
    rows = graph.read(
        "reports/find_no_community", **ctx.filter_params(), home_base_kind=HOME_BASE.value
    )
    learners = [{k: row[k] for k in fields_of(LearnerRow)} for row in rows]
    return {
        "no_community": [
            lr for lr, row in zip(learners, rows, strict=True) if not row["in_a_community"]
        ],
        "no_home_base": learners,
    }


def voice_mismatch(graph: Graph, ctx: Context) -> dict[str, Rows]:
    """Find caring ties one side reports and the other does not.

    `unnamed_by_learner`: an adult's active caring relationship towards a learner who
    does not name that adult (no active TRUSTS). `trusted_not_on_record`: an adult the
    learner TRUSTS who has no active relationship of any type towards the learner.
    """
    unnamed = graph.read(
        "reports/find_unnamed_by_learner",
        **ctx.filter_params(),
        to_learner_types=list(ctx.caring.to_learner),
    )
    unrecorded = graph.read("reports/find_trusted_unrecorded", **ctx.filter_params())
    return {"unnamed_by_learner": unnamed, "trusted_not_on_record": unrecorded}
