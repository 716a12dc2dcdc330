"""Accounts from the roster: a person the roster knows by email signs in without a hand-made
account, with the role the roster gives them (mapped by the `roster_roles` setting) and the
organization they work or are enrolled at.

The account is brought up to date with the roster at each provider sign-in; one an admin
made or changed by hand keeps what the admin set. A person the roster no longer lists is
archived by the import, and caller resolution refuses the tokens of an archived person
(`cypher/auth/get_token_caller.cypher`), so their sessions end with no import hook.
"""

from __future__ import annotations

import uuid
from typing import Any

from lrm_graph import clock, problem_types
from lrm_graph.auth.caller import Role
from lrm_graph.config import ROSTER_ACCOUNT_ROLES, Settings
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Conflict, Forbidden
from lrm_graph.vocabulary import NodeKind

# The roles the settings may name, as roles (a name that is none fails at import).
ROSTER_ROLES = frozenset(Role(name) for name in ROSTER_ACCOUNT_ROLES)


class NotInRoster(Forbidden):
    problem = problem_types.NOT_IN_ROSTER


def account_role(settings: Settings, node_kind: str, roster_roles: list[str]) -> Role | None:
    """Return the role of an account made from the roster, or None if no entry maps one.

    >>> from lrm_graph.config import ROSTER_ACCOUNT_ROLES, Settings
    >>> account_role(Settings(), "adult", ["teacher", "counselor"]).value
    'counselor'
    >>> account_role(Settings(), "learner", []).value
    'learner'
    """
    if node_kind == NodeKind.LEARNER.value:
        return Role.LEARNER
    held = set(roster_roles)
    for entry in settings.roster_roles:
        roster_role, _, role = entry.partition("=")
        if roster_role in held:
            return Role(role)
    return None


def account_for_email(graph: Graph, settings: Settings, email: str) -> dict[str, Any]:
    """Return the account to sign in for a verified email: the one it already has, brought
    up to date if the roster made it, or a new one for the person the roster knows by it.

    Raises NotInRoster (403) when nobody in the roster has the email, when the person is
    archived (the roster no longer lists them) or their roles map to no account role.
    """
    existing = graph.read("auth/get_account", email=email)
    people = graph.read("auth/find_people_by_email", email=email, today=clock.today())
    if existing and existing[0]["a"].get("origin") != "roster":
        return dict(existing[0]["a"])  # made by hand or by invitation: kept as it is
    person = _the_person(people, email)
    role = account_role(settings, person["node_kind"], person["roles"])
    if role is None:
        roles = ", ".join(person["roles"]) or "none"
        raise NotInRoster(
            f"the roster gives {email} no role that may sign in (roles: {roles}); "
            "ask the district to add an account"
        )
    rows = graph.write(
        "auth/save_roster_account",
        uid=uuid.uuid4().hex,
        email=email,
        role=role.value,
        person_uid=person["uid"],
        org_uid=_organization(person["org_uids"]),
        now=clock.now(),
    )
    return dict(rows[0]["a"])


def _the_person(people: list[dict[str, Any]], email: str) -> dict[str, Any]:
    current = [p for p in people if not p["archived"]]
    if not current:
        raise NotInRoster(
            f"the district's roster has no one with the email {email}; ask your school to "
            "add it, or sign in with the account the school gave you"
        )
    if len(current) > 1:
        raise Conflict(
            f"the roster gives the email {email} to {len(current)} people; "
            "the district must correct the roster before it can be used to sign in"
        )
    return current[0]


def _organization(org_uids: list[str]) -> str | None:
    """Return the organization the account acts for: the one the roster places them at.

    Someone the roster places at several organizations gets none (a counselor or school
    admin then sees no learner through it) rather than one picked by guess; an admin
    sets it by hand (`lrm users update`).
    """
    return org_uids[0] if len(org_uids) == 1 else None
