"""What the browser tests share: the Chromium they drive, a watched page, signing in,
accessibility checks with axe-core, and a screenshot of each page."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from playwright.sync_api import BrowserContext, Page, Request, Route

from lrm_graph.demo.demo_school import Manifest
from lrm_graph.demo.signins import DemoSignIn

CHROMIUM = "/usr/bin/chromium"
# As the machine notes say: without the background-networking flags Chromium keeps trying
# to reach Google's hosts, and this machine's closed network refuses each try.
LAUNCH_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
HERE = Path(__file__).resolve().parent
AXE = HERE / "vendor" / "axe-core" / "axe.min.js"
SCREENSHOTS = HERE / "screenshots"  # git-ignored
AXE_PATH = "/__test-tools/axe.min.js"  # answered by Playwright, never by the app
BLOCKING = ("serious", "critical")
LOOPBACK = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})


@dataclass(frozen=True)
class DemoSchool:
    """The demo school of a test module: its sign-ins by role, and its manifest."""

    signins: dict[str, DemoSignIn]
    manifest: Manifest


@dataclass
class Watched:
    """A page whose errors and attempts to leave this machine fail the test."""

    page: Page
    base_url: str
    errors: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)

    def start(self, context: BrowserContext) -> None:
        context.route("**/*", self._route)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _route(self, route: Route, request: Request) -> None:
        where = urlsplit(request.url)
        if where.path == AXE_PATH:
            route.fulfill(path=AXE, content_type="text/javascript")
        elif where.scheme in ("http", "https") and where.hostname not in LOOPBACK:
            self.left.append(request.url)
            route.abort("blockedbyclient")
        else:
            route.continue_()

    def check(self) -> None:
        assert not self.left, f"the page tried to reach other hosts: {self.left}"
        assert not self.errors, f"the page logged errors: {self.errors}"

    def open(self, path: str) -> int:
        """Go to a path of the app; return the HTTP status of the page."""
        response = self.page.goto(self.base_url + path)
        assert response is not None
        return response.status

    def sign_in(self, signin: DemoSignIn) -> None:
        """Sign in through the sign-in form, as a person would."""
        self.open("/")
        self.page.get_by_label("Email").fill(signin.email)
        self.page.get_by_label("Password").fill(signin.password)
        with self.page.expect_navigation():
            self.page.get_by_role("button", name="Sign in").click()

    def session_token(self) -> str:
        cookies = self.page.context.cookies(self.base_url)
        return next(c["value"] for c in cookies if c["name"] == "lrm_session")

    def check_accessibility(self) -> None:
        """Run axe-core on the page; fail on any violation of impact serious or critical."""
        self.page.add_script_tag(url=self.base_url + AXE_PATH)  # same origin: the CSP allows it
        result: dict[str, Any] = self.page.evaluate("() => axe.run(document)")
        blocking = [v for v in result["violations"] if v["impact"] in BLOCKING]
        assert not blocking, json.dumps([_said(v) for v in blocking], indent=2)

    def screenshot(self, name: str, *, full_page: bool = True) -> Path:
        """Save a screenshot of the page (the whole page, or the window) under
        tests/web/screenshots."""
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=path, full_page=full_page)
        return path

    def fits_width(self) -> bool:
        """Say whether the page needs no sideways scrolling at the window's width."""
        return bool(self.page.evaluate(
            "() => document.documentElement.scrollWidth <= window.innerWidth"
        ))  # fmt: skip


def _said(violation: dict[str, Any]) -> dict[str, Any]:
    return {
        "rule": violation["id"],
        "impact": violation["impact"],
        "help": violation["help"],
        "where": [node["target"] for node in violation["nodes"][:5]],
    }


# httpx's default of 5 s timed reads out on a 2-core machine under load 20 (the answers are
# small: waiting longer only says the machine was busy).
API_SECONDS = 60.0


def api_token(base_url: str, signin: DemoSignIn) -> str:
    """Sign in at the API (`POST /v1/auth/token`); return the bearer token."""
    answer = httpx.post(
        f"{base_url}/v1/auth/token",
        data={"username": signin.email, "password": signin.password},
        timeout=API_SECONDS,
    )
    assert answer.status_code == 200, answer.text
    token: str = answer.json()["access_token"]
    return token


def api_get(base_url: str, token: str, path: str, **params: Any) -> httpx.Response:
    return httpx.get(
        f"{base_url}{path}",
        params=params,
        headers={"Authorization": f"Bearer {token}"},
        timeout=API_SECONDS,
    )
