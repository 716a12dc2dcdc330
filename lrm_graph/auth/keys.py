"""API keys for other systems: stored hashed, each with scopes and an organization."""

from __future__ import annotations

import uuid
from typing import Any

from lrm_graph import clock
from lrm_graph.auth.caller import Caller, Role, Scope
from lrm_graph.auth.secrets import KEY_PREFIX, digest, new_secret
from lrm_graph.db.graph import Graph
from lrm_graph.errors import InvalidInput, NotFound


def create_key(
    graph: Graph, *, name: str, scopes: list[Scope], org_uid: str | None
) -> tuple[str, dict[str, Any]]:
    """Create a key; return the secret (shown once, never stored) and the key's record."""
    name = name.strip()
    if not name or len(name) > 200:
        raise InvalidInput("a key needs a name of 1 to 200 characters")
    if not scopes:
        raise InvalidInput("a key needs at least one scope (read, write, import)")
    secret = new_secret(KEY_PREFIX)
    rows = graph.write(
        "auth/create_api_key",
        uid=uuid.uuid4().hex,
        key_hash=digest(secret),
        name=name,
        scopes=sorted({s.value for s in scopes}),
        org_uid=org_uid,
        now=clock.now(),
    )
    record = {k: v for k, v in rows[0]["k"].items() if k != "key_hash"}
    return secret, record


def list_keys(graph: Graph) -> list[dict[str, Any]]:
    return graph.read("auth/list_api_keys")


def revoke_key(graph: Graph, uid: str) -> dict[str, Any]:
    rows = graph.write("auth/revoke_api_key", uid=uid, now=clock.now())
    if not rows:
        raise NotFound(f"no API key with uid {uid!r}")
    return rows[0]


def caller_for_key(graph: Graph, secret: str) -> Caller | None:
    """Return the caller a live key stands for, or None."""
    rows = graph.read("auth/get_api_key_caller", key_hash=digest(secret))
    if not rows:
        return None
    key = rows[0]["k"]
    return Caller(
        kind="api_key",
        id=key["uid"],
        role=Role.CLIENT,
        display=key["name"],
        org_uid=key.get("org_uid"),
        scopes=frozenset(Scope(s) for s in key.get("scopes") or ()),
    )
