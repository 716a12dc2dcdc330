""" "The same Cypher through the driver": the named queries one API request runs, with their
parameters, caught once in process, then replayed with the bare driver.

Requests are caught through FastAPI's TestClient with `Graph._run` and `Unit._run`
wrapped (the places every named query goes through), one request at a time, so each
request's queries are its own: the caller lookup, the access checks and the audit record
included. Replaying them leaves out HTTP, the app's Python and the answer's serialization,
nothing else.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient
from neo4j import RoutingControl

from api.main import create_app
from bench.common import Database
from lrm_graph.db import cypher
from lrm_graph.db.graph import Graph, Unit


@dataclass(frozen=True)
class Call:
    name: str
    routing: RoutingControl
    params: dict[str, Any]


@contextmanager
def _recording(calls: list[Call]) -> Iterator[None]:
    # A use case on audit.operation runs its queries in a Unit (one transaction), whose
    # own _run does not go through Graph._run: both are wrapped.
    # Unit._run hands a read to Graph._run: only the outer of the two records the query
    # (recording both listed every query of an audited read twice, and replayed it twice).
    originals: dict[type[Graph], Callable[..., Any]] = {k: k._run for k in (Graph, Unit)}
    inside = [0]

    def wrapped(kind: type[Graph]) -> Any:
        def run(self: Graph, name: str, routing: RoutingControl, params: Mapping[str, Any]) -> Any:
            if not inside[0]:  # a copy: the app may change a list it passed, after the call
                calls.append(Call(name, routing, copy.deepcopy(dict(params))))
            inside[0] += 1
            try:
                return originals[kind](self, name, routing, params)
            finally:
                inside[0] -= 1

        return run

    for kind in originals:
        kind._run = wrapped(kind)  # type: ignore[method-assign]
    try:
        yield
    finally:
        for kind, original in originals.items():
            kind._run = original  # type: ignore[method-assign]


@contextmanager
def app_client(db: Database, headers: dict[str, str]) -> Iterator[TestClient]:
    """Yield an in-process client of the app on the bench database."""
    with TestClient(create_app(db.settings), headers=headers) as client:
        yield client


def catch(client: TestClient, path: str) -> list[Call]:
    """Make one request; return the named queries it ran, in order."""
    calls: list[Call] = []
    with _recording(calls):
        response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"GET {path}: {response.status_code} {response.text[:300]}")
    return calls


def replay(graph: Graph, calls: list[Call]) -> int:
    """Run the queries with the bare driver, records read but not converted; return rows.

    A write gets new values for its `uid` keys, as the app makes new ones per request
    (an audit entry's uid, say): the same ones again would break their uniqueness.
    """
    rows = 0
    for call in calls:
        params = call.params if call.routing is RoutingControl.READ else _fresh(call.params)
        result = graph.driver.execute_query(
            cypher.load(call.name, graph.timeout),
            params,
            database_=graph.database,
            routing_=call.routing,
        )
        rows += len(result.records)
    return rows


def _fresh(value: Any, key: str = "") -> Any:
    if key == "uid" and isinstance(value, str):
        return uuid.uuid4().hex
    if isinstance(value, dict):
        return {k: _fresh(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_fresh(v) for v in value]
    return value


def names(calls: list[Call]) -> str:
    """Say which queries a request ran, e.g. `auth/get_token_caller, nodes/get_kinds x2`."""
    counted: dict[str, int] = {}
    for call in calls:
        counted[call.name] = counted.get(call.name, 0) + 1
    return ", ".join(f"{n} x{c}" if c > 1 else n for n, c in counted.items())
