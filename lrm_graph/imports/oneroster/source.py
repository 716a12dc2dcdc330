"""Read a OneRoster CSV set from a directory or a zip archive: its manifest and its rows.

Rows come one at a time with their line number (the header is line 1), so a district's
files are never held in memory whole.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from lrm_graph.imports.oneroster import columns
from lrm_graph.imports.oneroster.problems import Problem, Problems, RosterRejected

MODES = ("bulk", "delta", "absent")
VERSIONS = ("1.1", "1.2")


class RosterFiles:
    """The files of one set, by file name, from a directory or a zip archive."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self._members: dict[str, str] = {}
        if path.is_dir():
            self._names = {p.name for p in path.iterdir() if p.is_file()}
            return
        try:
            self._zip = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile) as exc:
            raise RosterRejected(
                [Problem(path.name, None, None, f"cannot be read: {exc}")]
            ) from exc
        # A set zipped from its folder keeps the folder in member names: match by name.
        for member in self._zip.namelist():
            name = PurePosixPath(member).name
            if name and not member.endswith("/") and "__MACOSX" not in member:
                self._members.setdefault(name, member)
        self._names = set(self._members)

    def __contains__(self, name: str) -> bool:
        return name in self._names

    @contextmanager
    def open(self, name: str) -> Iterator[IO[str]]:
        """Open one file as text (UTF-8, a byte order mark allowed)."""
        if self._zip is None:
            with (self.path / name).open(encoding="utf-8-sig", newline="") as text:
                yield text
            return
        with self._zip.open(self._members[name]) as raw:
            yield io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()


@dataclass(frozen=True)
class Manifest:
    version: str
    modes: dict[str, str]  # rostering file (no .csv) -> bulk, delta or absent

    def present(self, name: str) -> bool:
        return self.modes.get(name, "absent") != "absent"


def read_manifest(files: RosterFiles, problems: Problems) -> Manifest | None:
    """Read manifest.csv; record what is wrong with it; None when it cannot be used."""
    if "manifest.csv" not in files:
        problems.add("manifest.csv", None, None, "the set has no manifest.csv")
        return None
    values: dict[str, str] = {}
    for line, row in rows(files, "manifest.csv", columns.MANIFEST, problems):
        values[row["propertyName"]] = row["value"]
        if row["propertyName"].startswith("file.") and row["value"] not in MODES:
            message = f"must be one of {', '.join(MODES)}; got {row['value']!r}"
            problems.add("manifest.csv", line, "value", message)
    version = values.get("oneroster.version", "")
    if version not in VERSIONS:
        message = f"oneroster.version must be 1.1 or 1.2; got {version!r}"
        problems.add("manifest.csv", None, "value", message)
        return None
    modes = {name: values.get(f"file.{name}", "absent") for name in columns.ROSTER_FILES}
    if version == "1.1":
        modes["roles"] = "absent"  # 1.1 has no roles.csv: role and orgs are in users.csv
    for name, mode in modes.items():
        if mode in ("bulk", "delta") and f"{name}.csv" not in files:
            problems.add(
                f"{name}.csv", None, None, f"the manifest says {mode} but the file is missing"
            )
    return Manifest(version, modes)


def rows(
    files: RosterFiles, name: str, required: tuple[str, ...], problems: Problems
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data row; check the header and the row shape."""
    with files.open(name) as text:
        reader = csv.reader(text)
        try:
            header = [column.strip() for column in next(reader, [])]
            missing = [column for column in required if column not in header]
            for column in missing:
                problems.add(name, 1, column, "a required column is missing from the header")
            if missing or not header:
                if not header:
                    problems.add(name, 1, None, "the file is empty (no header row)")
                return
            yield from _data(reader, name, header, problems)
        except (csv.Error, UnicodeDecodeError) as exc:
            problems.add(name, reader.line_num or 1, None, f"not readable as UTF-8 CSV: {exc}")


def _data(
    reader: Iterator[list[str]], name: str, header: list[str], problems: Problems
) -> Iterator[tuple[int, dict[str, str]]]:
    for values in reader:
        line = reader.line_num  # type: ignore[attr-defined]
        if not any(value.strip() for value in values):
            continue  # a blank line
        if len(values) != len(header):
            message = f"has {len(values)} fields; the header has {len(header)}"
            problems.add(name, line, None, message)
            continue
        yield line, {column: value.strip() for column, value in zip(header, values, strict=True)}
