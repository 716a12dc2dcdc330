"""`lrm users ...`, `lrm keys ...` and `lrm audit`: who may sign in, and what they saw."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table

from cli import operator_audit
from cli.app import LrmCommands, Wide, console, current_settings, open_graph, say
from lrm_graph import tabular
from lrm_graph.access import audit
from lrm_graph.auth import accounts, keys
from lrm_graph.auth.caller import Role, Scope
from lrm_graph.db import schema
from lrm_graph.db.graph import Graph
from lrm_graph.errors import InvalidInput

users_app = typer.Typer(name="users", cls=LrmCommands, no_args_is_help=True,
                        help="Accounts of people who sign in.")  # fmt: skip
keys_app = typer.Typer(name="keys", cls=LrmCommands, no_args_is_help=True,
                       help="API keys of other systems (SIS, LMS, scripts).")  # fmt: skip


def register(app: typer.Typer) -> None:
    """Add `lrm users` and `lrm keys` to the command line."""
    app.add_typer(users_app, name="users")
    app.add_typer(keys_app, name="keys")
    app.command("audit")(audit_log)


def _graph() -> Graph:
    graph = open_graph(current_settings())
    schema.apply(graph)
    return graph


def _password() -> str:
    """Read the password: a hidden prompt on a terminal, else one line of stdin."""
    if sys.stdin.isatty():
        return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))
    line = sys.stdin.readline().rstrip("\n")
    if not line:
        raise InvalidInput("no password on stdin")
    return line


@users_app.command("create")
def users_create(
    email: Annotated[str, typer.Option(help="The sign-in name.")],
    role: Annotated[Role, typer.Option(help="What the account may see and do.")],
    person_uid: Annotated[str | None, typer.Option(help="The person node it is.")] = None,
    org: Annotated[str | None, typer.Option(help="Its organization's uid.")] = None,
) -> None:
    """Create an account; the password comes from a prompt or from stdin."""
    if role is Role.CLIENT:
        raise InvalidInput("systems get API keys (`lrm keys create`), not accounts")
    password = _password()
    graph = _graph()
    try:
        made = accounts.create_user(
            graph, email=email, role=role, password=password, person_uid=person_uid, org_uid=org
        )
    finally:
        graph.close()
    say(f"created {made['role']} account {made['email']} ({made['uid']})")


@users_app.command("update")
def users_update(
    email: Annotated[str, typer.Argument(help="The account's email.")],
    role: Annotated[Role | None, typer.Option(help="Its new role.")] = None,
    person_uid: Annotated[str | None, typer.Option(help="The person node it is.")] = None,
    org: Annotated[str | None, typer.Option(help="Its organization's uid.")] = None,
) -> None:
    """Change an account (one made from the roster too: the change then stays)."""
    if role is Role.CLIENT:
        raise InvalidInput("systems get API keys (`lrm keys create`), not accounts")
    graph = _graph()
    try:
        made = accounts.update_user(graph, email, role=role, person_uid=person_uid, org_uid=org)
    finally:
        graph.close()
    say(f"updated {made['email']}: {made['role']}, organization {made.get('org_uid') or 'none'}")


@users_app.command("list")
def users_list() -> None:
    """List the accounts."""
    graph = _graph()
    try:
        rows = accounts.list_users(graph)
    finally:
        graph.close()
    table = Table("email", "role", "person", "organization", "disabled")
    for row in rows:
        table.add_row(row["email"], row["role"], row["person_uid"] or "", row["org_uid"] or "",
                      "yes" if row["disabled"] else "")  # fmt: skip
    console.print(table)


@users_app.command("disable")
def users_disable(email: Annotated[str, typer.Argument(help="The account's email.")]) -> None:
    """Disable an account; its tokens stop working at once."""
    graph = _graph()
    try:
        accounts.set_disabled(graph, email, True)
    finally:
        graph.close()
    say(f"disabled {email.strip().lower()}")


@keys_app.command("create")
def keys_create(
    name: Annotated[str, typer.Option(help="What the key is for, e.g. 'nightly SIS sync'.")],
    scope: Annotated[list[Scope], typer.Option(help="read, write, import (repeatable).")],
    org: Annotated[
        str | None, typer.Option(help="Its organization's uid (none: district).")
    ] = None,
) -> None:
    """Create an API key; its secret is printed once and never stored."""
    graph = _graph()
    try:
        secret, record = keys.create_key(graph, name=name, scopes=scope, org_uid=org)
    finally:
        graph.close()
    say(f"created API key {record['uid']} ({', '.join(record['scopes'])})")
    say(f"secret (shown once): {secret}")


@keys_app.command("list")
def keys_list() -> None:
    """List the API keys (never their secrets)."""
    graph = _graph()
    try:
        rows = keys.list_keys(graph)
    finally:
        graph.close()
    table = Table("uid", "name", "scopes", "organization", "revoked")
    for row in rows:
        revoked = str(row["revoked_at"]) if row["revoked_at"] else ""
        table.add_row(row["uid"], row["name"], ",".join(row["scopes"] or []),
                      row["org_uid"] or "", revoked)  # fmt: skip
    console.print(table)


@keys_app.command("revoke")
def keys_revoke(uid: Annotated[str, typer.Argument(help="The key's uid.")]) -> None:
    """Revoke an API key; it stops working on the very next request."""
    graph = _graph()
    try:
        keys.revoke_key(graph, uid)
    finally:
        graph.close()
    say(f"revoked API key {uid}")


def audit_log(
    learner: Annotated[str | None, typer.Option(help="Only entries about this learner.")] = None,
    actor: Annotated[str | None, typer.Option(help="Only entries by this account/key uid.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=100_000, help="How many entries.")] = 100,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    wide: Wide = False,
) -> None:
    """Show the audit log, newest first: who read or wrote which learner's data. Reading it
    is recorded too (as cli:<user>), as GET /v1/audit records it."""
    graph = _graph()
    try:
        page = audit.read_log(
            graph, operator_audit.request("lrm audit"), learner_uid=learner, actor_id=actor,
            limit=limit,
        )  # fmt: skip
    finally:
        graph.close()
    typer.echo(tabular.render(page.items, fmt, list(audit.COLUMNS), wide=wide), nl=False)
