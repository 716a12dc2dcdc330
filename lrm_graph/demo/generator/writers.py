"""The files of a generated district, open side by side, and the rows they share.

OneRoster says who is enrolled where, who teaches which class and who is whose guardian;
`lrm.json` says the rest (mentoring, trust, goals, interests, experts, advisories,
clubs, teams, industries, resources) in the bulk format of `POST /v1/bulk`.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Any

from lrm_graph.demo.generator.output import BulkJsonOut, CsvOut
from lrm_graph.imports.oneroster import columns

# users.csv and roles.csv rows come in sourcedId order: guardians, staff, students.
PEOPLE_PARTS = ("gdn", "stf", "stu")


def ref(kind: str, source_id: str) -> dict[str, str]:
    """Return a bulk row's reference to a node by kind and source_id."""
    return {"kind": kind, "source_id": source_id}


def rel(rel_type: str, start: dict[str, str], end: dict[str, str], **facts: Any) -> dict:
    """Return a bulk relationship row."""
    return {"type": rel_type, "from": start, "to": end, **facts}


class Outputs:
    """Every file of the district, and the relationships the roster implies."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.orgs = CsvOut(out / "orgs.csv", columns.ORGS)
        self.sessions = CsvOut(out / "academicSessions.csv", columns.ACADEMIC_SESSIONS)
        self.courses = CsvOut(out / "courses.csv", columns.COURSES)
        self.classes = CsvOut(out / "classes.csv", columns.CLASSES)
        self.enrollments = CsvOut(out / "enrollments.csv", columns.ENROLLMENTS)
        self.users = CsvOut(out / "users.csv", columns.USERS_12, PEOPLE_PARTS)
        self.roles = CsvOut(out / "roles.csv", columns.ROLES, PEOPLE_PARTS)
        self.lrm = BulkJsonOut(out / "lrm.json")
        self.roster_relationships: Counter[str] = Counter()

    def person(self, part: str, user: dict[str, str], role: str, org: str, begin: str = "") -> None:
        """Write a user and their one primary role at `org`."""
        self.users.row(user | {"enabledUser": "true", "primaryOrgSourcedId": org}, part)
        role_row = {
            "sourcedId": f"{user['sourcedId']}-role1",
            "userSourcedId": user["sourcedId"],
            "roleType": "primary",
            "role": role,
            "beginDate": begin,
            "orgSourcedId": org,
        }
        self.roles.row(role_row, part)
        if role == "student":
            self.roster_relationships["ENROLLED_AT"] += 1
        elif role not in ("parent", "guardian", "relative"):
            self.roster_relationships["WORKS_AT"] += 1

    def row_counts(self) -> dict[str, int]:
        files = (
            self.orgs, self.sessions, self.courses, self.classes, self.users, self.roles,
            self.enrollments,
        )  # fmt: skip
        return {f.path.name: f.rows for f in files}

    def close(self) -> None:
        """Join every file and write the OneRoster manifest."""
        for out in (
            self.orgs, self.sessions, self.courses, self.classes, self.enrollments,
            self.users, self.roles,
        ):  # fmt: skip
            out.close()
        self.lrm.close()
        self._manifest()

    def _manifest(self) -> None:
        present = {
            "academicSessions",
            "classes",
            "courses",
            "enrollments",
            "orgs",
            "roles",
            "users",
        }
        with (self.out / "manifest.csv").open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(columns.MANIFEST)
            writer.writerow(("manifest.version", "1.0"))
            writer.writerow(("oneroster.version", "1.2"))
            for name in columns.MANIFEST_FILES_12:
                writer.writerow((f"file.{name}", "bulk" if name in present else "absent"))
            writer.writerow(("source.systemName", "LRM Graph generator"))
            writer.writerow(("source.systemCode", "lrm-generate"))
