"""`lrm users update`: an admin changes an account, one made from the roster too."""

from __future__ import annotations

from fastapi.testclient import TestClient

from lrm_graph.auth import roster_accounts
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from tests import factories
from tests.imports.support import lrm


def test_an_admin_changes_a_roster_account_and_the_change_stays(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    teacher = factories.adult(client, roles=["teacher"], email="t.ngata@osthaven.example")
    roster_accounts.account_for_email(graph, settings, "t.ngata@osthaven.example")
    school = factories.organization(client)

    done = lrm(settings, "users", "update", "T.Ngata@osthaven.example", "--role", "counselor",
               "--org", school["uid"])  # fmt: skip

    assert done.exit_code == 0, done.output
    assert (
        done.output
        == f"updated t.ngata@osthaven.example: counselor, organization {school['uid']}\n"
    )
    kept = roster_accounts.account_for_email(graph, settings, "t.ngata@osthaven.example")
    assert (kept["role"], kept["org_uid"], kept["person_uid"], kept["origin"]) == (
        "counselor", school["uid"], teacher["uid"], "manual",
    )  # fmt: skip


def test_updating_an_unknown_account_is_one_error_line(settings: Settings, graph: Graph) -> None:
    done = lrm(settings, "users", "update", "nobody@osthaven.example", "--role", "teacher")
    assert done.exit_code == 1
    assert done.output == "error: no account with email 'nobody@osthaven.example'\n"
