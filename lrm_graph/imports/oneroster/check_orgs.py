"""First pass over orgs.csv, academicSessions.csv, courses.csv and classes.csv."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from lrm_graph.imports.oneroster.index import (
    ClassInfo,
    GraphRef,
    Index,
    choice,
    day,
    id_list,
    need,
    start_row,
)
from lrm_graph.imports.oneroster.normalise import CLASS_TYPES, ORG_TYPES, SESSION_TYPES
from lrm_graph.imports.oneroster.source import RosterFiles, rows

NAME_MAX = 200
# The spec's org hierarchy, top down: a parent ranks above its child (a school's parent is
# a district, a department's a school).
RANK = {"national": 5, "state": 4, "local": 3, "district": 2, "school": 1, "department": 0}


def check_orgs(files: RosterFiles, index: Index) -> None:
    parents: list[tuple[int, str, str]] = []
    for line, row in _rows(files, index, "orgs"):
        if start_row(index, "orgs.csv", line, row, index.orgs) in (None, "tobedeleted"):
            continue
        need(index, "orgs.csv", line, row, "name", "type")
        _name(index, "orgs.csv", line, row, "name")
        if row["type"]:
            index.org_types[row["sourcedId"]] = choice(
                index, "orgs.csv", line, row, "type", ORG_TYPES
            )
        if row.get("parentSourcedId"):
            parents.append((line, row["sourcedId"], row["parentSourcedId"]))
    for line, org, parent in parents:
        index.refer(
            "orgs.csv", line, "parentSourcedId", "orgs", parent, ("organization",), required=False
        )
        _hierarchy(index, line, org, parent)


def _hierarchy(index: Index, line: int, org: str, parent: str) -> None:
    """Drop a parent link the spec's hierarchy does not allow (a school under a school)."""
    kind, above = index.org_types.get(org), index.org_types.get(parent)
    if kind in RANK and above in RANK and RANK[above] <= RANK[kind]:
        message = f"a {kind}'s parent cannot be a {above} ({parent!r}); the link is left out"
        index.dropped.add(("orgs.csv", line, "parentSourcedId", parent))
        index.problem(
            "orgs.csv",
            line,
            "parentSourcedId",
            "org-hierarchy",
            message,
            value=parent,
            warning=True,
        )


def check_sessions(files: RosterFiles, index: Index) -> None:
    seen: dict[str, int] = {}
    parents: list[tuple[int, str]] = []
    for line, row in _rows(files, index, "academicSessions"):
        file = "academicSessions.csv"
        if start_row(index, file, line, row, seen) in (None, "tobedeleted"):
            continue
        need(index, file, line, row, "title", "type", "startDate", "endDate")
        if row["type"]:
            choice(index, file, line, row, "type", SESSION_TYPES)
        start, end = (
            day(index, file, line, row, "startDate"),
            day(index, file, line, row, "endDate"),
        )
        if start and end and end < start:
            message = f"{end} is before startDate {start}"
            index.problem(file, line, "endDate", "date-order", message, value=str(end))
        if start and end:
            index.sessions[row["sourcedId"]] = (start, end)
        if row.get("parentSourcedId"):
            parents.append((line, row["parentSourcedId"]))
    for line, parent in parents:
        if parent not in seen and index.mode("academicSessions") == "bulk":
            message = f"no academic session with sourcedId {parent!r} in academicSessions.csv"
            file = "academicSessions.csv"
            index.dangling(file, line, "parentSourcedId", parent, message, required=False)


def check_courses(files: RosterFiles, index: Index) -> None:
    seen: dict[str, int] = {}
    for line, row in _rows(files, index, "courses"):
        if start_row(index, "courses.csv", line, row, seen) in (None, "tobedeleted"):
            continue
        need(index, "courses.csv", line, row, "title", "orgSourcedId")
        index.courses[row["sourcedId"]] = row["title"]
        if row["orgSourcedId"]:
            index.refer(
                "courses.csv", line, "orgSourcedId", "orgs", row["orgSourcedId"], ("organization",)
            )


def check_classes(files: RosterFiles, index: Index) -> None:
    seen: dict[str, int] = {}
    for line, row in _rows(files, index, "classes"):
        file = "classes.csv"
        status = start_row(index, file, line, row, seen)
        if status is None:
            continue
        if status == "tobedeleted":
            index.classes[row["sourcedId"]] = ClassInfo(line, "class_section", None)
            continue
        need(index, file, line, row, "title", "classType", "schoolSourcedId", "termSourcedIds")
        _name(index, file, line, row, "title")
        kind = "advisory" if row["classType"] == "homeroom" else "class_section"
        if row["classType"]:
            choice(index, file, line, row, "classType", CLASS_TYPES)
        if row["schoolSourcedId"]:
            index.refer(
                file, line, "schoolSourcedId", "orgs", row["schoolSourcedId"], ("organization",)
            )
        course = row.get("courseSourcedId", "")
        if course and index.mode("courses") == "bulk" and course not in index.courses:
            message = f"no course with sourcedId {course!r} in courses.csv"
            index.dangling(file, line, "courseSourcedId", course, message, required=False)
        window = _terms(index, line, row)
        index.classes[row["sourcedId"]] = ClassInfo(line, kind, window)


def _terms(index: Index, line: int, row: dict[str, str]) -> tuple[date | None, date | None] | None:
    """Return the span of the class's terms; None when they are not all in this set."""
    terms = id_list(row["termSourcedIds"])
    missing = [term for term in terms if term not in index.sessions]
    skipped = [index.problems.skipped_id("academicSessions.csv", term) for term in missing]
    if any(skipped):
        message = f"its term {missing[0]!r} is skipped"
        cause = next(p for p in skipped if p)
        index.problem("classes.csv", line, "termSourcedIds", "skipped-dependency", message,
                      value=missing[0], cause=cause)  # fmt: skip
        return None
    if missing and index.mode("academicSessions") == "bulk":
        message = f"no academic session with sourcedId {missing[0]!r} in academicSessions.csv"
        index.problem("classes.csv", line, "termSourcedIds", "dangling-reference", message,
                      value=missing[0])  # fmt: skip
    if missing or not terms:
        if index.mode("academicSessions") != "bulk":
            # The class may be known from an earlier import, which kept its dates.
            message = (
                f"no academic session {(missing or [''])[0]!r} in this set, and class "
                f"{row['sourcedId']!r} is not known from an earlier import"
            )
            ref = GraphRef("classes.csv", line, "termSourcedIds", ("community",), row["sourcedId"])
            index.pending.append(replace(ref, missing=message))
        return None
    spans = [index.sessions[term] for term in terms]
    return min(start for start, _ in spans), max(end for _, end in spans)


def _name(index: Index, file: str, line: int, row: dict[str, str], name: str) -> None:
    if len(row.get(name, "")) > NAME_MAX:
        message = f"is longer than {NAME_MAX} characters"
        index.problem(file, line, name, "field-value", message, value=row[name])


def _rows(files: RosterFiles, index: Index, name: str) -> Iterator[tuple[int, dict[str, str]]]:
    if not index.manifest.present(name) or f"{name}.csv" not in files:
        return iter(())
    return rows(files, name, index.manifest.version, index.problems)
