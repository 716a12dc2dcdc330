"""What mentor requests and join requests share: a record of the learner's that waits in
one status until someone decides it, once (`lrm_graph.voice.mentor_requests`,
`lrm_graph.voice.communities`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit
from lrm_graph.auth.caller import Scope
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Conflict, NotFound
from lrm_graph.voice import profile


@dataclass(frozen=True)
class Requests:
    """One kind of request: its name, its two queries, the status it waits in, and the
    names its rows carry beside the request (a learner's name, a goal's title...)."""

    noun: str
    get_query: str
    decide_query: str
    waiting: str
    names: tuple[str, ...]

    def answer(self, row: dict[str, Any]) -> dict[str, Any]:
        """Shape a query row (request, and the names) as the API returns a request."""
        return {**row["request"], **{name: row[name] for name in self.names}}

    def get(self, graph: Graph, uid: str) -> dict[str, Any]:
        """Return one request, or raise NotFound."""
        rows = graph.read(self.get_query, uid=uid)
        if not rows:
            raise NotFound(f"no {self.noun} with uid {uid!r}")
        return self.answer(rows[0])

    def expect_waiting(self, found: dict[str, Any]) -> None:
        """Raise 409 unless the request still waits to be decided."""
        status = found["status"]
        if status != self.waiting:
            raise Conflict(
                f"this {self.noun} is {status}, not {self.waiting}", request_status=status
            )

    def decide(self, graph: Graph, uid: str, props: dict[str, Any]) -> None:
        """Move a waiting request on (status, reason, decided_by...); 409 when someone
        decided or withdrew it meanwhile."""
        rows = graph.write(
            self.decide_query,
            uid=uid,
            statuses=[self.waiting],
            props=props | {"decided_at": clock.now()},
            now=clock.now(),
        )
        if not rows:
            raise Conflict(f"the {self.noun} was decided meanwhile; read it again")

    def withdraw(self, graph: Graph, request: audit.Request, uid: str) -> dict[str, Any]:
        """Withdraw the signed-in learner's waiting request (anyone else's: 404)."""
        learner = profile.me(graph, request, Scope.WRITE)
        found = self.get(graph, uid)
        if found["learner_uid"] != learner.uid:
            raise NotFound(f"no {self.noun} with uid {uid!r}")
        self.expect_waiting(found)
        profile.record(graph, request, learner, "write")
        self.decide(graph, uid, {"status": "withdrawn", "decided_by": learner.uid})
        return self.get(graph, uid)
