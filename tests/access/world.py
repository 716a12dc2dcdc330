"""A small district to test access in, built through the API as admin, and its callers.

Two schools of one district. `ada` (school A) has a mentor, an advisor, a coach, a
class teacher, a guardian, a cleared expert with an active connection, a mentor whose
relationship ended, a goal and a peer `ben` at school B, who has his own mentor and goal.
`build` makes a fresh world; each test function builds its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient

from lrm_graph.auth import keys
from lrm_graph.auth.caller import Scope
from lrm_graph.db.graph import Graph
from lrm_graph.vocabulary import NodeKind
from tests.auth_helpers import ADMIN_HEADERS, seed_caller

CLEARED = {
    "screening_status": "cleared",
    "screened_by": "District HR",
    "screening_expires_on": (date.today() + timedelta(days=365)).isoformat(),
}

# Every caller of the matrix: (role, the person they are, their organization, key scopes).
PEOPLE = {
    "school_admin": ("school_admin", "principal", "school_a"),
    "counselor": ("counselor", "counselor", "school_a"),
    "teacher": ("teacher", "teacher", None),
    "advisor": ("advisor", "advisor", None),
    "coach": ("coach", "coach", None),
    "mentor": ("mentor", "mentor_a", None),
    "former_mentor": ("mentor", "former", None),
    "learner": ("learner", "ada", None),
    "guardian": ("guardian", "guardian", None),
    "expert": ("expert", "expert", None),
    "pending_expert": ("expert", "pending_expert", None),
}
KEYS = {
    "key_read_a": ([Scope.READ], "school_a"),
    "key_write_a": ([Scope.WRITE], "school_a"),
    "key_import_a": ([Scope.IMPORT], "school_a"),
    "key_read": ([Scope.READ], None),
    "key_write": ([Scope.WRITE], None),
}
ROLES = ["admin", *PEOPLE, *KEYS]


def _node(node_kind: str, source_id: str, **fields: Any) -> dict[str, Any]:
    return {"node_kind": node_kind, "source_id": source_id, **fields}


def _person(kind: str, source_id: str, **fields: Any) -> dict[str, Any]:
    names = {"given_name": source_id.replace("_", " ").title(), "family_name": "Testwell"}
    return _node(kind, source_id, **names, **fields)


def _rel(rel_type: str, start: tuple[str, str], end: tuple[str, str], **facts: Any) -> dict:
    ref = [{"kind": kind, "source_id": sid} for kind, sid in (start, end)]
    return {"type": rel_type, "from": ref[0], "to": ref[1], **facts}


ADULT_ROLES = {
    "mentor_a": "mentor", "mentor_b": "mentor", "teacher": "teacher", "advisor": "advisor",
    "coach": "coach", "counselor": "counselor", "principal": "administrator",
    "guardian": "guardian", "former": "mentor",
}  # fmt: skip
NODES = [
    _node("organization", "district", name="Riverside District", kind="district"),
    _node("organization", "school_a", name="Alder School", kind="school"),
    _node("organization", "school_b", name="Birch School", kind="school"),
    _person("learner", "ada", grade_level="09"),
    _person("learner", "ava", grade_level="09"),
    _person("learner", "ben", grade_level="10"),
    _person("learner", "opal", grade_level="09", directory_opt_out=True),
    *(_person("adult", sid, roles=[role]) for sid, role in ADULT_ROLES.items()),
    _person("expert", "expert", **CLEARED),
    _person("expert", "pending_expert"),
    _node("community", "class_a", name="Algebra 9", kind="class_section"),
    _node("community", "club", name="Chess Club", kind="club"),
    _node("community", "club_b", name="Birch Drama", kind="club"),
    _node("goal", "ada_goal", title="Become a nurse"),
    _node("goal", "ben_goal", title="Become a pilot"),
    _node("goal", "open_goal", title="Start a business"),
    _node("interest", "robots", name="Robots"),
    _node("industry", "health", name="Health Science"),
    _node("resource", "course", name="Intro to Care", kind="course"),
]
L, A, C, ORG, G = "learner", "adult", "community", "organization", "goal"
RELATIONSHIPS = [
    _rel("PART_OF", (ORG, "school_a"), (ORG, "district")),
    _rel("PART_OF", (ORG, "school_b"), (ORG, "district")),
    _rel("PART_OF", (C, "class_a"), (ORG, "school_a")),
    _rel("PART_OF", (C, "club_b"), (ORG, "school_b")),
    *(_rel("ENROLLED_AT", (L, sid), (ORG, "school_a")) for sid in ("ada", "ava", "opal")),
    _rel("ENROLLED_AT", (L, "ben"), (ORG, "school_b")),
    *(
        _rel("WORKS_AT", (A, sid), (ORG, "school_a"))
        for sid in ("mentor_a", "counselor", "principal")
    ),
    _rel("WORKS_AT", (A, "mentor_b"), (ORG, "school_b")),
    _rel("MENTORS", (A, "mentor_a"), (L, "ada")),
    _rel("ADVISES", (A, "advisor"), (L, "ada")),
    _rel("COACHES", (A, "coach"), (L, "ada")),
    _rel("TEACHES", (A, "teacher"), (C, "class_a")),
    _rel("MEMBER_OF", (L, "ada"), (C, "class_a")),
    _rel("GUARDIAN_OF", (A, "guardian"), (L, "ada")),
    _rel("MENTORS", (A, "former"), (L, "ada"), since="2020-01-01", until="2021-01-01"),
    _rel("MENTORS", (A, "mentor_b"), (L, "ben")),
    _rel("PEER_OF", (L, "ada"), (L, "ben")),
    _rel("MEMBER_OF", (L, "ben"), (C, "club")),
    _rel("PURSUES", (L, "ada"), (G, "ada_goal")),
    _rel("PURSUES", (L, "ben"), (G, "ben_goal")),
]


@dataclass
class World:
    """The uids of the world's nodes and relationships by name, and its callers."""

    client: TestClient
    uid: dict[str, str] = field(default_factory=dict)
    rel: dict[str, str] = field(default_factory=dict)
    headers: dict[str, dict[str, str]] = field(default_factory=dict)

    def call(self, role: str, method: str, path: str, **kwargs: Any) -> Any:
        """Send a request as `role`; `path` may name nodes as {name} and relationships too."""
        url = path.format(**self.uid, **self.rel)
        return self.client.request(method, url, headers=self.headers[role], **kwargs)


def build(client: TestClient, graph: Graph) -> World:
    """Build a fresh world through the API as admin; sign its callers in."""
    world = World(client)
    body = {"nodes": NODES, "relationships": RELATIONSHIPS}
    answer = client.post("/v1/bulk", json=body, headers=ADMIN_HEADERS)
    assert answer.status_code == 200 and not answer.json()["rejected"], answer.text
    for kind in NodeKind:
        page = client.get(f"/v1/{kind.plural}", params={"limit": 500}, headers=ADMIN_HEADERS)
        world.uid |= {n["source_id"]: n["uid"] for n in page.json()["items"]}
    world.headers = _callers(graph, world.uid)
    _connect_expert(world)
    for name, (rel_type, start) in {
        "ada_mentoring": ("MENTORS", "mentor_a"),
        "ben_mentoring": ("MENTORS", "mentor_b"),
    }.items():
        learner = "ada" if name.startswith("ada") else "ben"
        world.rel[name] = relationship_uid(world, rel_type, start, learner)
    return world


def relationship_uid(world: World, rel_type: str, start: str, end: str) -> str:
    params = {"node": world.uid[end], "type": rel_type, "active": True}
    items = world.client.get("/v1/relationships", params=params, headers=ADMIN_HEADERS).json()
    (found,) = [r for r in items["items"] if r["from_uid"] == world.uid[start]]
    return str(found["uid"])


def _callers(graph: Graph, uid: dict[str, str]) -> dict[str, dict[str, str]]:
    headers = {"admin": ADMIN_HEADERS}
    for name, (role, person, org) in PEOPLE.items():
        org_uid = uid[org] if org else None
        headers[name] = seed_caller(graph, role, person_uid=uid[person], org_uid=org_uid)
    for name, (scopes, org) in KEYS.items():
        secret, _ = keys.create_key(graph, name=name, scopes=scopes, org_uid=uid.get(org or ""))
        headers[name] = {"Authorization": f"Bearer {secret}"}
    return headers


def _connect_expert(world: World) -> None:
    """Connect the cleared expert with ada the way it must be done: proposed, approved by
    staff, consented to by her guardian."""
    body = {"expert_uid": world.uid["expert"], "learner_uid": world.uid["ada"]}
    proposed = world.call("admin", "POST", "/v1/connections", json=body)
    assert proposed.status_code == 201, proposed.text
    uid = proposed.json()["uid"]
    assert world.call("admin", "POST", f"/v1/connections/{uid}/approve").status_code == 200
    consented = world.call("guardian", "POST", f"/v1/connections/{uid}/consent")
    assert consented.json()["grants_access"] is True, consented.text
    world.rel["expert_connection"] = uid
