"""OneRoster CSV import (versions 1.1 and 1.2, bulk and delta): every problem reported,
every valid row applied.

`run(graph, settings, path)` reads a set from a directory or a zip archive in two
passes. The first checks every file completely (columns, values, dates, duplicate
sourcedIds, roles, references across files and, for a delta, to earlier imports) and
builds the report (`problems`): each problem with its file, line, column, code, value
and severity. Rows with errors are skipped, and so are the rows that depend on them.
The set is refused whole (`RosterRejected`, nothing written) when a problem leaves
nothing to import, when `strict` and there is any error, or when a file would skip more
than `max_skipped` percent of its rows. The second pass writes the rows that stand, in
batches (see `mapping` for what becomes what, `writer` for how), and returns the counts
with the report. `check_only` stops after the first pass. Each batch commits on its own
(one transaction for the whole set was measured far slower: bench/atomic_import.py) with
its journal: when the write fails part way, whatever the cause, the batches written are
rolled back, newest first (`lrm_graph.imports.journal`), and `ImportRolledBack` says why;
nothing is left half-written. A process killed part way leaves its journal: the import is
rolled back when the history is next listed or the service starts (`history.reap`).

Bulk and delta: for a file given in bulk, roster nodes it no longer lists are archived
and roster relationships it no longer lists end today; in a delta, rows with status
tobedeleted do the same, and the delta's rows that point at them are taken out. Only
what the roster made is touched (relationships with source "imported"), with one rule
from archiving: a person, class or org archived because the roster dropped it has every
active relationship ended, mentoring included, as `DELETE /v1/<kind>/<uid>` does. A
learner who only dropped a class keeps everything else. A node the roster lists is not
archived (the roster is the record of who is enrolled); one it brings back gets new
roster relationships, its ended ones stay history. Importing the same set again changes
nothing.

An erased learner stays erased: their users.csv row and every row that links them are
skipped (counted in `skipped_erased`), and a reference to them is no problem.

Delta limits: GUARDIAN_OF links end only when a guardian or learner is deleted (a
delta's agentSourcedIds add links, never remove them); a new class in a delta needs its
terms in the same delta's academicSessions.csv.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.imports import journal
from lrm_graph.imports.oneroster.check_orgs import (
    check_classes,
    check_courses,
    check_orgs,
    check_sessions,
)
from lrm_graph.imports.oneroster.check_people import (
    PERSON,
    check_enrollments,
    check_roles,
    check_users,
)
from lrm_graph.imports.oneroster.index import GraphRef, Index
from lrm_graph.imports.oneroster.mapping import apply
from lrm_graph.imports.oneroster.problems import DEFAULT_MAX_SKIPPED, Problems, RosterRejected
from lrm_graph.imports.oneroster.settle import check_agents, propagate
from lrm_graph.imports.oneroster.source import RosterFiles, read_manifest
from lrm_graph.imports.oneroster.stale import check_stale
from lrm_graph.imports.oneroster.writer import Progress, Writer
from lrm_graph.privacy import tombstones
from lrm_graph.privacy.tombstones import Tombstones

__all__ = ["RosterRejected", "check", "run"]

LOOKUP_BATCH = 5000
WORDS = {("organization",): "org", ("community",): "class", PERSON: "user"}


def check(files: RosterFiles, graph: Graph, erased: Tombstones | None = None) -> Index:
    """Check the whole set (the first pass); return what it holds with its report.

    Raise `RosterRejected` only when the manifest cannot be read (nothing else can be).
    A reference to an erased learner (`erased`) is no problem: the writer skips its rows.
    """
    problems = Problems()
    manifest = read_manifest(files, problems)
    if manifest is None:  # read_manifest said why
        raise RosterRejected(problems)
    index = Index(manifest, problems)
    if not any(manifest.present(name) for name in ("orgs", "classes", "users", "enrollments")):
        message = "the manifest lists no rostering file"
        problems.add("manifest.csv", None, None, "manifest-value", message)
    for step in (check_orgs, check_sessions, check_courses, check_classes, check_users):
        step(files, index)
    if manifest.version == "1.2":
        check_roles(files, index)
    propagate(index)
    check_enrollments(files, index)
    _look_up(graph, index, erased or Tombstones())
    propagate(index)
    check_stale(graph, index)
    check_agents(index)
    return index


def decide(index: Index, *, strict: bool, max_skipped: float) -> None:
    """Refuse the set whole when nothing can be imported, when `strict` and anything is
    wrong, or when a file would skip more than `max_skipped` percent of its rows."""
    problems = index.problems
    if problems.blocking():
        raise RosterRejected(problems)
    if strict and problems.count("error"):
        raise RosterRejected(problems)
    over = problems.over(max_skipped)
    if over:
        raise RosterRejected(problems, "refused: " + "; ".join(over))


def _look_up(graph: Graph, index: Index, erased: Tombstones) -> None:
    """Resolve what the set refers to but does not hold against earlier imports."""
    refs = [r for r in index.pending if not index.problems.left_out(r.file, r.line)]
    keys = sorted({(ref.kinds, ref.source_id) for ref in refs})
    found: dict[tuple[tuple[str, ...], str], dict[str, Any]] = {}
    for start in range(0, len(keys), LOOKUP_BATCH):
        chunk = keys[start : start + LOOKUP_BATCH]
        rows = [{"key": i, "node_kinds": list(k), "source_id": s} for i, (k, s) in enumerate(chunk)]
        for row in graph.read("imports/find_roster_nodes", refs=rows):
            found.setdefault(chunk[row["key"]], row)
    for ref in refs:
        _resolve(index, ref, found.get((ref.kinds, ref.source_id)), erased)


def _resolve(index: Index, ref: GraphRef, node: dict[str, Any] | None, erased: Tombstones) -> None:
    what = WORDS.get(ref.kinds, "node")
    at = (ref.file, ref.line, ref.column)
    if node is None and _erased_learner(ref, erased):
        index.kinds.setdefault(ref.source_id, "learner")  # its rows are skipped
    elif node is None:
        message = (
            ref.missing or f"no {what} {ref.source_id!r} in this set or from an earlier import"
        )
        index.dangling(*at, ref.source_id, message, required=ref.required)
    elif node["archived"]:
        message = f"{what} {ref.source_id!r} is archived"
        index.problem(*at, "archived-reference", message, value=ref.source_id)
    elif ref.expect and node["node_kind"] != ref.expect:
        message = f"user {ref.source_id!r} is a {node['node_kind']}, not a {ref.expect}"
        index.problem(*at, "role-mismatch", message, value=ref.source_id)
    elif node["node_kind"] in PERSON:
        if not index.kinds.get(ref.source_id):
            index.kinds[ref.source_id] = node["node_kind"]
        index.graph_roles[ref.source_id] = node["roles"]
    elif node["term_start"] or node["term_end"]:
        index.graph_windows[ref.source_id] = (node["term_start"], node["term_end"])


def _erased_learner(ref: GraphRef, erased: Tombstones) -> bool:
    """Say whether a reference no import resolves is to a learner who was erased."""
    may_be_learner = "learner" in ref.kinds and ref.expect in (None, "learner")
    return may_be_learner and erased.holds(ref.source_id)


def run(
    graph: Graph,
    settings: Settings,
    path: Path,
    *,
    import_id: str | None = None,
    on_start: Callable[[int], Progress] | None = None,
    strict: bool = False,
    max_skipped: float = DEFAULT_MAX_SKIPPED,
    check_only: bool = False,
) -> dict[str, Any]:
    """Import the set at `path` (a directory or a zip); return what it did and its report.

    `on_start(rows)` is called once the set is checked, with the number of rows to
    write, and returns a function told how many rows each step has done. With
    `check_only`, nothing is written: the answer is the report and what would be skipped.
    """
    files = RosterFiles(path)
    try:
        erased = tombstones.load(graph, settings)
        index = check(files, graph, erased)
        result: dict[str, Any] = {
            "version": index.manifest.version,
            "modes": {k: v for k, v in index.manifest.modes.items() if v != "absent"},
            "rows": dict(sorted(index.problems.rows.items())),
        }
        if check_only:
            try:
                decide(index, strict=strict, max_skipped=max_skipped)
            except RosterRejected as refused:
                result["refused"] = refused.detail
            return result | {"report": index.problems.report()}
        decide(index, strict=strict, max_skipped=max_skipped)
        progress = on_start(sum(index.problems.rows.values())) if on_start else (lambda _: None)
        writer = Writer(graph, import_id or uuid.uuid4().hex, settings.bulk_batch_size, erased)
        try:
            apply(files, index, writer, progress)
        except BaseException as exc:
            failed = journal.rolled_back(graph, writer.import_id, exc)
            failed.report = index.problems.report()  # the job keeps what the check found
            raise failed from exc
        journal.drop(graph, writer.import_id)
    finally:
        files.close()
    return result | writer.tally.as_dict() | {"report": index.problems.report()}
