"""A report's summary: how many rows each section lists, in all and per school, grade and
reason, before any row.

The unmentored report counts in one aggregate query (`cypher/reports/summarize_unmentored`);
the others count their sections a page at a time (keyset pages, so memory stays that of
one page), looking up the schools of each page's learners in one query per page. A
learner enrolled at two schools counts at each; at none, under a null school. `count` is
rows: learners, (learner, adult) pairs, adults or groups, as the section lists.
"""

from __future__ import annotations

from collections import Counter
from functools import partial
from typing import Any

from lrm_graph.db.graph import Graph
from lrm_graph.reports.care import unmentored_params
from lrm_graph.reports.catalogue import Report
from lrm_graph.reports.common import Context
from lrm_graph.reports.paging import MAX_LIMIT, every_page
from lrm_graph.reports.places import School, schools_of

Group = tuple[str, str | None, str | None, tuple[School, ...]]  # section, reason, grade, schools


def summarize(graph: Graph, ctx: Context, report: Report) -> dict[str, Any]:
    """Return {"total": {section: rows}, "counts": [{section, reason, school_uid,
    school_name, grade_level, count}]} for one run of a report."""
    if report.name == "unmentored":
        groups = _unmentored(graph, ctx)
    else:
        groups = _by_pages(graph, ctx, report)
    total: Counter[str] = Counter()
    counted: Counter[tuple[str, str | None, School, str | None]] = Counter()
    for (section, reason, grade, schools), count in groups.items():
        total[section] += count
        for school in schools or ((None, None),):
            counted[(section, reason, school, grade)] += count
    order = sorted(counted, key=lambda k: (k[0], k[1] or "", k[2][1] or "~", k[2][0] or "",
                                           k[3] or ""))  # fmt: skip
    return {
        "total": {s.name: total.get(s.name, 0) for s in report.sections if s.shown(ctx)},
        "counts": [
            {"section": section, "reason": reason, "school_uid": school[0],
             "school_name": school[1], "grade_level": grade,
             "count": counted[(section, reason, school, grade)]}
            for section, reason, school, grade in order
        ],
    }  # fmt: skip


def _unmentored(graph: Graph, ctx: Context) -> Counter[Group]:
    rows = graph.read("reports/summarize_unmentored", **unmentored_params(ctx),
                      reason=ctx.options.reason)  # fmt: skip
    found: Counter[Group] = Counter()
    for row in rows:
        schools = tuple((s["uid"], s["name"]) for s in row["schools"])
        found[(row["section"], row["reason"], row["grade_level"], schools)] += row["count"]
    return found


def _by_pages(graph: Graph, ctx: Context, report: Report) -> Counter[Group]:
    found: Counter[Group] = Counter()
    for section in report.sections:
        if not section.shown(ctx):
            continue
        read = partial(report.page, graph, ctx, section.name)
        for rows in every_page(read, section.order, MAX_LIMIT):
            learners = (row["learner_uid"] for row in rows if row.get("learner_uid"))
            schools = schools_of(graph, learners, ctx.today)
            for row in rows:
                where = schools.get(row.get("learner_uid") or "", ())
                if row.get("organization_uid") is not None:
                    where = ((row["organization_uid"], row.get("organization_name")),)
                reason = row.get("reason") or row.get("status")
                found[(section.name, reason, row.get("grade_level"), where)] += 1
    return found
