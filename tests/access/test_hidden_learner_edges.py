"""No answer carries a relationship the caller may not read (issue 11, item 3).

A matrix over the demo school, through HTTP: for each demo role x each answer that carries
relationships (the network at depth 1, 2 and 3 and with no hub bound, the learner's own
network, paths, the timeline, the brief, search, the export, a caseload), the answer is
given to exactly the roles it is for; in a given answer, every relationship (anything with
a uid and a relationship type) answers 200 to `GET /v1/relationships/{uid}` as the same
caller, no learner the caller may not see appears anywhere in the body (not even by uid),
and the audit has an entry for each learner the answer shows. One demo load for the module.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.vocabulary import RelType
from tests.access.demo_callers import demo_signed_in

ROLES = ("learner", "guardian", "mentor", "teacher", "counselor", "admin")
STAFF = frozenset({"mentor", "teacher", "counselor", "admin"})
EVERYONE = frozenset(ROLES)
# answer: (path with {placeholders}, the roles it is for; the others get 403 or 404)
ANSWERS: dict[str, tuple[str, frozenset[str]]] = {
    "network depth 1": ("/v1/learners/{learner}/network?depth=1", EVERYONE),
    "network depth 2": ("/v1/learners/{learner}/network?depth=2", EVERYONE),
    "network depth 3": ("/v1/learners/{learner}/network?depth=3", EVERYONE),
    "network, no hub": ("/v1/learners/{learner}/network?depth=2&walk_groups_up_to=100000",
                        EVERYONE),
    "own network": ("/v1/me/network?depth=2", frozenset({"learner"})),
    "path through a peer": ("/v1/paths?from={learner}&to={peer_club}", EVERYONE),
    "path through hubs": ("/v1/paths?from={learner}&to={school_2}&max_hops=6&through_hubs=true",
                          EVERYONE),
    "timeline": ("/v1/learners/{learner}/timeline", EVERYONE),
    "brief": ("/v1/learners/{learner}/brief", STAFF),
    "search": ("/v1/search?q={common_name}&limit=100", EVERYONE),
    "export": ("/v1/learners/{learner}/export", frozenset({"admin", "learner", "guardian"})),
    "mentor's caseload": ("/v1/adults/{mentor}/caseload", frozenset({"admin", "mentor"})),
    "counselor's caseload": ("/v1/adults/{counselor}/caseload",
                             frozenset({"admin", "counselor"})),
}  # fmt: skip
RELATIONSHIP_TYPES = frozenset(t.value for t in RelType)
LATEST_AUDIT = "MATCH (e:AuditEntry) RETURN max(e.at) AS at"
AUDITED_SINCE = (
    "MATCH (e:AuditEntry) WHERE e.at > $at AND e.outcome = 'allowed' "
    "RETURN collect(DISTINCT e.learner_uid) AS learners"
)


@dataclass
class School:
    """The demo school, signed in as each role, with what each role sees."""

    http: TestClient
    graph: Graph
    headers: dict[str, dict[str, str]]
    uid: dict[str, str]
    learners: set[str]  # every learner of the demo
    visible: dict[str, set[str]] = field(default_factory=dict)  # role: the learners it sees
    readable: dict[tuple[str, str], int] = field(default_factory=dict)  # (role, rel): status

    def call(self, role: str, path: str) -> Any:
        return self.http.get(path.format(**self.uid), headers=self.headers[role])

    def status_of_relationship(self, role: str, uid: str) -> int:
        if (role, uid) not in self.readable:
            response = self.call(role, f"/v1/relationships/{uid}")
            self.readable[role, uid] = response.status_code
        return self.readable[role, uid]

    def latest_audit(self) -> Any:
        found = self.graph.driver.execute_query(LATEST_AUDIT, database_=self.graph.database)
        return found.records[0]["at"]

    def audited_since(self, at: Any) -> set[str]:
        found = self.graph.driver.execute_query(AUDITED_SINCE, at=at, database_=self.graph.database)
        return set(found.records[0]["learners"])


@pytest.fixture(scope="module")
def school(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[School]:
    signins_dir = Path(tmp_path_factory.mktemp("signins"))
    with (
        demo_signed_in(settings, signins_dir, learners=20) as (graph, made, headers),
        TestClient(create_app(settings)) as http,
    ):
        listed = http.get("/v1/learners", params={"limit": 500}, headers=headers["admin"])
        people = listed.json()["items"]
        world = School(http, graph, headers, {r: s.person_uid or "" for r, s in made.items()},
                       {p["uid"] for p in people})  # fmt: skip
        _furnish(world, graph, people)
        yield world


def _furnish(world: School, graph: Graph, people: list[dict[str, Any]]) -> None:
    """Note which learners each role sees; give the learner a peer most roles do not see,
    in a club the learner is not in (a path to it runs through the peer)."""
    for role in ROLES:
        seen = world.call(role, "/v1/learners?limit=500")
        world.visible[role] = {p["uid"] for p in seen.json()["items"]} if seen.is_success else set()
    seen_by_staff = set().union(*(world.visible[r] for r in ("teacher", "mentor", "guardian")))
    peer = sorted(world.learners - seen_by_staff - {world.uid["learner"]})[0]
    admin = world.headers["admin"]
    club = world.http.post("/v1/communities", json={"name": "Chess club", "kind": "club"},
                           headers=admin).json()["uid"]  # fmt: skip
    for rel_type, start, end in (("PEER_OF", world.uid["learner"], peer),
                                 ("MEMBER_OF", peer, club)):  # fmt: skip
        body = {"type": rel_type, "from_uid": start, "to_uid": end}
        assert world.http.post("/v1/relationships", json=body, headers=admin).status_code == 201
    [school_2] = [
        row["uid"]
        for row in graph.read("nodes/find_by_source", node_kind="organization",
                              source_ids=["demo-org-school-2"])
    ]  # fmt: skip
    family = Counter(p["name"].split()[-1] for p in people).most_common(1)[0][0]
    world.uid |= {"peer": peer, "peer_club": club, "school_2": school_2, "common_name": family}


def relationship_uids(body: Any) -> set[str]:
    """Return the uids of every relationship in an answer: anything with a uid and a
    relationship type (network edges, path steps, timeline events, export rows, ...)."""
    found: set[str] = set()
    if isinstance(body, dict):
        if body.get("type") in RELATIONSHIP_TYPES and isinstance(body.get("uid"), str):
            found.add(body["uid"])
        for value in body.values():
            found |= relationship_uids(value)
    elif isinstance(body, list):
        for value in body:
            found |= relationship_uids(value)
    return found


@pytest.mark.parametrize("answer", ANSWERS)
@pytest.mark.parametrize("role", ROLES)
def test_an_answer_holds_only_what_the_caller_may_read(
    school: School, role: str, answer: str
) -> None:
    path, roles = ANSWERS[answer]
    before = school.latest_audit()

    response = school.call(role, path)

    if role not in roles:
        assert response.status_code in (403, 404), response.text
        return
    assert response.status_code == 200, response.text
    audited = school.audited_since(before)
    hidden = school.learners - school.visible[role]
    assert [uid for uid in hidden if uid in response.text] == []
    shown = {uid for uid in school.visible[role] if uid in response.text}
    assert shown <= audited
    unreadable = {
        uid
        for uid in relationship_uids(response.json())
        if school.status_of_relationship(role, uid) != 200
    }
    assert unreadable == set()


def test_the_matrix_meets_hidden_learners_and_relationships(school: School) -> None:
    """The matrix is worth its cases: the demo gives most roles learners they may not see,
    and the peer's tie is one a path must cross."""
    assert all(school.learners - school.visible[role] for role in ROLES if role != "admin")
    assert school.uid["peer"] not in school.visible["learner"]
    answer = school.call("learner", ANSWERS["path through a peer"][0]).json()
    assert answer["found"] and answer["nodes"][1] == {"uid": None, "node_kind": "learner",
                                                      "name": None}  # fmt: skip
    admin = school.call("admin", ANSWERS["network depth 2"][0]).json()
    assert len(relationship_uids(admin)) > 20
