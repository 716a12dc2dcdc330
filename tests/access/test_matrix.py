"""Every endpoint of nodes, relationships, questions and bulk, for every role: the table of
lrm_graph/access/policy.py, allowed and denied, with 404 where the caller may not even see the
record and 403 where they may see it but not do this (or their key lacks the scope)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from lrm_graph.db.graph import Graph
from tests.access.world import ROLES, World, build

NO_READ = ("key_write_a", "key_import_a", "key_write")  # keys without the read scope
NO_WRITE = ("key_read_a", "key_import_a", "key_read")  # keys without the write scope
# Who sees ada (school A): not the mentor whose relationship ended, not the expert who
# was never connected, and no key of another scope.
SEES_ADA = (
    "admin", "school_admin", "counselor", "teacher", "advisor", "coach", "mentor",
    "learner", "guardian", "expert", "key_read_a", "key_read",
)  # fmt: skip
DISTRICT_READERS = ("admin", "key_read")
STAFF = ("admin", "school_admin", "counselor", "teacher", "advisor", "coach", "mentor",
         "former_mentor", "key_read_a", "key_read")  # fmt: skip
HIDE_ADA = ("former_mentor", "pending_expert")


def reads(ok: tuple[str, ...]) -> dict[str, int]:
    """200 for `ok`, 403 for keys without the read scope, 404 for everyone else."""
    return {role: 200 if role in ok else 403 if role in NO_READ else 404 for role in ROLES}


def writes(ok: tuple[str, ...], hidden: tuple[str, ...], status: int = 200) -> dict[str, int]:
    """`status` for `ok`, 404 for `hidden` (cannot see the record), 403 for everyone else."""
    return {role: status if role in ok else 404 if role in hidden else 403 for role in ROLES}


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    path: str  # {name} stands for the uid of that node or relationship of the world
    expected: dict[str, int]
    body: dict[str, Any] | None = None
    undo: bool = False  # end the relationship a success made before the next caller tries
    fresh: bool = False  # a success changes the world for good: one world per allowed caller
    roles: tuple[str, ...] = field(default=tuple(ROLES))


READS = [
    Case("get ada", "GET", "/v1/learners/{ada}", reads(SEES_ADA)),
    Case("get ben, another school's", "GET", "/v1/learners/{ben}", reads(DISTRICT_READERS)),
    Case("get unknown learner", "GET", "/v1/learners/nobody", reads(())),
    Case("get ada's mentor", "GET", "/v1/adults/{mentor_a}",
         reads((*STAFF, "learner", "guardian"))),
    Case("get an unrelated adult", "GET", "/v1/adults/{mentor_b}", reads(STAFF)),
    Case("get a community", "GET", "/v1/communities/{club}",
         reads(tuple(r for r in ROLES if r not in NO_READ))),
    Case("get ada's goal", "GET", "/v1/goals/{ada_goal}", reads(SEES_ADA)),
    Case("get ben's goal", "GET", "/v1/goals/{ben_goal}", reads(DISTRICT_READERS)),
    Case("get a goal nobody pursues", "GET", "/v1/goals/{open_goal}",
         reads(tuple(r for r in ROLES if r not in NO_READ))),
    Case("network of ada", "GET", "/v1/learners/{ada}/network", reads(SEES_ADA)),
    Case("network of ben", "GET", "/v1/learners/{ben}/network", reads(DISTRICT_READERS)),
    Case("caseload of ada's mentor", "GET", "/v1/adults/{mentor_a}/caseload",
         writes(("admin", "school_admin", "counselor", "mentor", "key_read_a", "key_read"),
                hidden=("expert", "pending_expert"))),
    Case("caseload of another school's mentor", "GET", "/v1/adults/{mentor_b}/caseload",
         writes(DISTRICT_READERS, hidden=("learner", "guardian", "expert", "pending_expert"))),
    Case("path from ada to an adult", "GET", "/v1/paths?from={ada}&to={mentor_b}",
         reads(tuple(r for r in SEES_ADA if r in STAFF))),
    Case("path from ada to ben", "GET", "/v1/paths?from={ada}&to={ben}",
         reads(DISTRICT_READERS)),
    Case("relationships of ada", "GET", "/v1/relationships?node={ada}", reads(SEES_ADA)),
    Case("relationships of ben", "GET", "/v1/relationships?node={ben}",
         reads(DISTRICT_READERS)),
    Case("ada's mentoring", "GET", "/v1/relationships/{ada_mentoring}", reads(SEES_ADA)),
    Case("ben's mentoring", "GET", "/v1/relationships/{ben_mentoring}",
         reads(DISTRICT_READERS)),
    Case("list learners", "GET", "/v1/learners",
         reads(tuple(r for r in ROLES if r not in NO_READ))),
    Case("search", "GET", "/v1/search?q=testwell",
         reads(tuple(r for r in ROLES if r not in NO_READ))),
]  # fmt: skip

ORG_WRITERS = ("admin", "school_admin", "counselor", "key_write_a", "key_write")
NEW_LEARNER = {"given_name": "Nia", "family_name": "Newcome"}
ADA = {"given_name": "Ada", "family_name": "Testwell", "grade_level": "09"}
NOW = datetime.now(UTC).isoformat()


def relate(rel_type: str, start: str, end: str) -> dict[str, str]:
    return {"type": rel_type, "from_uid": f"{{{start}}}", "to_uid": f"{{{end}}}"}


WRITES = [
    Case("rename ada", "PATCH", "/v1/learners/{ada}", writes(ORG_WRITERS, HIDE_ADA),
         body={"preferred_name": "Addy"}),
    Case("rename another school's learner", "PATCH", "/v1/learners/{ben}",
         writes(("admin", "key_write"), hidden=tuple(r for r in ROLES if r not in NO_WRITE)),
         body={"preferred_name": "Benny"}),
    Case("archive ada", "DELETE", "/v1/learners/{ada}", writes(ORG_WRITERS, HIDE_ADA),
         fresh=True),
    Case("erase ada", "POST", "/v1/learners/{ada}/erase",
         writes(("admin",), HIDE_ADA, status=204), fresh=True),
    Case("create a learner", "POST", "/v1/learners", writes(ORG_WRITERS, (), status=201),
         body=NEW_LEARNER),
    Case("replace ada by source id", "PUT", "/v1/learners/by-source/ada",
         writes(ORG_WRITERS, HIDE_ADA), body=ADA),
    Case("change ada's class", "PATCH", "/v1/communities/{class_a}",
         writes(ORG_WRITERS, ()), body={"description": "Room 12"}),
    Case("change another school's club", "PATCH", "/v1/communities/{club_b}",
         writes(("admin", "key_write"), ()), body={"description": "Hall"}),
    # A membership shows ada to the club's teachers: a grant, not staff's who do not run it.
    Case("ada joins a club", "POST", "/v1/relationships",
         writes((*ORG_WRITERS, "learner"), HIDE_ADA, status=201),
         body=relate("MEMBER_OF", "ada", "club"), undo=True),
    Case("ben joins a club", "POST", "/v1/relationships",
         writes(("admin", "key_write"), tuple(r for r in ROLES if r not in NO_WRITE),
                status=201),
         body=relate("MEMBER_OF", "ben", "club_b"), undo=True),
    Case("ada trusts another school's adult", "POST", "/v1/relationships",
         writes(("admin", "key_write", "learner"), HIDE_ADA, status=201),
         body=relate("TRUSTS", "ada", "mentor_b"), undo=True),
    Case("ada's mentor also coaches her", "POST", "/v1/relationships",
         writes(("admin", "school_admin", "counselor", "mentor", "key_write_a", "key_write"),
                HIDE_ADA, status=201),
         body=relate("COACHES", "mentor_a", "ada"), undo=True),
    Case("log an interaction with a mentee", "PATCH", "/v1/relationships/{ada_mentoring}",
         writes((*ORG_WRITERS, "mentor"), HIDE_ADA), body={"last_interaction_at": NOW}),
    Case("end a mentoring", "POST", "/v1/relationships/{ada_mentoring}/end",
         writes((*ORG_WRITERS, "mentor"), HIDE_ADA), body={}, fresh=True),
    Case("bulk load", "POST", "/v1/bulk",
         writes(("admin", "key_write_a", "key_import_a", "key_write"), ()),
         body={"nodes": [{"node_kind": "interest", "source_id": "knit", "name": "Knitting"}]}),
]  # fmt: skip


def _runs(cases: list[Case]) -> list[Any]:
    """One test per case; a case a success changes for good gets one per allowed caller
    (and one for all who are refused, which changes nothing)."""
    runs = []
    for case in cases:
        if not case.fresh:
            runs.append(pytest.param(case, id=case.name))
            continue
        allowed = [role for role in ROLES if case.expected[role] < 400]
        refused = tuple(role for role in ROLES if role not in allowed)
        runs.append(pytest.param(_only(case, refused), id=f"{case.name}-refused"))
        runs += [pytest.param(_only(case, (role,)), id=f"{case.name}-{role}") for role in allowed]
    return runs


def _only(case: Case, roles: tuple[str, ...]) -> Case:
    return Case(**{**vars(case), "roles": roles})


def _filled(world: World, body: dict[str, Any] | None) -> dict[str, Any] | None:
    if body is None:
        return None
    return {k: v.format(**world.uid) if isinstance(v, str) else v for k, v in body.items()}


def _check(world: World, case: Case) -> list[tuple[str, int, int, str]]:
    """Call the endpoint as each role, refused ones first; return the mismatches."""
    roles = sorted(case.roles, key=lambda role: case.expected[role] < 400)
    wrong = []
    for role in roles:
        response = world.call(role, case.method, case.path, json=_filled(world, case.body))
        if response.status_code != case.expected[role]:
            wrong.append((role, response.status_code, case.expected[role], response.text[:160]))
        if case.undo and response.status_code == 201:
            uid = response.json()["uid"]
            ended = world.call("admin", "POST", f"/v1/relationships/{uid}/end", json={})
            assert ended.status_code == 200, ended.text
    return wrong


@pytest.mark.parametrize("case", _runs(READS))
def test_read_matrix(client: TestClient, graph: Graph, case: Case) -> None:
    world = build(client, graph)
    assert _check(world, case) == []


@pytest.mark.parametrize("case", _runs(WRITES))
def test_write_matrix(client: TestClient, graph: Graph, case: Case) -> None:
    world = build(client, graph)
    assert _check(world, case) == []
