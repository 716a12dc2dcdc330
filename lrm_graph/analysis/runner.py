"""The analytics as the API and the CLI ask for them: project, run, shape.

`run` selects the learners a report is about (`LearnerFilter`, within the learners the
caller sees: `ReportScope`), projects the graph (`analytics.projection`), runs one pure
analytic and shapes its answer (`lrm_graph.analysis.answers`): `data` for JSON (the
API's response models), flat `rows` for CSV and tables, and the learners it names for
the audit. `accept_match` turns an accepted mentor match into a relationship;
`time_analytics` times each step for the bench scripts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from time import perf_counter
from typing import Any

from analytics import projection
from lrm_graph import clock
from lrm_graph.access.report_scope import DISTRICT, ReportScope
from lrm_graph.analysis.answers import RUNNERS, Report
from lrm_graph.config import DEFAULT_CARING_TYPES
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Conflict, InvalidInput, NotFound
from lrm_graph.records import nodes, relationships
from lrm_graph.vocabulary import NodeKind, RelType, Source

NAMES = ("goal-gaps", "structure", "mentor-matches", "community-suggestions")
K_MAX, LIMIT_MAX, TOP_MAX, SAMPLES_MAX = 6, 50, 500, 5000
MATCH_TYPES = (RelType.MENTORS, RelType.ADVISES, RelType.COACHES, RelType.COUNSELS)


@dataclass(frozen=True)
class LearnerFilter:
    """Which learners a report is about; the support graph around them stays whole."""

    organization: str | None = None
    grade: str | None = None
    community: str | None = None


@dataclass(frozen=True)
class Options:
    """The knobs of the analytics; each applies to the analytics named beside it."""

    k: int = 2  # goal-gaps: a tie within k hops of the learner connects the goal
    include_connected: bool = False  # goal-gaps: list connected goals too
    limit: int = 5  # mentor-matches, community-suggestions: listed per learner
    top: int = 20  # structure: bridging adults listed
    samples: int = 100  # structure: betweenness sources on graphs above EXACT_LIMIT
    seed: int | None = 0  # structure: the same report twice gives the same estimate

    def check(self) -> None:
        """Raise InvalidInput for a knob out of its range."""
        for name, value, high in (
            ("k", self.k, K_MAX),
            ("limit", self.limit, LIMIT_MAX),
            ("top", self.top, TOP_MAX),
            ("samples", self.samples, SAMPLES_MAX),
        ):
            if not 1 <= value <= high:
                raise InvalidInput(f"{name} must be between 1 and {high}, not {value}")


def run(
    graph: Graph,
    name: str,
    filters: LearnerFilter | None = None,
    options: Options | None = None,
    *,
    caring_types: Iterable[str] = DEFAULT_CARING_TYPES,
    scope: ReportScope = DISTRICT,
) -> Report:
    """Run the analytic called `name` over the whole graph, reporting on the learners asked
    for among those `scope` sees (the answer's `learners` are those it names)."""
    if name not in RUNNERS:
        raise NotFound(f"no analytic called {name!r}; there are {', '.join(NAMES)}")
    options = options or Options()
    options.check()
    learners = select(graph, filters or LearnerFilter(), scope)
    G = projection.project(graph)
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
    graph: Graph,
    learner_uid: str,
    adult_uid: str,
    rel_type: RelType = RelType.MENTORS,
    source: Source = Source.SUGGESTED,
    *,
    before_write: Callable[[], object] | None = None,
) -> dict[str, Any]:
    """Record an accepted match as a caseload relationship with `source` (a suggestion's
    `suggested`; a learner's mentor request's `learner_requested`).

    404 for an unknown node, 422 for a pair the vocabulary refuses (or an expert not
    screened), 409 when the same relationship is active already or the adult has no
    caseload room left. `before_write` is called once every check of its own has passed,
    before the relationship is written: the caller records the audit entry there, so a
    write is never left unrecorded (if recording fails, nothing is written).
    """
    if rel_type not in MATCH_TYPES:
        allowed = ", ".join(t.value for t in MATCH_TYPES)
        raise InvalidInput(f"a match is one of {allowed}, not {rel_type.value}")
    rows = graph.read("analytics/get_caseload", uid=adult_uid, today=clock.today())
    if not rows:
        raise NotFound(f"no node with uid {adult_uid!r}", missing=[adult_uid])
    capacity, caseload = rows[0]["capacity"], rows[0]["caseload"]
    if capacity is not None and caseload >= capacity:
        raise Conflict(f"{adult_uid!r} has no caseload room ({caseload} of {capacity})")
    fields = relationships.RelationshipFields(
        type=rel_type, from_uid=adult_uid, to_uid=learner_uid, source=source
    )
    if before_write is not None:
        before_write()
    return relationships.create(graph, fields)


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
    options = options or Options()
    seconds: dict[str, float] = {}
    start = perf_counter()
    learners = select(graph, filters or LearnerFilter())
    G = projection.project(graph)
    seconds["projection"] = perf_counter() - start
    for name in names:
        start = perf_counter()
        RUNNERS[name](G, learners, options, tuple(caring_types), DISTRICT)
        seconds[name] = perf_counter() - start
    return Timing(G.number_of_nodes(), G.number_of_edges(), seconds)
