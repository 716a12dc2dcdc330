"""A report's summary: how many rows each section lists, in all and per school, grade and
reason, before any row.

Each report counts in one aggregate query (`Report.count`: `cypher/reports/summarize_*`,
or for coverage its own query, already one of counts), over the same learners its pages
list, so that a summary costs one round trip and returns a row per group, never a row
per learner. A learner enrolled at two schools counts at each; at none, under a null
school. `count` is rows: learners, (learner, adult) pairs, adults or groups, as the
section lists; the reason of an adult's row is its caseload status.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from lrm_graph.db.graph import Graph
from lrm_graph.reports.catalogue import Report
from lrm_graph.reports.common import Context

School = tuple[str | None, str | None]  # (uid, name)
Group = tuple[str, str | None, str | None, tuple[School, ...]]  # section, reason, grade, schools


def summarize(graph: Graph, ctx: Context, report: Report) -> dict[str, Any]:
    """Return {"total": {section: rows}, "counts": [{section, reason, school_uid,
    school_name, grade_level, count}]} for one run of a report."""
    shown = {s.name for s in report.sections if s.shown(ctx)}
    total: Counter[str] = Counter()
    counted: Counter[tuple[str, str | None, School, str | None]] = Counter()
    for (section, reason, grade, schools), count in _groups(graph, ctx, report).items():
        if section not in shown:
            continue
        total[section] += count
        for school in schools or ((None, None),):
            counted[(section, reason, school, grade)] += count
    order = sorted(counted, key=lambda k: (k[0], k[1] or "", k[2][1] or "~", k[2][0] or "",
                                           k[3] or ""))  # fmt: skip
    return {
        "total": {s.name: total.get(s.name, 0) for s in report.sections if s.name in shown},
        "counts": [
            {"section": section, "reason": reason, "school_uid": school[0],
             "school_name": school[1], "grade_level": grade,
             "count": counted[(section, reason, school, grade)]}
            for section, reason, school, grade in order
        ],
    }  # fmt: skip


def _groups(graph: Graph, ctx: Context, report: Report) -> Counter[Group]:
    found: Counter[Group] = Counter()
    for row in report.count(graph, ctx):
        schools = tuple((s["uid"], s["name"]) for s in row["schools"])
        found[(row["section"], row["reason"], row["grade_level"], schools)] += row["count"]
    return found
