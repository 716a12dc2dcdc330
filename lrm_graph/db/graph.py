"""Graph access: one driver per process, named queries, errors translated to `LrmError`."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from neo4j import Driver, GraphDatabase, NotificationMinimumSeverity, RoutingControl, Transaction
from neo4j import exceptions as neo4j_errors
from neo4j import graph as neo4j_graph
from neo4j import time as neo4j_time

from lrm_graph import metrics
from lrm_graph.config import Settings
from lrm_graph.db import cypher
from lrm_graph.errors import DuplicateKey, GraphUnavailable, InvalidInput, LrmError


def plain(value: Any) -> Any:
    """Turn driver values (nodes, relationships, temporal types) into plain Python."""
    if isinstance(value, neo4j_graph.Node | neo4j_graph.Relationship):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, neo4j_time.DateTime | neo4j_time.Date | neo4j_time.Time):
        return value.to_native()
    if isinstance(value, neo4j_time.Duration):
        return str(value)
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


@contextmanager
def translated_errors() -> Iterator[None]:
    """Re-raise driver exceptions as the `LrmError` the callers and the API understand."""
    try:
        yield
    except LrmError:
        raise
    except neo4j_errors.ConstraintError as exc:
        raise DuplicateKey(f"a record with the same key exists already: {exc.message}") from exc
    except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as exc:
        raise GraphUnavailable("the graph database does not answer; try again shortly") from exc
    except neo4j_errors.AuthError as exc:
        raise GraphUnavailable("the graph database refused our credentials") from exc
    except neo4j_errors.ClientError as exc:
        # A transaction stopped while it waited for a lock (LockClientStopped) timed out too.
        if exc.code and ("TransactionTimedOut" in exc.code or "LockClientStopped" in exc.code):
            raise GraphUnavailable("the query took too long and was stopped") from exc
        if exc.code and exc.code.startswith("Neo.ClientError.Statement.Argument"):
            raise InvalidInput(f"the graph database rejected a value: {exc.message}") from exc
        raise
    except neo4j_errors.DriverError as exc:
        raise GraphUnavailable(f"the graph database connection failed: {exc}") from exc


class Graph:
    """Run named queries against one database through one driver."""

    def __init__(self, driver: Driver, database: str, timeout: float) -> None:
        self.driver = driver
        self.database = database
        self.timeout = timeout

    def read(self, name: str, /, **params: Any) -> list[dict[str, Any]]:
        """Run a named read query with READ routing; return its rows as plain dicts."""
        return self._run(name, RoutingControl.READ, params)

    def write(self, name: str, /, **params: Any) -> list[dict[str, Any]]:
        """Run a named write query in one transaction; return its rows as plain dicts."""
        return self._run(name, RoutingControl.WRITE, params)

    @contextmanager
    def unit(self, timeout: float | None = None) -> Iterator[Graph]:
        """Open one transaction: the queries run on the `Graph` it yields commit together
        when the block ends, or none of them does when it raises. It may take `timeout`
        seconds in all (the query timeout unless said: a roster import says more).

        An operation's checks, its audit entry and its write share it, so a refused write
        leaves neither half. Not retried by the driver: a unit that fails on a transient
        error fails as a whole (503), and the caller may try again.
        """
        with (
            translated_errors(),
            metrics.connection_held(),
            self.driver.session(database=self.database) as session,
        ):
            tx = session.begin_transaction(timeout=timeout or self.timeout)
            try:
                yield Unit(self, tx)
                tx.commit()
            finally:
                if not tx.closed():
                    tx.rollback()

    def detached(self) -> Graph:
        """Return a `Graph` on the same driver outside any open transaction."""
        return Graph(self.driver, self.database, self.timeout)

    def ping(self) -> None:
        """Raise `GraphUnavailable` unless the database answers."""
        with translated_errors():
            self.driver.verify_connectivity()

    def _run(self, name: str, routing: RoutingControl, params: Mapping[str, Any]) -> list[dict]:
        with translated_errors(), metrics.connection_held(), metrics.timed_query(name):
            result = self.driver.execute_query(
                cypher.load(name, self.timeout),
                dict(params),
                database_=self.database,
                routing_=routing,
            )
        return [{k: plain(v) for k, v in record.items()} for record in result.records]

    def close(self) -> None:
        self.driver.close()


class Unit(Graph):
    """A `Graph` whose named queries all run in one open transaction (`Graph.unit`)."""

    def __init__(self, graph: Graph, tx: Transaction) -> None:
        super().__init__(graph.driver, graph.database, graph.timeout)
        self._tx = tx

    @contextmanager
    def unit(self, timeout: float | None = None) -> Iterator[Graph]:
        """Join the open transaction: a use case called by another shares its unit."""
        yield self

    def _run(self, name: str, routing: RoutingControl, params: Mapping[str, Any]) -> list[dict]:
        with translated_errors(), metrics.timed_query(name):
            records = list(self._tx.run(cypher.literal(name), dict(params)))
        return [{k: plain(v) for k, v in record.items()} for record in records]


def connect(settings: Settings) -> Graph:
    """Open the driver for the configured Neo4j: `NEO4J_URI`, or the embedded one."""
    from lrm_graph.db.runtime import embedded_credentials

    if settings.neo4j_uri:
        password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else ""
        uri, auth = settings.neo4j_uri, (settings.neo4j_user, password)
    else:
        uri, auth = embedded_credentials(settings)
    # Notifications are off: queries name relationship types (WORKS_FOR, ...) that a young
    # graph may not hold yet, and the server's "type does not exist" hints are noise.
    driver = GraphDatabase.driver(
        uri,
        auth=auth,
        max_connection_pool_size=50,
        max_transaction_retry_time=settings.retry_seconds,
        connection_timeout=5.0,
        notifications_min_severity=NotificationMinimumSeverity.OFF,
    )
    return Graph(driver, settings.neo4j_database, settings.query_timeout)
