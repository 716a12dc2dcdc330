"""The service's Prometheus metrics (prometheus-client), served at `/metrics`.

Process-wide, like the registry they live in: with several worker processes, each serves
its own (scrape each, or run one worker per container).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from prometheus_client import Counter, Gauge, Histogram

# Route templates (`/v1/learners/{uid}`), never raw paths: one series per route.
REQUESTS = Counter(
    "lrm_http_requests_total", "HTTP requests answered.", ["method", "route", "status"]
)
REQUEST_SECONDS = Histogram(
    "lrm_http_request_duration_seconds",
    "Time to answer an HTTP request.",
    ["method", "route", "status"],
)
QUERY_SECONDS = Histogram(
    "lrm_neo4j_query_duration_seconds",
    "Time a named Cypher query takes (cypher/<name>.cypher), in a unit or on its own.",
    ["query"],
)
QUERY_ERRORS = Counter(
    "lrm_neo4j_query_errors_total", "Named Cypher queries that raised.", ["query"]
)
# The driver's pool does not say how many of its connections are lent out; a query or a
# unit holds one while it runs, so this counts what the pool has lent.
POOL_IN_USE = Gauge(
    "lrm_neo4j_connections_in_use", "Neo4j connections held by running queries and units."
)
IMPORT_JOBS = Counter(
    "lrm_import_jobs_total", "Import jobs that ended, by kind and outcome.", ["kind", "status"]
)
IMPORT_JOBS_RUNNING = Gauge("lrm_import_jobs_running", "Import jobs running in this process.")


@contextmanager
def timed_query(name: str) -> Iterator[None]:
    """Time one named query, and count it when it raises."""
    started = time.perf_counter()
    try:
        yield
    except Exception:
        QUERY_ERRORS.labels(name).inc()
        raise
    finally:
        QUERY_SECONDS.labels(name).observe(time.perf_counter() - started)


@contextmanager
def connection_held() -> Iterator[None]:
    """Count a connection as lent out while the block runs."""
    POOL_IN_USE.inc()
    try:
        yield
    finally:
        POOL_IN_USE.dec()
