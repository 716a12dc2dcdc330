"""No write widens who sees a learner except a grant by someone entitled to make it.

A generated matrix over the relationship writes of the demo school, through HTTP: for each
relationship type with a learner end x caller role x scope (the other end in the learner's
own school, in another school, or the caller themself), the expected answer; the learner's
visibility to every other role (and to the adults a grant would reach) after the write;
the audit entry of the write for the learner it aimed at (a grant, a write, or the refusal).
One demo load for the module; each case ends what it made, so the cases share it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from lrm_graph import clock
from lrm_graph.config import Settings
from tests.access.demo_callers import demo_signed_in
from tests.auth_helpers import seed_caller

CALLERS = ("admin", "counselor", "teacher", "mentor", "learner", "guardian")
# Who may see the learner before any case: the demo's six; the others gain only by a grant.
OBSERVERS = (*CALLERS, "own_adult", "other_adult", "other_counselor")
SEE_BEFORE = frozenset(CALLERS)
CARING = ("MENTORS", "ADVISES", "COACHES", "COUNSELS", "TEACHES")
OWN_ORG = ("admin", "counselor")  # the district, and the learner's school


@dataclass
class School:
    """The demo school, signed in as each role, with the nodes the cases aim at."""

    http: TestClient
    headers: dict[str, dict[str, str]]
    uid: dict[str, str]  # learner, the callers' persons, own_adult, own_section, ...
    active: set[tuple[str, str, str]] = field(default_factory=set)  # the learner's ties

    def call(self, who: str, method: str, path: str, **kw: Any) -> Any:
        return self.http.request(method, path, headers=self.headers[who], **kw)

    def make(self, plural: str, **fields: Any) -> str:
        response = self.call("admin", "POST", f"/v1/{plural}", json=fields)
        assert response.status_code == 201, response.text
        return str(response.json()["uid"])

    def relate(self, rel_type: str, start: str, end: str, **fields: Any) -> None:
        body = {"type": rel_type, "from_uid": start, "to_uid": end, **fields}
        response = self.call("admin", "POST", "/v1/relationships", json=body)
        assert response.status_code == 201, response.text

    def seeing(self) -> frozenset[str]:
        """Return the observers who may read the learner now."""
        path = f"/v1/learners/{self.uid['learner']}"
        return frozenset(who for who in OBSERVERS if self.call(who, "GET", path).status_code == 200)


@pytest.fixture(scope="module")
def school(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[School]:
    signins_dir = Path(tmp_path_factory.mktemp("signins"))
    with (
        demo_signed_in(settings, signins_dir, learners=10) as (graph, made, headers),
        TestClient(create_app(settings)) as http,
    ):
        world = School(http, headers, {r: s.person_uid or "" for r, s in made.items()})
        _furnish(world, graph, made["counselor"].org_uid or "")
        yield world


def _furnish(world: School, graph: Any, school_1: str) -> None:
    """Add the ends the cases aim at, in the learner's school and in the other one."""
    uid = world.uid
    [school_2] = [
        row["uid"]
        for row in graph.read("nodes/find_by_source", node_kind="organization",
                              source_ids=["demo-org-school-2"])
    ]  # fmt: skip
    uid |= {"school_1": school_1, "school_2": school_2}
    for side, org in (("own", school_1), ("other", school_2)):
        adult = world.make(
            "adults", given_name=side.title(), family_name="Adult", roles=["teacher"]
        )
        world.relate("WORKS_AT", adult, org)
        section = world.make("communities", name=f"{side} section", kind="class_section")
        club = world.make("communities", name=f"{side} club", kind="club")
        for community in (section, club):
            world.relate("PART_OF", community, org)
            world.relate("TEACHES", adult, community)
        uid |= {f"{side}_adult": adult, f"{side}_section": section, f"{side}_club": club}
        world.headers[f"{side}_adult"] = seed_caller(graph, "teacher", person_uid=adult)
    world.relate("TEACHES", uid["teacher"], uid["own_section"])
    closed = world.make("communities", name="Closed club", kind="club", open=False)
    world.relate("PART_OF", closed, school_1)
    annex = world.make("organizations", name="Annex", kind="school")
    world.relate("PART_OF", annex, school_1)
    uid |= {"closed_club": closed, "annex": annex}
    world.headers["other_counselor"] = seed_caller(graph, "counselor", org_uid=school_2)
    listed = world.call("admin", "GET", "/v1/relationships",
                        params={"node": uid["learner"], "active": True, "limit": 500})  # fmt: skip
    world.active = {(r["type"], r["from_uid"], r["to_uid"]) for r in listed.json()["items"]}
    [section] = [to for t, f, to in world.active if t == "MEMBER_OF" and to != uid["own_section"]][
        :1
    ]
    uid["learners_section"] = section
    assert world.seeing() == SEE_BEFORE


@dataclass(frozen=True)
class Case:
    """One write: its type, ends (names in `School.uid`; `self`: the caller), who may make
    it, and the observers it shows the learner to when made."""

    name: str
    rel_type: str
    start: str
    end: str
    allowed: tuple[str, ...]
    gains: tuple[str, ...] = ()
    role: str | None = None


def _cases() -> list[Case]:
    member = [
        Case("member of own section", "MEMBER_OF", "learner", "own_section",
             (*OWN_ORG, "teacher"), gains=("own_adult",)),
        Case("member of other school's section", "MEMBER_OF", "learner", "other_section",
             ("admin",), gains=("other_adult",)),
        Case("member of own club", "MEMBER_OF", "learner", "own_club",
             (*OWN_ORG, "learner"), gains=("own_adult",)),
        Case("member of other school's club", "MEMBER_OF", "learner", "other_club",
             ("admin",), gains=("other_adult",)),
        Case("member of a closed club", "MEMBER_OF", "learner", "closed_club", OWN_ORG),
        Case("leader of own club", "MEMBER_OF", "learner", "own_club", OWN_ORG,
             gains=("own_adult",), role="leader"),
        Case("enrolled at own annex", "ENROLLED_AT", "learner", "annex", OWN_ORG),
        Case("enrolled at other school", "ENROLLED_AT", "learner", "school_2", ("admin",),
             gains=("other_counselor",)),
        Case("guardian: own adult", "GUARDIAN_OF", "own_adult", "learner", OWN_ORG),
        Case("guardian: other school's adult", "GUARDIAN_OF", "other_adult", "learner",
             ("admin",)),
        Case("own adult teaches the learner's section", "TEACHES", "own_adult",
             "learners_section", OWN_ORG, gains=("own_adult",)),
        Case("other adult teaches the learner's section", "TEACHES", "other_adult",
             "learners_section", ("admin",), gains=("other_adult",)),
        Case("trusts own adult", "TRUSTS", "learner", "own_adult", (*OWN_ORG, "learner")),
        Case("trusts other school's adult", "TRUSTS", "learner", "other_adult",
             ("admin", "learner")),
    ]  # fmt: skip
    for rel_type in CARING:
        member += [
            Case(f"{rel_type} from own adult", rel_type, "own_adult", "learner", OWN_ORG,
                 gains=("own_adult",)),
            Case(f"{rel_type} from other school's adult", rel_type, "other_adult", "learner",
                 ("admin",), gains=("other_adult",)),
            Case(f"{rel_type} from the caller", rel_type, "self", "learner",
                 ("counselor", "teacher", "mentor")),
        ]  # fmt: skip
    return member


def _ends(school: School, case: Case, caller: str) -> tuple[str, str]:
    def uid(name: str) -> str:
        return school.uid[caller] if name == "self" else school.uid[name]

    return uid(case.start), uid(case.end)


def _audit(school: School, since: str) -> list[tuple[str, str, str]]:
    params = {"learner": school.uid["learner"], "since": since, "limit": 1000}
    items = school.call("admin", "GET", "/v1/audit", params=params).json()["items"]
    return [
        (e["actor_role"], e["action"], e["outcome"])
        for e in reversed(items)
        if e["what"] == "POST /v1/relationships"
    ]


@pytest.mark.parametrize("case", _cases(), ids=lambda case: case.name)
def test_relationship_write_matrix(school: School, case: Case) -> None:
    since = clock.now().isoformat()
    wrong, audited = [], []
    for caller in CALLERS:
        if case.start == "self" and not school.uid[caller]:
            continue  # the district admin is no person
        start, end = _ends(school, case, caller)
        exists = (case.rel_type, start, end) in school.active
        allowed = caller in case.allowed
        expected = (409 if exists else 201) if allowed else 403
        body = {"type": case.rel_type, "from_uid": start, "to_uid": end}
        if case.role:
            body["role"] = case.role
        response = school.call(caller, "POST", "/v1/relationships", json=body)
        made = response.status_code == 201
        # A refusal writes nothing: what it would have widened shows at the case's end.
        seen = school.seeing() if made else SEE_BEFORE
        sees = SEE_BEFORE | (set(case.gains) if made else set())
        if (response.status_code, seen) != (expected, sees):
            wrong.append((caller, response.status_code, expected, sorted(seen ^ sees)))
        grant = case.rel_type != "TRUSTS"
        outcome = {201: ("grant" if grant else "write", "allowed"), 403: ("write", "denied (403)"),
                   409: ("write", "refused (409)")}[expected]  # fmt: skip
        if "learner" in (case.start, case.end):  # a TEACHES of their class names no learner
            audited.append((caller, *outcome))
        if made:
            rel = response.json()["uid"]
            ended = school.call("admin", "POST", f"/v1/relationships/{rel}/end", json={})
            assert ended.status_code == 200, ended.text
    assert wrong == []
    assert school.seeing() == SEE_BEFORE  # refused writes widened nothing; made ones ended
    assert _audit(school, since) == audited


def test_a_learner_asks_to_join_a_closed_club_as_the_generic_route_refuses(
    school: School,
) -> None:
    """/v1/me/communities and /v1/relationships obey the one rule: a closed club takes a
    join request, never a membership the learner makes themself."""
    learner, closed = school.uid["learner"], school.uid["closed_club"]
    body = {"type": "MEMBER_OF", "from_uid": learner, "to_uid": closed, "role": "leader"}
    assert school.call("learner", "POST", "/v1/relationships", json=body).status_code == 403
    asked = school.call("learner", "POST", "/v1/me/communities", json={"community_uid": closed})
    assert (asked.status_code, asked.json()["status"]) == (202, "requested"), asked.text
    withdrawn = school.call(
        "learner", "DELETE", f"/v1/me/join-requests/{asked.json()['request_uid']}"
    )
    assert withdrawn.status_code == 200, withdrawn.text
    other = {"community_uid": school.uid["other_club"]}
    assert school.call("learner", "POST", "/v1/me/communities", json=other).status_code == 403
    assert school.seeing() == SEE_BEFORE


def test_a_refused_write_is_audited_as_refused_or_invalid_for_its_learner(
    school: School,
) -> None:
    """A 409 (an active twin) and a 422 (a pair the type does not allow) write nothing and
    leave `refused (409)` / `invalid (422)` for the learner, never an allowed write."""
    since = clock.now().isoformat()
    learner = school.uid["learner"]
    twin = next((t, f, to) for t, f, to in sorted(school.active) if t == "MEMBER_OF")
    body = {"type": twin[0], "from_uid": twin[1], "to_uid": twin[2]}
    assert school.call("admin", "POST", "/v1/relationships", json=body).status_code == 409
    wrong_pair = {"type": "MEMBER_OF", "from_uid": learner, "to_uid": school.uid["own_adult"]}
    response = school.call("admin", "POST", "/v1/relationships", json=wrong_pair)
    assert response.status_code == 422, response.text
    assert _audit(school, since) == [("admin", "write", "refused (409)"),
                                     ("admin", "write", "invalid (422)")]  # fmt: skip
