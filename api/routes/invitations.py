"""Guardians by invitation: a counselor or school admin invites a guardian of a learner."""

import html
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Path, Request, Response, status
from fastapi.responses import HTMLResponse

from api.deps import GraphDep, SettingsDep
from api.disclosure import AuditDep, client_ip, request_label
from api.routes.oidc import base_url, plain_page, refusal, signed_in_page
from api.schemas.accounts import InvitationCreate, InvitationOut
from lrm_graph.access import audit
from lrm_graph.errors import LrmError
from lrm_graph.signin import invitations

router = APIRouter(prefix="/invitations", tags=["auth"])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=InvitationOut)
def invite_guardian(
    body: InvitationCreate,
    graph: GraphDep,
    settings: SettingsDep,
    audit_request: AuditDep,
    request: Request,
) -> Any:
    """Invite a guardian of a learner (an admin, or a school admin or counselor who sees
    the learner): a one-time link that expires, mailed where mail is configured and shown
    here either way. The guardian accepts at `POST /v1/auth/invitation`."""
    made = invitations.invite(
        graph,
        settings,
        audit_request,
        learner_uid=body.learner_uid,
        guardian_uid=body.guardian_uid,
        email=body.email,
        base_url=base_url(settings, request),
    )
    return made.__dict__


# The page the invitation's link opens: plain HTML until the web app gives it its look.
page_router = APIRouter(prefix="/invitations", tags=["auth"], include_in_schema=False)
Token = Annotated[str, Path(min_length=1, max_length=200)]


@page_router.get("/{token}", response_class=HTMLResponse)
def invitation_page(token: Token, settings: SettingsDep) -> Response:
    """Offer the invited guardian their ways in: a password, or their provider account."""
    ways = [
        f"<p><a href='/auth/oidc/{quote(p.name)}/start?invitation={quote(token)}'>"
        f"Sign in with {html.escape(p.title)}</a></p>"
        for p in settings.oidc_providers
    ]
    if settings.password_signin:
        ways.append(
            f"<form method='post' action='/invitations/{quote(token)}'>"
            "<p><label>Choose a password (12 characters or more) "
            "<input type='password' name='password' autocomplete='new-password' required "
            "minlength='12'></label></p><p><button type='submit'>Set my password</button></p>"
            "</form>"
        )
    intro = "<p>Your child's school invites you to see your child's support network.</p>"
    return plain_page("Your invitation", intro + "".join(ways))


@page_router.post("/{token}", response_class=HTMLResponse)
def accept_on_page(
    token: Token,
    password: Annotated[str, Form(max_length=1000)],
    request: Request,
    graph: GraphDep,
    settings: SettingsDep,
) -> Response:
    """Accept with a password and sign in to the web (the link's token is the secret the
    form carries, so a forged form cannot use it)."""
    context = audit.Request(None, request_label(request), client_ip(request))
    try:
        issued = invitations.accept(graph, settings, context, token, password)
    except LrmError as exc:
        return refusal(request, exc)
    return signed_in_page(settings, request, issued)
