"""Sign-ins for tests: accounts and tokens written straight to the test database.

Seeding a token this way skips argon2 (slow on purpose) for the many tests that only
need *a* caller; the sign-in flow itself is tested through `POST /v1/auth/token`.
"""

from __future__ import annotations

import uuid

from lrm_graph.auth.secrets import TOKEN_PREFIX, digest
from lrm_graph.db.graph import Graph

ADMIN_TOKEN = TOKEN_PREFIX + "test-admin-0123456789abcdefghijklmnopqrstuvwxyz"
ADMIN_HEADERS = {"Authorization": f"Bearer {ADMIN_TOKEN}"}

SEED = """
CREATE (a:Account {uid: $uid, email: $email})
SET a.role = $role, a.person_uid = $person_uid, a.org_uid = $org_uid,
    a.disabled = false, a.failed_signins = 0
CREATE (t:AccessToken {token_hash: $token_hash})
SET t.account_uid = $uid, t.expires_at = datetime() + duration('P1D')
"""


def seed_caller(
    graph: Graph,
    role: str,
    *,
    person_uid: str | None = None,
    org_uid: str | None = None,
    token: str | None = None,
) -> dict[str, str]:
    """Create an account with a live token; return the headers that sign in as it."""
    uid = uuid.uuid4().hex
    token = token or TOKEN_PREFIX + uuid.uuid4().hex
    graph.driver.execute_query(
        SEED,
        uid=uid,
        email=f"{role}-{uid[:8]}@test.example",
        role=role,
        person_uid=person_uid,
        org_uid=org_uid,
        token_hash=digest(token),
        database_=graph.database,
    )
    return {"Authorization": f"Bearer {token}"}


def seed_admin(graph: Graph) -> dict[str, str]:
    """Seed the district admin every `client` request signs in as."""
    return seed_caller(graph, "admin", token=ADMIN_TOKEN)
