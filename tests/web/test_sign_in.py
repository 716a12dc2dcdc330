"""Signing in and out of the web app: the API's accounts and tokens, a session cookie,
CSRF protection on every form."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import expect

from tests.web.support import DemoSchool, Watched, api_get
from web.session import CSRF_FIELD, PRE_SESSION_COOKIE, SESSION_COOKIE

ROLES = ("admin", "counselor", "teacher", "mentor", "learner", "guardian")
# The heading each staff role's home opens with.
STAFF_HOME = {
    "admin": "No learner without a caring adult",
    "counselor": "Your caseload",
    "teacher": "Your classes",
    "mentor": "Your mentees",
}


@pytest.mark.parametrize("role", ROLES)
def test_each_demo_role_signs_in_and_sees_its_home(
    watched: Watched, demo: DemoSchool, role: str
) -> None:
    signin = demo.signins[role]
    watched.sign_in(signin)
    page = watched.page
    expect(page.locator(".who")).to_contain_text(signin.email)
    heading = page.get_by_role("heading", level=1)
    if role in STAFF_HOME:
        expect(heading).to_have_text(STAFF_HOME[role])
    elif role == "learner":
        expect(heading).to_have_text(f"Hello, {signin.who.split()[0]}")
        expect(page.get_by_role("heading", name="Your goals")).to_be_visible()
    else:  # the guardian's home is their child's page
        child = demo.signins["learner"].who
        expect(heading).to_have_text(child)
        expect(page.get_by_role("heading", name=f"Adults who care for {child}")).to_be_visible()
    watched.screenshot(f"home-{role}")
    watched.screenshot(f"readme-{role}", full_page=False)  # the README's, as a window shows it


def test_a_wrong_password_is_refused_with_the_sign_in_page(
    watched: Watched, demo: DemoSchool, web_server: str
) -> None:
    watched.open("/")
    watched.page.get_by_label("Email").fill("nobody@demo.example")
    watched.page.get_by_label("Password").fill("not the password at all")
    with watched.page.expect_response(lambda r: r.request.method == "POST") as answer:
        watched.page.get_by_role("button", name="Sign in").click()
    assert answer.value.status == 401
    expect(watched.page.get_by_role("alert")).to_have_text(
        "The email or the password is not right."
    )
    expect(watched.page.get_by_label("Email")).to_have_value("nobody@demo.example")
    watched.errors.clear()  # the browser logs the 401 of the page itself
    watched.screenshot("sign-in-refused")


def test_the_session_cookie_is_http_only_lax_and_lives_as_long_as_the_token(
    web_server: str, demo: DemoSchool
) -> None:
    signin = demo.signins["mentor"]
    with httpx.Client(base_url=web_server) as browser:
        form_token = csrf_of(browser.get("/").text)
        answer = browser.post("/", data={"email": signin.email, "password": signin.password,
                                         CSRF_FIELD: form_token})  # fmt: skip
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    cookie = next(c for c in answer.headers.get_list("set-cookie") if c.startswith(SESSION_COOKIE))
    attributes = {part.strip().split("=")[0].lower() for part in cookie.split(";")}
    assert {"httponly", "path", "max-age"} <= attributes and "secure" not in attributes
    assert "samesite=lax" in cookie.lower()
    max_age = next(p for p in cookie.split(";") if p.strip().lower().startswith("max-age"))
    assert 3590 <= int(max_age.split("=")[1]) <= 3600  # the token's 60 minutes


def test_the_session_cookie_is_secure_when_the_page_came_over_tls(
    web_server: str, demo: DemoSchool
) -> None:
    signin = demo.signins["mentor"]
    over_tls = {"X-Forwarded-Proto": "https"}  # as a TLS proxy on this machine says it
    page = httpx.get(web_server + "/", headers=over_tls)
    pre_session = page.cookies[PRE_SESSION_COOKIE]
    assert "secure" in page.headers["set-cookie"].lower()
    answer = httpx.post(
        web_server + "/",
        data={"email": signin.email, "password": signin.password, CSRF_FIELD: csrf_of(page.text)},
        headers=over_tls | {"Cookie": f"{PRE_SESSION_COOKIE}={pre_session}"},
    )
    assert answer.status_code == 303
    cookie = next(c for c in answer.headers.get_list("set-cookie") if c.startswith(SESSION_COOKIE))
    assert "secure" in cookie.lower()


def test_a_form_posted_without_its_csrf_token_is_refused_with_a_plain_page(
    watched: Watched, demo: DemoSchool
) -> None:
    watched.sign_in(demo.signins["learner"])
    page = watched.page
    page.locator(f"#goals input[name={CSRF_FIELD}]").evaluate("input => input.remove()")
    page.get_by_label("Your goal, in your words").fill("Build a boat")
    page.locator("#goals form").evaluate("form => form.submit()")  # plain submit, no htmx
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text("Forbidden")
    expect(page.locator("main")).to_contain_text("The form came without its security token")
    watched.errors.clear()  # the browser logs the 403 of the page itself
    watched.screenshot("csrf-refused")
    watched.open("/")
    expect(page.locator("#goals")).not_to_contain_text("Build a boat")


def test_a_form_from_another_session_is_refused(web_server: str, demo: DemoSchool) -> None:
    signin = demo.signins["learner"]
    with httpx.Client(base_url=web_server) as one, httpx.Client(base_url=web_server) as other:
        sign_in(one, signin.email, signin.password)
        sign_in(other, signin.email, signin.password)
        their_token = csrf_of(other.get("/").text)
        answer = one.post("/me/goals", data={"title": "Sail", CSRF_FIELD: their_token})
    assert answer.status_code == 403
    assert answer.headers["content-type"].startswith("text/html")
    assert "does not match this session" in answer.text


def test_sign_out_ends_the_session_and_its_token_on_the_api(
    watched: Watched, demo: DemoSchool
) -> None:
    watched.sign_in(demo.signins["counselor"])
    token = watched.session_token()
    assert api_get(watched.base_url, token, "/v1/auth/me").status_code == 200
    with watched.page.expect_navigation():
        watched.page.get_by_role("button", name="Sign out").click()
    expect(watched.page.get_by_role("heading", level=1)).to_have_text("Sign in")
    assert api_get(watched.base_url, token, "/v1/auth/me").status_code == 401
    assert SESSION_COOKIE not in {c["name"] for c in watched.page.context.cookies()}
    watched.open("/learners/anyone")  # a page that needs a session sends to sign-in
    assert watched.page.url == watched.base_url + "/"


def test_a_token_revoked_on_the_api_ends_the_web_session(
    watched: Watched, demo: DemoSchool
) -> None:
    watched.sign_in(demo.signins["teacher"])
    token = watched.session_token()
    revoked = httpx.post(
        watched.base_url + "/v1/auth/revoke", headers={"Authorization": f"Bearer {token}"}
    )
    assert revoked.status_code == 204
    watched.open("/")
    expect(watched.page.get_by_role("heading", level=1)).to_have_text("Sign in")
    assert SESSION_COOKIE not in {c["name"] for c in watched.page.context.cookies()}


def sign_in(client: httpx.Client, email: str, password: str) -> None:
    form_token = csrf_of(client.get("/").text)
    answer = client.post("/", data={"email": email, "password": password, CSRF_FIELD: form_token})
    assert answer.status_code == 303, answer.text


def csrf_of(page: str) -> str:
    """Return the CSRF token a page's forms carry."""
    marker = f'name="{CSRF_FIELD}" value="'
    start = page.index(marker) + len(marker)
    return page[start : page.index('"', start)]
