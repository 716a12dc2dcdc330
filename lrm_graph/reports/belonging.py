"""Reports on belonging and voice: learners without a community, and mismatched voices.

Each report's function returns one page of one section: up to `limit` rows after the key
`after` (None: the first page), in the section's order (`catalogue`); its `count_`
twin, the rows of its summary's one aggregate query (`summary`).
"""

from __future__ import annotations

from lrm_graph.db.graph import Graph
from lrm_graph.reports.common import Context, Rows
from lrm_graph.reports.paging import Key
from lrm_graph.reports.rows import LearnerRow, fields_of
from lrm_graph.vocabulary import CommunityKind

# The home base of a learner is an advisory community.
HOME_BASE = CommunityKind.ADVISORY


def no_community(graph: Graph, ctx: Context, section: str, after: Key | None, limit: int) -> Rows:
    """Find learners in no community at all, and learners without a home base (advisory)."""
    rows = graph.read("reports/find_no_community", **ctx.filter_params(),
                      home_base_kind=HOME_BASE.value, in_none=section == "no_community",
                      after=after, limit=limit)  # fmt: skip
    return [{k: row[k] for k in fields_of(LearnerRow)} for row in rows]


def voice_mismatch(graph: Graph, ctx: Context, section: str, after: Key | None, limit: int) -> Rows:
    """Find caring ties one side reports and the other does not.

    `unnamed_by_learner`: an adult's active caring relationship towards a learner who
    does not name that adult (no active TRUSTS). `trusted_not_on_record`: an adult the
    learner TRUSTS who has no active relationship of any type towards the learner.
    """
    if section == "unnamed_by_learner":
        return graph.read("reports/find_unnamed_by_learner", **ctx.filter_params(),
                          to_learner_types=list(ctx.caring.to_learner), after=after,
                          limit=limit)  # fmt: skip
    return graph.read("reports/find_trusted_unrecorded", **ctx.filter_params(), after=after,
                      limit=limit)  # fmt: skip


def count_no_community(graph: Graph, ctx: Context) -> Rows:
    """Count the no-community report's learners by section, grade and schools."""
    return graph.read("reports/summarize_no_community", **ctx.filter_params(),
                      home_base_kind=HOME_BASE.value)  # fmt: skip


def count_voice_mismatch(graph: Graph, ctx: Context) -> Rows:
    """Count the voice-mismatch report's rows by section, grade and schools."""
    return graph.read("reports/summarize_voice_mismatch", **ctx.filter_params(),
                      to_learner_types=list(ctx.caring.to_learner))  # fmt: skip
