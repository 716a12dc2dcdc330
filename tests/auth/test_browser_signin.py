"""A person signs in through the provider in a real browser (Debian's Chromium, driven by
Playwright): the web sign-in page's "Sign in with ..." button, the redirects, the
provider's form, the session cookie as a browser keeps it, and the home page it lands on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from lrm_graph.auth.sessions import SESSION_COOKIE
from lrm_graph.db.graph import Graph
from tests.auth import world
from tests.auth.world import Live, RosterSet

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps trying to reach outside hosts,
# which this machine's closed network refuses.
LAUNCH_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
WAIT_MS = 60_000  # the machine is shared


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"the browser tests need Debian's Chromium at {CHROMIUM}: "
                    "apt-get install chromium", pytrace=False)  # fmt: skip
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_FLAGS)
        yield launched
        launched.close()


def _sign_in_at_provider(
    browser: Browser, live: Live, email: str, names: list[str] | None = None
) -> tuple[int, str, dict]:
    """Choose the provider on the sign-in page, fill in the provider's form; return LRM
    Graph's answer to the callback, the text of the page the browser lands on, cookies.
    `names`, if given, gets the learners the page links to (their names)."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(live.url)
    page.get_by_role("link", name="Sign in with Osthaven district account").click()
    page.get_by_label("Email").fill(email)
    with page.expect_response(lambda r: "/callback" in r.url) as answered:
        page.get_by_role("button", name="Sign in").click()
    response = answered.value
    page.wait_for_load_state()
    cookies = {c["name"]: c for c in context.cookies(live.url)}
    text = page.inner_text("body")
    if names is not None:
        names += page.locator("main a[href^='/learners/']").all_inner_texts()
    context.close()
    return response.status, text, cookies


def test_a_counselor_signs_in_in_the_browser_and_the_session_is_theirs(
    browser: Browser, live: Live, roster_set: RosterSet, graph: Graph
) -> None:
    world.import_roster(graph, live.settings, roster_set)
    email = roster_set.email("counselor")
    shown: list[str] = []
    status, home, cookies = _sign_in_at_provider(browser, live, email, shown)
    assert status == 303
    assert f"Signed in as {email} (counselor)" in home
    assert "Your caseload" in home  # the counselor's home
    session = cookies[SESSION_COOKIE]
    assert (session["httpOnly"], session["sameSite"], session["path"]) == (True, "Lax", "/")
    me = world.me(live, session["value"]).json()
    assert (me["role"], me["display"]) == ("counselor", roster_set.email("counselor"))
    learners = world.api(live, "GET", "/v1/learners", session["value"], params={"limit": 100})
    assert len(learners.json()["items"]) == 20
    # The home lists their organization's learners with no caring adult: exactly the
    # API's unmentored report for the same caller, every one of them a learner they see.
    report = world.api(live, "GET", "/v1/reports/unmentored", session["value"]).json()
    unmentored = sorted(
        r["learner_name"] for r in report["sections"]["learners"] if r["reason"] == "none"
    )
    assert unmentored and sorted(shown) == unmentored
    assert set(shown) <= {learner["name"] for learner in learners.json()["items"]}


def test_an_unknown_email_gets_a_clear_page_in_the_browser(browser: Browser, live: Live) -> None:
    status, text, cookies = _sign_in_at_provider(browser, live, world.STRANGER)
    assert status == 403
    assert text.startswith("Not in the district's roster\n")
    assert f"the district's roster has no one with the email {world.STRANGER}" in text
    assert SESSION_COOKIE not in cookies
