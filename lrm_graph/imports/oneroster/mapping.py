"""The second pass over a checked set: OneRoster rows become nodes and relationships.

- orgs -> Organization (school, district; others "other"), PART_OF its parent;
- classes -> Community (a scheduled class is a class_section, a homeroom an advisory),
  PART_OF its school, with its terms' dates kept as term_start/term_end;
- users -> Learner (a student role) or Adult (roles mapped to `AdultRole`); a student's
  agents (agentSourcedIds, either side) -> GUARDIAN_OF;
- roles (1.2) or users' orgSourcedIds (1.1) -> ENROLLED_AT (learners) / WORKS_AT (adults
  other than guardians), one per user and org;
- enrollments -> MEMBER_OF (students, and adults other than teachers) and TEACHES
  (teachers) to the class, since/until the enrollment's dates or else the class's terms.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from lrm_graph.imports.oneroster.check_people import FAMILY_ROLES, person_fields, roles_of
from lrm_graph.imports.oneroster.index import Index, id_list, modified_at, parse_window
from lrm_graph.imports.oneroster.problems import Problems
from lrm_graph.imports.oneroster.source import RosterFiles, rows
from lrm_graph.imports.oneroster.writer import PERSON_KINDS, Progress, Writer, dates
from lrm_graph.vocabulary import AdultRole, OrganizationKind

ORG_KINDS = {"school": OrganizationKind.SCHOOL, "district": OrganizationKind.DISTRICT}
ROLE_MAP = {
    "teacher": AdultRole.TEACHER,
    "aide": AdultRole.AIDE,
    "proctor": AdultRole.STAFF,
    "counselor": AdultRole.COUNSELOR,
    "administrator": AdultRole.ADMINISTRATOR,
    "principal": AdultRole.ADMINISTRATOR,
    "siteAdministrator": AdultRole.ADMINISTRATOR,
    "districtAdministrator": AdultRole.ADMINISTRATOR,
    "systemAdministrator": AdultRole.ADMINISTRATOR,
    "guardian": AdultRole.GUARDIAN,
    "parent": AdultRole.PARENT,
    "relative": AdultRole.GUARDIAN,
}


def adult_roles(roles: set[str]) -> list[str]:
    """Return our roles for OneRoster roles; an `ext:` role is staff."""
    return sorted({ROLE_MAP.get(role, AdultRole.STAFF).value for role in roles})


def apply(files: RosterFiles, index: Index, writer: Writer, progress: Progress) -> None:
    """Write the whole set, then remove what it removes."""
    _orgs(files, index, writer, progress)
    _classes(files, index, writer, progress)
    _users(files, index, writer, progress)
    if index.manifest.version == "1.2":
        _roles(files, index, writer, progress)
    _enrollments(files, index, writer, progress)
    node_files = [f for f in ("orgs", "classes", "users") if index.mode(f) == "bulk"]
    bulk = [
        f for f in ("orgs", "classes", "users", "roles", "enrollments") if index.mode(f) == "bulk"
    ]
    writer.finish(node_files, bulk)


def _each(
    files: RosterFiles, index: Index, name: str, progress: Progress
) -> Iterator[tuple[int, dict]]:
    """Yield the rows that stand (the first pass said which are skipped or taken out)."""
    if not index.manifest.present(name) or f"{name}.csv" not in files:
        return
    file = f"{name}.csv"
    for line, row in rows(files, name, index.manifest.version, Problems()):
        progress(1)
        if not index.problems.left_out(file, line):
            yield line, row


def _linked(index: Index, file: str, line: int, column: str, value: str) -> bool:
    """Say whether an optional link stands (not dropped with a warning)."""
    return (file, line, column, value) not in index.dropped


def modified(row: dict[str, str]) -> dict[str, datetime]:
    """Return the row's dateLastModified as the prop that keeps it (none when blank)."""
    when = modified_at(row.get("dateLastModified", ""))
    return {"roster_modified": when} if when else {}


def _gone(row: dict[str, str]) -> bool:
    return row.get("status", "").lower() == "tobedeleted"


def _orgs(files: RosterFiles, index: Index, writer: Writer, progress: Progress) -> None:
    parents = []
    for line, row in _each(files, index, "orgs", progress):
        if _gone(row):
            writer.retire_node(row["sourcedId"], ("organization",))
            continue
        kind = ORG_KINDS.get(row["type"], OrganizationKind.OTHER).value
        props = {"name": row["name"], "kind": kind} | modified(row)
        writer.node("organization", "orgs", row["sourcedId"], props)
        parent = row.get("parentSourcedId", "")
        if parent and _linked(index, "orgs.csv", line, "parentSourcedId", parent):
            parents.append((row["sourcedId"], parent))
    writer.flush_nodes()
    for org, parent in parents:
        ends = ("organization", org), ("organization", parent)
        writer.relationship("PART_OF", "orgs", *ends, f"{org}>{parent}", {})


def _classes(files: RosterFiles, index: Index, writer: Writer, progress: Progress) -> None:
    for _line, row in _each(files, index, "classes", progress):
        class_id = row["sourcedId"]
        if _gone(row):
            writer.retire_node(class_id, ("community",))
            continue
        info = index.classes[class_id]
        props: dict = {"name": row["title"], "kind": info.kind, "open": False} | modified(row)
        course_id = row.get("courseSourcedId", "")
        course = index.courses.get(course_id)
        if course and not index.problems.skipped_id("courses.csv", course_id):
            props["description"] = f"A section of {course}"
        if info.window:
            props |= {"term_start": info.window[0], "term_end": info.window[1]}
        writer.node("community", "classes", class_id, props)
        ends = ("community", class_id), ("organization", row["schoolSourcedId"])
        writer.relationship("PART_OF", "classes", *ends, f"{class_id}>{row['schoolSourcedId']}", {})


def _users(files: RosterFiles, index: Index, writer: Writer, progress: Progress) -> None:
    for _line, row in _each(files, index, "users", progress):
        user = row["sourcedId"]
        if _gone(row):
            writer.retire_node(user, PERSON_KINDS)
            continue
        kind, roles = index.kinds[user], roles_of(index, user)
        props = person_fields(row) | modified(row)
        if kind == "adult":
            props.pop("grade_level", None)
        writer.node(
            kind, "users", user, props, adult_roles(roles) if roles and kind == "adult" else None
        )
        if index.manifest.version == "1.1" and not roles <= FAMILY_ROLES:
            for org in id_list(row["orgSourcedIds"]):
                _org_link(writer, "users", kind, user, org, (None, None))
    writer.flush_nodes()
    for adult, learner in sorted(index.guardians):
        ends = ("adult", adult), ("learner", learner)
        writer.relationship("GUARDIAN_OF", "users", *ends, f"{adult}>{learner}", {})


def _org_link(writer: Writer, file: str, kind: str, user: str, org: str, span: tuple) -> None:
    rel_type = "ENROLLED_AT" if kind == "learner" else "WORKS_AT"
    ends = (kind, user), ("organization", org)
    writer.relationship(rel_type, file, *ends, f"{user}@{org}", dates(*span))


def _roles(files: RosterFiles, index: Index, writer: Writer, progress: Progress) -> None:
    """One ENROLLED_AT / WORKS_AT per user and org, spanning all their roles there."""
    links: dict[tuple[str, str], list[tuple[date | None, date | None]]] = {}
    for _line, row in _each(files, index, "roles", progress):
        user, org = row["userSourcedId"], row["orgSourcedId"]
        if _gone(row):
            writer.retire_relationship(user, PERSON_KINDS, f"{user}@{org}")
        elif row["role"] not in FAMILY_ROLES:
            links.setdefault((user, org), []).append(parse_window(row))
    for (user, org), spans in sorted(links.items()):
        if user not in index.kinds:
            continue  # deleted in this very set
        since = None if any(s is None for s, _ in spans) else min(s for s, _ in spans if s)
        until = None if any(u is None for _, u in spans) else max(u for _, u in spans if u)
        _org_link(writer, "roles", index.kinds[user], user, org, (since, until))


def _enrollments(files: RosterFiles, index: Index, writer: Writer, progress: Progress) -> None:
    for _line, row in _each(files, index, "enrollments", progress):
        user, class_id, enrollment = row["userSourcedId"], row["classSourcedId"], row["sourcedId"]
        if _gone(row):
            writer.retire_relationship(user, PERSON_KINDS, enrollment)
            continue
        info = index.classes.get(class_id)
        terms = (info.window if info else None) or index.graph_windows.get(class_id) or (None, None)
        begin, end = parse_window(row)
        kind = index.kinds.get(user)
        if kind is None:
            continue  # the user is deleted in this very set
        rel_type = "TEACHES" if row["role"] == "teacher" else "MEMBER_OF"
        ends = (kind, user), ("community", class_id)
        props = dates(begin or terms[0], end or terms[1]) | modified(row)
        writer.relationship(rel_type, "enrollments", *ends, enrollment, props)
        if index.mode("enrollments") == "delta":
            writer.follow_enrollment(rel_type, user, class_id, enrollment)
