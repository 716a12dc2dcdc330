"""Accounts from the roster: role and organization from what the graph holds, the role
table in settings, and access that ends when the roster lets a person go."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from lrm_graph.auth import accounts, roster_accounts
from lrm_graph.auth.caller import Role
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Conflict
from tests import factories
from tests.auth import world
from tests.auth.world import Live, RosterSet


def test_a_staff_member_a_roster_delta_removes_loses_access(
    live: Live, roster_set: RosterSet, graph: Graph, tmp_path: Path
) -> None:
    world.import_roster(graph, live.settings, roster_set)
    signed = world.sign_in(live, roster_set.email("teacher"), then="token")
    token = signed.json()["access_token"]
    assert world.me(live, token).status_code == 200

    delta = world.delete_user_delta(tmp_path, roster_set, "teacher")
    assert world.import_roster_at(graph, live.settings, delta)["archived"] == 1

    assert world.refused_within_cache_bound(live, token) == 401
    again = world.sign_in(live, roster_set.email("teacher"), then="token")
    assert again.status_code == 403
    assert "roster has no one with the email" in again.json()["detail"]


def test_the_roster_role_maps_to_the_account_role(
    live: Live, roster_set: RosterSet, graph: Graph
) -> None:
    world.import_roster(graph, live.settings, roster_set)
    roles = {}
    for who in ("principal", "aide", "learner", "guardian"):
        account = roster_accounts.account_for_email(graph, live.settings, roster_set.email(who))
        roles[who] = (account["role"], account["person_uid"] is not None, account["origin"])
    assert roles == {
        "principal": ("school_admin", True, "roster"),
        "aide": ("teacher", True, "roster"),
        "learner": ("learner", True, "roster"),
        "guardian": ("guardian", True, "roster"),
    }


def test_the_role_table_is_a_setting() -> None:
    settings = Settings(roster_roles=("aide=counselor", "teacher=teacher"))
    assert roster_accounts.account_role(settings, "adult", ["teacher", "aide"]) is Role.COUNSELOR
    assert roster_accounts.account_role(settings, "adult", ["staff"]) is None
    assert roster_accounts.account_role(settings, "learner", []) is Role.LEARNER
    with pytest.raises(ValidationError, match="account role among"):
        Settings(roster_roles=("administrator=admin",))


def test_a_person_with_no_role_that_may_sign_in_is_refused(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    factories.adult(client, roles=["staff"], email="night.janitor@osthaven.example")
    with pytest.raises(roster_accounts.NotInRoster, match="no role that may sign in"):
        roster_accounts.account_for_email(graph, settings, "night.janitor@osthaven.example")


def test_a_counselor_from_the_api_gets_the_organization_they_work_at(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    school = factories.organization(client)
    counselor = factories.adult(client, roles=["counselor"], email="Ms.Rivera@Osthaven.example")
    factories.relate(client, "WORKS_AT", counselor["uid"], school["uid"])
    account = roster_accounts.account_for_email(graph, settings, "ms.rivera@osthaven.example")
    assert (account["role"], account["person_uid"], account["org_uid"]) == (
        "counselor", counselor["uid"], school["uid"],
    )  # fmt: skip


def test_someone_at_two_schools_gets_no_organization_by_guess(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    counselor = factories.adult(client, roles=["counselor"], email="roving@osthaven.example")
    for _ in range(2):
        school = factories.organization(client)
        factories.relate(client, "WORKS_AT", counselor["uid"], school["uid"])
    account = roster_accounts.account_for_email(graph, settings, "roving@osthaven.example")
    assert (account["role"], account.get("org_uid")) == ("counselor", None)


def test_an_email_the_roster_gives_two_people_is_refused(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    for _ in range(2):
        factories.adult(client, roles=["teacher"], email="shared@osthaven.example")
    with pytest.raises(Conflict, match="to 2 people"):
        roster_accounts.account_for_email(graph, settings, "shared@osthaven.example")


def test_an_account_an_admin_made_keeps_its_role(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    adult = factories.adult(client, roles=["teacher"], email="made.by.hand@osthaven.example")
    accounts.create_user(graph, email="made.by.hand@osthaven.example", role=Role.MENTOR,
                         password=None, person_uid=adult["uid"])  # fmt: skip
    account = roster_accounts.account_for_email(graph, settings, "made.by.hand@osthaven.example")
    assert (account["role"], account["origin"]) == ("mentor", "manual")


def test_archiving_a_person_ends_their_tokens(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    adult = factories.adult(client, roles=["mentor"])
    account = accounts.create_user(graph, email="leaving@osthaven.example", role=Role.MENTOR,
                                   password=None, person_uid=adult["uid"])  # fmt: skip
    token = accounts.issue_token(graph, settings, account["uid"]).access_token
    assert accounts.caller_for_token(graph, token) is not None
    assert client.delete(f"/v1/adults/{adult['uid']}").status_code in (200, 204)
    assert accounts.caller_for_token(graph, token) is None
    assert client.get("/v1/auth/me", headers=world.bearer(token)).status_code == 401
