"""A tiny synthetic OneRoster set written here, in 1.1 or 1.2, bulk or delta, to spoil one
fault or one normalisation at a time: a district, two schools, a term, two classes, two
students, a teacher and a parent.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from lrm_graph.imports.oneroster import columns

ORGS = [
    {"sourcedId": "d1", "name": "Tiny District", "type": "district"},
    {"sourcedId": "s1", "name": "North School", "type": "school", "parentSourcedId": "d1"},
    {"sourcedId": "s2", "name": "South School", "type": "school", "parentSourcedId": "d1"},
]
SESSIONS = [
    {"sourcedId": "t1", "title": "Year", "type": "schoolYear", "startDate": "2026-08-20",
     "endDate": "2027-06-11", "schoolYear": "2027"},
]  # fmt: skip
COURSES = [{"sourcedId": "c1", "title": "Algebra", "orgSourcedId": "d1"}]
CLASSES = [
    {"sourcedId": "cls1", "title": "Algebra A", "courseSourcedId": "c1", "classType": "scheduled",
     "schoolSourcedId": "s1", "termSourcedIds": "t1"},
    {"sourcedId": "cls2", "title": "Homeroom", "courseSourcedId": "c1", "classType": "homeroom",
     "schoolSourcedId": "s2", "termSourcedIds": "t1"},
]  # fmt: skip
PEOPLE = [  # (sourcedId, given, family, role, org, agents)
    ("stu1", "Ada", "Okafor", "student", "s1", "par1"),
    ("stu2", "Bo", "Lind", "student", "s2", ""),
    ("tea1", "Cy", "Marsh", "teacher", "s1", ""),
    ("par1", "Di", "Okafor", "parent", "s1", "stu1"),
]
ENROLLMENTS = [
    {"sourcedId": "e1", "classSourcedId": "cls1", "schoolSourcedId": "s1",
     "userSourcedId": "stu1", "role": "student"},
    {"sourcedId": "e2", "classSourcedId": "cls2", "schoolSourcedId": "s2",
     "userSourcedId": "stu2", "role": "student"},
    {"sourcedId": "e3", "classSourcedId": "cls1", "schoolSourcedId": "s1",
     "userSourcedId": "tea1", "role": "teacher"},
]  # fmt: skip


def rows(version: str = "1.2") -> dict[str, list[dict[str, str]]]:
    """Return the set's rows per file (copies, to spoil)."""
    users, roles = [], []
    for sid, given, family, role, org, agents in PEOPLE:
        user = {"sourcedId": sid, "enabledUser": "true", "givenName": given,
                "familyName": family, "agentSourcedIds": agents}  # fmt: skip
        if version == "1.1":
            user |= {"role": role, "orgSourcedIds": org}
        else:
            user["primaryOrgSourcedId"] = org
            roles.append({"sourcedId": f"r-{sid}", "userSourcedId": sid, "roleType": "primary",
                          "role": role, "orgSourcedId": org})  # fmt: skip
        users.append(user)
    files = {
        "orgs": ORGS, "academicSessions": SESSIONS, "courses": COURSES, "classes": CLASSES,
        "users": users, "enrollments": ENROLLMENTS,
    }  # fmt: skip
    if version == "1.2":
        files["roles"] = roles
    return {name: [dict(row) for row in file_rows] for name, file_rows in files.items()}


def write(
    out: Path,
    files: dict[str, list[dict[str, str]]],
    version: str = "1.2",
    mode: str = "bulk",
    extra: dict[str, list[str]] | None = None,
) -> Path:
    """Write a set: the given files (status filled in for a delta), `extra` columns per
    file added to its header, and its manifest; return `out`."""
    out.mkdir(parents=True, exist_ok=True)
    for name, file_rows in files.items():
        header = [*columns.known(f"{name}.csv", version), *(extra or {}).get(name, [])]
        with (out / f"{name}.csv").open("w", encoding="utf-8", newline="") as file:
            writer = csv.DictWriter(file, header, restval="")
            writer.writeheader()
            for row in file_rows:
                if mode == "delta":
                    row = {"status": "active", "dateLastModified": "2026-09-01T08:00:00Z"} | row
                writer.writerow(row)
    manifest = [("manifest.version", "1.0"), ("oneroster.version", version)]
    manifest += [(f"file.{name}", mode) for name in files]
    with (out / "manifest.csv").open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows([("propertyName", "value"), *manifest])
    return out


def problems(report: dict[str, Any]) -> list[tuple[str, str, str, str | None, str | None]]:
    """Return (severity, code, file:line, column, value) of every problem, knock-ons too."""
    found = []
    for cause in report["problems"]:
        for p in (cause, *cause["knock_ons"]):
            found.append(
                (p["severity"], p["code"], f"{p['file']}:{p['line']}", p["column"], p["value"])
            )
    return found
