"""The one exception family of LRM Graph; `api/` maps each to an HTTP status.

Every class names its problem type (`lrm_graph.problem_types`): its status and title come
from there, so one type never answers with two titles.
"""

from __future__ import annotations

from typing import Any, ClassVar

from lrm_graph import problem_types as types
from lrm_graph.problem_types import ProblemType


class LrmError(Exception):
    """Base of every error LRM Graph raises on purpose."""

    problem: ClassVar[ProblemType] = types.INTERNAL_ERROR
    status: ClassVar[int] = types.INTERNAL_ERROR.status
    title: ClassVar[str] = types.INTERNAL_ERROR.title

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "problem" not in cls.__dict__:
            raise TypeError(f"{cls.__name__} must name its problem type (problem = ...)")
        cls.status, cls.title = cls.problem.status, cls.problem.title

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra
        # Set once the refusal is in the audit log (`access.audit.operation`), so that the
        # API's error handler does not record it a second time.
        self.audited = False


class NotFound(LrmError):
    problem = types.NOT_FOUND


class Conflict(LrmError):
    problem = types.CONFLICT


class DuplicateActiveRelationship(Conflict):
    problem = types.DUPLICATE_ACTIVE_RELATIONSHIP


class DuplicateKey(Conflict):
    problem = types.DUPLICATE_KEY


class NodeArchived(Conflict):
    problem = types.NODE_ARCHIVED


class InvalidInput(LrmError):
    problem = types.INVALID_INPUT


class InvalidRelationship(InvalidInput):
    """A relationship the vocabulary or the safeguarding rules do not allow."""

    problem = types.RELATIONSHIP_PAIR_NOT_ALLOWED


class SameNode(InvalidRelationship):
    problem = types.RELATIONSHIP_SAME_NODE


class ScreeningRequired(InvalidRelationship):
    problem = types.SCREENING_REQUIRED


class Forbidden(LrmError):
    problem = types.FORBIDDEN


class GraphUnavailable(LrmError):
    problem = types.GRAPH_UNAVAILABLE


class RuntimeProblem(LrmError):
    """The local embedded Neo4j cannot be built, started or stopped."""

    problem = types.EMBEDDED_NEO4J_PROBLEM
