"""The reports of "no learner without a caring adult": which exist, and how to run one.

Every report looks at the learners the filters select (organization, grade, community;
archived learners and adults never count), returns named sections of rows keyed by
learner (or adult) uid, and runs one named Cypher query per section at most.

A report is run for a `ReportScope`: the learners the caller may see (the CLI's local
operator and a district admin see every one). Only those learners are listed or counted,
also in the rows about adults. For a caller who sees only some learners, a filter or
`without` that names something outside their scope, or nothing at all, gives the same
answer: an empty report (a 404 would tell the two apart, and let uids be probed).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from lrm_graph import clock, tabular
from lrm_graph.access.report_scope import DISTRICT, ReportScope
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.errors import InvalidInput, NotFound
from lrm_graph.records.ratings import ELEMENTS
from lrm_graph.reports.belonging import no_community, voice_mismatch
from lrm_graph.reports.care import caseloads, fragile, unmentored
from lrm_graph.reports.common import (
    DEFAULT_DAYS,
    DEFAULT_MIN_LEARNERS,
    Context,
    Filters,
    InvalidSetting,
    Options,
    Rows,
    caring_types,
    check_nodes,
    check_values,
)
from lrm_graph.reports.coverage import SHARES, coverage
from lrm_graph.reports.elements import relationship_elements

__all__ = [
    "DEFAULT_DAYS",
    "DEFAULT_MIN_LEARNERS",
    "REPORTS",
    "Filters",
    "InvalidSetting",
    "Options",
    "Report",
    "Section",
    "caring_types",
    "describe",
    "disclosed",
    "get",
    "run",
    "to_csv",
    "to_rows",
]

LEARNER = ("learner_uid", "learner_name", "grade_level")
ADULT = ("adult_uid", "adult_name", "adult_kind")
CASELOAD = ("adult_uid", "adult_name", "roles", "capacity", "learners", "learners_in_scope",
            "room", "status")  # fmt: skip
# Each count of the coverage report is followed by its share.
ELEMENT_ROW = (*LEARNER, "relationships")
COVERAGE = ("organization_uid", "organization_name", "grade_level", "learners",
            *(column for pair in SHARES.items() for column in pair))  # fmt: skip


@dataclass(frozen=True)
class Section:
    name: str
    title: str
    columns: tuple[str, ...]


@dataclass(frozen=True)
class Report:
    name: str
    description: str
    sections: tuple[Section, ...]
    options: tuple[str, ...]  # the `Options` fields it takes
    compute: Callable[[Graph, Context], Mapping[str, Rows | None]]


REPORTS: dict[str, Report] = {
    report.name: report
    for report in (
        Report(
            "unmentored",
            "Learners with no active caring adult, and those whose caring ties are all "
            "quiet or ending within `days` days; only learners the caller may see.",
            (
                Section(
                    "learners",
                    "Learners without a caring adult, or at risk",
                    (*LEARNER, "reason", "relationships"),
                ),
            ),
            ("days",),
            unmentored,
        ),
        Report(
            "fragile",
            "Learners with exactly one caring adult, the adults many depend on alone, "
            "and who would be left with none if one adult left (`without`); only "
            "learners the caller may see are listed, and counted for the adults.",
            (
                Section("one_caring_adult", "Learners with one caring adult", (*LEARNER, *ADULT)),
                Section(
                    "sole_adults",
                    "Adults who are the only caring adult of many learners",
                    (*ADULT, "learners", "learner_uids"),
                ),
                Section("if_adult_left", "Learners left with none if this adult left", LEARNER),
            ),
            ("min_learners", "without"),
            fragile,
        ),
        Report(
            "caseloads",
            "Adults by caseload (caring relationships towards learners) against their "
            "caseload capacity: overloaded, full, room, or no capacity set. A caller who "
            "sees only some learners gets the adults with one of them in their caseload, "
            "counted over those learners alone (room and status too).",
            (
                Section(
                    "adults",
                    "Caseloads",
                    CASELOAD,
                ),
            ),
            (),
            caseloads,
        ),
        Report(
            "no-community",
            "Learners in no community, and learners without a home base (an advisory); "
            "only learners the caller may see.",
            (
                Section("no_community", "Learners in no community", LEARNER),
                Section("no_home_base", "Learners without a home base (advisory)", LEARNER),
            ),
            (),
            no_community,
        ),
        Report(
            "voice-mismatch",
            "Caring relationships an adult reports that the learner does not name, and "
            "adults a learner trusts with nothing on record towards the learner; only "
            "learners the caller may see.",
            (
                Section(
                    "unnamed_by_learner",
                    "Adults' caring relationships the learner does not name",
                    (*LEARNER, *ADULT, "types"),
                ),
                Section(
                    "trusted_not_on_record",
                    "Adults the learner trusts with no relationship on record",
                    (*LEARNER, *ADULT, "trusted_since"),
                ),
            ),
            (),
            voice_mismatch,
        ),
        Report(
            "coverage",
            "Per organization and grade, as of a date: learners, and the share with a "
            "caring adult, two, a community, a goal, and a goal with a connection; only "
            "learners the caller may see are counted.",
            (
                Section(
                    "groups",
                    "Coverage by organization and grade",
                    COVERAGE,
                ),
            ),
            ("as_of",),
            coverage,
        ),
        Report(
            "relationship-elements",
            "Learners whose rated caring relationships lack an element of the Developmental "
            "Relationships Framework (no active one's latest score reaches `threshold`), "
            "and learners with no rated relationship; only learners the caller may see.",
            (
                Section(
                    "lacking",
                    "Learners whose network lacks an element",
                    (*ELEMENT_ROW, "lacking", *ELEMENTS),
                ),
                Section("unrated", "Learners with no rated caring relationship", ELEMENT_ROW),
            ),
            ("threshold",),
            relationship_elements,
        ),
    )
}


def get(name: str) -> Report:
    """Return the report called `name`, or raise NotFound naming the ones there are."""
    try:
        return REPORTS[name]
    except KeyError:
        raise NotFound(f"no report named {name!r}; reports: {', '.join(REPORTS)}") from None


def describe() -> list[dict[str, Any]]:
    """Return each report's name, description, sections and options."""
    return [
        {
            "name": r.name,
            "description": r.description,
            "sections": [s.name for s in r.sections],
            "options": list(r.options),
        }
        for r in REPORTS.values()
    ]


def run(
    graph: Graph,
    settings: Settings,
    name: str,
    filters: Filters,
    options: Options,
    scope: ReportScope = DISTRICT,
) -> dict[str, Any]:
    """Run one report over the learners `scope` sees; 404 for an unknown report (or, for
    the whole district, an unknown filter node), 422 for a bad value."""
    report = get(name)
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
    ctx = Context(filters, options, caring, today, scope.param(), settings.element_threshold)
    sections = report.compute(graph, ctx)
    return {
        "report": name,
        "description": report.description,
        "filters": filters.params(),
        "parameters": _parameters(report, ctx),
        "caring_types": caring.all,
        "today": today,
        "generated_at": clock.now(),
        "sections": dict(sections),
    }


def _parameters(report: Report, ctx: Context) -> dict[str, Any]:
    """Return the value each option of the report had in this run, defaults filled in."""
    effective = {
        "days": ctx.days,
        "min_learners": ctx.options.min_learners or DEFAULT_MIN_LEARNERS,
        "without": ctx.options.without,
        "as_of": ctx.options.as_of or ctx.today,
        "threshold": ctx.threshold,
    }
    return {option: effective[option] for option in report.options}


def disclosed(result: Mapping[str, Any]) -> set[str]:
    """Return the uids of the learners a report's answer names (a count names nobody)."""
    found: set[str] = set()
    for rows in result["sections"].values():
        for row in rows or ():
            if row.get("learner_uid") is not None:
                found.add(row["learner_uid"])
            found.update(row.get("learner_uids") or ())
    return found


def to_rows(result: Mapping[str, Any]) -> tuple[Rows, list[str]]:
    """Return a report's rows as one list, with a `section` column when it has several."""
    report = get(result["report"])
    sections = [s for s in report.sections if result["sections"].get(s.name) is not None]
    if len(report.sections) == 1:
        only = report.sections[0]
        return list(result["sections"][only.name]), list(only.columns)
    columns = ["section", *tabular.columns_of([dict.fromkeys(s.columns) for s in sections])]
    rows = [{"section": s.name, **row} for s in sections for row in result["sections"][s.name]]
    return rows, columns


def to_csv(result: Mapping[str, Any]) -> str:
    """Return a report as one CSV (several sections share it, told apart by `section`)."""
    rows, columns = to_rows(result)
    return tabular.csv_text(rows, columns)
