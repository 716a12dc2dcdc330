"""Count the round trips the driver makes to Neo4j: each time it sends and then waits.

The driver logs every Bolt message it sends (`C: RUN ...`) and receives (`S: SUCCESS ...`)
on the `neo4j.io` logger, at DEBUG, with the connection's local port. A round trip is a
run of messages sent on one connection followed by the first answer to them: the driver
sends pipelined messages (`RUN` and `PULL`) together and reads once. Counting from the
driver's own log measures what goes over the wire, whichever layer sent it.

Debug logging costs time: count in tests and benches, not in a serving process.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

DRIVER_LOG = "neo4j.io"
SENT = "  C: "
RECEIVED = "  S: "


class RoundTrips(logging.Handler):
    """Round trips (`count`) and queries (`queries`, the `RUN` messages) seen so far."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0
        self.queries = 0
        self._waiting: set[object] = set()  # connections that sent and await an answer

    def emit(self, record: logging.LogRecord) -> None:
        message, args = str(record.msg), record.args
        if not isinstance(args, tuple) or not args:
            return
        connection = args[0]
        if SENT in message:
            self._waiting.add(connection)
            self.queries += message.endswith(" RUN %s")
        elif RECEIVED in message and connection in self._waiting:
            self._waiting.discard(connection)
            self.count += 1

    def reset(self) -> None:
        self.count = self.queries = 0


@contextmanager
def counting() -> Iterator[RoundTrips]:
    """Count the driver's round trips while the block runs (every connection, every thread)."""
    logger = logging.getLogger(DRIVER_LOG)
    counter, level = RoundTrips(), logger.level
    logger.addHandler(counter)
    logger.setLevel(logging.DEBUG)
    try:
        yield counter
    finally:
        logger.removeHandler(counter)
        logger.setLevel(level)
