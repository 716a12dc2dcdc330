"""Load a file in the bulk format (`{"nodes": [...], "relationships": [...]}`), such as a
generated district's `lrm.json`, through `lrm_graph.imports.bulk.load`.

A district's file holds millions of rows, more than one bulk load takes: rows are read
one at a time (`json.JSONDecoder.raw_decode` over the text) and loaded in chunks, every
node before any relationship, so that relationships may name nodes of earlier chunks.
Relationship rows that come before the nodes in the file wait (as offsets into the text)
until the nodes are in. The chunks share one journal: a file whose load fails part way is
rolled back whole (`lrm_graph.imports.journal`).
"""

from __future__ import annotations

import json
import uuid
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.errors import InvalidInput
from lrm_graph.imports import bulk, journal

CHUNK = 50_000
SECTIONS = ("nodes", "relationships")
_decoder = json.JSONDecoder()
Progress = Callable[[int], Any]
COUNTS = ("created", "updated", "unchanged")


@dataclass
class LoadResult:
    nodes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    relationships: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    rejected: list[dict[str, Any]] = field(default_factory=list)  # section, index, reason

    def add(self, result: bulk.BulkResult, section: str, offset: int) -> None:
        for name in COUNTS:
            self.nodes[name] += getattr(result.nodes, name)
            self.relationships[name] += getattr(result.relationships, name)
        for rejection in result.rejected:
            row = {"section": section, "index": rejection.index + offset}
            self.rejected.append(row | {"reason": rejection.reason})


class _Chunks:
    """Rows waiting per section; a relationship chunk goes only after the nodes waiting."""

    def __init__(self, graph: Graph, settings: Settings) -> None:
        self.graph, self.settings = graph, settings
        self.size = min(CHUNK, settings.bulk_max_rows)
        self.result = LoadResult()
        self.journal = journal.Journal(uuid.uuid4().hex)
        self.waiting: dict[str, list[dict]] = {section: [] for section in SECTIONS}
        self.loaded = dict.fromkeys(SECTIONS, 0)

    def add(self, section: str, row: Any) -> None:
        self.waiting[section].append(row)
        if len(self.waiting[section]) >= self.size:
            self.flush(section)

    def flush(self, section: str) -> None:
        if section == "relationships":
            self.flush("nodes")
        rows = self.waiting[section]
        if not rows:
            return
        nodes, relationships = (rows, []) if section == "nodes" else ([], rows)
        loaded = bulk.load(self.graph, self.settings, nodes, relationships, journal=self.journal)
        self.result.add(loaded, section, self.loaded[section])
        self.loaded[section] += len(rows)
        self.waiting[section] = []


def load_file(
    graph: Graph,
    settings: Settings,
    path: Path,
    start_progress: Callable[[int], Progress] | None = None,
) -> LoadResult:
    """Load every row of the file at `path`; return the counts and the rejected rows.

    `start_progress(total)` gets the file's length in characters and returns a function
    told how many more characters each step has read.
    """
    text = _read(path)
    progress = start_progress(len(text)) if start_progress else (lambda _: None)
    chunks = _Chunks(graph, settings)
    try:
        _feed(text, path.name, chunks, progress)
    except BaseException as exc:
        raise journal.rolled_back(graph, chunks.journal.import_id, exc) from exc
    journal.drop(graph, chunks.journal.import_id)
    return chunks.result


def _feed(text: str, name: str, chunks: _Chunks, progress: Progress) -> None:
    """Load every row of `text` in chunks, nodes before the relationships that wait."""
    early = array("q")
    nodes_seen = nodes_done = False
    read = 0
    for section, row, start, end in _rows(text, name):
        nodes_done = nodes_done or (nodes_seen and section != "nodes")
        nodes_seen = nodes_seen or section == "nodes"
        if section == "relationships" and not nodes_done:
            early.append(start)  # nodes may follow: this waits for them
        else:
            chunks.add(section, row)
        progress(end - read)
        read = end
    chunks.flush("nodes")
    for start in early:
        chunks.add("relationships", _decoder.raw_decode(text, start)[0])
    chunks.flush("relationships")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"{path}: cannot be read: {exc}") from exc


def _rows(text: str, name: str) -> Iterator[tuple[str, Any, int, int]]:
    """Yield (section, row, start, end) for each row, in file order."""
    try:
        yield from _walk(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise InvalidInput(f"{name}: not valid JSON at {where}: {exc.msg}") from None
    except ValueError as exc:
        raise InvalidInput(f"{name}: {exc}") from None


def _walk(text: str) -> Iterator[tuple[str, Any, int, int]]:
    at = _expect(text, 0, "{")
    while not text.startswith("}", _skip(text, at)):
        key, at = _decoder.raw_decode(text, _skip(text, at))
        if key not in SECTIONS:
            raise ValueError(f'expected "nodes" or "relationships", got {key!r}')
        at = _expect(text, _expect(text, at, ":"), "[")
        while not text.startswith("]", _skip(text, at)):
            start = _skip(text, at)
            row, at = _decoder.raw_decode(text, start)
            yield key, row, start, at
            at = _skip(text, at)
            if text.startswith(",", at):
                at += 1
        at = _skip(text, _skip(text, at) + 1)
        if text.startswith(",", at):
            at += 1


def _skip(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at


def _expect(text: str, at: int, char: str) -> int:
    at = _skip(text, at)
    if not text.startswith(char, at):
        raise json.JSONDecodeError(f"expected {char!r}", text, at)
    return at + 1
