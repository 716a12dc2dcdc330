"""First pass over users.csv, roles.csv and enrollments.csv: fields, roles, references."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import ValidationError

from lrm_graph.imports.oneroster.index import (
    GraphRef,
    Index,
    Link,
    choice,
    id_list,
    need,
    start_row,
    window,
)
from lrm_graph.imports.oneroster.normalise import ENROLLMENT_ROLES, ROLES_11, ROLES_12
from lrm_graph.imports.oneroster.source import RosterFiles, rows
from lrm_graph.store.fields import LearnerFields

PERSON = ("learner", "adult")
FAMILY_ROLES = frozenset({"guardian", "parent", "relative"})  # agents who may be guardians
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
    agents: list[tuple[int, str, str]] = []
    for line, row in _rows(files, index, "users"):
        status = start_row(index, "users.csv", line, row, index.users)
        if status in (None, "tobedeleted"):
            continue
        if need(index, "users.csv", line, row, "givenName", "familyName"):
            _fields(index, line, row)
        if index.manifest.version == "1.1":
            _roles_11(index, line, row)
        elif row.get("primaryOrgSourcedId"):
            org = row["primaryOrgSourcedId"]
            index.refer(
                "users.csv", line, "primaryOrgSourcedId", "orgs", org, ("organization",),
                required=False,
            )  # fmt: skip
        agents.extend((line, row["sourcedId"], a) for a in id_list(row.get("agentSourcedIds", "")))
    index.agents = agents
    for line, user, agent in agents:
        if agent in index.users or agent in index.retired_users or index.mode("users") == "bulk":
            index.refer(
                "users.csv", line, "agentSourcedIds", "users", agent, PERSON, required=False
            )
        else:
            ref = GraphRef("users.csv", line, "agentSourcedIds", PERSON, agent, required=False,
                           agent_of=user)  # fmt: skip
            index.pending.append(ref)


def _fields(index: Index, line: int, row: dict[str, str]) -> None:
    """Check names, email and grade as a learner create would (adults share the rules)."""
    try:
        LearnerFields.model_validate(person_fields(row))
    except ValidationError as exc:
        for error in exc.errors():
            field = str(error["loc"][0]) if error["loc"] else "given_name"
            column = FIELD_COLUMNS.get(field, field)
            value = row.get(column, "")
            message = f"{value!r}: {error['msg']}"
            index.problem("users.csv", line, column, "field-value", message, value=value)


def _roles_11(index: Index, line: int, row: dict[str, str]) -> None:
    """OneRoster 1.1: the role and the orgs are columns of users.csv."""
    role = choice(index, "users.csv", line, row, "role", ROLES_11)
    if role:
        index.user_roles[row["sourcedId"]] = {("users.csv", line): role}
    orgs = id_list(row.get("orgSourcedIds", ""))
    if not orgs:
        index.problem("users.csv", line, "orgSourcedIds", "missing-value", "a value is required")
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
            index.user_roles.setdefault(user, {})[("roles.csv", line)] = role


def roles_given(index: Index) -> bool:
    """Say whether this set gives every user's roles (1.1 users.csv, or a bulk roles.csv)."""
    return index.manifest.version == "1.1" or index.mode("roles") == "bulk"


def roles_of(index: Index, user: str) -> set[str]:
    """Return a user's roles from the rows of this set that are not skipped."""
    given = index.user_roles.get(user, {})
    return {role for (file, line), role in given.items() if not index.problems.left_out(file, line)}


def resolve_kinds(index: Index) -> bool:
    """Decide who is a learner (a student role) and who an adult, for the set's users; a
    user whose role rows were all skipped has no role, a knock-on. Say whether any user
    was newly skipped."""
    more = False
    for user, line in index.users.items():
        if user in index.retired_users or line in index.problems.skipped.get("users.csv", {}):
            index.kinds.pop(user, None)
            continue
        roles = roles_of(index, user)
        if roles:
            more |= _kind(index, user, line, roles)
        elif roles_given(index):
            causes = [
                index.problems.skipped[f].get(n) for f, n in index.user_roles.get(user, {})
            ]  # fmt: skip
            cause = next((c for c in causes if c), index.problems.failed_files.get("roles.csv"))
            code = "skipped-dependency" if cause else "no-role"
            message = "this user has no role in roles.csv" + (
                " (its rows are skipped)" if cause else ""
            )
            index.problem("users.csv", line, "sourcedId", code, message, value=user, cause=cause)
            index.kinds.pop(user, None)
            more = True
        elif user not in index.kinds:
            missing = "this user has no role in this set and is not known from an earlier import"
            index.pending.append(
                GraphRef("users.csv", line, "sourcedId", PERSON, user, missing=missing)
            )
            index.kinds[user] = ""  # looked up among earlier imports
    return more


def _kind(index: Index, user: str, line: int, roles: set[str]) -> bool:
    if "student" in roles and len(roles) > 1:
        others = ", ".join(sorted(roles - {"student"}))
        message = f"is a student and also {others}; a person is a learner or an adult"
        index.problem("users.csv", line, "sourcedId", "role-mismatch", message, value=user)
        index.kinds.pop(user, None)
        return True
    index.kinds[user] = "learner" if "student" in roles else "adult"
    return False


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
    """Check that a student is a learner, a teacher a teacher, and anyone else an adult."""
    file, expect = "enrollments.csv", "learner" if role == "student" else "adult"
    index.links.append(Link(file, line, "userSourcedId", "users.csv", user, True))
    if index.kinds.get(user):
        mismatch = role and index.kinds[user] != expect
        roles = roles_of(index, user)
        if role == "teacher" and not mismatch and roles and "teacher" not in roles:
            mismatch = True
        if mismatch:
            held = ", ".join(sorted(roles)) or _a(index.kinds[user])
            message = f"user {user!r} is {held}; cannot be enrolled as a {role}"
            index.problem(file, line, "role", "role-mismatch", message, value=role)
        return
    if user in index.retired_users or (user in index.users and roles_given(index)):
        return  # being deleted, or skipped: taken out or folded under its cause later
    if index.mode("users") == "bulk":
        message = f"no user with sourcedId {user!r} in users.csv"
        index.problem(file, line, "userSourcedId", "dangling-reference", message, value=user)
        return
    ref = GraphRef(file, line, "userSourcedId", PERSON, user, expect=expect if role else None)
    index.pending.append(ref)


def _a(kind: str) -> str:
    return "an adult" if kind == "adult" else "a learner"


def _rows(files: RosterFiles, index: Index, name: str) -> Iterator[tuple[int, dict[str, str]]]:
    if not index.manifest.present(name) or f"{name}.csv" not in files:
        return iter(())
    return rows(files, name, index.manifest.version, index.problems)
