"""Relationship repository: create (checked against the vocabulary), read, list, change, end.

A relationship's uid is `<start node uid>.<random>`: the start node's uid is indexed, so
a relationship is found by one index seek and one expand, whatever its type.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from lrm_graph import clock
from lrm_graph.db.graph import Graph
from lrm_graph.db.pages import Page, decode, page_of
from lrm_graph.errors import (
    Conflict,
    DuplicateActiveRelationship,
    InvalidInput,
    NodeArchived,
    NotFound,
    SameNode,
    ScreeningRequired,
)
from lrm_graph.vocabulary import (
    SCREENED_TYPES,
    SYMMETRIC,
    MemberRole,
    NodeKind,
    RelType,
    ScreeningStatus,
    Source,
    check_pair,
)

Uid = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=128)]
PropertyKey = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_]{0,63}$")]
PropertyValue = Annotated[str, StringConstraints(max_length=1000)] | int | float | bool | None
MAX_PROPERTIES = 32


class RelationshipChanges(BaseModel):
    """What may change on a relationship after it is made."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)

    since: date | None = None
    strength: int | None = Field(default=None, ge=1, le=5)
    source: Source | None = None
    role: MemberRole | None = None
    last_interaction_at: datetime | None = None
    properties: dict[PropertyKey, PropertyValue] | None = None

    @field_validator("properties")
    @classmethod
    def _few_properties(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        if value is not None and len(value) > MAX_PROPERTIES:
            raise ValueError(f"at most {MAX_PROPERTIES} properties")
        return value


class RelationshipFields(RelationshipChanges):
    """A new relationship: its type, its two ends, and the optional facts about it."""

    type: RelType
    from_uid: Uid
    to_uid: Uid
    source: Source | None = Source.API


def stored_props(changes: dict[str, Any]) -> dict[str, Any]:
    """Return a relationship's facts as stored (its free-form properties as JSON)."""
    props = dict(changes)
    if "properties" in props:
        extra = props.pop("properties")
        props["properties_json"] = json.dumps(extra, sort_keys=True) if extra else None
    return props


def read_props(stored: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split a relationship's stored properties into its own facts and those read from
    them: its free-form `properties` (decoded) and whether it is `active` today."""
    facts = dict(stored)
    extra = facts.pop("properties_json", None)
    until = facts.get("until")
    derived = {
        "properties": json.loads(extra) if extra else {},
        "active": until is None or until > clock.today(),
    }
    return facts, derived


def _answer(row: dict[str, Any]) -> dict[str, Any]:
    """Shape a query row (r, type, ends) as the relationship the API returns."""
    facts, derived = read_props(row["r"])
    return {
        **facts,
        "type": row["type"],
        "from_uid": row["from_uid"],
        "to_uid": row["to_uid"],
        "from_kind": row["from_kind"],
        "to_kind": row["to_kind"],
        **derived,
    }


def is_screened(node: dict[str, Any], on: date) -> bool:
    """Say whether an expert's screening is cleared and not expired on `on`.

    The Python twin, for a node already read, of the rule every query splices in
    (cypher/fragments/screened.cypher); tests/records/test_screened.py holds them equal.
    A clearance with no `screening_expires_on` (stored before expiries were required)
    never counts: nobody said how long it holds, so it holds for no day.
    """
    expires = node.get("screening_expires_on")
    return (
        node.get("screening_status") == ScreeningStatus.CLEARED
        and expires is not None
        and expires >= on
    )


def read_ends(graph: Graph, from_uid: str, to_uid: str) -> dict[str, dict[str, Any]]:
    """Return {uid: what a write needs to know of that node} of the two ends that exist."""
    return {r["uid"]: r for r in graph.read("relationships/get_endpoints", uids=[from_uid, to_uid])}


def _endpoints(
    graph: Graph, from_uid: str, to_uid: str, ends: dict[str, dict[str, Any]] | None
) -> tuple[dict, dict]:
    rows = read_ends(graph, from_uid, to_uid) if ends is None else ends
    missing = [uid for uid in (from_uid, to_uid) if uid not in rows]
    if missing:
        raise NotFound(f"no node with uid {missing[0]!r}", missing=missing)
    return rows[from_uid], rows[to_uid]


def check_ends(rel_type: RelType, start: dict[str, Any], end: dict[str, Any]) -> None:
    """Check a relationship's ends against the vocabulary and the safeguarding rules."""
    if start["uid"] == end["uid"]:
        raise SameNode("a relationship needs two different nodes")
    check_pair(rel_type, NodeKind(start["node_kind"]), NodeKind(end["node_kind"]))
    archived = [n["uid"] for n in (start, end) if n["archived"]]
    if archived:
        raise NodeArchived(f"node {archived[0]!r} is archived; it takes no new relationships")
    kinds = {start["node_kind"], end["node_kind"]}
    if kinds == {NodeKind.EXPERT.value, NodeKind.LEARNER.value}:
        expert = start if start["node_kind"] == NodeKind.EXPERT.value else end
        if not is_screened(expert, clock.today()):
            raise ScreeningRequired(
                "an expert may be linked to a learner only while screened and cleared; "
                f"expert {expert['uid']!r} is {expert.get('screening_status') or 'not screened'}"
            )


def starts_as_proposal(rel_type: RelType, start_kind: str) -> bool:
    """Say whether a new relationship is only a proposed connection: an outside adult
    never reaches a learner directly; staff approve and a guardian consents first
    (/v1/connections). Single creates and bulk rows both ask here."""
    return rel_type in SCREENED_TYPES and start_kind == NodeKind.EXPERT.value


def create(
    graph: Graph, fields: RelationshipFields, ends: dict[str, dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Create a relationship; 404 for an unknown node, 422 for a wrong pair, 409 for a twin.

    `ends`: the ends as `read_ends` gave them, when the caller read them already."""
    rel_type = RelType(fields.type)
    start, end = _endpoints(graph, fields.from_uid, fields.to_uid, ends)
    check_ends(rel_type, start, end)
    props = stored_props(
        fields.model_dump(exclude={"type", "from_uid", "to_uid"}, exclude_none=True)
    )
    # A relationship begins when it is put on record unless the caller says otherwise;
    # without a start, reports could not tell a new relationship from a quiet one.
    props.setdefault("since", clock.today())
    if starts_as_proposal(rel_type, start["node_kind"]):
        props |= {"connection_status": "proposed", "proposed_at": clock.now()}
    rows = graph.write(
        "relationships/create_relationship",
        from_uid=fields.from_uid,
        to_uid=fields.to_uid,
        type=rel_type.value,
        symmetric=rel_type in SYMMETRIC,
        uid=f"{fields.from_uid}.{secrets.token_hex(8)}",
        props=props,
        now=clock.now(),
        today=clock.today(),
    )
    if not rows:
        raise NotFound("one of the nodes was removed meanwhile")
    if rows[0]["uid"] is None:
        raise DuplicateActiveRelationship(
            f"an active {rel_type.value} already joins these nodes",
            existing_uid=rows[0]["existing"],
        )
    return get(graph, rows[0]["uid"])


def _start_uid(uid: str) -> str:
    start, dot, rest = uid.partition(".")
    if not dot or not start or not rest:
        raise NotFound(f"no relationship with uid {uid!r}")
    return start


def get(graph: Graph, uid: str) -> dict[str, Any]:
    """Return one relationship by uid, or raise NotFound."""
    rows = graph.read("relationships/get_relationship", from_uid=_start_uid(uid), uid=uid)
    if not rows:
        raise NotFound(f"no relationship with uid {uid!r}")
    return _answer(rows[0])


def update(
    graph: Graph, uid: str, changes: RelationshipChanges, current: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Change an active relationship's facts; an ended one is history and stays as it is.

    `current`: the relationship as `get` gave it, when the caller read it already."""
    if not (current or get(graph, uid))["active"]:
        raise Conflict("this relationship has ended; its history cannot change")
    props = stored_props(changes.model_dump(exclude_unset=True))
    if not props:
        raise InvalidInput("the body names no field to change")
    rows = graph.write(
        "relationships/update_relationship",
        from_uid=_start_uid(uid),
        uid=uid,
        props=props,
        now=clock.now(),
    )
    return _answer(rows[0])


def end(
    graph: Graph,
    uid: str,
    until: date | None,
    reason: str | None,
    current: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """End a relationship on `until` (default today); it stays on record (`current`: as
    `get` gave it, when the caller read it already)."""
    current = current or get(graph, uid)
    if not current["active"]:
        raise Conflict(f"this relationship ended already, on {current['until']}")
    until = until or clock.today()
    since = current.get("since")
    if isinstance(since, date) and until < since:
        raise InvalidInput(f"until ({until}) is before since ({since})")
    rows = graph.write(
        "relationships/update_relationship",
        from_uid=_start_uid(uid),
        uid=uid,
        props={"until": until, "ended_reason": reason},
        now=clock.now(),
    )
    return _answer(rows[0])


@dataclass(frozen=True)
class ListScope:
    """What a list of relationships may hold for one caller (lrm_graph.access.relationship_checks
    decides it; None: no limit)."""

    visible: dict[str, str] | None = None  # learners they see, with the purpose
    people: list[str] | None = None  # adults and experts they may read
    hidden_kinds: tuple[str, ...] = ()  # kinds they may not read at all
    goal_learners: list[str] | None = None  # goals pursued by these (or nobody) they read

    def params(self) -> dict[str, Any]:
        return {
            "visible": None if self.visible is None else sorted(self.visible),
            "people": self.people,
            "hidden_kinds": list(self.hidden_kinds),
            "goal_learners": self.goal_learners,
        }


def list_relationships(
    graph: Graph,
    *,
    node: str | None,
    rel_type: RelType | None,
    active: bool | None,
    cursor: str | None,
    limit: int,
    scope: ListScope | None = None,
) -> Page:
    """Return one page of relationships, of one node when `node` is given, of those `scope`
    lets the caller read (filtered in the query: every page is full, its cursor right)."""
    params = {
        **(scope or ListScope()).params(),
        "type": rel_type.value if rel_type else None,
        "active": active,
        "after": decode(cursor),
        "limit": limit + 1,
        "today": clock.today(),
    }
    if node is None:
        rows = graph.read("relationships/list_all", **params)
    else:
        rows = graph.read("relationships/list_for_node", node=node, **params)
    return page_of([_answer(row) for row in rows], limit)
