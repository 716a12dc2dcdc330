"""A checked token is trusted for `token_cache_seconds`, no longer: revoked in any way, it
stops working on every API process within that bound (and at once on the process where
its owner signed out)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from lrm_graph import clock
from lrm_graph.auth import accounts
from lrm_graph.auth.caller import Role
from lrm_graph.auth.callers import CheckedCallers
from lrm_graph.auth.secrets import TOKEN_PREFIX, digest
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from tests import factories

BOUND = 2.0  # seconds a checked token is trusted, in these tests
ME = "/v1/auth/me"


@contextmanager
def two_processes(settings: Settings, admin: str) -> Iterator[tuple[TestClient, TestClient]]:
    """Two API processes behind one load balancer, each with its own checked callers
    (requests without their own Authorization are the admin's)."""
    quick = settings.model_copy(update={"token_cache_seconds": BOUND})
    headers = {"Authorization": admin}
    with (
        TestClient(create_app(quick), headers=headers) as here,
        TestClient(create_app(quick), headers=headers) as there,
    ):
        yield here, there


def callers(app: TestClient) -> CheckedCallers:
    checked: CheckedCallers = app.app.state.callers  # type: ignore[attr-defined]
    return checked


@dataclass(frozen=True)
class Person:
    """A learner signed in through the district's provider (a session of their own)."""

    uid: str
    email: str
    headers: dict[str, str]
    came_from: accounts.ProviderSession


def signed_in_learner(client: TestClient, graph: Graph, settings: Settings) -> Person:
    uid = factories.learner(client)["uid"]
    email = f"learner-{uuid.uuid4().hex[:8]}@test.example"
    account = accounts.create_user(graph, email=email, role=Role.LEARNER, password=None,
                                   person_uid=uid)  # fmt: skip
    came_from = accounts.ProviderSession("district", f"subject-{uid}", f"sid-{uid}")
    token = accounts.issue_token(graph, settings, account["uid"], came_from).access_token
    return Person(uid, email, {"Authorization": f"Bearer {token}"}, came_from)


def sign_out(graph: Graph, here: TestClient, person: Person) -> None:
    assert here.post("/v1/auth/revoke", headers=person.headers).status_code == 204


def disable(graph: Graph, here: TestClient, person: Person) -> None:
    accounts.set_disabled(graph, person.email, True)  # as `lrm users disable` does


def erase(graph: Graph, here: TestClient, person: Person) -> None:
    assert here.post(f"/v1/learners/{person.uid}/erase").status_code == 204  # the admin


def back_channel_logout(graph: Graph, here: TestClient, person: Person) -> None:
    # What the provider's verified logout token does (tests/auth covers the token itself).
    session = person.came_from
    graph.write("auth/end_provider_sessions", provider=session.provider, sid=session.sid,
                subject=session.subject, now=clock.now())  # fmt: skip


Revocation = Callable[[Graph, TestClient, Person], None]
SHORT_TOKEN = """
CREATE (t:AccessToken {token_hash: $token_hash})
SET t.account_uid = $account_uid, t.expires_at = $expires_at
"""


@pytest.mark.parametrize("revoke", [sign_out, disable, erase, back_channel_logout])
def test_a_revoked_token_stops_within_the_bound(
    client: TestClient, graph: Graph, settings: Settings, revoke: Revocation
) -> None:
    decoy, person = (signed_in_learner(client, graph, settings) for _ in range(2))
    with two_processes(settings, client.headers["Authorization"]) as (here, there):
        revoke(graph, here, decoy)  # once before, so that its queries are compiled
        assert here.get(ME, headers=person.headers).status_code == 200
        checked_from = time.monotonic()
        assert there.get(ME, headers=person.headers).status_code == 200
        checked_until = time.monotonic() + BOUND
        checks = callers(there).checks
        revoke(graph, here, person)
        assert time.monotonic() < checked_from + BOUND, "the revocation outlasted the bound"
        assert there.get(ME, headers=person.headers).status_code == 200  # within the bound
        assert callers(there).checks == checks  # from memory: the database was not asked
        time.sleep(max(0.0, checked_until + 0.2 - time.monotonic()))
        assert there.get(ME, headers=person.headers).status_code == 401
        assert here.get(ME, headers=person.headers).status_code == 401
        assert callers(there).checks == checks + 1


def test_signing_out_is_refused_at_once_where_it_happened(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    person = signed_in_learner(client, graph, settings)
    with two_processes(settings, client.headers["Authorization"]) as (here, _):
        assert here.get(ME, headers=person.headers).status_code == 200
        sign_out(graph, here, person)
        assert here.get(ME, headers=person.headers).status_code == 401


def test_the_least_recently_used_caller_goes_first(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    checked = CheckedCallers(seconds=60.0, entries=2)
    tokens = []
    for n in range(3):
        learner = factories.learner(client)["uid"]
        account = accounts.create_user(graph, email=f"lru{n}@test.example", role=Role.LEARNER,
                                       password=None, person_uid=learner)  # fmt: skip
        tokens.append(accounts.issue_token(graph, settings, account["uid"]).access_token)
    for token in tokens:
        assert checked.caller_for(graph, token) is not None
    assert checked.checks == 3
    assert checked.caller_for(graph, tokens[2]) is not None
    assert checked.checks == 3  # kept
    assert checked.caller_for(graph, tokens[0]) is not None
    assert checked.checks == 4  # the first was dropped for the third


def test_a_token_is_not_trusted_past_its_expiry(client: TestClient, graph: Graph) -> None:
    learner = factories.learner(client)["uid"]
    account = accounts.create_user(graph, email="eli@test.example", role=Role.LEARNER,
                                   password=None, person_uid=learner)  # fmt: skip
    token = TOKEN_PREFIX + uuid.uuid4().hex
    expires_at = clock.now() + timedelta(seconds=1)  # shorter than any token_minutes
    graph.driver.execute_query(SHORT_TOKEN, token_hash=digest(token), account_uid=account["uid"],
                               expires_at=expires_at, database_=graph.database)  # fmt: skip
    checked = CheckedCallers(seconds=60.0, entries=10)
    assert checked.caller_for(graph, token) is not None
    time.sleep(max(0.0, (expires_at - clock.now()).total_seconds() + 0.1))
    assert checked.caller_for(graph, token) is None
    assert checked.checks == 2


def test_a_refused_token_is_asked_each_time(graph: Graph) -> None:
    checked = CheckedCallers(seconds=60.0, entries=10)
    for _ in range(2):
        assert checked.caller_for(graph, TOKEN_PREFIX + "no-such-token") is None
    assert checked.checks == 2
