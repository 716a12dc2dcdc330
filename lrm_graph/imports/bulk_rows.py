"""The rows of a bulk load (`lrm_graph.imports.bulk`): each checked as a single create checks it."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from lrm_graph.errors import InvalidInput
from lrm_graph.store.bulk_batches import RefKey
from lrm_graph.store.fields import FIELDS, Fields, SourceId
from lrm_graph.store.relationships import RelationshipChanges, Uid
from lrm_graph.vocabulary import NodeKind, RelType


class NodeRef(BaseModel):
    """One end of a relationship row: a uid, or a kind and the source_id it came with."""

    model_config = ConfigDict(extra="forbid")

    uid: Uid | None = None
    kind: NodeKind | None = None
    source_id: SourceId | None = None

    @model_validator(mode="after")
    def _one_way(self) -> NodeRef:
        by_source = (self.kind, self.source_id) != (None, None)
        half = by_source and None in (self.kind, self.source_id)
        if (self.uid is not None) == by_source or half:
            raise ValueError("give either uid, or kind and source_id")
        return self

    def key(self) -> RefKey:
        if self.uid is not None:
            return ("uid", self.uid)
        return ("source", str(self.kind), str(self.source_id))

    def not_found(self) -> str:
        if self.uid is not None:
            return f"no node with uid {self.uid!r}"
        return f"no {self.kind} with source_id {self.source_id!r}"


class RelationshipRow(RelationshipChanges):
    """One relationship row: its type, its ends, and the facts a single create takes.

    `until` (a past date) records a relationship that has ended, e.g. an old enrollment.
    """

    type: RelType
    start: NodeRef = Field(alias="from")
    end: NodeRef = Field(alias="to")
    until: date | None = None


def reason(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'row'}: {e['msg']}" for e in exc.errors()
    )


def node_fields(row: Any) -> tuple[NodeKind, Fields]:
    """Validate one node row as a create of its kind would; source_id is required.

    The node kind is `kind`, or `node_kind` when given: communities, organizations,
    resources and goals have a `kind` field of their own (club, school, ...), so their
    rows say `{"node_kind": "community", "kind": "club", ...}`, as their answers do.
    """
    if not isinstance(row, dict):
        raise InvalidInput("a node row must be an object")
    body = dict(row)
    by_node_kind = "node_kind" in body
    kind_name = body.pop("node_kind") if by_node_kind else body.pop("kind", None)
    if kind_name not in NodeKind._value2member_map_:
        kinds = ", ".join(k.value for k in NodeKind)
        raise InvalidInput(f"kind must be one of {kinds}; got {kind_name!r}")
    kind = NodeKind(kind_name)
    try:
        fields = FIELDS[kind].model_validate(body)
    except ValidationError as exc:
        hint = ""
        if not by_node_kind and "kind" in FIELDS[kind].model_fields:
            hint = f" (a {kind.value} row names its node kind as node_kind, its own as kind)"
        raise InvalidInput(reason(exc) + hint) from None
    if fields.source_id is None:
        raise InvalidInput("source_id is required in a bulk load")
    return kind, fields
