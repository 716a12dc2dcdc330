"""Graph access: one driver per process, named queries, errors translated to `LrmError`."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from typing import Any

from neo4j import (
    READ_ACCESS,
    WRITE_ACCESS,
    Driver,
    GraphDatabase,
    NotificationMinimumSeverity,
    Record,
    RoutingControl,
    Transaction,
)
from neo4j import exceptions as neo4j_errors
from neo4j import graph as neo4j_graph
from neo4j import time as neo4j_time

from lrm_graph import metrics
from lrm_graph.config import Settings
from lrm_graph.db import cypher
from lrm_graph.errors import DuplicateKey, GraphUnavailable, InvalidInput, LrmError

RETRY_PAUSE = 0.2  # seconds between two tries of a read the database could not answer
FETCH = 1000  # records a lazily read answer fetches at a time (`Graph.read_each`)


# What the driver hands back as it is: most of an answer (checked by exact type first, as
# isinstance against the driver's unions costs more than the rest of the conversion).
_AS_IS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """Turn driver values (nodes, relationships, temporal types) into plain Python."""
    kind = type(value)
    if kind in _AS_IS:
        return value
    if kind is dict:
        return {k: plain(v) for k, v in value.items()}
    if kind is list:
        return [plain(v) for v in value]
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
    except neo4j_errors.DatabaseError as exc:
        # A key over a range index's limit (about 8 kB) is refused by the store itself.
        if exc.message and "too large to index" in exc.message:
            raise InvalidInput(
                "the graph database refused a value too large to index (a key over 8 kB)"
            ) from exc
        raise
    except neo4j_errors.DriverError as exc:
        raise GraphUnavailable(f"the graph database connection failed: {exc}") from exc


class Graph:
    """Run named queries against one database through one driver."""

    def __init__(self, driver: Driver, database: str, timeout: float, retry_seconds: float = 0.0):
        self.driver = driver
        self.database = database
        self.timeout = timeout
        self.retry_seconds = retry_seconds

    def read(self, name: str, /, **params: Any) -> list[dict[str, Any]]:
        """Run a named read query with READ routing in one round trip; return its rows as
        plain dicts. Tried again while the database answers with a transient error."""
        return self._run(name, RoutingControl.READ, params)

    def read_each(
        self, name: str, /, timeout: float | None = None, **params: Any
    ) -> Iterator[dict[str, Any]]:
        """Run a named read query and yield its rows as plain dicts as the driver fetches
        them (`FETCH` records at a time), so that a long answer is never held whole: for a
        stream whose order Neo4j must work out over all its rows at once. The query holds a
        connection until its last row is read or the iterator is closed, and must end
        within `timeout` seconds (the query timeout unless said), the reader's pauses
        included. Neither in a unit nor retried: its rows may be half given out."""
        with (
            translated_errors(),
            metrics.connection_held(),
            self.driver.session(
                database=self.database,
                default_access_mode=READ_ACCESS,
                bookmark_manager=self.driver.execute_query_bookmark_manager,
                fetch_size=FETCH,
            ) as session,
        ):
            query = cypher.load(name, timeout or self.timeout)
            for record in session.run(query, dict(params)):
                yield {k: plain(v) for k, v in record.items()}

    def write(self, name: str, /, **params: Any) -> list[dict[str, Any]]:
        """Run a named write query in one transaction; return its rows as plain dicts."""
        with translated_errors(), metrics.connection_held(), metrics.timed_query(name):
            result = self.driver.execute_query(
                cypher.load(name, self.timeout),
                dict(params),
                database_=self.database,
                routing_=RoutingControl.WRITE,
            )
        return _rows(result.records)

    def write_last(self, name: str, /, **params: Any) -> None:
        """Run a named write that nothing after it reads (an audit entry): here alone, in
        one round trip and never retried (it must not be written twice); in a unit, as one
        of its last statements, committed with it."""
        self._run(name, RoutingControl.WRITE, params)

    @contextmanager
    def unit(self, timeout: float | None = None) -> Iterator[Graph]:
        """Open one transaction: the writes run on the `Graph` it yields commit together
        when the block ends, or none of them does when it raises. It may take `timeout`
        seconds in all (the query timeout unless said: a roster import says more).

        An operation's checks, its audit entry and its write share it, so a refused write
        leaves neither half. The transaction opens at the unit's first write: reads before
        it run alone, a round trip each (under Neo4j's read-committed isolation a read in
        the transaction sees nothing more); a unit that only reads and then records
        (`write_last`) makes that one write its only statement, one round trip, no
        transaction. Not retried by the driver: a unit that fails on a transient error
        fails as a whole (503), and the caller may try again.
        """
        unit = Unit(self, timeout or self.timeout)
        with translated_errors():
            try:
                yield unit
                unit.finish()
            finally:
                unit.close()

    def detached(self) -> Graph:
        """Return a `Graph` on the same driver outside any open transaction."""
        return Graph(self.driver, self.database, self.timeout, self.retry_seconds)

    def ping(self) -> None:
        """Raise `GraphUnavailable` unless the database answers."""
        with translated_errors():
            self.driver.verify_connectivity()

    def _run(self, name: str, routing: RoutingControl, params: Mapping[str, Any]) -> list[dict]:
        """Run one query alone, in an auto-commit transaction: one round trip (the driver's
        `execute_query` makes two: the query, then its commit)."""
        reading = routing is RoutingControl.READ
        with translated_errors(), metrics.connection_held(), metrics.timed_query(name):
            deadline = time.monotonic() + (self.retry_seconds if reading else 0.0)
            while True:
                try:
                    return self._auto_commit(name, READ_ACCESS if reading else WRITE_ACCESS, params)
                except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as exc:
                    if not exc.is_retryable() or time.monotonic() > deadline:
                        raise
                time.sleep(RETRY_PAUSE)

    def _auto_commit(self, name: str, mode: str, params: Mapping[str, Any]) -> list[dict]:
        with self.driver.session(
            database=self.database,
            default_access_mode=mode,
            # the bookmarks `execute_query` keeps: in a cluster, a read sees earlier writes
            bookmark_manager=self.driver.execute_query_bookmark_manager,
        ) as session:
            return _rows(session.run(cypher.load(name, self.timeout), dict(params)))

    def close(self) -> None:
        self.driver.close()


class Unit(Graph):
    """A `Graph` whose writes all run in one transaction, opened at the first (`Graph.unit`)."""

    def __init__(self, graph: Graph, timeout: float) -> None:
        super().__init__(graph.driver, graph.database, graph.timeout, graph.retry_seconds)
        self._tx_timeout = timeout  # the whole transaction's
        self._open = ExitStack()  # the session and its connection, from the first write
        self._tx: Transaction | None = None
        self._last: list[tuple[str, Mapping[str, Any]]] = []

    @contextmanager
    def unit(self, timeout: float | None = None) -> Iterator[Graph]:
        """Join the open transaction: a use case called by another shares its unit."""
        yield self

    def write(self, name: str, /, **params: Any) -> list[dict[str, Any]]:
        return self._run(name, RoutingControl.WRITE, params)

    def _run(self, name: str, routing: RoutingControl, params: Mapping[str, Any]) -> list[dict]:
        if self._tx is None and routing is RoutingControl.READ:
            return super()._run(name, routing, params)  # nothing written yet: no transaction
        return self._in_transaction(name, params)

    def write_last(self, name: str, /, **params: Any) -> None:
        self._last.append((name, params))

    def finish(self) -> None:
        """Run the last writes and commit; a lone last write needs no transaction."""
        if self._tx is None and len(self._last) == 1:
            name, params = self._last.pop()
            Graph._run(self, name, RoutingControl.WRITE, params)
        for name, params in self._last:
            self._in_transaction(name, params)
        if self._tx is not None:
            self._tx.commit()

    def close(self) -> None:
        """Roll back what did not commit and give the connection back."""
        with self._open:
            if self._tx is not None and not self._tx.closed():
                self._tx.rollback()

    def _in_transaction(self, name: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        if self._tx is None:
            self._open.enter_context(metrics.connection_held())
            session = self._open.enter_context(
                self.driver.session(
                    database=self.database,
                    bookmark_manager=self.driver.execute_query_bookmark_manager,
                )
            )
            self._tx = session.begin_transaction(timeout=self._tx_timeout)
        with translated_errors(), metrics.timed_query(name):
            return _rows(self._tx.run(cypher.literal(name), dict(params)))


def _rows(records: Iterable[Record]) -> list[dict[str, Any]]:
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
    return Graph(driver, settings.neo4j_database, settings.query_timeout, settings.retry_seconds)
