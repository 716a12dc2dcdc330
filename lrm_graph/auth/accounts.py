"""Accounts of people who sign in, and their sign-in: tokens that expire and can be revoked."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from lrm_graph import clock, problem_types
from lrm_graph.auth.caller import PERSON_ROLES, PERSON_SCOPES, Caller, Role, Scope
from lrm_graph.auth.secrets import TOKEN_PREFIX, digest, hash_password, new_secret, verify_password
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Forbidden, InvalidInput, LrmError, NotFound

MIN_PASSWORD = 12


class SignInFailed(LrmError):
    problem = problem_types.SIGN_IN_FAILED


class SignInLocked(LrmError):
    problem = problem_types.TOO_MANY_REQUESTS


class PasswordSignInOff(Forbidden):
    problem = problem_types.PASSWORD_SIGN_IN_OFF


@dataclass(frozen=True)
class IssuedToken:
    access_token: str
    expires_at: datetime


@dataclass(frozen=True)
class ProviderSession:
    """Where a provider sign-in came from: its back-channel logout names these."""

    provider: str
    subject: str
    sid: str | None


def email_address(email: str) -> str:
    """Return an email as accounts keep it (trimmed, lower case), or refuse it."""
    email = email.strip().lower()
    if "@" not in email or len(email) > 254 or any(c.isspace() for c in email):
        raise InvalidInput(f"{email!r} is not an email address")
    return email


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(f"a password needs at least {MIN_PASSWORD} characters")


def create_user(
    graph: Graph,
    *,
    email: str,
    role: Role,
    password: str | None,
    person_uid: str | None = None,
    org_uid: str | None = None,
    origin: str = "manual",
) -> dict[str, Any]:
    """Create an account; people in person roles must name the node they are. Without a
    password, the account signs in only through a provider."""
    email = email_address(email)
    if password is not None:
        check_password(password)
    if role in PERSON_ROLES and not person_uid:
        raise InvalidInput(f"a {role.value} account needs --person-uid (the person it is)")
    rows = graph.write(
        "auth/create_account",
        uid=uuid.uuid4().hex,
        email=email,
        role=role.value,
        person_uid=person_uid,
        org_uid=org_uid,
        password_hash=hash_password(password) if password is not None else None,
        origin=origin,
        now=clock.now(),
    )
    return _public(rows[0]["a"])


def _public(account: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in account.items() if k != "password_hash"}


def update_user(
    graph: Graph,
    email: str,
    *,
    role: Role | None = None,
    person_uid: str | None = None,
    org_uid: str | None = None,
) -> dict[str, Any]:
    """Change an account by hand; an admin's change outlasts the roster's next sign-in."""
    rows = graph.write(
        "auth/update_account",
        email=email.strip().lower(),
        role=role.value if role else None,
        person_uid=person_uid,
        org_uid=org_uid,
        now=clock.now(),
    )
    if not rows:
        raise NotFound(f"no account with email {email!r}")
    return _public(rows[0]["a"])


def list_users(graph: Graph) -> list[dict[str, Any]]:
    return graph.read("auth/list_accounts")


def set_disabled(graph: Graph, email: str, disabled: bool) -> dict[str, Any]:
    """Disable an account (its tokens are revoked at once) or enable it again."""
    rows = graph.write(
        "auth/set_account_disabled",
        email=email.strip().lower(),
        disabled=disabled,
        now=clock.now(),
    )
    if not rows:
        raise NotFound(f"no account with email {email!r}")
    return rows[0]


def sign_in(graph: Graph, settings: Settings, email: str, password: str) -> IssuedToken:
    """Check a password and issue a token; too many failures lock the account a while."""
    if not settings.password_signin:
        raise PasswordSignInOff(
            "password sign-in is switched off here; sign in with your district account"
        )
    email = email.strip().lower()
    rows = graph.read("auth/get_account", email=email)
    account = rows[0]["a"] if rows else None
    now = clock.now()
    locked_until = account.get("locked_until") if account else None
    if locked_until and locked_until > now:
        raise SignInLocked("too many failed sign-ins; try again later", retry_after=locked_until)
    good = verify_password(account.get("password_hash") if account else None, password)
    if account is not None:
        graph.write(
            "auth/record_signin",
            email=email,
            failed=not good,
            max_failures=settings.signin_max_failures,
            locked_until=now + timedelta(minutes=settings.signin_lock_minutes),
            now=now,
        )
    if not good or account is None or account.get("disabled"):
        raise SignInFailed("the email or the password is not right")
    return issue_token(graph, settings, account["uid"])


def issue_token(
    graph: Graph, settings: Settings, account_uid: str, came_from: ProviderSession | None = None
) -> IssuedToken:
    """Issue a sign-in token for an account: the API's bearer token and the web session's
    cookie alike, so that revoking or disabling ends both."""
    token = new_secret(TOKEN_PREFIX)
    now = clock.now()
    expires_at = now + timedelta(minutes=settings.token_minutes)
    graph.write(
        "auth/create_token",
        token_hash=digest(token),
        account_uid=account_uid,
        expires_at=expires_at,
        provider=came_from.provider if came_from else None,
        sid=came_from.sid if came_from else None,
        subject=came_from.subject if came_from else None,
        now=now,
    )
    return IssuedToken(token, expires_at)


def caller_for_token(graph: Graph, token: str) -> Caller | None:
    """Return the caller a live token stands for, or None."""
    found = token_caller(graph, token)
    return found[0] if found else None


def token_caller(graph: Graph, token: str) -> tuple[Caller, datetime] | None:
    """Return the caller a live token stands for and when the token expires, or None."""
    rows = graph.read("auth/get_token_caller", token_hash=digest(token), now=clock.now())
    if not rows:
        return None
    account = rows[0]["a"]
    role = Role(account["role"])
    scopes = frozenset(Scope) if role is Role.ADMIN else PERSON_SCOPES
    caller = Caller(
        kind="user",
        id=account["uid"],
        role=role,
        display=account["email"],
        person_uid=account.get("person_uid"),
        org_uid=account.get("org_uid"),
        scopes=scopes,
    )
    return caller, rows[0]["expires_at"]


def revoke_token(graph: Graph, token: str) -> bool:
    rows = graph.write("auth/revoke_token", token_hash=digest(token), now=clock.now())
    return bool(rows and rows[0]["revoked"])
