"""What the spec's intent makes clear, normalised as each row is read, and said as a warning.

- an enumeration value in the wrong case (`Scheduled`) becomes the binding's (`scheduled`):
  `enum-case`;
- an ISO date-time where a date is expected (`2026-09-01T00:00:00Z`) becomes its date:
  `date-time`;
- a blank entry in a list of sourcedIds (`a,,b`) is dropped: `blank-reference`.

Anything else (a date like `1/09/2022`: January or September?) is left for the checks to
refuse; it is never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

STATUSES = {"1.1": ("active", "tobedeleted", "inactive"), "1.2": ("active", "tobedeleted")}
ORG_TYPES = ("department", "school", "district", "local", "state", "national")
SESSION_TYPES = ("gradingPeriod", "semester", "schoolYear", "term")
CLASS_TYPES = ("homeroom", "scheduled")
ROLES_12 = (
    "aide", "counselor", "districtAdministrator", "guardian", "parent", "principal",
    "proctor", "relative", "siteAdministrator", "student", "systemAdministrator", "teacher",
)  # fmt: skip
ROLES_11 = (
    "administrator", "aide", "guardian", "parent", "proctor", "relative", "student", "teacher",
)  # fmt: skip
ENROLLMENT_ROLES = ("administrator", "proctor", "student", "teacher", "aide")
BOOLEAN = ("true", "false")

# Per file, the enumerated columns and their values (users.csv's role is 1.1's).
ENUMS: dict[str, dict[str, tuple[str, ...]]] = {
    "orgs.csv": {"type": ORG_TYPES},
    "academicSessions.csv": {"type": SESSION_TYPES},
    "classes.csv": {"classType": CLASS_TYPES},
    "users.csv": {"role": ROLES_11, "enabledUser": BOOLEAN},
    "roles.csv": {"role": ROLES_12, "roleType": ("primary", "secondary")},
    "enrollments.csv": {"role": ENROLLMENT_ROLES, "primary": BOOLEAN},
}
DATES: dict[str, tuple[str, ...]] = {
    "academicSessions.csv": ("startDate", "endDate"),
    "enrollments.csv": ("beginDate", "endDate"),
    "roles.csv": ("beginDate", "endDate"),
}
ID_LISTS: dict[str, tuple[str, ...]] = {
    "classes.csv": ("termSourcedIds",),
    "users.csv": ("agentSourcedIds", "orgSourcedIds"),
}
DATE_TIME = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$"
)

# Called for each normalisation: (column, code, message, value as written).
Say = Callable[[str, str, str, str], None]


def normalise(version: str, file: str, row: dict[str, str], say: Say) -> None:
    """Normalise a row in place; tell `say` about each change."""
    enums = ENUMS.get(file, {}) | {"status": STATUSES[version]}
    for column, allowed in enums.items():
        value = row.get(column, "")
        if value and value not in allowed and not value.startswith("ext:"):
            fixed = next((a for a in allowed if a.lower() == value.lower()), None)
            if fixed is not None:
                row[column] = fixed
                say(column, "enum-case", f"{value!r} read as {fixed!r}", value)
    for column in DATES.get(file, ()):
        match = DATE_TIME.match(row.get(column, ""))
        if match:
            value, row[column] = row[column], match.group(1)
            say(
                column,
                "date-time",
                f"a date-time where a date is expected: read as {row[column]}",
                value,
            )
    for column in ID_LISTS.get(file, ()):
        value = row.get(column, "")
        parts = [part.strip() for part in value.split(",")]
        if value and "" in parts:
            row[column] = ",".join(part for part in parts if part)
            say(column, "blank-reference", "a blank sourcedId in the list is left out", value)
