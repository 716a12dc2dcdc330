"""The analytics over a projection: select the learners, project, run, shape.

`run` selects the learners an analytic is about (`LearnerFilter`, within the learners a
`ReportScope` sees), projects the graph (`lrm_graph.analysis.projection`), runs one pure
analytic of `analytics/` and shapes its answer (`lrm_graph.analysis.answers`). It checks
no caller and records nothing: the use case `lrm_graph.analysis.run_analytic` does, and
so does each caller that brings its own scope (a mentor request's suggestions).
`accept_match` turns an accepted mentor match into a relationship; `time_analytics` times
each step for the bench scripts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from time import perf_counter
from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit
from lrm_graph.access.report_scope import DISTRICT, ReportScope
from lrm_graph.analysis import projection
from lrm_graph.analysis.answers import RUNNERS, Report
from lrm_graph.analysis.options import LIMIT_MAX, LearnerFilter, Options
from lrm_graph.auth.caller import Caller
from lrm_graph.config import DEFAULT_CARING_TYPES
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Conflict, InvalidInput, NotFound
from lrm_graph.records import relationship_cases
from lrm_graph.store import nodes, relationships
from lrm_graph.vocabulary import NodeKind, RelType, Source

# The option types and limits are read from here by the callers that bring their own scope.
__all__ = ["LIMIT_MAX", "NAMES", "LearnerFilter", "Options", "Report", "accept_match", "run",
           "select", "time_analytics"]  # fmt: skip

NAMES = tuple(RUNNERS)
MATCH_TYPES = (RelType.MENTORS, RelType.ADVISES, RelType.COACHES, RelType.COUNSELS)


def run(
    graph: Graph,
    name: str,
    filters: LearnerFilter | None = None,
    options: Options | None = None,
    *,
    caring_types: Iterable[str],
    scope: ReportScope = DISTRICT,
    max_nodes: int | None = None,
) -> Report:
    """Run the analytic called `name`, reporting on the learners asked for among those
    `scope` sees (the answer's `learners` are those it names): over the organization's
    subgraph when the filters name one (`projection.project`), else over the district,
    whose projection may hold at most `max_nodes` nodes (422 analytics-too-large)."""
    if name not in RUNNERS:
        raise NotFound(f"no analytic called {name!r}; there are {', '.join(NAMES)}")
    options = options or Options()
    options.check()
    filters = filters or LearnerFilter()
    learners = select(graph, filters, scope)
    G = projection.project(graph, organization=filters.organization, max_nodes=max_nodes)
    return RUNNERS[name](G, learners, options, tuple(caring_types), scope)


def select(graph: Graph, filters: LearnerFilter, scope: ReportScope = DISTRICT) -> set[str] | None:
    """Return the uids of the learners the filters pick of those `scope` sees (None: all).

    For the whole district an unknown organization or community is a 404; for a caller
    who sees only some learners it picks nobody, exactly like one outside their scope.
    """
    if scope.whole_district and filters.organization is not None:
        nodes.get(graph, NodeKind.ORGANIZATION, filters.organization)
    if scope.whole_district and filters.community is not None:
        nodes.get(graph, NodeKind.COMMUNITY, filters.community)
    return projection.select_learners(
        graph,
        organization=filters.organization,
        grade=filters.grade,
        community=filters.community,
        visible=scope.param(),
    )


def accept_match(
    op: audit.Operation,
    caller: Caller,
    learner_uid: str,
    adult_uid: str,
    rel_type: RelType = RelType.MENTORS,
    source: Source = Source.SUGGESTED,
) -> dict[str, Any]:
    """Record an accepted match, in the operation `op`, as a caseload relationship with
    `source` (a suggestion's `suggested`; a learner's mentor request's `learner_requested`).

    422 for a type that is no caseload type, 404 for an unknown adult, 409 when the adult
    has no caseload room left; then the one rule of every new relationship
    (`relationship_cases.create_checked`: the policy and the grant rule, the vocabulary,
    the twin): the same as `POST /v1/relationships` with that relationship.
    """
    if rel_type not in MATCH_TYPES:
        allowed = ", ".join(t.value for t in MATCH_TYPES)
        raise InvalidInput(f"a match is one of {allowed}, not {rel_type.value}")
    rows = op.graph.read("analytics/get_caseload", uid=adult_uid, today=clock.today())
    if not rows:
        raise NotFound(f"no node with uid {adult_uid!r}", missing=[adult_uid])
    capacity, caseload = rows[0]["capacity"], rows[0]["caseload"]
    if capacity is not None and caseload >= capacity:
        raise Conflict(f"{adult_uid!r} has no caseload room ({caseload} of {capacity})")
    fields = relationships.RelationshipFields(
        type=rel_type, from_uid=adult_uid, to_uid=learner_uid, source=source
    )
    return relationship_cases.create_checked(op, caller, fields)


@dataclass
class Timing:
    """Seconds each step took, and the size of the projection."""

    nodes: int
    relationships: int
    seconds: dict[str, float]


def time_analytics(
    graph: Graph,
    names: Iterable[str] = NAMES,
    filters: LearnerFilter | None = None,
    options: Options | None = None,
    *,
    caring_types: Iterable[str] = DEFAULT_CARING_TYPES,
) -> Timing:
    """Time the selection and projection once, then each analytic over that projection."""
    options, filters = options or Options(), filters or LearnerFilter()
    seconds: dict[str, float] = {}
    start = perf_counter()
    learners = select(graph, filters)
    G = projection.project(graph, organization=filters.organization)
    seconds["projection"] = perf_counter() - start
    for name in names:
        start = perf_counter()
        RUNNERS[name](G, learners, options, tuple(caring_types), DISTRICT)
        seconds[name] = perf_counter() - start
    return Timing(G.number_of_nodes(), G.number_of_edges(), seconds)
