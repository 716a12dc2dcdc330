"""Sign-in (OAuth2 password flow), sign-out, and who am I."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, status
from fastapi.security import OAuth2PasswordRequestForm
from pydantic import BaseModel

from api.auth import CallerDep, bearer
from api.deps import GraphDep, SettingsDep
from lrm_graph import clock
from lrm_graph.auth import accounts

router = APIRouter(prefix="/auth", tags=["auth"])


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    expires_in: int


class CallerOut(BaseModel):
    kind: str
    id: str
    role: str
    display: str
    person_uid: str | None
    org_uid: str | None
    scopes: list[str]


@router.post("/token", response_model=TokenOut)
def sign_in(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    graph: GraphDep,
    settings: SettingsDep,
) -> Any:
    """Sign in with `username` (the email) and `password`; too many failures answer 429."""
    issued = accounts.sign_in(graph, settings, form.username, form.password)
    seconds = int((issued.expires_at - clock.now()).total_seconds())
    return {"access_token": issued.access_token, "expires_in": seconds}


@router.post("/revoke", status_code=status.HTTP_204_NO_CONTENT)
def sign_out(caller: CallerDep, graph: GraphDep, token: Annotated[str, Depends(bearer)]) -> None:
    """Revoke the token this request carries (API keys are revoked with `lrm keys revoke`)."""
    accounts.revoke_token(graph, token)


@router.get("/me", response_model=CallerOut)
def who_am_i(caller: CallerDep) -> Any:
    return {**caller.__dict__, "role": caller.role.value, "scopes": sorted(caller.scopes)}
