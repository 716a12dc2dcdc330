"""Guardians by invitation: a counselor or school admin invites a guardian of a learner (an
adult with an active GUARDIAN_OF, as the roster's agents become); the guardian gets a
one-time link that expires, and with it sets a password or signs in with their own
provider account. The account is linked to the guardian, so it sees the children that
guardian is GUARDIAN_OF and no one else. Making an invitation and every use of its link,
taken or refused, are in the audit log with the learner.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from lrm_graph import clock, problem_types
from lrm_graph.access import audit, visibility
from lrm_graph.auth import accounts, mail
from lrm_graph.auth.caller import Role
from lrm_graph.auth.secrets import digest, new_secret
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Conflict, Forbidden, LrmError, NotFound

INVITATION_PREFIX = "lrm_i_"
INVITERS = frozenset({Role.ADMIN, Role.SCHOOL_ADMIN, Role.COUNSELOR})
PURPOSE = "guardian invitation"


class InvitationUnusable(LrmError):
    problem = problem_types.INVITATION_UNUSABLE


@dataclass(frozen=True)
class Invitation:
    uid: str
    email: str
    link: str
    token: str  # shown to the inviter once, with the link; only its digest is kept
    expires_at: datetime
    mailed: bool


def invite(
    graph: Graph,
    settings: Settings,
    request: audit.Request,
    *,
    learner_uid: str,
    guardian_uid: str,
    email: str | None,
    base_url: str,
) -> Invitation:
    """Invite a guardian of a learner; mail the link where mail is configured."""
    caller = request.caller
    with audit.operation(graph, request, "invite", aimed_at=[learner_uid]) as op:
        if caller is None or caller.role not in INVITERS:
            raise Forbidden("only an admin, a school admin or a counselor may invite a guardian")
        purpose = visibility.learner_purpose(op.graph, caller, learner_uid)
        rows = op.graph.read(
            "auth/find_guardian_of",
            guardian_uid=guardian_uid,
            learner_uid=learner_uid,
            today=clock.today(),
        )
        if not rows:
            raise NotFound(f"no guardian with uid {guardian_uid!r} of this learner")
        guardian = rows[0]
        address = accounts.email_address(email or guardian["email"] or "")
        op.record({learner_uid: f"{PURPOSE} ({purpose})"})
        token = new_secret(INVITATION_PREFIX)
        made = op.graph.write(
            "auth/create_invitation",
            uid=uuid.uuid4().hex,
            token_hash=digest(token),
            learner_uid=learner_uid,
            guardian_uid=guardian_uid,
            email=address,
            invited_by=caller.id,
            expires_at=clock.now() + timedelta(days=settings.invitation_days),
            now=clock.now(),
        )[0]
    link = f"{base_url.rstrip('/')}/invitations/{token}"
    letter = mail.Invitation(address, link, guardian["guardian_name"], guardian["learner_name"])
    mailed = mail.send_invitation(settings, letter, made["expires_at"])
    return Invitation(made["uid"], address, link, token, made["expires_at"], mailed)


def accept(
    graph: Graph, settings: Settings, request: audit.Request, token: str, password: str
) -> accounts.IssuedToken:
    """Use an invitation's link to make the guardian's account with a password; sign in."""
    if not settings.password_signin:
        raise accounts.PasswordSignInOff(
            "password sign-in is switched off here; accept the invitation by signing in "
            "with your provider account"
        )
    accounts.check_password(password)
    account = accept_by_hash(graph, request, digest(token), email=None, password=password)
    return accounts.issue_token(graph, settings, account["uid"])


def accept_by_hash(
    graph: Graph,
    request: audit.Request,
    token_hash: str,
    *,
    email: str | None,
    password: str | None,
) -> dict[str, Any]:
    """Use the invitation (once) and make the guardian's account: with the invitation's
    email and a password, or with the email a provider vouches for. Audited either way."""
    learner_uid: list[str] = []
    try:
        with graph.unit() as unit:
            taken = _take(unit, token_hash, learner_uid)
            account = _guardian_account(unit, email or taken["email"], password, taken)
            audit.record(unit, request, "accept_invitation", {taken["learner_uid"]: PURPOSE})
    except LrmError as exc:
        refused = {uid: PURPOSE for uid in learner_uid}
        if refused:
            audit.record(graph, request, "accept_invitation", refused, audit.refusal_outcome(exc))
        exc.audited = bool(refused)
        raise
    return account


def _guardian_account(
    unit: Graph, email: str, password: str | None, taken: dict[str, Any]
) -> dict[str, Any]:
    try:
        return accounts.create_user(
            unit,
            email=email,
            role=Role.GUARDIAN,
            password=password,
            person_uid=taken["guardian_uid"],
            origin="invitation",
        )
    except Conflict as exc:
        raise Conflict(
            f"an account with the email {email} exists already; sign in with it instead"
        ) from exc


def _take(unit: Graph, token_hash: str, seen: list[str]) -> dict[str, Any]:
    rows = unit.write("auth/take_invitation", token_hash=token_hash, now=clock.now())
    if not rows:
        raise NotFound("no such invitation: check the link")
    taken = rows[0]
    seen.append(taken["learner_uid"])
    if taken["used_before"]:
        raise InvitationUnusable("this invitation has been used already; ask for a new one")
    if taken["expired"]:
        raise InvitationUnusable("this invitation has expired; ask for a new one")
    return taken
