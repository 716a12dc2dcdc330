"""OpenID Connect, the protocol side: discovery, the authorization request (PKCE, state,
nonce), the code exchange, and the checks of ID tokens and back-channel logout tokens.

Authlib does the protocol and joserfc (Authlib's own JOSE library) the signatures; nothing
here parses or signs a JWT by hand. A provider's discovery document and keys are kept for
`oidc_metadata_seconds` in this process; an ID token signed with a key we do not know yet
fetches the keys once more (the provider rotated them).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import httpx2
from authlib.common.security import generate_token
from authlib.integrations.base_client.errors import OAuthError
from authlib.integrations.httpx_client import OAuth2Client
from authlib.oauth2.claims import JWTClaims
from authlib.oidc.core import CodeIDToken
from joserfc import jwt
from joserfc.errors import InvalidKeyIdError, JoseError
from joserfc.jwk import KeySet
from joserfc.jws import JWSRegistry

from lrm_graph import problem_types
from lrm_graph.auth.accounts import SignInFailed
from lrm_graph.config import OidcProvider, Settings
from lrm_graph.errors import LrmError, NotFound

# Signatures we accept: the asymmetric ones (a key the provider publishes), never "none"
# and never a MAC keyed with the client secret.
SIGNING_ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384",
                      "ES512", "EdDSA")  # fmt: skip
BACKCHANNEL_EVENT = "http://schemas.openid.net/event/backchannel-logout"
LEEWAY_SECONDS = 60  # clock skew between us and the provider
HTTP_TIMEOUT = 10.0


class ProviderUnavailable(LrmError):
    problem = problem_types.PROVIDER_UNAVAILABLE


@dataclass(frozen=True)
class AuthorizationRequest:
    """Where to send the person, and what to keep until they come back."""

    url: str
    state: str
    nonce: str
    code_verifier: str


@dataclass
class _Kept:
    until: float
    value: dict[str, Any]


_discovery: dict[str, _Kept] = {}
_keys: dict[str, _Kept] = {}


def provider_named(settings: Settings, name: str) -> OidcProvider:
    for provider in settings.oidc_providers:
        if provider.name == name:
            return provider
    raise NotFound(f"no sign-in provider named {name!r} is configured")


def _fetch_json(url: str) -> dict[str, Any]:
    try:
        response = httpx2.get(url, timeout=HTTP_TIMEOUT, follow_redirects=False)
        response.raise_for_status()
        body = response.json()
    except (httpx2.HTTPError, ValueError) as exc:
        raise ProviderUnavailable(f"could not read {url}: {exc}") from exc
    if not isinstance(body, dict):
        raise ProviderUnavailable(f"{url} did not answer a JSON object")
    return body


def discovery(settings: Settings, provider: OidcProvider) -> dict[str, Any]:
    """Return the provider's discovery document (kept a while), checked against its issuer."""
    kept = _discovery.get(provider.issuer)
    if kept and kept.until > time.monotonic():
        return kept.value
    document = _fetch_json(provider.issuer.rstrip("/") + "/.well-known/openid-configuration")
    if document.get("issuer") != provider.issuer:
        raise ProviderUnavailable(
            f"the discovery document of {provider.issuer} names another issuer: "
            f"{document.get('issuer')!r}"
        )
    needed = ("authorization_endpoint", "token_endpoint", "jwks_uri")
    if missing := [name for name in needed if not document.get(name)]:
        raise ProviderUnavailable(f"the discovery document lacks {', '.join(missing)}")
    _discovery[provider.issuer] = _Kept(time.monotonic() + settings.oidc_metadata_seconds, document)
    return document


def _key_set(settings: Settings, provider: OidcProvider, *, fresh: bool = False) -> KeySet:
    kept = _keys.get(provider.issuer)
    if fresh or not kept or kept.until <= time.monotonic():
        jwks = _fetch_json(discovery(settings, provider)["jwks_uri"])
        kept = _Kept(time.monotonic() + settings.oidc_metadata_seconds, jwks)
        _keys[provider.issuer] = kept
    try:
        return KeySet.import_key_set(kept.value)  # type: ignore[arg-type]
    except (JoseError, ValueError, TypeError) as exc:
        raise ProviderUnavailable(f"the provider's keys could not be read: {exc}") from exc


def _client(provider: OidcProvider, redirect_uri: str) -> OAuth2Client:
    return OAuth2Client(
        client_id=provider.client_id,
        client_secret=provider.client_secret.get_secret_value(),
        scope=provider.scopes,
        redirect_uri=redirect_uri,
        code_challenge_method="S256",
        token_endpoint_auth_method="client_secret_basic",  # noqa: S106 - a method's name
        timeout=HTTP_TIMEOUT,
    )


def authorization_request(
    settings: Settings, provider: OidcProvider, redirect_uri: str
) -> AuthorizationRequest:
    """Build the authorization code request, with PKCE (S256), a state and a nonce."""
    endpoint = discovery(settings, provider)["authorization_endpoint"]
    state, nonce, verifier = generate_token(32), generate_token(32), generate_token(48)
    with _client(provider, redirect_uri) as client:
        url, _ = client.create_authorization_url(
            endpoint, state=state, code_verifier=verifier, nonce=nonce
        )
    return AuthorizationRequest(url, state, nonce, verifier)


def exchange_code(
    settings: Settings, provider: OidcProvider, code: str, code_verifier: str, redirect_uri: str
) -> dict[str, Any]:
    """Trade the authorization code (and the PKCE verifier) for the provider's tokens."""
    endpoint = discovery(settings, provider)["token_endpoint"]
    try:
        with _client(provider, redirect_uri) as client:
            token = client.fetch_token(endpoint, code=code, code_verifier=code_verifier)
    except OAuthError as exc:
        raise SignInFailed(f"the provider refused the sign-in: {exc.error}") from exc
    except httpx2.HTTPError as exc:
        raise ProviderUnavailable(f"the provider's token endpoint failed: {exc}") from exc
    if not token.get("id_token"):
        raise ProviderUnavailable("the provider answered without an ID token")
    return dict(token)


def user_claims(
    settings: Settings, provider: OidcProvider, token: dict[str, Any], claims: dict[str, Any]
) -> dict[str, Any]:
    """Return the ID token's claims, with the UserInfo endpoint's added where the ID token
    lacks the email (a provider may keep it there); UserInfo must name the same subject."""
    if provider.email_claim in claims:
        return claims
    endpoint = discovery(settings, provider).get("userinfo_endpoint")
    if not endpoint or not token.get("access_token"):
        return claims
    try:
        response = httpx2.get(
            endpoint, headers={"Authorization": f"Bearer {token['access_token']}"},
            timeout=HTTP_TIMEOUT,
        )  # fmt: skip
        response.raise_for_status()
        info = response.json()
    except (httpx2.HTTPError, ValueError) as exc:
        raise ProviderUnavailable(f"the provider's UserInfo endpoint failed: {exc}") from exc
    if not isinstance(info, dict) or info.get("sub") != claims.get("sub"):
        raise SignInFailed("the provider's UserInfo names another subject than the ID token")
    return {**info, **claims}


def _decoded(settings: Settings, provider: OidcProvider, token: str) -> jwt.Token:
    """Check the signature of a JWT from the provider against its published keys."""
    advertised = discovery(settings, provider).get("id_token_signing_alg_values_supported")
    allowed = [alg for alg in advertised or ["RS256"] if alg in SIGNING_ALGORITHMS]
    registry = JWSRegistry(algorithms=allowed, strict_check_header=False)
    try:
        try:
            return jwt.decode(token, _key_set(settings, provider), registry=registry)
        except InvalidKeyIdError:
            return jwt.decode(token, _key_set(settings, provider, fresh=True), registry=registry)
    except JoseError as exc:
        raise SignInFailed(f"the provider's token is not validly signed ({exc.error})") from exc


def id_token_claims(
    settings: Settings, provider: OidcProvider, token: dict[str, Any], nonce: str
) -> dict[str, Any]:
    """Return the claims of the ID token once its signature, issuer, audience, expiry,
    nonce (this flow's, so a replayed one fails) and access token hash hold."""
    decoded = _decoded(settings, provider, token["id_token"])
    options = {
        "iss": {"essential": True, "value": provider.issuer},
        "aud": {"essential": True, "value": provider.client_id},
        "exp": {"essential": True},
        "nonce": {"essential": True, "value": nonce},
    }
    params = {"nonce": nonce, "client_id": provider.client_id}
    if token.get("access_token"):
        params["access_token"] = token["access_token"]
    claims = CodeIDToken(decoded.claims, decoded.header, options, params)
    _validate(claims, "ID token")
    return dict(claims)


def logout_token_claims(
    settings: Settings, provider: OidcProvider, logout_token: str
) -> dict[str, Any]:
    """Return the claims of a back-channel logout token once it is shown to be the
    provider's, for us, recent, and a logout event naming a session or a subject."""
    decoded = _decoded(settings, provider, logout_token)
    options = {
        "iss": {"essential": True, "value": provider.issuer},
        "aud": {"essential": True, "value": provider.client_id},
        "iat": {"essential": True},
        "jti": {"essential": True},
        "events": {"essential": True},
    }
    claims = JWTClaims(decoded.claims, decoded.header, options)
    _validate(claims, "logout token")
    events = claims.get("events")
    if not isinstance(events, dict) or BACKCHANNEL_EVENT not in events:
        raise SignInFailed("the logout token is not a back-channel logout event")
    if "nonce" in claims or not (claims.get("sid") or claims.get("sub")):
        raise SignInFailed("a logout token names a session or a subject and has no nonce")
    return dict(claims)


def _validate(claims: JWTClaims, what: str) -> None:
    try:
        claims.validate(now=int(time.time()), leeway=LEEWAY_SECONDS)
    except JoseError as exc:
        raise SignInFailed(f"the provider's {what} was refused: {exc.description}") from exc
