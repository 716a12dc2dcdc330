"""Streamed output files: CSV and the LRM bulk JSON, each written in parts and joined in a
fixed order on close, so that rows come out sorted without holding them in memory.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class _Parts:
    """Temporary part files beside `path`, joined into it (in the given order) on close."""

    def __init__(self, path: Path, parts: Sequence[str]) -> None:
        self.path = path
        self.order = list(parts)
        self.files: dict[str, IO[str]] = {
            part: (path.parent / f".{path.name}.{part}.part").open(
                "w", encoding="utf-8", newline=""
            )
            for part in parts
        }

    def join(self, head: str, between: Sequence[str] = (), tail: str = "") -> None:
        """Write `head`, each part (with `between[i]` after part i), and `tail`."""
        with self.path.open("w", encoding="utf-8", newline="") as out:
            out.write(head)
            for index, part in enumerate(self.order):
                file = self.files[part]
                file.close()
                with Path(file.name).open(encoding="utf-8", newline="") as done:
                    shutil.copyfileobj(done, out, 1 << 20)
                Path(file.name).unlink()
                out.write(between[index] if index < len(between) else "")
            out.write(tail)


class CsvOut:
    """One CSV file with a header row; rows go to a named part."""

    def __init__(self, path: Path, header: Sequence[str], parts: Sequence[str] = ("all",)) -> None:
        self.path = path
        self.header = list(header)
        self._parts = _Parts(path, parts)
        self._writers = {name: csv.writer(f) for name, f in self._parts.files.items()}
        self.rows = 0

    def row(self, values: dict[str, str], part: str = "all") -> None:
        """Write one row; columns it does not name stay empty."""
        self._writers[part].writerow([values.get(column, "") for column in self.header])
        self.rows += 1

    def close(self) -> None:
        self._parts.join(_header_line(self.header))


def _header_line(header: Sequence[str]) -> str:
    """Return the header row with the csv module's own quoting and line ending."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow(header)
    return buffer.getvalue()


class BulkJsonOut:
    """The LRM bulk file: `{"nodes": [...], "relationships": [...]}`, one row per line."""

    def __init__(self, path: Path) -> None:
        self._parts = _Parts(path, ("nodes", "relationships"))
        self._first = {"nodes": True, "relationships": True}
        self.nodes: Counter[str] = Counter()
        self.relationships: Counter[str] = Counter()

    def _write(self, section: str, row: dict[str, Any]) -> None:
        sep = "\n" if self._first[section] else ",\n"
        self._first[section] = False
        self._parts.files[section].write(sep + _encode(row))

    def node(self, row: dict[str, Any]) -> None:
        """Write one node row (its node kind under `node_kind` or `kind`)."""
        self.nodes[row.get("node_kind") or row["kind"]] += 1
        self._write("nodes", row)

    def relationship(self, row: dict[str, Any]) -> None:
        """Write one relationship row."""
        self.relationships[row["type"]] += 1
        self._write("relationships", row)

    def close(self) -> None:
        self._parts.join('{"nodes": [', between=('\n],\n"relationships": [', "\n]}\n"))
