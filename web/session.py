"""The web session: a cookie holding a sign-in token, and the CSRF token bound to it.

The cookie holds the very token `POST /v1/auth/token` issues (`lrm_graph.auth.accounts`),
so a page is signed in exactly while that token is: revocation, a disabled account and the
token's lifetime are the API's rules. It is HttpOnly (no script reads it), SameSite=Lax
(no cross-site form post carries it) and Secure when the page came over TLS.

Every form carries a CSRF token derived from the session's secret (the sign-in token, or
before sign-in a random pre-session cookie): an HMAC, so the page shows the form token
without showing the secret, and a site that cannot read the cookie cannot make the token.
Every unsafe method is checked (`check_csrf`), whatever the route.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from starlette.responses import Response

from api.auth import checked_callers
from api.deps import GraphDep
from api.disclosure import client_ip, request_label
from lrm_graph import problem_types
from lrm_graph.access import audit
from lrm_graph.auth import accounts
from lrm_graph.auth.caller import Caller
from lrm_graph.auth.secrets import TOKEN_PREFIX
from lrm_graph.auth.sessions import SESSION_COOKIE, session_cookie
from lrm_graph.errors import LrmError

PRE_SESSION_COOKIE = "lrm_pre_session"  # binds the sign-in form's CSRF token
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
PRE_SESSION_SECONDS = 60 * 60


class CsrfRefused(LrmError):
    problem = problem_types.CSRF_REFUSED


class SignInNeeded(LrmError):
    """The page needs a signed-in person; the web answers with the sign-in page."""

    problem = problem_types.SIGN_IN_NEEDED


@dataclass
class WebSession:
    """The session of one request: the signed-in caller (or None) and the form token."""

    caller: Caller | None
    token: str | None  # the sign-in token the cookie holds, while it is live
    csrf_token: str
    new_pre_session: str | None = None  # to be set on the response (first visit)
    stale: bool = False  # the cookie holds a token that expired or was revoked

    def set_cookies(self, request: Request, response: Response) -> None:
        """Set the pre-session cookie this request made, and drop a stale session's."""
        if self.new_pre_session is not None:
            _set(request, response, PRE_SESSION_COOKIE, self.new_pre_session,
                 PRE_SESSION_SECONDS)  # fmt: skip
        if self.stale:
            end(response)


def csrf_token_for(secret: str) -> str:
    """Return the form token bound to a session secret."""
    return hmac.new(secret.encode(), b"lrm-web-form", hashlib.sha256).hexdigest()


def current_session(request: Request, graph: GraphDep) -> WebSession:
    """Return this request's session, signed in when its cookie holds a live token."""
    token = request.cookies.get(SESSION_COOKIE)
    caller = None
    if token and token.startswith(TOKEN_PREFIX):
        caller = checked_callers(request).caller_for(graph, token)
    if caller is not None and token is not None:
        request.state.caller = caller  # the audit of a refusal names them
        session = WebSession(caller, token, csrf_token_for(token))
    else:
        pre_session = request.cookies.get(PRE_SESSION_COOKIE)
        fresh = None
        if not pre_session:
            pre_session = fresh = secrets.token_urlsafe(32)
        session = WebSession(None, None, csrf_token_for(pre_session), new_pre_session=fresh,
                             stale=token is not None)  # fmt: skip
    request.state.web_session = session  # for the error page's layout
    return session


SessionDep = Annotated[WebSession, Depends(current_session)]


async def check_csrf(request: Request, session: SessionDep) -> None:
    """Refuse an unsafe request whose form token (field or header) is not the session's."""
    if request.method in SAFE_METHODS:
        return
    if session.stale:  # a form from a session that has ended: sign in again, then retry
        raise SignInNeeded("your session has ended; sign in again")
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and _is_form(request):
        value = (await request.form()).get(CSRF_FIELD)  # parsed once; the route reuses it
        sent = value if isinstance(value, str) else None
    if session.new_pre_session is not None or not sent:
        raise CsrfRefused("the form came without its security token")
    if not hmac.compare_digest(sent, session.csrf_token):
        raise CsrfRefused("the form's security token does not match this session")


def _is_form(request: Request) -> bool:
    kind = request.headers.get("content-type", "")
    return kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data"))


def signed_in(session: SessionDep) -> Caller:
    """Return the signed-in caller; without one the web answers with the sign-in page."""
    if session.caller is None:
        raise SignInNeeded("sign in first")
    return session.caller


CallerDep = Annotated[Caller, Depends(signed_in)]


def audit_request(request: Request, caller: CallerDep) -> audit.Request:
    """Return the audit context of a page: the signed-in caller, the page, the address."""
    return audit_context(request, caller)


def audit_context(request: Request, caller: Caller) -> audit.Request:
    return audit.Request(caller, request_label(request), client_ip(request))


AuditDep = Annotated[audit.Request, Depends(audit_request)]


def start(request: Request, response: Response, issued: accounts.IssuedToken) -> None:
    """Put a new sign-in token in the session cookie, for as long as the token lives: the
    one cookie every way of signing in sets (`lrm_graph.auth.sessions`)."""
    secure = request.url.scheme == "https"
    response.set_cookie(**session_cookie(issued, secure=secure).as_kwargs())
    response.delete_cookie(PRE_SESSION_COOKIE, path="/")


def end(response: Response) -> None:
    """Take the session cookie away (the token is revoked by the caller of this)."""
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")


def _set(request: Request, response: Response, name: str, value: str, seconds: int) -> None:
    response.set_cookie(
        name,
        value,
        max_age=seconds,
        path="/",
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
