"""Sign-in through the district's identity provider (a real oidc-provider), start to end."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx
import pytest

from lrm_graph.access import audit
from lrm_graph.auth.sessions import SESSION_COOKIE
from lrm_graph.db.graph import Graph
from tests.auth import world
from tests.auth.world import Live, RosterSet


def test_counselor_signs_in_through_the_provider_and_sees_their_school(
    live: Live, roster_set: RosterSet, graph: Graph
) -> None:
    world.import_roster(graph, live.settings, roster_set)
    answer = world.sign_in(live, roster_set.email("counselor"), then="token")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["token_type"] == "bearer" and 0 < body["expires_in"] <= 3600
    me = world.me(live, body["access_token"]).json()
    counselor = roster_set.people["counselor"]
    assert (me["role"], me["display"]) == ("counselor", roster_set.email("counselor"))
    assert me["person_uid"] == world.uid_of(graph, counselor["sourcedId"])
    assert me["org_uid"] == world.uid_of(graph, counselor["primaryOrgSourcedId"])
    page = world.api(live, "GET", "/v1/learners", body["access_token"], params={"limit": 100})
    assert len(page.json()["items"]) == 20
    entries = audit.list_entries(graph, actor_id=me["id"]).items
    assert [(e["action"], e["outcome"]) for e in entries][-1] == ("sign_in", "allowed")


def test_web_sign_in_sets_the_session_cookie_and_the_provider_logout_ends_it(
    live: Live, roster_set: RosterSet, graph: Graph
) -> None:
    world.import_roster(graph, live.settings, roster_set)
    with httpx.Client(timeout=world.TIMEOUT) as browser:
        answer = world.sign_in(live, roster_set.email("teacher"), browser=browser)
        assert (answer.status_code, answer.headers["location"]) == (303, "/")
        cookie = answer.headers["set-cookie"]
        assert cookie.startswith(f"{SESSION_COOKIE}=") and "HttpOnly" in cookie
        assert "SameSite=lax" in cookie and "Path=/" in cookie and "Secure" not in cookie
        token = browser.cookies[SESSION_COOKIE]
        assert world.me(live, token).json()["role"] == "teacher"  # the API's own token

        # The person signs out at the provider, which tells LRM Graph (back-channel).
        ending = browser.get(f"{live.issuer}/session/end")
        form = dict(re.findall(r'name="(\w+)" value="([^"]*)"', ending.text))
        action = re.search(r'action="([^"]+)"', ending.text)
        assert action and "xsrf" in form, ending.text
        done = browser.post(urljoin(live.issuer, action.group(1)), data=form | {"logout": "yes"})
        assert done.status_code in (200, 303), done.text
    assert world.refused_within_cache_bound(live, token) == 401
    outcomes = [(e["action"], e.get("purpose")) for e in audit.list_entries(graph).items]
    assert ("sign_out", "provider logout") in outcomes


def test_an_email_the_roster_does_not_know_is_refused_plainly(live: Live, graph: Graph) -> None:
    answer = world.sign_in(live, world.STRANGER, then="token")
    assert answer.status_code == 403
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["detail"].startswith(
        f"the district's roster has no one with the email {world.STRANGER}"
    )
    with httpx.Client(timeout=world.TIMEOUT, headers={"Accept": "text/html"}) as browser:
        page = world.sign_in(live, world.STRANGER, browser=browser)
    assert page.status_code == 403 and page.headers["content-type"].startswith("text/html")
    assert "roster has no one with the email" in page.text
    outcomes = [(e["action"], e["outcome"]) for e in audit.list_entries(graph).items]
    assert outcomes == [("sign_in", "denied (403)")] * 2


def test_a_provider_admits_only_its_email_domains(live: Live, roster_set: RosterSet) -> None:
    answer = world.sign_in(live, roster_set.email("counselor"), "staff-only", then="token")
    assert answer.status_code == 403
    assert answer.json()["detail"] == (
        "Staff accounts may sign in only emails of staff.osthaven.example"
    )


@pytest.mark.parametrize(
    ("spoiled", "refusal"),
    [
        ("forged", "the provider's token is not validly signed"),
        ("expired", "the provider's ID token was refused: The token is expired"),
        ("audience", "the provider's ID token was refused: Invalid claim: 'aud'"),
    ],
)
def test_a_spoiled_id_token_is_refused(
    live: Live, roster_set: RosterSet, graph: Graph, spoiled: str, refusal: str
) -> None:
    world.tamper(live, spoiled)
    answer = world.sign_in(live, roster_set.email("counselor"), then="token")
    assert answer.status_code == 401, answer.text
    assert answer.json()["detail"].startswith(refusal), answer.json()["detail"]
    assert graph.read("auth/list_accounts") == []


def test_a_replayed_nonce_is_refused(live: Live, roster_set: RosterSet) -> None:
    with httpx.Client(timeout=world.TIMEOUT) as browser:
        earlier = world.nonce_of(live, browser)
    world.tamper(live, "nonce", nonce=earlier)
    answer = world.sign_in(live, roster_set.email("counselor"), then="token")
    assert answer.status_code == 401
    assert answer.json()["detail"] == "the provider's ID token was refused: Invalid claim: 'nonce'"


def test_a_replayed_callback_is_refused(live: Live, roster_set: RosterSet) -> None:
    answer = world.sign_in(live, world.STRANGER, then="token")
    assert answer.status_code == 403
    again = httpx.get(str(answer.url), timeout=world.TIMEOUT)
    assert again.status_code == 401
    assert again.json()["detail"].startswith("this sign-in was finished already")


def test_an_unknown_provider_is_404(live: Live) -> None:
    answer = httpx.get(f"{live.url}/auth/oidc/nobody/start", timeout=world.TIMEOUT)
    assert answer.status_code == 404
    assert answer.json()["detail"] == "no sign-in provider named 'nobody' is configured"


def test_the_providers_are_listed(live: Live) -> None:
    listed = httpx.get(f"{live.url}/auth/oidc/providers", timeout=world.TIMEOUT).json()
    assert listed == [
        {"name": name, "title": title, "start": f"/auth/oidc/{name}/start"}
        for name, (title, _) in world.PROVIDERS.items()
    ]


def test_an_answer_from_another_issuer_is_refused(live: Live) -> None:
    with httpx.Client(timeout=world.TIMEOUT) as browser:
        started = browser.get(f"{live.url}/auth/oidc/district/start")
        state = parse_qs(urlsplit(started.headers["location"]).query)["state"][0]
        mixed_up = browser.get(
            f"{live.url}/auth/oidc/district/callback",
            params={"state": state, "code": "a-code", "iss": "https://other.example"},
        )
    assert mixed_up.status_code == 401
    assert mixed_up.json()["detail"] == (
        f"the answer came from 'https://other.example', not {live.issuer!r}"
    )
