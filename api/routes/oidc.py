"""Sign-in with the district's identity provider (OpenID Connect, authorization code flow
with PKCE), for the web app and for API clients, and the provider's back-channel logout.

- `GET /auth/oidc/providers`: the providers configured.
- `GET /auth/oidc/{provider}/start?then=web|token[&invitation=...]`: off to the provider.
- `GET /auth/oidc/{provider}/callback`: back from it. `then=web` sets the web session's
  cookie and goes to `/`; `then=token` answers a bearer token as `POST /v1/auth/token`
  does, for an API client (a script opens the start address in a browser and reads it).
- `POST /auth/oidc/{provider}/backchannel-logout`: the provider ends a session.

A refusal is a plain page for a browser (it asked for HTML) and problem+json otherwise.
"""

from __future__ import annotations

import html
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Query, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from api.deps import GraphDep, SettingsDep
from api.disclosure import client_ip, request_label
from api.routes.auth import token_out
from api.schemas.accounts import ProviderOut, TokenOut
from lrm_graph.access import audit
from lrm_graph.auth import sessions
from lrm_graph.auth.accounts import IssuedToken
from lrm_graph.config import Settings
from lrm_graph.errors import LrmError
from lrm_graph.signin import provider as provider_signin

router = APIRouter(prefix="/auth/oidc", tags=["auth"])
Text = Annotated[str | None, Query(max_length=2000)]


def base_url(settings: Settings, request: Request) -> str:
    """Return where people reach us: `public_url`, else the address of this request."""
    return (settings.public_url or str(request.base_url)).rstrip("/")


def _callback(settings: Settings, request: Request, provider: str) -> str:
    return f"{base_url(settings, request)}/auth/oidc/{provider}/callback"


def plain_page(title: str, body: str, status: int = 200) -> HTMLResponse:
    """Return a plain page (`body` is HTML, its values escaped by the caller)."""
    page = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{html.escape(title)}</title></head><body><main>"
        f"<h1>{html.escape(title)}</h1>{body}</main></body></html>"
    )
    return HTMLResponse(page, status_code=status)


def refusal(request: Request, exc: LrmError) -> Response:
    """Answer a browser with a plain page; anything else falls to the problem handler."""
    if "text/html" not in request.headers.get("accept", ""):
        raise exc
    body = f"<p>{html.escape(exc.detail)}</p><p><a href='/'>Back to sign-in</a></p>"
    return plain_page(exc.title, body, exc.status)


def signed_in_page(settings: Settings, request: Request, issued: IssuedToken) -> Response:
    """Set the web session's cookie for a sign-in token and go home."""
    secure = base_url(settings, request).startswith("https://")
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(**sessions.session_cookie(issued, secure=secure).as_kwargs())
    return response


@router.get("/providers", response_model=list[ProviderOut])
def list_providers(settings: SettingsDep) -> Any:
    """The identity providers people may sign in with (none: password sign-in only)."""
    return [
        {"name": p.name, "title": p.title, "start": f"/auth/oidc/{p.name}/start"}
        for p in settings.oidc_providers
    ]


@router.get("/{provider}/start", status_code=303, response_class=RedirectResponse)
def start_sign_in(
    provider: str,
    request: Request,
    graph: GraphDep,
    settings: SettingsDep,
    then: Literal["web", "token"] = "web",
    invitation: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    """Send the browser to the provider, with PKCE, a state and a nonce kept until it
    comes back. `invitation` carries a guardian's invitation through the sign-in."""
    try:
        url = provider_signin.start(
            graph,
            settings,
            provider,
            redirect_uri=_callback(settings, request, provider),
            then=then,
            invitation=invitation,
        )
    except LrmError as exc:
        return refusal(request, exc)
    return RedirectResponse(url, status_code=303)


@router.get(
    "/{provider}/callback",
    response_model=TokenOut,
    responses={303: {"description": "Signed in (then=web): the session cookie is set."}},
)
def finish_sign_in(
    provider: str,
    request: Request,
    graph: GraphDep,
    settings: SettingsDep,
    state: Annotated[str, Query(min_length=1, max_length=2000)],
    code: Text = None,
    error: Text = None,
    iss: Text = None,
) -> Any:
    """Check what the provider sent back and sign in (refused: 401, or 403 for an email
    the roster does not know)."""
    context = audit.Request(None, request_label(request), client_ip(request))
    try:
        answer = provider_signin.ProviderAnswer(provider, state, code, error, iss)
        signed_in = provider_signin.finish(graph, settings, context, answer)
    except LrmError as exc:
        return refusal(request, exc)
    if signed_in.then == "token":
        return token_out(signed_in.token)
    return signed_in_page(settings, request, signed_in.token)


@router.post("/{provider}/backchannel-logout", response_class=Response)
def backchannel_logout(
    provider: str,
    request: Request,
    graph: GraphDep,
    settings: SettingsDep,
    logout_token: Annotated[str, Form(min_length=1, max_length=20_000)],
) -> Response:
    """The provider ends a session: the tokens (and web sessions) it gave end now."""
    context = audit.Request(None, request_label(request), client_ip(request))
    provider_signin.end_provider_session(graph, settings, context, provider, logout_token)
    return Response(status_code=200, headers={"Cache-Control": "no-store"})
