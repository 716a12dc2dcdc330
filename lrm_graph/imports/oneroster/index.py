"""The first pass over a set: what each file holds, kept small (ids, lines, dates, roles),
and the checks every row shares (sourcedId, status, dates, enumerations, references).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from lrm_graph.imports.oneroster.problems import Problem, Problems
from lrm_graph.imports.oneroster.source import Manifest
from lrm_graph.store import fields

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
Window = tuple[date | None, date | None]  # since, until
WORDS = {"orgs": "org", "classes": "class", "users": "user"}
SHOWN = 40  # characters of an over-long value the report keeps
# The user a row is about, per file (erasure scrubs their values from stored reports).
USER_COLUMN = {"users.csv": "sourcedId", "roles.csv": "userSourcedId"}
USER_COLUMN["enrollments.csv"] = "userSourcedId"


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
    required: bool = True  # False: an optional link, dropped with a warning
    agent_of: str | None = None  # the user whose agentSourcedIds names it


@dataclass(frozen=True)
class Link:
    """A row's reference to a row of another file (or of its own), for the rows that
    depend on a skipped one."""

    file: str
    line: int
    column: str
    target: str  # file name, e.g. "classes.csv"
    value: str
    required: bool


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
    org_types: dict[str, str] = field(default_factory=dict)
    sessions: dict[str, tuple[date, date]] = field(default_factory=dict)
    courses: dict[str, str] = field(default_factory=dict)  # sourcedId -> title
    classes: dict[str, ClassInfo] = field(default_factory=dict)
    users: dict[str, int] = field(default_factory=dict)
    retired: dict[str, dict[str, int]] = field(default_factory=dict)  # file -> tobedeleted ids
    user_roles: dict[str, dict[tuple[str, int], str]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)  # user -> learner | adult
    graph_roles: dict[str, list[str]] = field(default_factory=dict)  # users known earlier
    graph_windows: dict[str, Window] = field(default_factory=dict)  # classes known earlier
    pending: list[GraphRef] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    dropped: set[tuple[str, int, str, str]] = field(default_factory=set)  # optional links
    # Delta rows with a dateLastModified: file -> sourcedId -> (line, when, user)
    modified: dict[str, dict[str, tuple[int, datetime, str]]] = field(default_factory=dict)
    agents: list[tuple[int, str, str]] = field(default_factory=list)  # (line, user, agent)
    guardians: set[tuple[str, str]] = field(default_factory=set)  # (adult, learner)

    @property
    def rows(self) -> Any:
        return self.problems.rows

    @property
    def retired_users(self) -> dict[str, int]:
        return self.retired.get("users.csv", {})

    def mode(self, name: str) -> str:
        return self.manifest.modes.get(name, "absent")

    @property
    def problem(self) -> Callable[..., Problem]:
        """Record a problem (`Problems.add`)."""
        return self.problems.add

    def refer(
        self,
        file: str,
        line: int,
        column: str,
        target: str,
        value: str,
        kinds: tuple[str, ...],
        *,
        required: bool = True,
    ) -> None:
        """Check a reference to a row of `target` (e.g. "classes"); the graph may hold it.

        A dangling required reference is an error; an optional one is dropped (a warning).
        """
        tables: dict[str, dict[str, Any]] = {
            "orgs": self.orgs,
            "classes": self.classes,
            "users": self.users,
        }
        self.links.append(Link(file, line, column, f"{target}.csv", value, required))
        if value in tables[target] or value in self.retired.get(f"{target}.csv", {}):
            return
        if self.problems.skipped_id(f"{target}.csv", value) or f"{target}.csv" in (
            self.problems.failed_files
        ):
            return  # the row is there but skipped: a knock-on, folded later
        if self.mode(target) == "bulk":
            message = f"no {WORDS[target]} with sourcedId {value!r} in {target}.csv"
            self.dangling(file, line, column, value, message, required=required)
            return
        self.pending.append(GraphRef(file, line, column, kinds, value, required=required))

    def dangling(
        self, file: str, line: int, column: str, value: str, message: str, *, required: bool
    ) -> None:
        """Report a reference to nothing: an error, or for an optional link a warning and
        no link."""
        if not required:
            message += "; the link is left out"
            self.dropped.add((file, line, column, value))
        self.problem(
            file, line, column, "dangling-reference", message, value=value, warning=not required
        )


def start_row(index: Index, file: str, line: int, row: dict[str, str], seen: dict) -> str | None:
    """Check a row's sourcedId (present, not a duplicate), status and dateLastModified;
    return the status (None for a row that cannot be used further)."""
    source_id = row["sourcedId"]
    user_column = USER_COLUMN.get(file)
    index.problems.register(
        file, line, source_id, row.get(user_column, "") if user_column else None
    )
    if not source_id:
        index.problem(file, line, "sourcedId", "missing-value", "a value is required")
        return None
    if len(source_id) > fields.SOURCE_ID_MAX:
        message = f"{len(source_id)} characters; a sourcedId may have {fields.SOURCE_ID_MAX}"
        shown = source_id[:SHOWN] + "..."
        index.problem(file, line, "sourcedId", "field-value", message, value=shown)
        return None
    if source_id in seen:
        index.problems.register(file, line, "", None)  # the first row with it stands
        message = f"{source_id!r} appears already on line {seen[source_id]}"
        index.problem(file, line, "sourcedId", "duplicate-id", message, value=source_id)
        return None
    seen[source_id] = line
    status = _status(index, file, line, row)
    modified = _modified(index, file, line, row)
    if status == "tobedeleted":
        index.retired.setdefault(file, {})[source_id] = line
    if modified is not None and index.mode(file.removesuffix(".csv")) == "delta":
        user = row.get("userSourcedId", "")
        index.modified.setdefault(file, {})[source_id] = (line, modified, user)
    return status


def _status(index: Index, file: str, line: int, row: dict[str, str]) -> str | None:
    status = row.get("status", "")
    mode = index.mode(file.removesuffix(".csv"))
    if status == "inactive" and index.manifest.version == "1.1":  # not 1.2's vocabulary
        message = "1.1's 'inactive': read as tobedeleted"
        if mode == "bulk":
            message = "1.1's 'inactive': left out, as if the file did not list it"
        problem = index.problem(
            file, line, "status", "status-inactive", message, value=status, warning=True
        )
        if mode == "bulk":
            index.problems.take_out(file, line, problem)
            return None
        return "tobedeleted"
    if mode == "delta" and status not in ("active", "tobedeleted"):
        message = f"must be active or tobedeleted in a delta file; got {status!r}"
        index.problem(file, line, "status", "status", message, value=status)
    elif mode == "bulk" and status not in ("", "active"):
        message = f"must be blank (or active) in a bulk file; got {status!r}"
        index.problem(file, line, "status", "status", message, value=status)
    return status or "active"


def _modified(index: Index, file: str, line: int, row: dict[str, str]) -> datetime | None:
    """Return dateLastModified (an ISO 8601 date-time, or a date), None when blank."""
    value = row.get("dateLastModified", "")
    try:
        return modified_at(value)
    except ValueError:
        message = f"{value!r} is not an ISO 8601 date-time (YYYY-MM-DDThh:mm:ssZ)"
        index.problem(file, line, "dateLastModified", "date-format", message, value=value)
        return None


def modified_at(value: str) -> datetime | None:
    """Parse a dateLastModified (no zone: UTC); None when blank; ValueError when bad."""
    if not value:
        return None
    when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def need(index: Index, file: str, line: int, row: dict[str, str], *names: str) -> bool:
    """Check that the named columns have values; say whether all of them do."""
    ok = True
    for name in names:
        if not row.get(name):
            index.problem(file, line, name, "missing-value", "a value is required")
            ok = False
    return ok


def day(index: Index, file: str, line: int, row: dict[str, str], name: str) -> date | None:
    """Return the column's date (YYYY-MM-DD), None when blank; record a bad one (a date
    like 1/09/2022 is never guessed)."""
    value = row.get(name, "")
    if not value:
        return None
    try:
        if DATE.match(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    message = f"{value!r} is not a date (YYYY-MM-DD)"
    if re.match(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$", value):
        message += "; day and month order is not guessed"
    index.problem(file, line, name, "date-format", message, value=value)
    return None


def window(index: Index, file: str, line: int, row: dict[str, str]) -> Window:
    """Return (beginDate, endDate); record an end before the beginning."""
    begin = day(index, file, line, row, "beginDate")
    end = day(index, file, line, row, "endDate")
    if begin and end and end < begin:
        message = f"{end} is before beginDate {begin}"
        index.problem(file, line, "endDate", "date-order", message, value=str(end))
    return begin, end


def parse_window(row: dict[str, str]) -> Window:
    """Return a checked row's (beginDate, endDate)."""
    begin, end = row.get("beginDate", ""), row.get("endDate", "")
    return (date.fromisoformat(begin) if begin else None, date.fromisoformat(end) if end else None)


def choice(
    index: Index, file: str, line: int, row: dict[str, str], name: str, allowed: tuple[str, ...]
) -> str:
    """Return the column's value if allowed (or an `ext:` extension); record it otherwise."""
    value = row.get(name, "")
    if value in allowed or value.startswith("ext:"):
        return value
    message = f"must be one of {', '.join(allowed)}; got {value!r}"
    index.problem(file, line, name, "enum-value", message, value=value)
    return ""


def id_list(value: str) -> list[str]:
    """Split a list column (comma separated sourcedIds)."""
    return [part.strip() for part in value.split(",") if part.strip()]
