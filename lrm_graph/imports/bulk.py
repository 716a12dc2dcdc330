"""Bulk load: upsert many nodes by source_id and many relationships, in batched UNWINDs.

`POST /v1/bulk`, the demo school and importers share `load`. Each row is checked as a
single create checks it (the same field models, vocabulary pairs and screening rule); a
bad row is reported with its index and nothing of it is written, the good rows are.
Nodes are written first, so relationship rows may name nodes of the same request.
Every write is an upsert, and each batch keeps its journal: a load that fails part way
is rolled back whole (`lrm_graph.imports.journal`; `ImportRolledBack` says why), and one
whose process is killed is rolled back when the import history is next listed.
`lrm_graph.store.bulk_batches` holds the batched queries; bench/README.md has the numbers.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from lrm_graph import problem_types
from lrm_graph.access.bulk_scope import Confinement
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.errors import InvalidInput, LrmError
from lrm_graph.imports import journal as journals
from lrm_graph.imports.bulk_rows import RelationshipRow, node_fields, reason
from lrm_graph.imports.journal import Journal
from lrm_graph.privacy import tombstones
from lrm_graph.store import bulk_batches
from lrm_graph.store.bulk_batches import FactsKey, RefKey, WriteRow
from lrm_graph.store.nodes import new_uid, stored_props
from lrm_graph.store.relationships import check_ends, starts_as_proposal

# The shape a single create stores (its `properties` as one JSON string), not a copy of it.
from lrm_graph.store.relationships import stored_props as stored_relationship_props
from lrm_graph.vocabulary import SYMMETRIC, NodeKind, RelType

NodeKey = tuple[str, str]  # (node_kind, source_id)
LEARNER = NodeKind.LEARNER


class TooManyRows(InvalidInput):
    """A bulk request holds more rows than `settings.bulk_max_rows`: 413."""

    problem = problem_types.TOO_MANY_ROWS


@dataclass
class Counts:
    """Rows that created, changed (updated) and left as they were (unchanged) what they name."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, created: int, updated: int, unchanged: int) -> None:
        self.created += created
        self.updated += updated
        self.unchanged += unchanged


@dataclass(frozen=True)
class Rejection:
    section: str  # "nodes" or "relationships"
    index: int
    reason: str


@dataclass
class Skipped:
    """Rows of erased learners (`lrm_graph.privacy.tombstones`): skipped, not brought back."""

    erased_learners: int = 0
    relationships: int = 0


@dataclass
class BulkResult:
    """What a load did: counts in total, per kind and per type, and the rejected rows."""

    nodes: Counts = field(default_factory=Counts)
    relationships: Counts = field(default_factory=Counts)
    rejected: list[Rejection] = field(default_factory=list)
    skipped: Skipped = field(default_factory=Skipped)
    per_kind: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    per_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    uids: dict[NodeKey, str] = field(default_factory=dict)  # the loaded nodes' uids
    learners: set[str] = field(default_factory=set)  # learner ends of relationship rows

    def answer(self) -> dict[str, Any]:
        """Return the answer `POST /v1/bulk` gives."""
        return {
            "nodes": vars(self.nodes),
            "relationships": vars(self.relationships),
            "rejected": [vars(r) for r in sorted(self.rejected, key=_rejection_order)],
            "skipped": vars(self.skipped),
        }


def _rejection_order(rejection: Rejection) -> tuple[int, int]:
    return (0 if rejection.section == "nodes" else 1, rejection.index)


def load(
    graph: Graph,
    settings: Settings,
    nodes: list[dict],
    relationships: list[dict],
    *,
    confine: Confinement | None = None,
    before_write: Callable[[set[str]], object] | None = None,
    journal: Journal | None = None,
) -> BulkResult:
    """Upsert `nodes` by (kind, source_id), then `relationships`; report rejected rows.

    Rows of an erased learner are skipped (`result.skipped`); with `confine` (an
    organization's key, `lrm_graph.access.bulk_scope`), rows outside it are rejected.
    `before_write(learner uids)` is called before the nodes are written, with the learners
    of the node rows, and before the relationships are, with the others they touch: the
    caller records them in the audit there, so nothing is written unrecorded.

    Raise `TooManyRows` (413) beyond `settings.bulk_max_rows` rows in all. Each batch of
    `settings.bulk_batch_size` rows is one transaction, with its journal entry; the same
    load twice changes no count. When a write fails, what the load wrote is rolled back and
    `ImportRolledBack` raised; given a `journal`, the caller owns it (it rolls back or
    drops it), for a load made of several calls.
    """
    if len(nodes) + len(relationships) > settings.bulk_max_rows:
        raise TooManyRows(
            f"a bulk load takes at most {settings.bulk_max_rows} rows; this one has "
            f"{len(nodes) + len(relationships)}",
            max_rows=settings.bulk_max_rows,
        )
    size = settings.bulk_batch_size
    result = BulkResult()
    with bulk_batches.collector_paused():
        by_kind, index_of = _valid_nodes(nodes, result)
        parsed = _parsed_relationships(relationships, result)
        erased = tombstones.load(graph, settings)
        parsed = _screened(by_kind, index_of, parsed, result, erased, confine)
        record = before_write or (lambda _: None)
        kept = journal or Journal(uuid.uuid4().hex)
        try:
            record(learners := _learner_rows(graph, by_kind, size))
            _write_nodes(graph, by_kind, size, result, kept)
            if confine is not None:
                confine.written(result.uids)
            by_type = _checked_relationships(graph, parsed, size, result, confine)
            record(result.learners - learners)
            _write_relationships(graph, by_type, size, result, kept)
        except BaseException as exc:
            if journal is not None:
                raise
            raise journals.rolled_back(graph, kept.import_id, exc) from exc
        if journal is None:
            journals.drop(graph, kept.import_id)
    return result


def _learner_rows(graph: Graph, by_kind: dict[NodeKind, list[dict]], size: int) -> set[str]:
    """Return the uids the learner rows will have: a learner's own, or the row's if new."""
    rows = by_kind.get(LEARNER, [])
    keys: list[RefKey] = [("source", LEARNER.value, row["source_id"]) for row in rows]
    found = bulk_batches.resolve(graph, keys, size) if rows else {}
    return {
        found[key]["uid"] if key in found else row["uid"]
        for key, row in zip(keys, rows, strict=True)
    }


def _valid_nodes(
    rows: Sequence[Any], result: BulkResult
) -> tuple[dict[NodeKind, list[dict]], dict[NodeKey, int]]:
    """Return the rows to write per kind, and each one's index; record the rejected ones."""
    by_kind: dict[NodeKind, list[dict]] = defaultdict(list)
    first: dict[NodeKey, int] = {}
    for index, row in enumerate(rows):
        try:
            kind, fields = node_fields(row)
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
    return by_kind, first


def _screened(
    by_kind: dict[NodeKind, list[dict]],
    index_of: dict[NodeKey, int],
    parsed: list[tuple[int, RelationshipRow]],
    result: BulkResult,
    erased: tombstones.Tombstones,
    confine: Confinement | None,
) -> list[tuple[int, RelationshipRow]]:
    """Drop the node rows of erased learners (skipped) and those `confine` refuses
    (rejected); return the relationship rows that name no erased learner (the others
    are skipped)."""
    keys = [(kind.value, row["source_id"]) for kind, rows in by_kind.items() for row in rows]
    live = [key for key in keys if not (key[0] == LEARNER and erased.holds(key[1]))]
    result.skipped.erased_learners += len(keys) - len(live)
    refused = confine.nodes(live, [row for _, row in parsed]) if confine else {}
    result.rejected += [Rejection("nodes", index_of[key], why) for key, why in refused.items()]
    kept = set(live) - set(refused)
    for kind, rows in by_kind.items():
        rows[:] = [row for row in rows if (kind.value, row["source_id"]) in kept]
    named = [
        (index, row)
        for index, row in parsed
        if not any(
            ref.kind == LEARNER and erased.holds(ref.source_id) for ref in (row.start, row.end)
        )
    ]
    result.skipped.relationships += len(parsed) - len(named)
    return named


def _write_nodes(
    graph: Graph,
    by_kind: dict[NodeKind, list[dict]],
    size: int,
    result: BulkResult,
    journal: Journal,
) -> None:
    for kind, rows in by_kind.items():
        for written in bulk_batches.write_nodes(graph, kind, rows, size, journal.entry):
            created = sum(1 for w in written if w["created"])
            updated = sum(1 for w in written if w["updated"])
            for counts in (result.nodes, result.per_kind[kind.value]):
                counts.add(created, updated, len(written) - created - updated)
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
            result.rejected.append(Rejection("relationships", index, reason(exc)))
    return parsed


def _checked_relationships(
    graph: Graph,
    parsed: list[tuple[int, RelationshipRow]],
    size: int,
    result: BulkResult,
    confine: Confinement | None = None,
) -> dict[RelType, list[WriteRow]]:
    """Check each row as a single create would (and `confine`), drop duplicates; return
    rows per type."""
    keys = sorted({ref.key() for _, row in parsed for ref in (row.start, row.end)})
    ends = bulk_batches.resolve(graph, keys, size)
    if confine is not None:
        confine.prepare(ends.values())
    by_type: dict[RelType, list[WriteRow]] = defaultdict(list)
    first: dict[tuple, int] = {}
    for index, row in parsed:
        try:
            rel_type, start, end = _checked(row, ends)
            if confine is not None:
                confine.relationship(rel_type, start, end)
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
        result.learners |= {n["uid"] for n in (start, end) if n["node_kind"] == LEARNER}
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
    graph: Graph,
    by_type: dict[RelType, list[WriteRow]],
    size: int,
    result: BulkResult,
    journal: Journal,
) -> None:
    for rel_type, rows in by_type.items():
        for written in bulk_batches.write_relationships(graph, rel_type, rows, size, journal.entry):
            for counts in (result.relationships, result.per_type[rel_type.value]):
                counts.add(*written)
