"""The OneRoster CSV binding's files and columns, versions 1.1 and 1.2.

Headers are the binding's, in its order. The importer asks only for the columns it
reads (`REQUIRED`); others may be missing or extra (e.g. `metadata.*`).
"""

from __future__ import annotations

BASE = ("sourcedId", "status", "dateLastModified")

ORGS = (*BASE, "name", "type", "identifier", "parentSourcedId")
ACADEMIC_SESSIONS = (
    *BASE, "title", "type", "startDate", "endDate", "parentSourcedId", "schoolYear",
)  # fmt: skip
COURSES = (
    *BASE, "schoolYearSourcedId", "title", "courseCode", "grades", "orgSourcedId",
    "subjects", "subjectCodes",
)  # fmt: skip
CLASSES = (
    *BASE, "title", "grades", "courseSourcedId", "classCode", "classType", "location",
    "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes", "periods",
)  # fmt: skip
ENROLLMENTS = (
    *BASE, "classSourcedId", "schoolSourcedId", "userSourcedId", "role", "primary",
    "beginDate", "endDate",
)  # fmt: skip
USERS_12 = (
    *BASE, "enabledUser", "username", "userIds", "givenName", "familyName", "middleName",
    "identifier", "email", "sms", "phone", "agentSourcedIds", "grades", "password",
    "userMasterIdentifier", "resourceSourcedIds", "preferredGivenName",
    "preferredMiddleName", "preferredFamilyName", "primaryOrgSourcedId", "pronouns",
)  # fmt: skip
USERS_11 = (
    *BASE, "enabledUser", "orgSourcedIds", "role", "username", "userIds", "givenName",
    "familyName", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds",
    "grades", "password",
)  # fmt: skip
ROLES = (
    *BASE, "userSourcedId", "roleType", "role", "beginDate", "endDate", "orgSourcedId",
    "userProfileSourcedId",
)  # fmt: skip
MANIFEST = ("propertyName", "value")

# Every file a manifest may list (`file.<name>`), in the binding's order.
MANIFEST_FILES_12 = (
    "academicSessions", "categories", "classes", "classResources", "courses",
    "courseResources", "demographics", "enrollments", "lineItemLearningObjectiveIds",
    "lineItems", "lineItemScoreScales", "orgs", "resources", "resultLearningObjectiveIds",
    "results", "resultScoreScales", "roles", "scoreScales", "userProfiles",
    "userResources", "users",
)  # fmt: skip

# The rostering files the importer reads, in the order they are checked and applied.
ROSTER_FILES = ("orgs", "academicSessions", "courses", "classes", "users", "roles", "enrollments")

# Columns whose values the importer needs (a missing one is a bad file).
REQUIRED: dict[str, dict[str, tuple[str, ...]]] = {
    "1.2": {
        "orgs": ("sourcedId", "name", "type"),
        "academicSessions": ("sourcedId", "title", "type", "startDate", "endDate"),
        "courses": ("sourcedId", "title", "orgSourcedId"),
        "classes": ("sourcedId", "title", "classType", "schoolSourcedId", "termSourcedIds"),
        "users": ("sourcedId", "givenName", "familyName"),
        "roles": ("sourcedId", "userSourcedId", "roleType", "role", "orgSourcedId"),
        "enrollments": ("sourcedId", "classSourcedId", "userSourcedId", "role"),
    },
    "1.1": {
        "orgs": ("sourcedId", "name", "type"),
        "academicSessions": ("sourcedId", "title", "type", "startDate", "endDate"),
        "courses": ("sourcedId", "title", "orgSourcedId"),
        "classes": ("sourcedId", "title", "classType", "schoolSourcedId", "termSourcedIds"),
        "users": ("sourcedId", "givenName", "familyName", "role", "orgSourcedIds"),
        "enrollments": ("sourcedId", "classSourcedId", "userSourcedId", "role"),
    },
}

HEADERS = {
    "orgs": ORGS,
    "academicSessions": ACADEMIC_SESSIONS,
    "courses": COURSES,
    "classes": CLASSES,
    "users": USERS_12,
    "roles": ROLES,
    "enrollments": ENROLLMENTS,
}


def known(file: str, version: str) -> tuple[str, ...]:
    """Return the binding's columns of a rostering file in a version."""
    name = file.removesuffix(".csv")
    if name == "users" and version == "1.1":
        return USERS_11
    return HEADERS.get(name, ())
