"""First pass over users.csv, roles.csv and enrollments.csv: fields, roles, references."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import ValidationError

from lrm_graph.imports.oneroster import columns
from lrm_graph.imports.oneroster.index import (
    GraphRef,
    Index,
    choice,
    id_list,
    need,
    start_row,
    window,
)
from lrm_graph.imports.oneroster.source import RosterFiles, rows
from lrm_graph.records.fields import LearnerFields

ROLES_12 = (
    "aide", "counselor", "districtAdministrator", "guardian", "parent", "principal",
    "proctor", "relative", "siteAdministrator", "student", "systemAdministrator", "teacher",
)  # fmt: skip
ROLES_11 = (
    "administrator", "aide", "guardian", "parent", "proctor", "relative", "student", "teacher",
)  # fmt: skip
ENROLLMENT_ROLES = ("administrator", "proctor", "student", "teacher", "aide")
PERSON = ("learner", "adult")
# Our field names, and the users.csv column each comes from (for problems).
FIELD_COLUMNS = {
    "given_name": "givenName",
    "family_name": "familyName",
    "preferred_name": "preferredGivenName",
    "email": "email",
    "grade_level": "grades",
}


def grade(value: str) -> str | None:
    """Return the first grade of a grades column, as a two-digit code where it is a number."""
    grades = id_list(value)
    if not grades:
        return None
    first = grades[0]
    return first.zfill(2) if first.isdigit() and len(first) == 1 else first


def person_fields(row: dict[str, str]) -> dict[str, str]:
    """Return a users.csv row's person fields under our names (blank ones left out)."""
    fields = {
        "given_name": row.get("givenName", ""),
        "family_name": row.get("familyName", ""),
        "preferred_name": row.get("preferredGivenName", ""),
        "email": row.get("email", ""),
        "grade_level": grade(row.get("grades", "")) or "",
    }
    return {name: value for name, value in fields.items() if value}


def check_users(files: RosterFiles, index: Index) -> None:
    agents: list[tuple[int, str]] = []
    for line, row in _rows(files, index, "users"):
        status = start_row(index, "users.csv", line, row, index.users)
        if status == "tobedeleted":
            index.retired_users.add(row["sourcedId"])
        if status in (None, "tobedeleted"):
            continue
        if need(index, "users.csv", line, row, "givenName", "familyName"):
            _fields(index, line, row)
        enabled = row.get("enabledUser", "").lower()
        if enabled not in ("", "true", "false"):
            index.problem(
                "users.csv", line, "enabledUser", f"must be true or false; got {enabled!r}"
            )
        agents.extend((line, agent) for agent in id_list(row.get("agentSourcedIds", "")))
        if index.manifest.version == "1.1":
            _roles_11(index, line, row)
        elif row.get("primaryOrgSourcedId"):
            org = row["primaryOrgSourcedId"]
            index.refer("users.csv", line, "primaryOrgSourcedId", "orgs", org, ("organization",))
    for line, agent in agents:
        index.refer("users.csv", line, "agentSourcedIds", "users", agent, PERSON)


def _fields(index: Index, line: int, row: dict[str, str]) -> None:
    """Check names, email and grade as a learner create would (adults share the rules)."""
    try:
        LearnerFields.model_validate(person_fields(row))
    except ValidationError as exc:
        for error in exc.errors():
            field = str(error["loc"][0]) if error["loc"] else "given_name"
            column = FIELD_COLUMNS.get(field, field)
            index.problem("users.csv", line, column, f"{row.get(column, '')!r}: {error['msg']}")


def _roles_11(index: Index, line: int, row: dict[str, str]) -> None:
    """OneRoster 1.1: the role and the orgs are columns of users.csv."""
    role = choice(index, "users.csv", line, row, "role", ROLES_11)
    if role:
        index.user_roles[row["sourcedId"]] = {role}
    orgs = id_list(row.get("orgSourcedIds", ""))
    if not orgs:
        index.problem("users.csv", line, "orgSourcedIds", "a value is required")
    for org in orgs:
        index.refer("users.csv", line, "orgSourcedIds", "orgs", org, ("organization",))


def check_roles(files: RosterFiles, index: Index) -> None:
    seen: dict[str, int] = {}
    for line, row in _rows(files, index, "roles"):
        status = start_row(index, "roles.csv", line, row, seen)
        if status is None:
            continue
        complete = need(index, "roles.csv", line, row, "userSourcedId", "orgSourcedId", "role")
        if status == "tobedeleted" or not complete:
            continue
        role = choice(index, "roles.csv", line, row, "role", ROLES_12)
        if row.get("roleType"):
            choice(index, "roles.csv", line, row, "roleType", ("primary", "secondary"))
        window(index, "roles.csv", line, row)
        user, org = row["userSourcedId"], row["orgSourcedId"]
        index.refer("roles.csv", line, "userSourcedId", "users", user, PERSON)
        index.refer("roles.csv", line, "orgSourcedId", "orgs", org, ("organization",))
        if role:
            index.user_roles.setdefault(user, set()).add(role)


def roles_given(index: Index) -> bool:
    """Say whether this set gives every user's roles (1.1 users.csv, or a bulk roles.csv)."""
    return index.manifest.version == "1.1" or index.mode("roles") == "bulk"


def resolve_kinds(index: Index) -> None:
    """Decide who is a learner (a student role) and who an adult, for the set's users."""
    for user, line in index.users.items():
        if user in index.retired_users:
            continue
        roles = index.user_roles.get(user)
        if not roles:
            if roles_given(index):
                message = "this user has no role in roles.csv"
                index.problem("users.csv", line, "sourcedId", message)
            else:
                missing = (
                    "this user has no role in this set and is not known from an earlier import"
                )
                index.pending.append(
                    GraphRef("users.csv", line, "sourcedId", PERSON, user, missing=missing)
                )
            continue
        if "student" in roles and len(roles) > 1:
            others = ", ".join(sorted(roles - {"student"}))
            message = f"is a student and also {others}; a person is a learner or an adult"
            index.problem("users.csv", line, "sourcedId", message)
        index.kinds[user] = "learner" if "student" in roles else "adult"


def check_enrollments(files: RosterFiles, index: Index) -> None:
    seen: dict[str, int] = {}
    for line, row in _rows(files, index, "enrollments"):
        file = "enrollments.csv"
        status = start_row(index, file, line, row, seen)
        if status is None:
            continue
        complete = need(index, file, line, row, "classSourcedId", "userSourcedId", "role")
        if status == "tobedeleted" or not complete:
            continue
        role = choice(index, file, line, row, "role", ENROLLMENT_ROLES)
        window(index, file, line, row)
        index.refer(file, line, "classSourcedId", "classes", row["classSourcedId"], ("community",))
        if row.get("schoolSourcedId"):
            school = row["schoolSourcedId"]
            index.refer(file, line, "schoolSourcedId", "orgs", school, ("organization",))
        _enrolled_user(index, line, row["userSourcedId"], role)


def _enrolled_user(index: Index, line: int, user: str, role: str) -> None:
    """Check that a student is a learner and anyone else an adult."""
    file, expect = "enrollments.csv", "learner" if role == "student" else "adult"
    if user in index.kinds:
        if role and index.kinds[user] != expect:
            message = (
                f"user {user!r} is {_a(index.kinds[user])}, not {_a(expect)}; cannot be a {role}"
            )
            index.problem(file, line, "role", message)
        return
    if user in index.retired_users or (user in index.users and roles_given(index)):
        return  # being deleted, or its own problem (no role) is reported on users.csv
    if user not in index.users and index.mode("users") == "bulk":
        index.problem(file, line, "userSourcedId", f"no user with sourcedId {user!r} in users.csv")
        return
    ref = GraphRef(file, line, "userSourcedId", PERSON, user, expect=expect if role else None)
    index.pending.append(ref)


def _a(kind: str) -> str:
    return "an adult" if kind == "adult" else "a learner"


def _rows(files: RosterFiles, index: Index, name: str) -> Iterator[tuple[int, dict[str, str]]]:
    if not index.manifest.present(name) or f"{name}.csv" not in files:
        return iter(())
    required = columns.REQUIRED[index.manifest.version][name]
    return rows(files, f"{name}.csv", required, index.problems)
