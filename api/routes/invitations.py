"""Guardians by invitation: a counselor or school admin invites a guardian of a learner."""

from typing import Any

from fastapi import APIRouter, Request, status

from api.deps import GraphDep, SettingsDep
from api.disclosure import AuditDep
from api.routes.oidc import base_url
from api.schemas.accounts import InvitationCreate, InvitationOut
from lrm_graph.auth import invitations

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
