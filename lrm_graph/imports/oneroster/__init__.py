"""OneRoster CSV import (versions 1.1 and 1.2, bulk and delta), all or nothing.

`run(graph, settings, path)` reads a set from a directory or a zip archive in two
passes. The first checks every file completely (columns, values, dates, duplicate
sourcedIds, references across files and, for a delta, to earlier imports) and raises
`RosterRejected` naming each problem's file, line and column; nothing is written then.
The second writes the set in batches (see `mapping` for what becomes what, `writer` for
how) and returns the counts.

Bulk and delta: for a file given in bulk, roster nodes it no longer lists are archived
and roster relationships it no longer lists end today; in a delta, rows with status
tobedeleted do the same. Only what the roster made is touched (relationships with source
"imported"), with one rule from archiving: a person, class or org archived because the
roster dropped it has every active relationship ended, mentoring included, as
`DELETE /v1/<kind>/<uid>` does. A learner who only dropped a class keeps everything else.
A node the roster lists is not archived (the roster is the record of who is enrolled);
one it brings back gets new roster relationships, its ended ones stay history. Importing
the same set again changes nothing.

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
    resolve_kinds,
)
from lrm_graph.imports.oneroster.index import GraphRef, Index
from lrm_graph.imports.oneroster.mapping import apply
from lrm_graph.imports.oneroster.problems import Problems, RosterRejected
from lrm_graph.imports.oneroster.source import RosterFiles, read_manifest
from lrm_graph.imports.oneroster.writer import Progress, Writer
from lrm_graph.privacy import tombstones
from lrm_graph.privacy.tombstones import Tombstones

__all__ = ["RosterRejected", "check", "run"]

LOOKUP_BATCH = 5000
WORDS = {("organization",): "org", ("community",): "class", PERSON: "user"}


def check(files: RosterFiles, graph: Graph, erased: Tombstones | None = None) -> Index:
    """Check the whole set (the first pass); raise `RosterRejected` listing every problem.

    A reference to an erased learner (`erased`) is no problem: the writer skips its rows.
    """
    problems = Problems()
    manifest = read_manifest(files, problems)
    if manifest is None:  # read_manifest said why
        raise RosterRejected(problems.found, problems.total)
    index = Index(manifest, problems)
    if not any(manifest.present(name) for name in ("orgs", "classes", "users", "enrollments")):
        problems.add("manifest.csv", None, None, "the manifest lists no rostering file")
    for step in (check_orgs, check_sessions, check_courses, check_classes, check_users):
        step(files, index)
    if manifest.version == "1.2":
        check_roles(files, index)
    resolve_kinds(index)
    check_enrollments(files, index)
    if not problems.found:
        _look_up(graph, index, erased or Tombstones())
    problems.raise_any()
    return index


def _look_up(graph: Graph, index: Index, erased: Tombstones) -> None:
    """Resolve what the set refers to but does not hold against earlier imports."""
    keys = sorted({(ref.kinds, ref.source_id) for ref in index.pending})
    found: dict[tuple[tuple[str, ...], str], dict[str, Any]] = {}
    for start in range(0, len(keys), LOOKUP_BATCH):
        chunk = keys[start : start + LOOKUP_BATCH]
        refs = [{"key": i, "node_kinds": list(k), "source_id": s} for i, (k, s) in enumerate(chunk)]
        for row in graph.read("imports/find_roster_nodes", refs=refs):
            found.setdefault(chunk[row["key"]], row)
    for ref in index.pending:
        node = found.get((ref.kinds, ref.source_id))
        what = WORDS.get(ref.kinds, "node")
        if node is None and _erased_learner(ref, erased):
            index.kinds.setdefault(ref.source_id, "learner")  # its rows are skipped
        elif node is None:
            message = (
                ref.missing or f"no {what} {ref.source_id!r} in this set or from an earlier import"
            )
            index.problem(ref.file, ref.line, ref.column, message)
        elif node["archived"]:
            index.problem(ref.file, ref.line, ref.column, f"{what} {ref.source_id!r} is archived")
        elif ref.expect and node["node_kind"] != ref.expect:
            message = f"user {ref.source_id!r} is a {node['node_kind']}, not a {ref.expect}"
            index.problem(ref.file, ref.line, ref.column, message)
        elif node["node_kind"] in PERSON:
            index.kinds.setdefault(ref.source_id, node["node_kind"])
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
) -> dict[str, Any]:
    """Import the set at `path` (a directory or a zip); return what it did.

    `on_start(rows)` is called once the set is checked, with the number of rows to
    write, and returns a function told how many rows each step has done.
    """
    files = RosterFiles(path)
    try:
        erased = tombstones.load(graph, settings)
        index = check(files, graph, erased)
        progress = on_start(sum(index.rows.values())) if on_start else (lambda _: None)
        writer = Writer(graph, import_id or uuid.uuid4().hex, settings.bulk_batch_size, erased)
        apply(files, index, writer, progress)
    finally:
        files.close()
    return {
        "version": index.manifest.version,
        "modes": {k: v for k, v in index.manifest.modes.items() if v != "absent"},
        "rows": dict(sorted(index.rows.items())),
        **writer.tally.as_dict(),
    }
