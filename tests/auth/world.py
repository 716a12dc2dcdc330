"""The district of the sign-in tests, and how a person signs in through the real provider.

The roster is a generated OneRoster 1.2 set (the district generator, a fixed seed); the
provider's accounts carry the emails that roster gives its staff, a learner and a
guardian, plus a guardian's own email the roster does not hold and a stranger's.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx

from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.imports import oneroster
from tests.auth.servers import Mailbox
from tests.auth_helpers import seed_admin
from tests.imports import support

CLIENT_ID = "lrm-graph-tests"
CLIENT_SECRET = "a-test-client-secret-that-is-long-enough"
# Two entries for the one provider: the district's, and one that admits a domain the
# roster does not use (to show the allowed domains at work).
PROVIDERS = {
    "district": ("Osthaven district account", ()),
    "staff-only": ("Staff accounts", ("staff.osthaven.example",)),
}
TIMEOUT = 120.0  # the machine is shared: a slow answer is not a wrong one
STRANGER = "stranger@elsewhere.example"
FAMILY_EMAIL = "family.five@home.example"  # a guardian's own account, not in the roster


@dataclass(frozen=True)
class RosterSet:
    path: Path
    people: dict[str, dict[str, str]]  # "counselor", "teacher", ... -> users.csv row

    @property
    def provider_accounts(self) -> dict[str, str]:
        accounts = {f"sub-{row['sourcedId']}": row["email"].lower() for row in self.people.values()
                    if row["email"]}  # fmt: skip
        return accounts | {"sub-stranger": STRANGER, "sub-family-five": FAMILY_EMAIL}

    def email(self, who: str) -> str:
        return self.people[who]["email"].lower()


@dataclass(frozen=True)
class Live:
    url: str  # the app, served by uvicorn
    issuer: str  # the provider
    settings: Settings
    mailbox: Mailbox


def roster_set(out: Path) -> RosterSet:
    """Generate the district once; name the people the tests sign in as."""
    support.district(out, learners=20)
    _, users = support.read(out, "users.csv")
    _, roles = support.read(out, "roles.csv")
    role_of = {row["userSourcedId"]: row["role"] for row in roles}
    by_id = {row["sourcedId"]: row for row in users}
    first = {role: next(u for u, r in role_of.items() if r == role)
             for role in ("counselor", "teacher", "principal", "aide")}  # fmt: skip
    people = {who: by_id[first[who]] for who in first}
    people["learner"] = by_id["stu-000001"]
    people["guardian"] = by_id["gdn-000001-1"]  # a parent of stu-000001, with an email
    people["guardian_without_email"] = by_id["gdn-000005-1"]  # of stu-000005
    return RosterSet(out, people)


def import_roster(graph: Graph, settings: Settings, roster: RosterSet) -> dict[str, Any]:
    return import_roster_at(graph, settings, roster.path)


def import_roster_at(graph: Graph, settings: Settings, path: Path) -> dict[str, Any]:
    """Import a OneRoster set with the importer as it is."""
    return oneroster.run(graph, settings, path)


def delete_user_delta(out: Path, roster: RosterSet, who: str) -> Path:
    """Write a OneRoster delta that marks one user tobedeleted, as an SIS sends it."""
    header, _ = support.read(roster.path, "users.csv")
    row = dict(roster.people[who])
    row["status"], row["dateLastModified"] = "tobedeleted", datetime.now(UTC).isoformat()
    support.write(out, "users.csv", header, [row])
    support.set_modes(out, users="delta")
    return out


def start(
    live: Live, browser: httpx.Client, provider: str = "district", **params: Any
) -> httpx.Response:
    """Start a sign-in and follow it to the provider's sign-in form; return that page."""
    response = browser.get(
        f"{live.url}/auth/oidc/{provider}/start", params=params, follow_redirects=True
    )
    assert response.status_code == 200 and "<form" in response.text, response.text
    return response


def sign_in(
    live: Live, email: str, provider: str = "district", browser: httpx.Client | None = None,
    **params: Any,
) -> httpx.Response:  # fmt: skip
    """Sign in at the provider as `email`; return LRM Graph's answer to the callback."""
    if browser is None:
        with httpx.Client(timeout=TIMEOUT) as own:
            return sign_in(live, email, provider, own, **params)
    form = start(live, browser, provider, **params)
    action = re.search(r'action="([^"]+)"', form.text)
    assert action, form.text
    response = browser.post(urljoin(str(form.url), action.group(1)), data={"email": email})
    while response.is_redirect:
        target = urljoin(str(response.url), response.headers["location"])
        response = browser.get(target)
        if urlsplit(target).path.endswith("/callback"):
            break
    return response


def nonce_of(live: Live, browser: httpx.Client) -> str:
    """Start a sign-in and return the nonce LRM Graph sent to the provider."""
    first = browser.get(f"{live.url}/auth/oidc/district/start")
    return parse_qs(urlsplit(first.headers["location"]).query)["nonce"][0]


def tamper(live: Live, mode: str, **extra: str) -> None:
    """Ask the provider to spoil the next ID token it issues (see tests/oidc/provider.mjs)."""
    response = httpx.post(
        f"{live.issuer}/__test/tamper", json={"mode": mode, **extra}, timeout=TIMEOUT
    )
    assert response.status_code == 204


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def api(live: Live, method: str, path: str, token: str, **params: Any) -> httpx.Response:
    """Call the API as the holder of `token`."""
    return httpx.request(
        method, f"{live.url}{path}", headers=bearer(token), timeout=TIMEOUT, **params
    )


def admin_client(live: Live, graph: Graph) -> httpx.Client:
    """An HTTP client of the served app, signed in as a district admin."""
    return httpx.Client(base_url=live.url, headers=seed_admin(graph), timeout=TIMEOUT)


def me(live: Live, token: str) -> httpx.Response:
    return api(live, "GET", "/v1/auth/me", token)


def refused_within_cache_bound(live: Live, token: str) -> int:
    """The status of `me` once the token cache's bound has passed (polling meanwhile): a
    token revoked elsewhere may be trusted from memory for `token_cache_seconds`, no longer."""
    deadline = time.monotonic() + live.settings.token_cache_seconds + 1.0
    while (status := me(live, token).status_code) != 401 and time.monotonic() < deadline:
        time.sleep(0.2)
    return status


def uid_of(graph: Graph, source_id: str) -> str:
    rows = graph.driver.execute_query(
        "MATCH (n:Entity {source_id: $source_id}) RETURN n.uid AS uid",
        source_id=source_id,
        database_=graph.database,
    ).records
    return str(rows[0]["uid"])
