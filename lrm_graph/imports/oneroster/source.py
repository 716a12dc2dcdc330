"""Read a OneRoster CSV set from a directory or a zip archive: its manifest and its rows.

Rows come one at a time with their line number (the header is line 1), so a district's
files are never held in memory whole.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

from lrm_graph.imports.oneroster import columns
from lrm_graph.imports.oneroster.normalise import normalise
from lrm_graph.imports.oneroster.problems import Problems, RosterRejected

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
            problems = Problems()
            # An OSError's text holds the full path: name the file only.
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            problems.add(path.name, None, None, "unreadable", f"cannot be read: {why}")
            raise RosterRejected(problems) from exc
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

    def fingerprints(self) -> list[dict[str, Any]]:
        """Return each file's name, size in bytes and SHA-256, by name."""
        found = []
        for name in sorted(self._names):
            digest, size = hashlib.sha256(), 0
            raw: IO[bytes] = (
                self._zip.open(self._members[name]) if self._zip else (self.path / name).open("rb")
            )
            with raw:
                while chunk := raw.read(1 << 20):
                    digest.update(chunk)
                    size += len(chunk)
            found.append({"name": name, "bytes": size, "sha256": digest.hexdigest()})
        return found

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
        problems.add("manifest.csv", None, None, "missing-file", "the set has no manifest.csv")
        return None
    values: dict[str, str] = {}
    for line, row in _manifest_rows(files, problems):
        name, value = row["propertyName"], row["value"]
        values[name] = value.lower() if value.lower() in MODES else value
        if name.startswith("file.") and value not in MODES:
            _mode(problems, line, name, value)
    version = values.get("oneroster.version", "")
    if version not in VERSIONS:
        message = f"oneroster.version must be 1.1 or 1.2; got {version!r}"
        problems.add("manifest.csv", None, "value", "manifest-value", message, value=version)
        return None
    modes = {name: values.get(f"file.{name}", "absent") for name in columns.ROSTER_FILES}
    modes = {name: mode if mode in MODES else "absent" for name, mode in modes.items()}
    if version == "1.1":
        modes["roles"] = "absent"  # 1.1 has no roles.csv: role and orgs are in users.csv
    for name, mode in modes.items():
        if mode in ("bulk", "delta") and f"{name}.csv" not in files:
            message = f"the manifest says {mode} but the file is missing"
            problems.add(f"{name}.csv", None, None, "missing-file", message)
    return Manifest(version, modes)


def _manifest_rows(files: RosterFiles, problems: Problems) -> Iterator[tuple[int, dict[str, str]]]:
    with files.open("manifest.csv") as text:
        reader = csv.reader(text)
        header = [column.strip() for column in next(reader, [])]
        if not all(column in header for column in columns.MANIFEST):
            message = "the header must be propertyName,value"
            problems.add("manifest.csv", None, None, "missing-column", message)
            return
        for values in reader:
            if len(values) == len(header):
                yield reader.line_num, {c: v.strip() for c, v in zip(header, values, strict=True)}


def _mode(problems: Problems, line: int, name: str, value: str) -> None:
    """A file's mode that is not bulk, delta or absent: fixed case is a warning; a file the
    importer does not read is left out with a warning; a rostering file's is an error."""
    file = name.removeprefix("file.")
    if value.lower() in MODES:
        message = f"{value!r} read as {value.lower()!r}"
        problems.add("manifest.csv", line, "value", "enum-case", message, value=value, warning=True)
    elif file not in columns.ROSTER_FILES:
        message = f"{name} must be one of {', '.join(MODES)}; the importer does not read {file}.csv"
        problems.add(
            "manifest.csv", line, "value", "manifest-value", message, value=value, warning=True
        )
    else:
        message = f"{name} must be one of {', '.join(MODES)}; got {value!r}"
        problems.add("manifest.csv", None, "value", "manifest-value", message, value=value)


def rows(
    files: RosterFiles, name: str, version: str, problems: Problems
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, normalised row) for each usable data row of `name` (no .csv).

    A row with the wrong number of fields is an error; a header without a column the
    importer needs fails the file (every row skipped under that one problem).
    """
    file = f"{name}.csv"
    with files.open(file) as text:
        reader = csv.reader(text)
        try:
            header = [column.strip() for column in next(reader, [])]
            if not any(header):
                problems.add(file, None, None, "empty-file", "the file is empty (no header row)")
                return
            unknown_columns(file, header, version, problems)
            failed = None
            for column in columns.REQUIRED[version][name]:
                if column not in header:
                    message = "a required column is missing from the header"
                    failed = problems.add(file, 1, column, "missing-column", message)
            if failed is not None:
                problems.failed_files[file] = failed
            yield from _data(reader, file, header, version, problems, failed)
        except (csv.Error, UnicodeDecodeError) as exc:
            message = f"not readable as UTF-8 CSV (line {reader.line_num}): {exc}"
            problems.add(file, None, None, "unreadable", message)


def _data(
    reader: Any, file: str, header: list[str], version: str, problems: Problems, failed: Any
) -> Iterator[tuple[int, dict[str, str]]]:
    at = header.index("sourcedId") if "sourcedId" in header else None
    for values in reader:
        line = reader.line_num
        if not any(value.strip() for value in values):
            continue  # a blank line
        problems.rows[file] += 1
        if at is not None and at < len(values):
            problems.register(file, line, values[at].strip(), None)
        if failed is not None:
            problems.skip(file, line, failed)
        elif len(values) != len(header):
            message = f"has {len(values)} fields; the header has {len(header)}"
            problems.add(file, line, None, "ragged-row", message)
        else:
            row = {column: value.strip() for column, value in zip(header, values, strict=True)}

            def say(column: str, code: str, message: str, value: str, line: int = line) -> None:
                problems.add(file, line, column, code, message, value=value, warning=True)

            normalise(version, file, row, say)
            yield line, row


def unknown_columns(file: str, header: list[str], version: str, problems: Problems) -> None:
    """Warn of each header the binding does not have, with a "did you mean" when a known
    column is one or two edits away (`metadata.*` extension columns are allowed)."""
    known = columns.known(file, version)
    for column in header:
        if column in known or column.startswith("metadata."):
            continue
        near = sorted((distance(column.lower(), k.lower()), k) for k in known)
        guess = f"; did you mean {near[0][1]!r}?" if near and near[0][0] <= 2 else ""
        message = f"{column!r} is not a column of {file} in OneRoster {version}{guess}"
        problems.add(file, 1, column, "unknown-column", message, value=column, warning=True)


def distance(a: str, b: str) -> int:
    """Return the edit distance (Levenshtein) between two short strings."""
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            )
        previous = current
    return previous[-1]
