"""Sign-in (OAuth2 password flow), sign-out, who am I, and a guardian's invitation."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, status
from fastapi.security import OAuth2PasswordRequestForm
from pydantic import BaseModel

from api.auth import CallerDep, bearer, checked_callers
from api.deps import GraphDep, SettingsDep
from api.disclosure import client_ip, request_label
from api.schemas.accounts import InvitationAccept, TokenOut
from lrm_graph import clock
from lrm_graph.access import audit
from lrm_graph.auth import accounts
from lrm_graph.signin import invitations

router = APIRouter(prefix="/auth", tags=["auth"])


class CallerOut(BaseModel):
    kind: str
    id: str
    role: str
    display: str
    person_uid: str | None
    org_uid: str | None
    scopes: list[str]


def token_out(issued: accounts.IssuedToken) -> dict[str, Any]:
    """Shape a sign-in token as OAuth2 does (every way of signing in answers this)."""
    seconds = int((issued.expires_at - clock.now()).total_seconds())
    return {"access_token": issued.access_token, "expires_in": seconds}


@router.post("/token", response_model=TokenOut)
def sign_in(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    graph: GraphDep,
    settings: SettingsDep,
) -> Any:
    """Sign in with `username` (the email) and `password`; too many failures answer 429;
    403 where password sign-in is switched off."""
    return token_out(accounts.sign_in(graph, settings, form.username, form.password))


@router.post("/invitation", response_model=TokenOut)
def accept_invitation(
    body: InvitationAccept, request: Request, graph: GraphDep, settings: SettingsDep
) -> Any:
    """Accept a guardian's invitation with a password: the account is made and signed in.
    A used or expired link answers 410; to use a provider account instead, open
    `/auth/oidc/{provider}/start?invitation=<token>`."""
    context = audit.Request(None, request_label(request), client_ip(request))
    issued = invitations.accept(graph, settings, context, body.token, body.password)
    return token_out(issued)


@router.post("/revoke", status_code=status.HTTP_204_NO_CONTENT)
def sign_out(
    request: Request, caller: CallerDep, graph: GraphDep, token: Annotated[str, Depends(bearer)]
) -> None:
    """Revoke the token this request carries (API keys are revoked with `lrm keys revoke`)."""
    checked_callers(request).sign_out(graph, token)


@router.get("/me", response_model=CallerOut)
def who_am_i(caller: CallerDep) -> Any:
    return {**caller.__dict__, "role": caller.role.value, "scopes": sorted(caller.scopes)}
