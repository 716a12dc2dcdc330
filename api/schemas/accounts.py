"""Sign-in answers, providers, and guardians' invitations."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from lrm_graph.auth.accounts import MIN_PASSWORD

Uid = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=256)]


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    expires_in: int


class ProviderOut(BaseModel):
    name: str
    title: str
    start: str = Field(description="Where a browser starts signing in with it.")


class InvitationCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"learner_uid": "3f2a...", "guardian_uid": "9c1b..."}]},
    )

    learner_uid: Uid
    guardian_uid: Uid = Field(description="An adult with an active GUARDIAN_OF to the learner.")
    email: str | None = Field(
        default=None, max_length=254, description="Where to send it; default: the guardian's."
    )


class InvitationOut(BaseModel):
    uid: str
    email: str
    link: str = Field(description="The one-time link, to hand on if no mail was sent.")
    expires_at: datetime
    mailed: bool


# What the schema says of a new password: the length `accounts` refuses under (its 422
# names the rule; pydantic's would not).
PASSWORD_RULE: dict[str, Any] = {"minLength": MIN_PASSWORD}


class InvitationAccept(BaseModel):
    model_config = ConfigDict(extra="forbid")

    token: str = Field(min_length=1, max_length=200, description="The token of the link.")
    password: str = Field(min_length=1, max_length=1000, json_schema_extra=PASSWORD_RULE)
