"""The reports there are: each one's sections (with the row each lists), options and query.

Every report looks at the learners the filters select (organization, grade, community;
archived learners and adults never count), returns named sections of rows keyed by
learner (or adult) uid, a page at a time (`page`: one section's rows after a key, in the
section's `order`), one named Cypher query per page at most. A section's columns are its
row's fields (`lrm_graph.reports.rows`). A report's summary counts its rows in one
aggregate query (`count`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from lrm_graph.db.graph import Graph
from lrm_graph.errors import NotFound
from lrm_graph.reports import rows
from lrm_graph.reports.belonging import (
    count_no_community,
    count_voice_mismatch,
    no_community,
    voice_mismatch,
)
from lrm_graph.reports.care import (
    caseloads,
    count_caseloads,
    count_fragile,
    count_unmentored,
    every_caseload,
    every_sole_adult,
    fragile,
    unmentored,
)
from lrm_graph.reports.common import Context, Rows
from lrm_graph.reports.coverage import ORDER, count_coverage, coverage
from lrm_graph.reports.elements import count_relationship_elements, relationship_elements
from lrm_graph.reports.paging import Key

LEARNER = ("learner_uid",)
LEARNER_ADULT = ("learner_uid", "adult_uid")
MOST_LEARNERS = ("-learners", "adult_uid")

# One page of a section: (graph, context, section name, after key, limit) -> rows, or None
# for a section left out of this run.
Pager = Callable[[Graph, Context, str, Key | None, int], Rows | None]
# The summary's one aggregate query: (graph, context) -> rows of section, reason,
# grade_level, schools ([{uid, name}]) and count (`lrm_graph.reports.summary`).
Counting = Callable[[Graph, Context], Rows]
# Every row of a section after a key, read lazily in one query: (graph, context, after key)
# -> rows as Neo4j gives them out.
Rest = Callable[[Graph, Context, Key], Iterator[dict[str, Any]]]


@dataclass(frozen=True)
class Section:
    name: str
    title: str
    row: type[BaseModel]
    order: tuple[str, ...] = LEARNER  # the row's unique key, the order of its rows
    only_when: str | None = None  # a section that may be left out (null): when it is there
    needs: str | None = None  # the option without which it is left out
    # A section ordered by learner uid pages on the index of learner uids: each page reads
    # its own learners, whatever its depth. One ordered by a count (most learners first)
    # works the count out for every row on each page; `rest` reads all its rows after a
    # key in one query instead, for a stream (`stream`), which takes them a page at a time.
    rest: Rest | None = None

    def shown(self, ctx: Context) -> bool:
        """Say whether this run lists the section (else it is null in the answer)."""
        return self.needs is None or getattr(ctx.options, self.needs) is not None

    @property
    def columns(self) -> tuple[str, ...]:
        return rows.fields_of(self.row)


@dataclass(frozen=True)
class Report:
    name: str
    description: str
    sections: tuple[Section, ...]
    options: tuple[str, ...]  # the `Options` fields it takes
    page: Pager
    count: Counting

    def section(self, name: str) -> Section:
        return next(s for s in self.sections if s.name == name)


REPORTS: dict[str, Report] = {
    report.name: report
    for report in (
        Report(
            "unmentored",
            "Learners with no active caring adult (none ever, or only ended ones) first; "
            "apart from them, learners whose caring ties are all at risk: quiet (logged "
            "interactions stopped), never logged, or ending within `days` days; only "
            "learners the caller may see.",
            (
                Section("learners", "Learners without a caring adult", rows.UnmentoredRow),
                Section(
                    "at_risk",
                    "Learners whose caring ties are all quiet, never logged or ending",
                    rows.UnmentoredRow,
                ),
            ),
            ("days", "reason"),
            unmentored,
            count_unmentored,
        ),
        Report(
            "fragile",
            "Learners with exactly one caring adult, the adults many depend on alone, "
            "and who would be left with none if one adult left (`without`); only "
            "learners the caller may see are listed, and counted for the adults.",
            (
                Section("one_caring_adult", "Learners with one caring adult", rows.OneAdultRow),
                Section(
                    "sole_adults",
                    "Adults who are the only caring adult of many learners",
                    rows.SoleAdultRow,
                    MOST_LEARNERS,
                    rest=every_sole_adult,
                ),
                Section(
                    "if_adult_left",
                    "Learners left with none if this adult left",
                    rows.LearnerRow,
                    only_when="Only when `without` names an adult.",
                    needs="without",
                ),
            ),
            ("min_learners", "without"),
            fragile,
            count_fragile,
        ),
        Report(
            "caseloads",
            "Adults by caseload (caring relationships towards learners) against their "
            "caseload capacity: overloaded, full, room, or no capacity set. A caller who "
            "sees only some learners gets the adults with one of them in their caseload, "
            "counted over those learners alone (room and status too).",
            (Section("adults", "Caseloads", rows.CaseloadRow, MOST_LEARNERS, rest=every_caseload),),
            (),
            caseloads,
            count_caseloads,
        ),
        Report(
            "no-community",
            "Learners in no community, and learners without a home base (an advisory); "
            "only learners the caller may see.",
            (
                Section("no_community", "Learners in no community", rows.LearnerRow),
                Section("no_home_base", "Learners without a home base (advisory)", rows.LearnerRow),
            ),
            (),
            no_community,
            count_no_community,
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
                    rows.UnnamedRow,
                    LEARNER_ADULT,
                ),
                Section(
                    "trusted_not_on_record",
                    "Adults the learner trusts with no relationship on record",
                    rows.UnrecordedRow,
                    LEARNER_ADULT,
                ),
            ),
            (),
            voice_mismatch,
            count_voice_mismatch,
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
                    rows.CoverageRow,
                    ORDER,
                ),
            ),
            ("as_of",),
            coverage,
            count_coverage,
        ),
        Report(
            "relationship-elements",
            "Learners whose rated caring relationships lack an element of the Developmental "
            "Relationships Framework (no active one's latest score reaches `threshold`), "
            "and learners with no rated relationship; only learners the caller may see.",
            (
                Section("lacking", "Learners whose network lacks an element", rows.LackingRow),
                Section("unrated", "Learners with no rated caring relationship", rows.UnratedRow),
            ),
            ("threshold",),
            relationship_elements,
            count_relationship_elements,
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
