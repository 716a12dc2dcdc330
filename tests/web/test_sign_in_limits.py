"""The web sign-in meets the API's limits: one count of failures per address for both, and
each failure in the audit log as the API records its own."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.main import create_app
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from tests.web.test_sign_in import csrf_of
from web.session import CSRF_FIELD

WRONG = {"email": "nobody@example.org", "password": "not the password at all"}
WRONG_API = {"username": WRONG["email"], "password": WRONG["password"]}


def test_failed_sign_ins_on_the_web_and_the_api_count_together_per_address(
    settings: Settings, graph: Graph
) -> None:
    limits = settings.model_copy(update={"signin_ip_max_failures": 2})
    with TestClient(create_app(limits)) as browser:
        wrong = WRONG | {CSRF_FIELD: csrf_of(browser.get("/").text)}
        assert browser.post("/", data=wrong).status_code == 401
        assert browser.post("/v1/auth/token", data=WRONG_API).status_code == 401
        refused = browser.post("/", data=wrong)
        assert browser.post("/v1/auth/token", data=WRONG_API).status_code == 429
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
    assert refused.headers["content-type"].startswith("text/html")
    assert "Too many failed sign-ins from this address" in refused.text


def test_a_failed_web_sign_in_is_in_the_audit_log(client: TestClient, settings: Settings) -> None:
    with TestClient(create_app(settings)) as browser:
        wrong = WRONG | {CSRF_FIELD: csrf_of(browser.get("/").text)}
        assert browser.post("/", data=wrong).status_code == 401
    entries = client.get("/v1/audit").json()["items"]
    assert [(e["action"], e["what"], e["outcome"]) for e in entries] == [
        ("sign_in", "POST /", "denied (401)")
    ]
