"""What every report shares: the learner filters, the options, and the caring types.

A relationship is CARING when its type is one of `settings.caring_types` and its other
end is an adult or an expert (a screened expert who mentors or coaches is a caring
adult too). The vocabulary fixes each type's direction: MENTORS, ADVISES, COACHES and
COUNSELS go adult -> learner; TRUSTS, the learner's own voice, goes learner -> adult.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, get_args

from lrm_graph import problem_types
from lrm_graph.db.graph import Graph
from lrm_graph.errors import InvalidInput, LrmError, NotFound
from lrm_graph.reports.rows import Reason
from lrm_graph.store.fields import Grade
from lrm_graph.vocabulary import ALLOWED_PAIRS, NodeKind, RelType

Rows = list[dict[str, Any]]

DEFAULT_DAYS = 30
MAX_DAYS = 3650
DEFAULT_MIN_LEARNERS = 2
DEFAULT_THRESHOLD = 4  # the default of the element_threshold setting
MAX_SCORE = 5  # a relationship rating's scores run 1 to 5
GRADES = frozenset(get_args(Grade))
REASONS: tuple[str, ...] = get_args(Reason)
CARERS = frozenset({NodeKind.ADULT, NodeKind.EXPERT})


class InvalidSetting(LrmError):
    """The configuration names something the reports cannot use."""

    problem = problem_types.INVALID_SETTING


@dataclass(frozen=True)
class Filters:
    """Which learners a report looks at; None means no filter."""

    organization: str | None = None  # an Organization uid: learners actively ENROLLED_AT it
    grade: str | None = None  # a learner grade_level, e.g. "09"
    community: str | None = None  # a Community uid: learners actively MEMBER_OF it

    def params(self) -> dict[str, Any]:
        return {"organization": self.organization, "grade": self.grade, "community": self.community}


@dataclass(frozen=True)
class Options:
    """The report-specific knobs; each report takes some of them (None: not given)."""

    days: int | None = None
    min_learners: int | None = None
    without: str | None = None
    as_of: date | None = None
    threshold: int | None = None
    reason: str | None = None  # unmentored: one reason's learners only

    def given(self) -> set[str]:
        return {name for name, value in vars(self).items() if value is not None}


@dataclass(frozen=True)
class CaringTypes:
    """The configured caring types, split by the direction the vocabulary gives them."""

    to_learner: tuple[str, ...]  # adult or expert -> learner
    from_learner: tuple[str, ...]  # learner -> adult or expert

    @property
    def all(self) -> list[str]:
        return [*self.to_learner, *self.from_learner]


def caring_types(configured: Iterable[str]) -> CaringTypes:
    """Check each configured caring type against the vocabulary and split them by direction."""
    to_learner: list[str] = []
    from_learner: list[str] = []
    for value in configured:
        try:
            rel_type = RelType(value.strip().upper())
        except ValueError:
            known = ", ".join(t.value for t in RelType)
            raise InvalidSetting(
                f"caring_types names {value!r}, which is not a relationship type; known: {known}"
            ) from None
        pairs = ALLOWED_PAIRS[rel_type]
        if any(p.start in CARERS and p.end is NodeKind.LEARNER for p in pairs):
            target = to_learner
        elif any(p.start is NodeKind.LEARNER and p.end in CARERS for p in pairs):
            target = from_learner
        else:
            raise InvalidSetting(
                f"caring_types names {rel_type.value}, which does not join a learner and an adult"
            )
        if rel_type.value not in target:
            target.append(rel_type.value)
    if not to_learner and not from_learner:
        raise InvalidSetting("caring_types is empty; name at least one relationship type")
    return CaringTypes(tuple(to_learner), tuple(from_learner))


@dataclass(frozen=True)
class Context:
    """Everything one run of a report needs besides the graph."""

    filters: Filters
    options: Options
    caring: CaringTypes
    today: date
    visible: list[str] | None = None  # the learners the caller may see; None: every one
    element_threshold: int = DEFAULT_THRESHOLD  # the setting; `threshold` overrides it
    # Rows a run reads once and uses twice, by query: coverage's one query gives both its
    # summary and its page. A context lives for one run (a request, a stream) only.
    read_once: dict[str, Rows] = field(default_factory=dict, compare=False, repr=False)

    def learner_params(self) -> dict[str, Any]:
        """Return the parameters that pick the learners: the filters and `$visible`."""
        return {**self.filters.params(), "visible": self.visible}

    def filter_params(self) -> dict[str, Any]:
        """Return the parameters that pick the learners, with today."""
        return {**self.learner_params(), "today": self.today}

    def params(self) -> dict[str, Any]:
        """Return the filter parameters and the caring types."""
        return {**self.filter_params(), "caring_types": self.caring.all}

    @property
    def days(self) -> int:
        return self.options.days if self.options.days is not None else DEFAULT_DAYS

    @property
    def threshold(self) -> int:
        given = self.options.threshold
        return given if given is not None else self.element_threshold

    def days_ago(self) -> date:
        return self.today - timedelta(days=self.days)

    def days_ahead(self) -> date:
        return self.today + timedelta(days=self.days)


def check_values(filters: Filters, options: Options, today: date) -> None:
    """Raise InvalidInput for a grade, a number of days or a date that makes no sense."""
    if filters.grade is not None and filters.grade not in GRADES:
        raise InvalidInput(f"grade {filters.grade!r} is not a grade code; use one of {_grades()}")
    if options.days is not None and not 1 <= options.days <= MAX_DAYS:
        raise InvalidInput(f"days must be between 1 and {MAX_DAYS}")
    if options.min_learners is not None and options.min_learners < 1:
        raise InvalidInput("min_learners must be at least 1")
    if options.threshold is not None and not 1 <= options.threshold <= MAX_SCORE:
        raise InvalidInput(f"threshold must be between 1 and {MAX_SCORE}")
    if options.reason is not None and options.reason not in REASONS:
        raise InvalidInput(f"reason {options.reason!r} is not one of {', '.join(REASONS)}")
    if options.as_of is not None and options.as_of > today:
        raise InvalidInput(f"as_of ({options.as_of}) is in the future; coverage looks back")


def _grades() -> str:
    return ", ".join(g for g in get_args(Grade))


def check_nodes(graph: Graph, filters: Filters, options: Options) -> None:
    """Raise NotFound unless each uid a filter or option names is a node of the right kind."""
    wanted: list[tuple[str, str, frozenset[NodeKind]]] = []
    if filters.organization is not None:
        wanted.append((filters.organization, "organization", frozenset({NodeKind.ORGANIZATION})))
    if filters.community is not None:
        wanted.append((filters.community, "community", frozenset({NodeKind.COMMUNITY})))
    if options.without is not None:
        wanted.append((options.without, "adult or expert", CARERS))
    if not wanted:
        return
    rows = graph.read("reports/get_filter_nodes", uids=[uid for uid, _, _ in wanted])
    kinds = {row["uid"]: row["node_kind"] for row in rows}
    for uid, what, fits in wanted:
        if kinds.get(uid) not in fits:
            raise NotFound(f"no {what} with uid {uid!r}")
