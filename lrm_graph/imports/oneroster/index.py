"""The first pass over a set: what each file holds, kept small (ids, lines, dates, roles),
and the checks every row shares (sourcedId, status, dates, enumerations, references).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lrm_graph.imports.oneroster.problems import Problems
from lrm_graph.imports.oneroster.source import Manifest

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
Window = tuple[date | None, date | None]  # since, until
WORDS = {"orgs": "org", "classes": "class", "users": "user"}


@dataclass(frozen=True)
class GraphRef:
    """A reference this set does not resolve, to look for among earlier imports."""

    file: str
    line: int
    column: str
    kinds: tuple[str, ...]  # node kinds it may be
    source_id: str
    expect: str | None = None  # the node kind the row needs (e.g. a student is a learner)
    missing: str = ""  # what to say when no earlier import has it either


@dataclass
class ClassInfo:
    line: int
    kind: str  # CommunityKind value
    window: Window | None  # None: its terms are not in this set


@dataclass
class Index:
    """What the first pass learned; the second pass maps rows with it."""

    manifest: Manifest
    problems: Problems
    orgs: dict[str, int] = field(default_factory=dict)  # sourcedId -> line
    sessions: dict[str, tuple[date, date]] = field(default_factory=dict)
    courses: dict[str, str] = field(default_factory=dict)  # sourcedId -> title
    classes: dict[str, ClassInfo] = field(default_factory=dict)
    users: dict[str, int] = field(default_factory=dict)
    retired_users: set[str] = field(default_factory=set)  # tobedeleted in a delta
    user_roles: dict[str, set[str]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)  # user -> learner | adult
    graph_windows: dict[str, Window] = field(default_factory=dict)  # classes known earlier
    pending: list[GraphRef] = field(default_factory=list)
    rows: Counter[str] = field(default_factory=Counter)

    def mode(self, name: str) -> str:
        return self.manifest.modes.get(name, "absent")

    def problem(self, file: str, line: int | None, column: str | None, message: str) -> None:
        self.problems.add(file, line, column, message)

    def refer(
        self, file: str, line: int, column: str, target: str, value: str, kinds: tuple[str, ...]
    ) -> None:
        """Check a reference to a row of `target` (e.g. "classes"); the graph may hold it."""
        tables: dict[str, dict[str, Any]] = {
            "orgs": self.orgs,
            "classes": self.classes,
            "users": self.users,
        }
        known = tables[target]
        if value in known:
            return
        if self.mode(target) == "bulk":
            message = f"no {WORDS[target]} with sourcedId {value!r} in {target}.csv"
            self.problem(file, line, column, message)
            return
        self.pending.append(GraphRef(file, line, column, kinds, value))


def start_row(index: Index, file: str, line: int, row: dict[str, str], seen: dict) -> str | None:
    """Check a row's sourcedId (present, not a duplicate) and status; return the status.

    Return None for a row that cannot be used further (no sourcedId, a duplicate).
    """
    source_id = row["sourcedId"]
    if not source_id:
        index.problem(file, line, "sourcedId", "a value is required")
        return None
    if source_id in seen:
        index.problem(
            file, line, "sourcedId", f"{source_id!r} appears already on line {seen[source_id]}"
        )
        return None
    seen[source_id] = line
    index.rows[file] += 1
    status = row.get("status", "").lower()
    mode = index.mode(file.removesuffix(".csv"))
    if mode == "delta" and status not in ("active", "tobedeleted"):
        index.problem(
            file, line, "status", f"must be active or tobedeleted in a delta file; got {status!r}"
        )
    elif mode == "bulk" and status not in ("", "active"):
        index.problem(
            file, line, "status", f"must be blank (or active) in a bulk file; got {status!r}"
        )
    return status or "active"


def need(index: Index, file: str, line: int, row: dict[str, str], *names: str) -> bool:
    """Check that the named columns have values; say whether all of them do."""
    ok = True
    for name in names:
        if not row.get(name):
            index.problem(file, line, name, "a value is required")
            ok = False
    return ok


def day(index: Index, file: str, line: int, row: dict[str, str], name: str) -> date | None:
    """Return the column's date (YYYY-MM-DD), None when blank; record a bad one."""
    value = row.get(name, "")
    if not value:
        return None
    try:
        if DATE.match(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    index.problem(file, line, name, f"{value!r} is not a date (YYYY-MM-DD)")
    return None


def window(index: Index, file: str, line: int, row: dict[str, str]) -> Window:
    """Return (beginDate, endDate); record an end before the beginning."""
    begin = day(index, file, line, row, "beginDate")
    end = day(index, file, line, row, "endDate")
    if begin and end and end < begin:
        index.problem(file, line, "endDate", f"{end} is before beginDate {begin}")
    return begin, end


def choice(
    index: Index, file: str, line: int, row: dict[str, str], name: str, allowed: tuple[str, ...]
) -> str:
    """Return the column's value if allowed (or an `ext:` extension); record it otherwise."""
    value = row.get(name, "")
    if value in allowed or value.startswith("ext:"):
        return value
    index.problem(file, line, name, f"must be one of {', '.join(allowed)}; got {value!r}")
    return ""


def id_list(value: str) -> list[str]:
    """Split a list column (comma separated sourcedIds)."""
    return [part.strip() for part in value.split(",") if part.strip()]
