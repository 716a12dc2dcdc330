"""Sign-in through the district's identity provider, start to finish, and the provider's
back-channel logout.

It ends where a password sign-in ends: an account (found, made from the roster, or made by
a guardian's invitation) and a sign-in token, the API's bearer token and the web session's
cookie alike. Every finished or refused sign-in is in the audit log as `sign_in`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from lrm_graph import clock, problem_types
from lrm_graph.access import audit
from lrm_graph.auth import accounts, oidc, roster_accounts
from lrm_graph.auth.caller import Caller
from lrm_graph.auth.secrets import digest
from lrm_graph.config import OidcProvider, Settings
from lrm_graph.db.graph import Graph
from lrm_graph.errors import InvalidInput, LrmError
from lrm_graph.signin import invitations

THEN = ("web", "token")  # after sign-in: the web session's cookie, or a bearer token shown


class BadLogoutToken(LrmError):
    problem = problem_types.BAD_LOGOUT_TOKEN  # 400: what back-channel logout answers


@dataclass(frozen=True)
class SignedIn:
    token: accounts.IssuedToken
    caller: Caller
    then: str


def start(
    graph: Graph,
    settings: Settings,
    provider_name: str,
    *,
    redirect_uri: str,
    then: str = "web",
    invitation: str | None = None,
) -> str:
    """Begin a provider sign-in; return the provider's address to send the person to."""
    provider = oidc.provider_named(settings, provider_name)
    if then not in THEN:
        raise InvalidInput(f"then must be one of {', '.join(THEN)}; got {then!r}")
    request = oidc.authorization_request(settings, provider, redirect_uri)
    now = clock.now()
    graph.write(
        "auth/create_sign_in_flow",
        state_hash=digest(request.state),
        provider=provider.name,
        nonce=request.nonce,
        code_verifier=request.code_verifier,
        redirect_uri=redirect_uri,
        then=then,
        invitation_hash=digest(invitation) if invitation else None,
        expires_at=now + timedelta(minutes=settings.oidc_flow_minutes),
        now=now,
    )
    return request.url


@dataclass(frozen=True)
class ProviderAnswer:
    """What the provider sent the browser back with (the callback's query)."""

    provider_name: str
    state: str
    code: str | None = None
    error: str | None = None
    issuer: str | None = None  # `iss` (RFC 9207), where the provider sends it


def finish(
    graph: Graph, settings: Settings, request: audit.Request, answer: ProviderAnswer
) -> SignedIn:
    """Finish a provider sign-in from its callback: the flow (once), the code exchange, the
    ID token's checks, the account, a token. A refusal is recorded, then raised."""
    try:
        signed_in = _finish(graph, settings, request, answer)
    except LrmError as exc:
        if exc.status < 500:
            audit.record_event(graph, request, "sign_in", audit.refusal_outcome(exc))
            exc.audited = True
        raise
    audit.record_event(
        graph, audit.Request(signed_in.caller, request.what, request.ip), "sign_in", "allowed"
    )
    return signed_in


def _finish(
    graph: Graph, settings: Settings, request: audit.Request, answer: ProviderAnswer
) -> SignedIn:
    flow, code = _take_flow(graph, settings, answer)
    provider = oidc.provider_named(settings, answer.provider_name)
    verifier, redirect_uri = flow["code_verifier"], flow["redirect_uri"]
    token = oidc.exchange_code(settings, provider, code, verifier, redirect_uri)
    claims = oidc.id_token_claims(settings, provider, token, flow["nonce"])
    claims = oidc.user_claims(settings, provider, token, claims)
    email = verified_email(provider, claims)
    if flow["invitation_hash"]:
        account = invitations.accept_by_hash(
            graph, request, flow["invitation_hash"], email=email, password=None
        )
    else:
        account = roster_accounts.account_for_email(graph, settings, email)
    came_from = accounts.ProviderSession(provider.name, str(claims["sub"]), claims.get("sid"))
    issued = accounts.issue_token(graph, settings, account["uid"], came_from)
    caller = accounts.caller_for_token(graph, issued.access_token)
    if caller is None:
        accounts.revoke_token(graph, issued.access_token)
        raise accounts.SignInFailed(
            f"the account of {email} may not sign in: it is disabled, or its person has "
            "left the roster"
        )
    return SignedIn(issued, caller, flow["then"])


def _take_flow(
    graph: Graph, settings: Settings, answer: ProviderAnswer
) -> tuple[dict[str, Any], str]:
    """Take the started sign-in the answer's state names (once), and the answer's code."""
    rows = graph.write("auth/take_sign_in_flow", state_hash=digest(answer.state))
    flow = rows[0] if rows else None
    if (
        flow is None
        or flow["provider"] != answer.provider_name
        or flow["expires_at"] <= clock.now()
    ):
        raise accounts.SignInFailed(
            "this sign-in was finished already, has expired or was not started here; start again"
        )
    issuer = oidc.provider_named(settings, answer.provider_name).issuer
    if answer.issuer is not None and answer.issuer != issuer:  # a mix-up of providers
        raise accounts.SignInFailed(f"the answer came from {answer.issuer!r}, not {issuer!r}")
    if answer.error or not answer.code:
        raise accounts.SignInFailed(
            f"the provider did not sign you in ({answer.error or 'no code'})"
        )
    return flow, answer.code


def verified_email(provider: OidcProvider, claims: dict[str, Any]) -> str:
    """Return the email the provider vouches for, within the provider's allowed domains."""
    value = claims.get(provider.email_claim)
    if not isinstance(value, str) or claims.get("email_verified") is False:
        raise accounts.SignInFailed(
            f"the provider gave no verified email (claim {provider.email_claim!r})"
        )
    email = accounts.email_address(value)
    domain = email.rsplit("@", 1)[1]
    if provider.email_domains and domain not in provider.email_domains:
        raise roster_accounts.NotInRoster(
            f"{provider.title} may sign in only emails of {', '.join(provider.email_domains)}"
        )
    return email


def end_provider_session(
    graph: Graph, settings: Settings, request: audit.Request, provider_name: str, logout: str
) -> int:
    """Back-channel logout: end the tokens the provider's session gave; return how many."""
    provider = oidc.provider_named(settings, provider_name)
    try:
        claims = oidc.logout_token_claims(settings, provider, logout)
    except accounts.SignInFailed as exc:
        raise BadLogoutToken(exc.detail) from exc
    rows = graph.write(
        "auth/end_provider_sessions",
        provider=provider.name,
        sid=claims.get("sid"),
        subject=claims.get("sub"),
        now=clock.now(),
    )
    audit.record_event(graph, request, "sign_out", "allowed", purpose="provider logout")
    return int(rows[0]["revoked"])
