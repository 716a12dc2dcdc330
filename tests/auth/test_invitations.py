"""Guardians by invitation: a one-time link that expires, mailed through a real SMTP server;
the guardian sets a password or signs in with their own provider account, and sees their
child and no one else."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi.testclient import TestClient

from lrm_graph.access import audit
from lrm_graph.auth.sessions import SESSION_COOKIE
from lrm_graph.db.graph import Graph
from tests import factories
from tests.auth import world
from tests.auth.world import Live
from tests.auth_helpers import seed_caller

PASSWORD = "a long family passphrase"
ANONYMOUS = {"Authorization": ""}


def _family(client: TestClient, guardian_email: str | None) -> dict[str, Any]:
    """A school with a counselor, two learners, and a guardian of the first."""
    school = factories.organization(client)
    child, other = factories.learner(client), factories.learner(client)
    for learner in (child, other):
        factories.relate(client, "ENROLLED_AT", learner["uid"], school["uid"])
    fields = {"email": guardian_email} if guardian_email else {}
    guardian = factories.adult(client, roles=["parent"], **fields)
    factories.relate(client, "GUARDIAN_OF", guardian["uid"], child["uid"])
    return {"school": school, "child": child, "other": other, "guardian": guardian}


def _invite(client: TestClient, graph: Graph, family: dict[str, Any], **extra: Any) -> Any:
    counselor = seed_caller(graph, "counselor", person_uid=factories.adult(client)["uid"],
                            org_uid=family["school"]["uid"])  # fmt: skip
    body = {"learner_uid": family["child"]["uid"], "guardian_uid": family["guardian"]["uid"]}
    return client.post("/v1/invitations", json=body | extra, headers=counselor)


def _token(link: str) -> str:
    return link.rsplit("/", 1)[1]


def test_a_counselor_invites_a_guardian_by_mail_who_sees_only_their_child(
    live: Live, graph: Graph
) -> None:
    with world.admin_client(live, graph) as client:
        family = _family(client, "r.okafor@home.example")
        made = _invite(client, graph, family)
    assert made.status_code == 201, made.text
    assert (made.json()["email"], made.json()["mailed"]) == ("r.okafor@home.example", True)
    mail = live.mailbox.wait_for("r.okafor@home.example")
    assert made.json()["link"] in mail.get_payload(decode=True).decode()
    accepted = httpx.post(
        f"{live.url}/v1/auth/invitation",
        json={"token": _token(made.json()["link"]), "password": PASSWORD},
        timeout=world.TIMEOUT,
    )
    assert accepted.status_code == 200, accepted.text
    token = accepted.json()["access_token"]
    me = world.me(live, token).json()
    assert (me["role"], me["person_uid"]) == ("guardian", family["guardian"]["uid"])
    child, other = family["child"]["uid"], family["other"]["uid"]
    assert world.api(live, "GET", f"/v1/learners/{child}", token).status_code == 200
    assert world.api(live, "GET", f"/v1/learners/{other}", token).status_code == 404


def test_an_invitation_works_once_and_its_use_is_audited(client: TestClient, graph: Graph) -> None:
    family = _family(client, "once@home.example")
    made = _invite(client, graph, family).json()
    assert made["mailed"] is False  # no SMTP server in these settings: the link is shown
    link = made["link"]
    body = {"token": _token(link), "password": PASSWORD}
    first = client.post("/v1/auth/invitation", json=body, headers=ANONYMOUS)
    assert first.status_code == 200
    second = client.post("/v1/auth/invitation", json=body, headers=ANONYMOUS)
    assert second.status_code == 410
    assert second.json()["detail"] == "this invitation has been used already; ask for a new one"
    entries = audit.list_entries(graph, learner_uid=family["child"]["uid"]).items
    uses = [
        (e["action"], e["outcome"])
        for e in reversed(entries)
        if e["action"] not in ("write", "grant")  # the test's own set-up of the family
    ]
    assert uses == [
        ("invite", "allowed"),
        ("accept_invitation", "allowed"),
        ("accept_invitation", "refused (410)"),
    ]


def test_an_expired_invitation_is_refused(client: TestClient, graph: Graph) -> None:
    family = _family(client, "late@home.example")
    link = _invite(client, graph, family).json()["link"]
    graph.driver.execute_query(
        "MATCH (i:Invitation) SET i.expires_at = datetime() - duration('PT1S')",
        database_=graph.database,
    )
    late = client.post("/v1/auth/invitation", json={"token": _token(link), "password": PASSWORD},
                       headers=ANONYMOUS)  # fmt: skip
    assert late.status_code == 410
    assert late.json()["detail"] == "this invitation has expired; ask for a new one"


def test_a_guardian_accepts_with_their_own_provider_account(live: Live, graph: Graph) -> None:
    with world.admin_client(live, graph) as client:
        family = _family(client, guardian_email=None)
        made = _invite(client, graph, family, email=world.FAMILY_EMAIL)
    answer = world.sign_in(live, world.FAMILY_EMAIL, then="token",
                           invitation=_token(made.json()["link"]))  # fmt: skip
    assert answer.status_code == 200, answer.text
    token = answer.json()["access_token"]
    me = world.me(live, token).json()
    assert (me["role"], me["display"]) == ("guardian", world.FAMILY_EMAIL)
    assert (
        world.api(live, "GET", f"/v1/learners/{family['child']['uid']}", token).status_code == 200
    )
    assert (
        world.api(live, "GET", f"/v1/learners/{family['other']['uid']}", token).status_code == 404
    )
    # The next sign-in needs no invitation: the account is theirs now.
    again = world.sign_in(live, world.FAMILY_EMAIL, then="token")
    assert again.status_code == 200, again.text


def test_only_staff_who_see_the_learner_may_invite(client: TestClient, graph: Graph) -> None:
    family = _family(client, "x@home.example")
    teacher = seed_caller(graph, "teacher", person_uid=factories.adult(client)["uid"])
    body = {"learner_uid": family["child"]["uid"], "guardian_uid": family["guardian"]["uid"]}
    assert client.post("/v1/invitations", json=body, headers=teacher).status_code == 403
    elsewhere = seed_caller(graph, "counselor", person_uid=factories.adult(client)["uid"],
                            org_uid=factories.organization(client)["uid"])  # fmt: skip
    assert client.post("/v1/invitations", json=body, headers=elsewhere).status_code == 404


def test_only_a_guardian_of_the_learner_may_be_invited(client: TestClient, graph: Graph) -> None:
    family = _family(client, "y@home.example")
    stranger = factories.adult(client, roles=["parent"], email="z@home.example")
    made = _invite(client, graph, family, guardian_uid=stranger["uid"])
    assert made.status_code == 404
    assert made.json()["detail"] == f"no guardian with uid {stranger['uid']!r} of this learner"


def test_an_invitation_needs_an_email(client: TestClient, graph: Graph) -> None:
    made = _invite(client, graph, _family(client, guardian_email=None))
    assert made.status_code == 422
    assert made.json()["detail"] == "'' is not an email address"


def test_the_link_opens_a_page_that_signs_the_guardian_in(live: Live, graph: Graph) -> None:
    with world.admin_client(live, graph) as client:
        family = _family(client, "page@home.example")
        link = _invite(client, graph, family).json()["link"]
    with httpx.Client(timeout=world.TIMEOUT, headers={"Accept": "text/html"}) as browser:
        page = browser.get(link)
        assert page.status_code == 200
        start = f"/auth/oidc/district/start?invitation={_token(link)}"
        assert f"<a href='{start}'>Sign in with Osthaven district account</a>" in page.text
        short = browser.post(link, data={"password": "too short"})
        assert short.status_code == 422 and "at least 12 characters" in short.text
        signed = browser.post(link, data={"password": PASSWORD})
        assert (signed.status_code, signed.headers["location"]) == (303, "/")
        token = browser.cookies[SESSION_COOKIE]
    assert world.me(live, token).json()["person_uid"] == family["guardian"]["uid"]


def test_erasing_the_learner_erases_their_invitations(client: TestClient, graph: Graph) -> None:
    family = _family(client, "erased@home.example")
    assert _invite(client, graph, family).status_code == 201
    assert client.post(f"/v1/learners/{family['child']['uid']}/erase").status_code == 204
    left = graph.driver.execute_query(
        "MATCH (i:Invitation) RETURN count(i) AS n", database_=graph.database
    ).records[0]["n"]
    assert left == 0
