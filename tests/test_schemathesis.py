"""schemathesis against /openapi.json, as a signed-in admin: no 5xx, and every answer
matches the schema. Bounded (a few examples per operation) so that it runs in the suite.

The same run against a server you started (`make run`), with a token from
`POST /v1/auth/token`:

    .venv/bin/schemathesis run http://127.0.0.1:8000/openapi.json \\
        --header "Authorization: Bearer $TOKEN" \\
        --checks not_a_server_error,response_schema_conformance --max-examples 10
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings

from api.main import create_app
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from tests.auth.servers import free_port, served
from tests.auth_helpers import seed_admin

MAX_EXAMPLES = 4
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.response_schema_conformance,
]
# The schema only: create_app connects nothing until its lifespan runs.
SCHEMA = schemathesis.openapi.from_dict(create_app(Settings()).openapi())


@pytest.fixture(scope="module")
def live_api(settings: Settings, graph: Graph) -> Iterator[str]:
    """Serve the app over HTTP on a free port, as `lrm serve` would, for this module."""
    with served(settings, free_port()) as url:
        yield url


@pytest.fixture
def admin(graph: Graph) -> dict[str, str]:
    """Sign in as the district admin (the database is emptied before each operation)."""
    return seed_admin(graph)


@SCHEMA.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(
    case: schemathesis.Case, live_api: str, admin: dict[str, str]
) -> None:
    case.call_and_validate(base_url=live_api, headers=admin, checks=CHECKS)
