"""Sign-in (`POST /`, the same accounts, lockout and tokens as `POST /v1/auth/token`) and
sign-out (`POST /sign-out`, which revokes the token). `GET /` shows this page to a caller
who is not signed in (`web.routes.home`). One template, `signin.html`, holds the form."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import Form, Request
from starlette.responses import RedirectResponse, Response

from api.auth import checked_callers
from api.deps import GraphDep, SettingsDep
from api.disclosure import client_ip, request_label
from lrm_graph.access import audit
from lrm_graph.auth import accounts
from lrm_graph.errors import LrmError
from web import session as web_session
from web.pages import render
from web.routing import web_router
from web.session import SessionDep

log = logging.getLogger("lrm_graph.web")
router = web_router(tags=["web"])
HOME = "/"


def sign_in_page(
    request: Request,
    session: web_session.WebSession,
    *,
    email: str = "",
    problem: str | None = None,
    status_code: int = 200,
) -> Response:
    """Render the sign-in page, with what went wrong the last time, and a way in through
    each identity provider configured (`/auth/oidc/{name}/start`)."""
    settings = request.app.state.settings
    context = {
        "email": email,
        "problem": problem,
        "providers": settings.oidc_providers,
        "password_signin": settings.password_signin,
    }
    return render(request, session, "signin.html", context, status_code)


@router.post("/")
def sign_in(
    request: Request,
    session: SessionDep,
    graph: GraphDep,
    settings: SettingsDep,
    email: Annotated[str, Form(max_length=254)],
    password: Annotated[str, Form(max_length=1024)],
) -> Response:
    """Check the email and password; on success the session cookie holds a new token."""
    try:
        issued = accounts.sign_in(graph, settings, email, password)
    except (accounts.SignInFailed, accounts.SignInLocked) as exc:
        _record_refusal(request, graph, exc)
        return sign_in_page(request, session, email=email, problem=_said(exc),
                            status_code=exc.status)  # fmt: skip
    if session.token is not None:  # signing in again: the earlier token is done with
        checked_callers(request).sign_out(graph, session.token)
    response = RedirectResponse(HOME, status_code=303)
    web_session.start(request, response, issued)
    return response


@router.post("/sign-out")
def sign_out(request: Request, session: SessionDep, graph: GraphDep) -> Response:
    """Revoke the session's token (it stops working on the API too) and drop the cookie."""
    if session.token is not None:
        checked_callers(request).sign_out(graph, session.token)
    response = RedirectResponse(HOME, status_code=303)
    web_session.end(response)
    return response


def _said(exc: LrmError) -> str:
    if isinstance(exc, accounts.SignInLocked):
        return "Too many failed sign-ins for this account. Try again later."
    return "The email or the password is not right."


def _record_refusal(request: Request, graph: GraphDep, exc: LrmError) -> None:
    """Record the failed sign-in as the API's error handler records one."""
    context = audit.Request(None, request_label(request), client_ip(request))
    try:
        audit.record_event(graph, context, "sign_in", outcome=f"denied ({exc.status})")
    except LrmError:
        log.warning("could not record a refused sign-in in the audit log")
