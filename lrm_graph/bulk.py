"""Bulk load: upsert many nodes by source_id and many relationships, in batched UNWINDs.

`POST /v1/bulk`, the demo school and importers share `load`. Each row is checked as a
single create checks it (the same field models, vocabulary pairs and screening rule); a
bad row is reported with its index and nothing of it is written, the good rows are.
Nodes are written first, so relationship rows may name nodes of the same request.
Every write is an upsert, so a load cut off halfway is mended by running it again.
`lrm_graph.bulk_batches` holds the batched queries; bench/README.md has the numbers.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from lrm_graph import bulk_batches
from lrm_graph.bulk_batches import FactsKey, RefKey, WriteRow
from lrm_graph.config import Settings
from lrm_graph.errors import InvalidInput, LrmError
from lrm_graph.graph import Graph
from lrm_graph.nodes import new_uid, stored_props
from lrm_graph.records import FIELDS, Fields, SourceId
from lrm_graph.relationships import RelationshipChanges, Uid, check_ends, starts_as_proposal

# The shape a single create stores (its `properties` as one JSON string), not a copy of it.
from lrm_graph.relationships import stored_props as stored_relationship_props
from lrm_graph.vocabulary import SYMMETRIC, NodeKind, RelType

NodeKey = tuple[str, str]  # (node_kind, source_id)


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
    `settings.bulk_batch_size` rows is one transaction; the same load twice changes no count,
    and a load cut off halfway and run again gives what one whole load gives.
    """
    if len(nodes) + len(relationships) > settings.bulk_max_rows:
        raise TooManyRows(
            f"a bulk load takes at most {settings.bulk_max_rows} rows; this one has "
            f"{len(nodes) + len(relationships)}",
            max_rows=settings.bulk_max_rows,
        )
    size = settings.bulk_batch_size
    result = BulkResult()
    with collector_paused():
        by_kind = _valid_nodes(nodes, result)
        parsed = _parsed_relationships(relationships, result)
        _write_nodes(graph, by_kind, size, result)
        by_type = _checked_relationships(graph, parsed, size, result)
        _write_relationships(graph, by_type, size, result)
    return result


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a load; restore it after.

    A load keeps several objects per row alive, and each full pass of the collector walks
    them all: those passes took three quarters of the time of checking 136,000 rows
    (2.1 s with the collector, 0.5 s without) and half of writing their nodes. Rows make no
    reference cycles; the few the driver may make are collected once the load is over.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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
        # Nulls are not sent: the query clears every field of the kind first (one map per
        # batch), then sets the given ones, which replaces the node's fields as a PUT does.
        props = {k: v for k, v in stored_props(kind, fields, replace=True).items() if v is not None}
        by_kind[kind].append({"uid": new_uid(), "source_id": key[1], "props": props})
    return by_kind


def _write_nodes(
    graph: Graph, by_kind: dict[NodeKind, list[dict]], size: int, result: BulkResult
) -> None:
    for kind, rows in by_kind.items():
        for written in bulk_batches.write_nodes(graph, kind, rows, size):
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


def _checked_relationships(
    graph: Graph, parsed: list[tuple[int, RelationshipRow]], size: int, result: BulkResult
) -> dict[RelType, list[WriteRow]]:
    """Check each row as a single create would, drop duplicates; return rows per type."""
    keys = sorted({ref.key() for _, row in parsed for ref in (row.start, row.end)})
    ends = bulk_batches.resolve(graph, keys, size)
    by_type: dict[RelType, list[WriteRow]] = defaultdict(list)
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
        proposal = starts_as_proposal(rel_type, start["node_kind"])
        by_type[rel_type].append((*pair, _facts(row), proposal))
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


def _facts(row: RelationshipRow) -> FactsKey:
    """Return what the row stores on its relationship, as a key shared by equal rows."""
    facts = row.model_dump(exclude={"type", "start", "end"}, exclude_unset=True)
    return tuple(sorted(stored_relationship_props(facts).items()))


def _write_relationships(
    graph: Graph, by_type: dict[RelType, list[WriteRow]], size: int, result: BulkResult
) -> None:
    for rel_type, rows in by_type.items():
        for created, updated in bulk_batches.write_relationships(graph, rel_type, rows, size):
            for counts in (result.relationships, result.per_type[rel_type.value]):
                counts.add(created, updated)
