"""Bulk load: upsert many nodes by source_id and many relationships, in batched UNWINDs.

`POST /v1/bulk`, the demo school and importers share `load`. Each row is checked as a
single create checks it (the same field models, vocabulary pairs and screening rule); a
bad row is reported with its index and nothing of it is written, the good rows are.
Nodes are written first, so relationship rows may name nodes of the same request.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from lrm_graph import clock
from lrm_graph.config import Settings
from lrm_graph.errors import InvalidInput, LrmError
from lrm_graph.graph import Graph
from lrm_graph.nodes import new_uid, stored_props
from lrm_graph.records import FIELDS, Fields, SourceId
from lrm_graph.relationships import RelationshipChanges, Uid, check_ends

# The shape a single create stores (its `properties` as one JSON string), not a copy of it.
from lrm_graph.relationships import stored_props as stored_relationship_props
from lrm_graph.vocabulary import SYMMETRIC, NodeKind, RelType, Source

NodeKey = tuple[str, str]  # (node_kind, source_id)
RefKey = tuple[str, ...]  # ("uid", uid) or ("source", node_kind, source_id)


class TooManyRows(InvalidInput):
    """A bulk request holds more rows than `settings.bulk_max_rows`: 413."""

    status = 413
    title = "Too many rows"


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


@dataclass
class Counts:
    created: int = 0
    updated: int = 0

    def add(self, created: int, updated: int) -> None:
        self.created += created
        self.updated += updated


@dataclass(frozen=True)
class Rejection:
    section: str  # "nodes" or "relationships"
    index: int
    reason: str


@dataclass
class BulkResult:
    """What a load did: counts in total, per kind and per type, and the rejected rows."""

    nodes: Counts = field(default_factory=Counts)
    relationships: Counts = field(default_factory=Counts)
    rejected: list[Rejection] = field(default_factory=list)
    per_kind: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    per_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    uids: dict[NodeKey, str] = field(default_factory=dict)  # the loaded nodes' uids

    def answer(self) -> dict[str, Any]:
        """Return the answer `POST /v1/bulk` gives."""
        return {
            "nodes": vars(self.nodes),
            "relationships": vars(self.relationships),
            "rejected": [vars(r) for r in sorted(self.rejected, key=_rejection_order)],
        }


def _rejection_order(rejection: Rejection) -> tuple[int, int]:
    return (0 if rejection.section == "nodes" else 1, rejection.index)


def load(
    graph: Graph, settings: Settings, nodes: list[dict], relationships: list[dict]
) -> BulkResult:
    """Upsert `nodes` by (kind, source_id), then `relationships`; report rejected rows.

    Raise `TooManyRows` (413) beyond `settings.bulk_max_rows` rows in all. Each batch of
    `settings.bulk_batch_size` rows is one transaction; the same load twice changes no count.
    """
    if len(nodes) + len(relationships) > settings.bulk_max_rows:
        raise TooManyRows(
            f"a bulk load takes at most {settings.bulk_max_rows} rows; this one has "
            f"{len(nodes) + len(relationships)}",
            max_rows=settings.bulk_max_rows,
        )
    result = BulkResult()
    by_kind = _valid_nodes(nodes, result)
    parsed = _parsed_relationships(relationships, result)
    _write_nodes(graph, by_kind, settings.bulk_batch_size, result)
    by_type = _checked_relationships(graph, parsed, result)
    _write_relationships(graph, by_type, settings.bulk_batch_size, result)
    return result


def _reason(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'row'}: {e['msg']}" for e in exc.errors()
    )


def _node_fields(row: Any) -> tuple[NodeKind, Fields]:
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
        raise InvalidInput(_reason(exc) + hint) from None
    if fields.source_id is None:
        raise InvalidInput("source_id is required in a bulk load")
    return kind, fields


def _valid_nodes(rows: Sequence[Any], result: BulkResult) -> dict[NodeKind, list[dict]]:
    """Return the rows to write per kind; record the rejected ones in `result`."""
    by_kind: dict[NodeKind, list[dict]] = defaultdict(list)
    first: dict[NodeKey, int] = {}
    for index, row in enumerate(rows):
        try:
            kind, fields = _node_fields(row)
        except LrmError as exc:
            result.rejected.append(Rejection("nodes", index, exc.detail))
            continue
        key = (kind.value, str(fields.source_id))
        if key in first:
            reason = f"duplicates nodes[{first[key]}] (same kind and source_id)"
            result.rejected.append(Rejection("nodes", index, reason))
            continue
        first[key] = index
        props = stored_props(kind, fields, replace=True)
        by_kind[kind].append({"uid": new_uid(), "source_id": key[1], "props": props})
    return by_kind


def _batches(rows: list[dict], size: int) -> Iterator[list[dict]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _write_nodes(
    graph: Graph, by_kind: dict[NodeKind, list[dict]], size: int, result: BulkResult
) -> None:
    for kind, rows in by_kind.items():
        for batch in _batches(rows, size):
            written = graph.write(
                "bulk/upsert_nodes",
                rows=batch,
                node_kind=kind.value,
                label=kind.label,
                now=clock.now(),
            )
            created = sum(1 for w in written if w["created"])
            for counts in (result.nodes, result.per_kind[kind.value]):
                counts.add(created, len(written) - created)
            result.uids.update({(kind.value, w["source_id"]): w["uid"] for w in written})


def _parsed_relationships(
    rows: Sequence[Any], result: BulkResult
) -> list[tuple[int, RelationshipRow]]:
    """Validate each row's shape and fields; record the rejected ones in `result`."""
    parsed = []
    for index, row in enumerate(rows):
        try:
            parsed.append((index, RelationshipRow.model_validate(row)))
        except ValidationError as exc:
            result.rejected.append(Rejection("relationships", index, _reason(exc)))
    return parsed


def _resolve(graph: Graph, parsed: list[tuple[int, RelationshipRow]]) -> dict[RefKey, dict]:
    """Look every node the rows name up in one read; return them by reference."""
    keys = sorted({ref.key() for _, row in parsed for ref in (row.start, row.end)})
    refs = [
        {
            "key": i,
            "uid": key[1] if key[0] == "uid" else None,
            "node_kind": key[1] if key[0] == "source" else None,
            "source_id": key[2] if key[0] == "source" else None,
        }
        for i, key in enumerate(keys)
    ]
    found = graph.read("bulk/resolve_references", refs=refs) if refs else []
    return {keys[row["key"]]: row for row in found}


def _checked_relationships(
    graph: Graph, parsed: list[tuple[int, RelationshipRow]], result: BulkResult
) -> dict[RelType, list[dict]]:
    """Check each row as a single create would, drop duplicates; return rows per type."""
    ends = _resolve(graph, parsed)
    by_type: dict[RelType, list[dict]] = defaultdict(list)
    first: dict[tuple, int] = {}
    for index, row in parsed:
        try:
            rel_type, start, end = _checked(row, ends)
        except LrmError as exc:
            result.rejected.append(Rejection("relationships", index, exc.detail))
            continue
        pair = (start["uid"], end["uid"])
        key = (rel_type, *(sorted(pair) if rel_type in SYMMETRIC else pair))
        if key in first:
            reason = f"duplicates relationships[{first[key]}] (same type and nodes)"
            result.rejected.append(Rejection("relationships", index, reason))
            continue
        first[key] = index
        by_type[rel_type].append(_write_row(row, start["uid"], end["uid"]))
    return by_type


def _checked(row: RelationshipRow, ends: dict[RefKey, dict]) -> tuple[RelType, dict, dict]:
    missing = [ref.not_found() for ref in (row.start, row.end) if ref.key() not in ends]
    if missing:
        raise InvalidInput("; ".join(missing))
    rel_type = RelType(row.type)
    start, end = ends[row.start.key()], ends[row.end.key()]
    check_ends(rel_type, start, end)
    if row.until is not None and row.since is not None and row.until < row.since:
        raise InvalidInput(f"until ({row.until}) is before since ({row.since})")
    return rel_type, start, end


def _write_row(row: RelationshipRow, from_uid: str, to_uid: str) -> dict[str, Any]:
    facts = row.model_dump(exclude={"type", "start", "end"}, exclude_unset=True)
    return {
        "from_uid": from_uid,
        "to_uid": to_uid,
        "uid": f"{from_uid}.{secrets.token_hex(8)}",
        "until": row.until,
        "props": stored_relationship_props(facts),
        # Set only when the row creates a relationship (see relationships.create).
        "defaults": {"source": Source.API.value, "since": clock.today()},
    }


def _write_relationships(
    graph: Graph, by_type: dict[RelType, list[dict]], size: int, result: BulkResult
) -> None:
    for rel_type, rows in by_type.items():
        for batch in _batches(rows, size):
            written = graph.write(
                "bulk/upsert_relationships",
                rows=batch,
                type=rel_type.value,
                symmetric=rel_type in SYMMETRIC,
                now=clock.now(),
                today=clock.today(),
            )[0]
            for counts in (result.relationships, result.per_type[rel_type.value]):
                counts.add(written["created"], written["updated"])
