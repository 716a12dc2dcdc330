"""Node repository: create, read, change, archive, erase, upsert and list nodes of a kind."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from lrm_graph import clock
from lrm_graph.db.graph import Graph
from lrm_graph.db.pages import Page, decode, page_of
from lrm_graph.errors import InvalidInput, NotFound
from lrm_graph.store import relationships
from lrm_graph.store.fields import FIELDS, Fields, display_name, required_fields
from lrm_graph.store.relationships import RelationshipFields
from lrm_graph.vocabulary import NodeKind, RelType


def new_uid() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class NodeFilter:
    grade: str | None = None
    role: str | None = None
    kind: str | None = None
    name: str | None = None
    organization: str | None = None
    include_archived: bool = False
    # What the caller may read (None: no limit); lrm_graph.access.node_checks sets these.
    visible: list[str] | None = None  # learners they see (and goals those pursue)
    people: list[str] | None = None  # adults and experts they may read
    findable: list[str] | None = None  # opted-out learners a name filter may still find


def stored_props(kind: NodeKind, fields: Fields, *, replace: bool = False) -> dict[str, Any]:
    """Return the properties to store for validated fields (all of them when replacing)."""
    props = fields.model_dump(exclude_unset=not replace, exclude={"source_id"})
    props["name"] = display_name(kind, fields.model_dump())
    return props


def create(
    graph: Graph, kind: NodeKind, fields: Fields, *, enroll_at: str | None = None
) -> dict[str, Any]:
    """Create a node of `kind`; a `source_id` already taken by that kind is a Conflict.

    `enroll_at`: an organization a new learner is enrolled at (ENROLLED_AT from today).
    """
    props = stored_props(kind, fields, replace=True)
    if fields.source_id is not None:
        props["source_id"] = fields.source_id
    rows = graph.write(
        "nodes/create_node",
        uid=new_uid(),
        node_kind=kind.value,
        label=kind.label,
        props=props,
        now=clock.now(),
    )
    if enroll_at is not None:
        enroll(graph, rows[0]["n"]["uid"], enroll_at)
    return rows[0]["n"]


def enroll(graph: Graph, learner_uid: str, org_uid: str) -> None:
    """Enroll a learner at an organization from today (checked like any relationship)."""
    fields = RelationshipFields(type=RelType.ENROLLED_AT, from_uid=learner_uid, to_uid=org_uid)
    relationships.create(graph, fields)


def get(graph: Graph, kind: NodeKind, uid: str) -> dict[str, Any]:
    """Return the node of `kind` with `uid`, or raise NotFound."""
    rows = graph.read("nodes/get_node", uid=uid, node_kind=kind.value)
    if not rows:
        raise NotFound(f"no {kind.value} with uid {uid!r}")
    return rows[0]["n"]


def update(graph: Graph, kind: NodeKind, uid: str, changes: dict[str, Any]) -> dict[str, Any]:
    """Change some fields; a None value removes an optional field."""
    cleared = sorted(k for k, v in changes.items() if v is None and k in required_fields(kind))
    if cleared:
        raise InvalidInput(f"{', '.join(cleared)} cannot be removed from a {kind.value}")
    current = get(graph, kind, uid)
    merged = {k: v for k, v in current.items() if k in FIELDS[kind].model_fields}
    merged.update(changes)
    # Validate the node as it will be, so a PATCH cannot store what a POST would refuse.
    try:
        fields = FIELDS[kind].model_validate({k: v for k, v in merged.items() if v is not None})
    except ValidationError as exc:  # a rule across fields (a cleared expert's approver)
        reasons = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
        raise InvalidInput(f"the {kind.value} would not be valid: {reasons}") from None
    props = {k: getattr(fields, k, None) for k in changes}
    props["name"] = display_name(kind, fields.model_dump())
    rows = graph.write(
        "nodes/update_node", uid=uid, node_kind=kind.value, props=props, now=clock.now()
    )
    if not rows:
        raise NotFound(f"no {kind.value} with uid {uid!r}")
    return rows[0]["n"]


def archive(graph: Graph, kind: NodeKind, uid: str) -> dict[str, Any]:
    """Archive a node and end its active relationships; its history stays."""
    rows = graph.write(
        "nodes/archive_node",
        uid=uid,
        node_kind=kind.value,
        now=clock.now(),
        today=clock.today(),
    )
    if not rows:
        raise NotFound(f"no {kind.value} with uid {uid!r}")
    return rows[0]["n"]


def erase(graph: Graph, kind: NodeKind, uid: str) -> int:
    """Remove a node, its relationships and its own goals for good; return nodes removed."""
    rows = graph.write("nodes/erase_node", uid=uid, node_kind=kind.value)
    if not rows:
        raise NotFound(f"no {kind.value} with uid {uid!r}")
    return int(rows[0]["erased"])


def upsert(
    graph: Graph,
    kind: NodeKind,
    source_id: str,
    fields: Fields,
    *,
    enroll_at: str | None = None,
) -> tuple[dict[str, Any], bool]:
    """Create or replace the node of `kind` with `source_id`; return it and whether new.

    `enroll_at`: an organization a learner is enrolled at if this creates them.
    """
    if fields.source_id not in (None, source_id):
        raise InvalidInput("source_id in the body differs from the one in the path")
    rows = graph.write(
        "nodes/upsert_node",
        uid=new_uid(),
        node_kind=kind.value,
        label=kind.label,
        source_id=source_id,
        props=stored_props(kind, fields, replace=True),
        now=clock.now(),
    )
    created = bool(rows[0]["created"])
    if created and enroll_at is not None:
        enroll(graph, rows[0]["n"]["uid"], enroll_at)
    return rows[0]["n"], created


def list_nodes(
    graph: Graph, kind: NodeKind, filters: NodeFilter, cursor: str | None, limit: int
) -> Page:
    """Return one page of nodes of `kind` in uid order."""
    rows = graph.read(
        "nodes/list_nodes",
        node_kind=kind.value,
        after=decode(cursor),
        limit=limit + 1,
        include_archived=filters.include_archived,
        grade=filters.grade,
        role=filters.role,
        kind=filters.kind,
        name=filters.name,
        organization=filters.organization,
        today=clock.today(),
        visible=filters.visible,
        people=filters.people,
        findable=filters.findable,
    )
    return page_of([row["n"] for row in rows], limit)


def find_by_source(graph: Graph, kind: NodeKind, source_ids: list[str]) -> dict[str, str]:
    """Return {source_id: uid} of the nodes of `kind` known by these source_ids."""
    rows = graph.read("nodes/find_by_source", node_kind=kind.value, source_ids=source_ids)
    return {row["source_id"]: row["uid"] for row in rows}
