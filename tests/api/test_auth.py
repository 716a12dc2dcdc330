"""Sign-in: every /v1 endpoint needs a caller; tokens expire, are revoked; keys are scoped."""

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from lrm_graph.auth import accounts, keys
from lrm_graph.auth.caller import Role, Scope
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph

ANONYMOUS = {"Authorization": ""}
PASSWORD = "correct horse battery staple"


# The /v1 operations open to anonymous callers: signing in, and accepting an invitation
# (the link's token is the credential).
ANONYMOUS_PATHS = ("/v1/auth/token", "/v1/auth/invitation")


def _open_routes(client: TestClient) -> list[tuple[str, str]]:
    """Every /v1 operation the OpenAPI document lists, but the anonymous ones."""
    paths = client.get("/openapi.json", headers=ANONYMOUS).json()["paths"]
    return [
        (method.upper(), path)
        for path, operations in paths.items()
        for method in operations
        if path.startswith("/v1") and path not in ANONYMOUS_PATHS
    ]


def test_every_v1_endpoint_needs_a_caller(client: TestClient) -> None:
    routes = _open_routes(client)
    assert len(routes) > 40
    for method, path in routes:
        url = path.replace("{", "").replace("}", "")
        response = client.request(method, url, headers=ANONYMOUS)
        assert response.status_code == 401, (method, path, response.status_code)
        assert response.headers["www-authenticate"] == "Bearer"
        assert response.headers["content-type"] == "application/problem+json"


def test_open_endpoints_need_no_caller(client: TestClient) -> None:
    for path in ("/healthz", "/readyz", "/openapi.json", "/docs"):
        assert client.get(path, headers=ANONYMOUS).status_code == 200, path


def test_sign_in_issues_a_token_that_works_until_revoked(client: TestClient, graph: Graph) -> None:
    accounts.create_user(graph, email="Coach@Example.org", role=Role.ADMIN, password=PASSWORD)
    signed = client.post(
        "/v1/auth/token",
        data={"username": "coach@example.org", "password": PASSWORD},
        headers=ANONYMOUS,
    )
    assert signed.status_code == 200, signed.text
    body = signed.json()
    assert body["token_type"] == "bearer" and 0 < body["expires_in"] <= 3600
    mine = {"Authorization": f"Bearer {body['access_token']}"}
    me = client.get("/v1/auth/me", headers=mine).json()
    assert (me["display"], me["role"]) == ("coach@example.org", "admin")
    assert client.post("/v1/auth/revoke", headers=mine).status_code == 204
    assert client.get("/v1/auth/me", headers=mine).status_code == 401


def test_wrong_password_and_unknown_email_look_the_same(client: TestClient, graph: Graph) -> None:
    accounts.create_user(graph, email="a@example.org", role=Role.ADMIN, password=PASSWORD)
    for username in ("a@example.org", "nobody@example.org"):
        response = client.post(
            "/v1/auth/token", data={"username": username, "password": "wrong password!"},
            headers=ANONYMOUS,
        )  # fmt: skip
        assert response.status_code == 401
        assert response.json()["detail"] == "the email or the password is not right"


def test_too_many_failed_sign_ins_lock_the_account(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    accounts.create_user(graph, email="b@example.org", role=Role.ADMIN, password=PASSWORD)
    form = {"username": "b@example.org", "password": "not the password"}
    for _ in range(settings.signin_max_failures):
        client.post("/v1/auth/token", data=form, headers=ANONYMOUS)
    form["password"] = PASSWORD
    locked = client.post("/v1/auth/token", data=form, headers=ANONYMOUS)
    assert locked.status_code == 429
    assert int(locked.headers["retry-after"]) > 0


def test_disabled_account_cannot_sign_in_and_its_tokens_stop(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    accounts.create_user(graph, email="c@example.org", role=Role.ADMIN, password=PASSWORD)
    token = accounts.sign_in(graph, settings, "c@example.org", PASSWORD).access_token
    accounts.set_disabled(graph, "c@example.org", True)
    assert (
        client.get("/v1/auth/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    )
    with pytest.raises(accounts.SignInFailed):
        accounts.sign_in(graph, settings, "c@example.org", PASSWORD)


def test_expired_token_is_refused(client: TestClient, graph: Graph, settings: Settings) -> None:
    accounts.create_user(graph, email="d@example.org", role=Role.ADMIN, password=PASSWORD)
    token = accounts.sign_in(graph, settings, "d@example.org", PASSWORD).access_token
    graph.driver.execute_query(
        "MATCH (t:AccessToken) SET t.expires_at = datetime() - duration('PT1S')",
        database_=graph.database,
    )
    assert (
        client.get("/v1/auth/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    )


def test_api_key_is_scoped_and_revocable(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    secret, record = keys.create_key(graph, name="SIS sync", scopes=[Scope.READ], org_uid=None)
    key = {"Authorization": f"Bearer {secret}"}
    me = client.get("/v1/auth/me", headers=key).json()
    assert (me["kind"], me["role"], me["scopes"]) == ("api_key", "client", ["read"])
    keys.revoke_key(graph, record["uid"])
    # Refused once no process trusts it any longer (tests/auth/test_token_cache.py: the bound).
    untrusting = settings.model_copy(update={"token_cache_seconds": 0})
    with TestClient(create_app(untrusting)) as fresh:
        assert fresh.get("/v1/auth/me", headers=key).status_code == 401


def test_person_account_needs_its_person(graph: Graph) -> None:
    with pytest.raises(Exception, match="person-uid"):
        accounts.create_user(graph, email="e@example.org", role=Role.MENTOR, password=PASSWORD)


def test_short_password_is_refused(graph: Graph) -> None:
    with pytest.raises(Exception, match="at least"):
        accounts.create_user(graph, email="f@example.org", role=Role.ADMIN, password="short")


def test_password_sign_in_can_be_switched_off(graph: Graph, settings: Settings) -> None:
    accounts.create_user(graph, email="g@example.org", role=Role.ADMIN, password=PASSWORD)
    no_passwords = settings.model_copy(update={"password_signin": False})
    with TestClient(create_app(no_passwords)) as client:
        refused = client.post(
            "/v1/auth/token", data={"username": "g@example.org", "password": PASSWORD}
        )
    assert refused.status_code == 403
    assert refused.json()["detail"] == (
        "password sign-in is switched off here; sign in with your district account"
    )


def test_failed_sign_in_is_in_the_audit_log(client: TestClient, graph: Graph) -> None:
    client.post(
        "/v1/auth/token", data={"username": "x@example.org", "password": "nope nope nope"},
        headers=ANONYMOUS,
    )  # fmt: skip
    entries = client.get("/v1/audit").json()["items"]
    assert [(e["action"], e["outcome"]) for e in entries] == [("sign_in", "denied (401)")]
