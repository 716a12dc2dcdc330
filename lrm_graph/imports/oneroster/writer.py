"""The write step of a OneRoster import: batched UNWIND upserts, then what the set removes.

Node rows are always written before relationship rows (a relationship's ends must
exist), each batch in its own transaction, which also keeps the batch's journal (what
undoes it: `lrm_graph.imports.journal`) unless the writer is told to keep none. Removals
come last: rows a delta marks tobedeleted, then, for each file given in bulk, what that
file no longer lists.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lrm_graph import clock
from lrm_graph.db.graph import Graph
from lrm_graph.imports.bulk import Counts
from lrm_graph.imports.journal import Journal
from lrm_graph.privacy.tombstones import Tombstones
from lrm_graph.store.nodes import new_uid
from lrm_graph.vocabulary import NodeKind, RelType

Progress = Callable[[int], None]  # rows done since the last call
End = tuple[str, str]  # (node kind, source_id)
PERSON_KINDS = ("learner", "adult")


@dataclass
class Tally:
    """What an import did, by node kind and relationship type."""

    nodes: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    relationships: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    ended: int = 0  # relationships ended because the roster no longer has them
    archived: int = 0  # nodes archived because the roster no longer has them
    skipped: int = 0  # relationship rows whose nodes are archived
    erased_learners: int = 0  # user rows of learners who were erased: not brought back
    erased_relationships: int = 0  # rows that link an erased learner

    def as_dict(self) -> dict[str, Any]:
        def total(parts: dict[str, Counts]) -> dict[str, int]:
            return {name: sum(getattr(c, name) for c in parts.values()) for name in vars(Counts())}

        return {
            "nodes": total(self.nodes),
            "relationships": total(self.relationships),
            "ended": self.ended,
            "archived": self.archived,
            "skipped": self.skipped,
            "skipped_erased": {
                "learners": self.erased_learners,
                "relationships": self.erased_relationships,
            },
            "per_kind": {kind: vars(c) for kind, c in sorted(self.nodes.items())},
            "per_type": {rel: vars(c) for rel, c in sorted(self.relationships.items())},
        }


class Writer:
    """Buffer rows per kind and type; write them in batches, nodes first."""

    def __init__(
        self,
        graph: Graph,
        import_id: str,
        batch: int,
        erased: Tombstones | None = None,
        *,
        journal: bool = True,
    ) -> None:
        self.graph, self.import_id, self.batch = graph, import_id, batch
        self.journal = Journal(import_id) if journal else None
        self.erased = erased or Tombstones()
        self.today, self.now = clock.today(), clock.now()
        self.tally = Tally()
        self._nodes: dict[tuple[str, str], list[dict]] = defaultdict(list)
        self._relationships: dict[tuple[str, str], list[dict]] = defaultdict(list)
        self._retired_nodes: list[dict] = []
        self._retired_relationships: list[dict] = []
        self._enrollments: list[dict] = []

    def node(
        self, kind: str, file: str, source_id: str, props: dict, roles: list | None = None
    ) -> None:
        """Add a node row (props without nulls; roles only for adults whose roles are known);
        an erased learner's is skipped."""
        if kind == "learner" and self.erased.holds(source_id):
            self.tally.erased_learners += 1
            return
        row = {"uid": new_uid(), "source_id": source_id, "props": props, "roster_roles": roles}
        rows = self._nodes[(kind, file)]
        rows.append(row)
        if len(rows) >= self.batch:
            self._write_nodes(kind, file, rows)

    def relationship(
        self, rel_type: str, file: str, start: End, end: End, roster_id: str, props: dict
    ) -> None:
        """Add a relationship row (its ends are written before it); one that links an
        erased learner is skipped."""
        if any(kind == "learner" and self.erased.holds(sid) for kind, sid in (start, end)):
            self.tally.erased_relationships += 1
            return
        row = {
            "from_kind": start[0], "from_id": start[1], "to_kind": end[0], "to_id": end[1],
            "roster_id": roster_id, "suffix": secrets.token_hex(8), "props": props,
        }  # fmt: skip
        rows = self._relationships[(rel_type, file)]
        rows.append(row)
        if len(rows) >= self.batch:
            self.flush_nodes()
            self._write_relationships(rel_type, file, rows)

    def retire_node(self, source_id: str, kinds: tuple[str, ...]) -> None:
        """Archive a node a delta marks tobedeleted (at the end of the import)."""
        self._retired_nodes.append({"node_kinds": list(kinds), "source_id": source_id})

    def retire_relationship(self, source_id: str, kinds: tuple[str, ...], roster_id: str) -> None:
        """End a relationship a delta marks tobedeleted (at the end of the import)."""
        row = {"node_kinds": list(kinds), "source_id": source_id, "roster_id": roster_id}
        self._retired_relationships.append(row)

    def follow_enrollment(self, rel_type: str, user: str, class_id: str, roster_id: str) -> None:
        """Note an enrollment row of a delta: at the end of the import, a link its sourcedId
        made to another class, user or role ends (it moved)."""
        row = {"roster_id": roster_id, "type": rel_type, "from_id": user, "to_id": class_id}
        self._enrollments.append(row)

    def entry(self) -> dict[str, Any] | None:
        """Return the next batch's journal entry (None when the writer keeps no journal)."""
        return self.journal.entry() if self.journal else None

    def flush_nodes(self) -> None:
        for (kind, file), rows in self._nodes.items():
            if rows:
                self._write_nodes(kind, file, rows)

    def flush(self) -> None:
        """Write every buffered row, nodes first."""
        self.flush_nodes()
        for (rel_type, file), rows in self._relationships.items():
            if rows:
                self._write_relationships(rel_type, file, rows)

    def _write_nodes(self, kind: str, file: str, rows: list[dict]) -> None:
        node_kind = NodeKind(kind)
        written = self.graph.write(
            "imports/upsert_roster_nodes",
            rows=rows,
            node_kind=node_kind.value,
            label=node_kind.label,
            person=node_kind.is_person,
            file=file,
            import_id=self.import_id,
            now=self.now,
            journal=self.entry(),
        )[0]
        created, updated = written["created"], written["updated"]
        self.tally.nodes[kind].add(created, updated, len(rows) - created - updated)
        rows.clear()

    def _write_relationships(self, rel_type: str, file: str, rows: list[dict]) -> None:
        written = self.graph.write(
            "imports/upsert_roster_relationships",
            rows=rows,
            type=RelType(rel_type).value,
            file=file,
            import_id=self.import_id,
            now=self.now,
            today=self.today,
            journal=self.entry(),
        )[0]
        created, updated = written["created"], written["updated"]
        unchanged = written["rows"] - created - updated
        self.tally.relationships[rel_type].add(created, updated, unchanged)
        self.tally.skipped += len(rows) - written["rows"]
        rows.clear()

    def finish(self, bulk_node_files: list[str], bulk_files: list[str]) -> None:
        """Write what is left, then remove what the set removes."""
        self.flush()
        params = {"import_id": self.import_id, "today": self.today, "now": self.now}
        for part in _chunks(self._retired_relationships, self.batch):
            found = self.graph.write(
                "imports/end_roster_relationships", rows=part, journal=self.entry(), **params
            )
            self.tally.ended += found[0]["ended"]
        for part in _chunks(self._enrollments, self.batch):
            moved = self.graph.write(
                "imports/end_moved_enrollments",
                rows=part, today=self.today, now=self.now, journal=self.entry(),
            )  # fmt: skip
            self.tally.ended += moved[0]["ended"]
        for part in _chunks(self._retired_nodes, self.batch):
            done = self.graph.write(
                "imports/archive_roster_nodes",
                rows=part, today=self.today, now=self.now, journal=self.entry(),
            )  # fmt: skip
            self.tally.archived += done[0]["archived"]
            self.tally.ended += done[0]["ended"]
        self._remove_unseen(bulk_node_files, bulk_files, params)

    def _remove_unseen(self, node_files: list[str], files: list[str], params: dict) -> None:
        """After bulk files: archive the nodes and end the relationships they no longer list."""
        while node_files:
            done = self.graph.write(
                "imports/archive_unseen_nodes",
                files=node_files, limit=self.batch, journal=self.entry(), **params,
            )[0]  # fmt: skip
            self.tally.archived += done["archived"]
            self.tally.ended += done["ended"]
            if done["archived"] < self.batch:
                break
        after = ""
        while files:
            page = self.graph.write(
                "imports/end_unseen_relationships",
                files=files, after=after, nodes=self.batch, journal=self.entry(), **params,
            )[0]  # fmt: skip
            self.tally.ended += page["ended"]
            if page["nodes"] < self.batch:
                break
            after = page["last"]


def _chunks(rows: list[dict], size: int) -> list[list[dict]]:
    return [rows[start : start + size] for start in range(0, len(rows), size)]


def dates(since: date | None, until: date | None) -> dict[str, date | None]:
    """Return a relationship's roster dates (a None removes a date set before)."""
    return {"since": since, "until": until}
