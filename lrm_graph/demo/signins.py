"""Demo sign-ins: accounts for people of the demo school, so that `lrm demo` stays one command.

Six accounts, each standing for someone the demo school has: the district admin, the
counselor of the first school, a mentor with mentees there, one of those mentees, a
teacher of one of that learner's class sections, and the learner's guardian. Their
passwords are generated the first time (nothing fixed is in the repository) and kept
beside the embedded Neo4j's own password, in `<data dir>/demo-signins.json` (mode 0600),
so the next `lrm demo` prints the same ones.
An account whose password no longer matches (or that is gone) is set back to the kept one.
"""

from __future__ import annotations

import json
import os
import secrets
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from lrm_graph import clock
from lrm_graph.auth.caller import Role
from lrm_graph.auth.secrets import hash_password, verify_password
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.errors import InvalidInput

SCHOOL_SOURCE_ID = "demo-org-school-1"
FILE_NAME = "demo-signins.json"


@dataclass(frozen=True)
class DemoSignIn:
    role: str
    email: str
    password: str
    who: str
    person_uid: str | None = None
    org_uid: str | None = None


def ensure(graph: Graph, settings: Settings) -> list[DemoSignIn]:
    """Create (or set back) the demo accounts; return them with their passwords."""
    rows = graph.read("demo/find_signin_people", school_source_id=SCHOOL_SOURCE_ID)
    if not rows:
        raise InvalidInput("the demo school is not loaded; its people have no sign-ins yet")
    path = settings.data_dir / FILE_NAME
    kept = _kept_passwords(path, _dataset(settings))
    signins = [
        DemoSignIn(
            role.value, email, kept.get(email) or secrets.token_urlsafe(12), who, person, org
        )
        for role, email, who, person, org in _planned(rows[0])
    ]
    for signin in signins:
        _ensure_account(graph, signin)
    _keep(path, _dataset(settings), signins)
    return signins


def _planned(people: dict[str, Any]) -> list[tuple[Role, str, str, str | None, str | None]]:
    school = people["school_uid"]
    return [
        (Role.ADMIN, "admin@demo.example", "the district", None, None),
        (Role.COUNSELOR, "counselor@demo.example", people["counselor_name"],
         people["counselor_uid"], school),
        (Role.TEACHER, "teacher@demo.example", people["teacher_name"], people["teacher_uid"],
         None),
        (Role.MENTOR, "mentor@demo.example", people["mentor_name"], people["mentor_uid"], None),
        (Role.LEARNER, "learner@demo.example", people["learner_name"],
         people["learner_uid"], None),
        (Role.GUARDIAN, "guardian@demo.example", people["guardian_name"],
         people["guardian_uid"], None),
    ]  # fmt: skip


def _ensure_account(graph: Graph, signin: DemoSignIn) -> None:
    rows = graph.read("auth/get_account", email=signin.email)
    account = rows[0]["a"] if rows else {}
    as_planned = (
        account.get("role") == signin.role
        and account.get("person_uid") == signin.person_uid
        and account.get("org_uid") == signin.org_uid
        and not account.get("disabled")
        and verify_password(account.get("password_hash"), signin.password)
    )
    if as_planned:
        return
    graph.write(
        "demo/upsert_account",
        uid=uuid.uuid4().hex,
        email=signin.email,
        role=signin.role,
        person_uid=signin.person_uid,
        org_uid=signin.org_uid,
        password_hash=hash_password(signin.password),
        now=clock.now(),
    )


def _dataset(settings: Settings) -> str:
    return f"{settings.neo4j_uri or 'embedded'}/{settings.neo4j_database}"


def _kept_passwords(path: Path, dataset: str) -> dict[str, str]:
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(kept, dict) or kept.get("dataset") != dataset:
        return {}
    return {s["email"]: s["password"] for s in kept.get("signins", []) if "password" in s}


def _keep(path: Path, dataset: str, signins: list[DemoSignIn]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = json.dumps({"dataset": dataset, "signins": [asdict(s) for s in signins]}, indent=2)
    # Written readable by the owner only, like the embedded Neo4j's password beside it.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(body + "\n")
