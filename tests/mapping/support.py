"""A hand-built school for the mapping round tests, and its people's sign-ins.

School A: learners ana, bo, cy, dee (dee opted out of the directory); tom teaches there
(WORKS_AT) and mentors bo and cy; mia works elsewhere and mentors ana and dee; cora is
school A's counselor. School B: learner eve and counselor bea.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi.testclient import TestClient

from lrm_graph.db.graph import Graph
from tests import auth_helpers, factories


@dataclass
class School:
    client: TestClient
    uid: dict[str, str] = field(default_factory=dict)  # name -> node uid
    headers: dict[str, dict[str, str]] = field(default_factory=dict)  # caller -> headers

    def call(self, who: str, method: str, path: str, **kwargs: Any) -> Any:
        """Call the API as `who` ("admin" or a caller of the school); {name} in the path
        stands for that node's uid."""
        headers = None if who == "admin" else self.headers[who]
        return self.client.request(method, path.format(**self.uid), headers=headers, **kwargs)

    def ok(self, who: str, method: str, path: str, status: int = 200, **kwargs: Any) -> Any:
        response = self.call(who, method, path, **kwargs)
        assert response.status_code == status, response.text
        return response.json() if response.content else None


def build(client: TestClient, graph: Graph) -> School:
    school = School(client)
    uid = school.uid
    uid["school_a"] = factories.organization(client)["uid"]
    uid["school_b"] = factories.organization(client)["uid"]
    for name, org in (("ana", "a"), ("bo", "a"), ("cy", "a"), ("dee", "a"), ("eve", "b")):
        extra = {"directory_opt_out": True} if name == "dee" else {}
        uid[name] = factories.learner(client, given_name=name.title(), **extra)["uid"]
        factories.relate(client, "ENROLLED_AT", uid[name], uid[f"school_{org}"])
    for name in ("tom", "mia", "cora", "bea"):
        uid[name] = factories.adult(client, given_name=name.title())["uid"]
    factories.relate(client, "WORKS_AT", uid["tom"], uid["school_a"])
    factories.relate(client, "WORKS_AT", uid["cora"], uid["school_a"])
    factories.relate(client, "WORKS_AT", uid["bea"], uid["school_b"])
    for adult, learner in (("tom", "bo"), ("tom", "cy"), ("mia", "ana"), ("mia", "dee")):
        factories.relate(client, "MENTORS", uid[adult], uid[learner])
    callers = {
        "counselor": ("counselor", "cora", "school_a"),
        "counselor_b": ("counselor", "bea", "school_b"),
        "teacher": ("teacher", "tom", None),
        "mentor": ("mentor", "mia", None),
        **{name: ("learner", name, None) for name in ("ana", "bo", "cy", "eve")},
    }
    for who, (role, person, org) in callers.items():
        school.headers[who] = auth_helpers.seed_caller(
            graph, role, person_uid=uid[person], org_uid=uid[org] if org else None
        )
    return school


def open_round(school: School, who: str = "counselor", name: str = "Autumn") -> dict:
    body = {"name": name, "organization_uid": school.uid["school_a"]}
    return school.ok(who, "POST", "/v1/mapping-rounds", 201, json=body)


def mark(school: School, who: str, round_uid: str, *learners: str) -> list[dict]:
    body = {"learner_uids": [school.uid.get(n, n) for n in learners]}
    return school.ok(who, "POST", f"/v1/mapping-rounds/{round_uid}/marks", json=body)["items"]


def name(school: School, who: str, round_uid: str, *adults: str) -> list[dict]:
    body = {"adult_uids": [school.uid.get(n, n) for n in adults]}
    return school.ok(who, "POST", f"/v1/mapping-rounds/{round_uid}/trusted", json=body)["items"]


def close(school: School, round_uid: str, who: str = "counselor") -> dict:
    return school.ok(who, "POST", f"/v1/mapping-rounds/{round_uid}/close")
