"""Make every audit append fail for a while, as a database that cannot write it would."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi.testclient import TestClient

from api.main import create_app
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from tests.auth_helpers import ADMIN_HEADERS


@contextmanager
def audit_locked(graph: Graph) -> Iterator[None]:
    """Hold the lock every audit append needs while the block runs: a schema change in
    progress on AuditEntry. An append waits for it until its query timeout, then fails."""
    with graph.driver.session(database=graph.database) as session:
        migration = session.begin_transaction()
        migration.run(
            "CREATE INDEX audit_lock_held IF NOT EXISTS FOR (e:AuditEntry) ON (e.what)"
        ).consume()
        try:
            yield
        finally:
            migration.rollback()


@contextmanager
def audit_blocked(
    graph: Graph, settings: Settings, headers: dict[str, str] | None = None
) -> Iterator[TestClient]:
    """Yield a client (the admin's, or `headers`) whose audit appends all time out (503)."""
    quick = settings.model_copy(update={"query_timeout": 2.0})
    with (
        TestClient(create_app(quick), headers=headers or ADMIN_HEADERS) as app,
        audit_locked(graph),
    ):
        yield app
