"""The audit of the `lrm` CLI: who ran which command over which learners' data.

The CLI reads the database directly, as the local operator who sees the whole district.
Its commands that read or write learners' data are recorded as the API records its
callers (append-only, `lrm_graph.access.audit`): the actor is `cli:<OS user>`, the purpose
"district", `what` the command. A read is recorded before its output is shown, a write
before it is made; if the entry cannot be written, the command fails (exit 1) and shows
nothing.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterable

from lrm_graph.access import audit, visibility
from lrm_graph.auth.caller import Caller, Role, Scope
from lrm_graph.db.graph import Graph

PURPOSE = visibility.ALL  # "district": the operator sees every learner


def operator() -> Caller:
    """Return the local operator as an audit actor: `cli:<OS user>`."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no login name and no passwd entry (some containers)
        user = f"uid-{os.getuid()}"
    name = f"cli:{user}"
    # Every scope: the operator runs the use cases the API's admins run, with their checks.
    return Caller(kind="cli", id=name, role=Role.ADMIN, display=name, scopes=frozenset(Scope))


def request(what: str) -> audit.Request:
    """Return the audit context of one command, e.g. `lrm report unmentored`."""
    return audit.Request(operator(), what, None)


def record(graph: Graph, what: str, action: str, learner_uids: Iterable[str]) -> int:
    """Record that the command `what` read or wrote these learners' data."""
    return audit.record(graph, request(what), action, dict.fromkeys(sorted(learner_uids), PURPOSE))


def record_run(graph: Graph, what: str, action: str) -> int:
    """Record a command over learners' data that names no learner up front (an import)."""
    return audit.record_event(graph, request(what), action, "allowed", purpose=PURPOSE)
