"""The one exception family of LRM Graph; `api/` maps each to an HTTP status."""

from __future__ import annotations

from typing import Any


class LrmError(Exception):
    """Base of every error LRM Graph raises on purpose."""

    status = 500
    title = "Internal error"

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra
        # Set once the refusal is in the audit log (`access.audit.operation`), so that the
        # API's error handler does not record it a second time.
        self.audited = False


class NotFound(LrmError):
    status = 404
    title = "Not found"


class Conflict(LrmError):
    status = 409
    title = "Conflict"


class InvalidRelationship(LrmError):
    status = 422
    title = "Invalid relationship"


class InvalidInput(LrmError):
    status = 422
    title = "Invalid input"


class Forbidden(LrmError):
    status = 403
    title = "Forbidden"


class GraphUnavailable(LrmError):
    status = 503
    title = "Graph database unavailable"


class RuntimeProblem(LrmError):
    """The local embedded Neo4j cannot be built, started or stopped."""

    title = "Embedded Neo4j problem"
