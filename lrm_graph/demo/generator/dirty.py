"""A dirty district (`lrm generate --dirty RATE`): the faults real SIS exports hold, planted
in a generated roster at a rate, each listed in the manifest with the problem the import
must report for it.

Each data row of a rostering file is spoiled with probability `rate`, by one fault that
fits it: warnings the import normalises (an enumeration in the wrong case, a date-time
where a date is expected, a blank sourcedId in a list, a teacher named among a student's
agents: no guardian link), and errors that skip the row (an ambiguous `M/D/YYYY` date, a
dateLastModified in that shape, an email that is not one, an enrollment whose role does
not match its user's, an enrollment of a class the set does not hold, a row with a field
missing). users.csv also gets one misspelled column (`unknown-column`). Rows of a user
who got an error are not spoiled further, so each planted fault is reported as a problem
of its own, not folded under another; the teacher named as an agent is never spoiled.
Normalised faults keep their value's meaning (`2026-09-01T00:00:00Z` for `2026-09-01`),
so the imported graph is the clean district's minus exactly the skipped rows.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

Fault = tuple[str, str, str, str]  # column, code, severity, new value
Spoil = Callable[[dict[str, str]], Fault | None]
MISSPELLED = "prefferedGivenName"


def _case(column: str) -> Spoil:
    def spoil(row: dict[str, str]) -> Fault | None:
        value = row.get(column, "")
        wrong = value[:1].upper() + value[1:] if value[:1].islower() else value.lower()
        return (column, "enum-case", "warning", wrong) if value and wrong != value else None

    return spoil


def _date_time(column: str) -> Spoil:
    def spoil(row: dict[str, str]) -> Fault | None:
        value = row.get(column, "")
        return (column, "date-time", "warning", f"{value}T00:00:00Z") if value else None

    return spoil


def _ambiguous(column: str) -> Spoil:
    def spoil(row: dict[str, str]) -> Fault | None:
        year, month, day = (row.get(column) or "2026-09-01").split("-")
        return (column, "date-format", "error", f"{int(month)}/{int(day):02d}/{year}")

    return spoil


def _blank_reference(column: str) -> Spoil:
    def spoil(row: dict[str, str]) -> Fault | None:
        value = row.get(column, "")
        return (column, "blank-reference", "warning", f"{value},") if value else None

    return spoil


def _bad_email(row: dict[str, str]) -> Fault | None:
    return ("email", "field-value", "error", "not an email") if row.get("email") else None


def _modified_as_written(row: dict[str, str]) -> Fault | None:
    return ("dateLastModified", "date-format", "error", "1/05/2026")


def _role_mismatch(row: dict[str, str]) -> Fault | None:
    swapped = {"student": "teacher", "teacher": "student"}.get(row.get("role", ""))
    return ("role", "role-mismatch", "error", swapped) if swapped else None


def _dangling(column: str) -> Spoil:
    def spoil(row: dict[str, str]) -> Fault | None:
        return (column, "dangling-reference", "error", f"{row[column]}-gone")

    return spoil


def _ragged(row: dict[str, str]) -> Fault | None:
    return (RAGGED, "ragged-row", "error", "1")  # the marker: written with its last field off


def _teacher_as_agent(teacher: str) -> Spoil:
    def spoil(row: dict[str, str]) -> Fault | None:
        if not row.get("agentSourcedIds"):  # a student or a parent: a user with agents
            return None
        return ("agentSourcedIds", "agent-role", "warning", f"{row['agentSourcedIds']},{teacher}")

    return spoil


RAGGED = "\0ragged"  # a marker column, never written
FAULTS: dict[str, tuple[Spoil, ...]] = {
    "orgs.csv": (_case("type"),),
    "classes.csv": (_case("classType"), _blank_reference("termSourcedIds")),
    "users.csv": (_case("enabledUser"), _bad_email, _modified_as_written),
    "roles.csv": (_case("role"), _date_time("beginDate")),
    "enrollments.csv": (
        _case("role"), _date_time("beginDate"), _ambiguous("beginDate"), _role_mismatch,
        _dangling("classSourcedId"), _ragged,
    ),
}  # fmt: skip
USER_COLUMN = {"users.csv": "sourcedId", "roles.csv": "userSourcedId"}
USER_COLUMN["enrollments.csv"] = "userSourcedId"


def spoil(out: Path, rate: float, seed: int) -> dict[str, Any]:
    """Plant faults in the roster at `out`; return the manifest's `dirty` section."""
    chance = random.Random(f"dirty:{seed}:{rate}")  # noqa: S311 - made-up faults, not secrets
    planted: list[dict[str, Any]] = []
    teacher = _a_teacher(out)
    spoiled_users = {teacher}  # users with an error, and the agent: their rows left alone
    for name, faults in FAULTS.items():
        header, rows = _read(out / name)
        if name == "users.csv":
            header.append(MISSPELLED)
            planted.append(_fault(name, 1, (MISSPELLED, "unknown-column", "warning", MISSPELLED)))
            faults = (*faults, _teacher_as_agent(teacher))
        for number, row in enumerate(rows, start=2):
            user = row.get(USER_COLUMN.get(name, ""), "")
            if chance.random() >= rate or user in spoiled_users:
                continue
            fault = chance.choice(faults)(row)
            if fault is None:
                continue
            row[fault[0]] = fault[3]
            if fault[1] == "agent-role":
                fault = (*fault[:3], teacher)  # the report names the agent
            planted.append(_fault(name, number, fault))
            if fault[2] == "error" and name == "users.csv":
                spoiled_users.add(user)
        _write(out / name, header, rows)
    return {"rate": rate, "faults": planted}


def _a_teacher(out: Path) -> str:
    """Return the first teacher of the roster (roles.csv in 1.2, users.csv in 1.1)."""
    name = "roles.csv" if (out / "roles.csv").exists() else "users.csv"
    user = USER_COLUMN[name]
    return next(row[user] for row in _read(out / name)[1] if row.get("role") == "teacher")


def _fault(file: str, line: int, fault: Fault) -> dict[str, Any]:
    column, code, severity, value = fault
    named = column != RAGGED  # a ragged row misses a field: no column, no value
    return {"file": file, "line": line, "column": column if named else None, "code": code,
            "severity": severity, "value": value if named else None}  # fmt: skip


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(header)
        for row in rows:
            values = [row.get(column, "") for column in header]
            writer.writerow(values[:-1] if row.get(RAGGED) else values)


def skipped_ids(clean: Path, report: dict[str, Any]) -> tuple[set[str], set[str]]:
    """Return what an import of the dirty set leaves out against the clean set at `clean`,
    by its report's errors (knock-ons too): the users' sourcedIds, and the roster ids of
    the links (an enrollment's sourcedId, a role's `user@org`)."""
    skipped = {
        (p["file"], p["line"])
        for cause in report["problems"]
        for p in (cause, *cause["knock_ons"])
        if p["severity"] == "error"
    }

    def rows(name: str) -> list[dict[str, str]]:
        return [row for n, row in enumerate(_read(clean / name)[1], 2) if (name, n) in skipped]

    users = {user["sourcedId"] for user in rows("users.csv")}
    links = {enrollment["sourcedId"] for enrollment in rows("enrollments.csv")}
    links |= {f"{role['userSourcedId']}@{role['orgSourcedId']}" for role in rows("roles.csv")}
    return users, links


def minus_skipped(
    nodes: set[tuple], links: set[tuple], users: set[str], skipped_links: set[str]
) -> tuple[set[tuple], set[tuple]]:
    """Return the clean graph's roster nodes `(kind, sourcedId, name)` and relationships
    `(type, start's sourcedId, end's sourcedId, roster id, since, until)` without what
    `skipped_ids` says the dirty import leaves out: what that import must have written."""
    kept_nodes = {node for node in nodes if node[1] not in users}
    kept_links = {
        link
        for link in links
        if link[3] not in skipped_links and link[1] not in users and link[2] not in users
    }
    return kept_nodes, kept_links
