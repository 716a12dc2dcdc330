"""schemathesis against /openapi.json, as a signed-in admin, with every check schemathesis
has: no 5xx; each status, content type, header and body as the schema says; requests the
schema allows are taken and those it refuses are refused; a 405 (with `Allow`) for a method
a path does not take; no operation answers without sign-in. Bounded (a few generated
requests per operation, besides the coverage phase's) so that it runs in the suite.
Measured (`time .venv/bin/python -m pytest tests/test_schemathesis.py -q`, 179 tests, all
passing): 4 min 25 s on this 2-core machine at load 3 to 5 (12 min 5 s at load 18 to 6):
over the ~2 minutes it should take; fewer examples, or the coverage phase for fewer
operations, is still to do.

`tests/schemathesis_hooks.py` tells schemathesis what a `cursor` is (opaque: one this API
gave out). The same run against a server you started (`make run`), with a token from
`POST /v1/auth/token`:

    SCHEMATHESIS_HOOKS=tests.schemathesis_hooks .venv/bin/schemathesis run \\
        http://127.0.0.1:8000/openapi.json --header "Authorization: Bearer $TOKEN" \\
        --checks all --max-examples 4
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings

import tests.schemathesis_hooks  # noqa: F401  (the `cursor` format)
from api.main import create_app
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from tests.auth.servers import free_port, served
from tests.auth_helpers import seed_admin

MAX_EXAMPLES = 4
TIMEOUT = 120  # seconds an answer may take: a path search on a machine under load
schemathesis.checks.load_all_checks()  # the OpenAPI checks register when loaded
CHECKS = [check for check in schemathesis.checks.CHECKS.get_all() if not isinstance(check, type)]
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


def test_every_check_runs() -> None:
    assert len(CHECKS) >= 14, [check.__name__ for check in CHECKS]


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
    case.call_and_validate(base_url=live_api, headers=admin, checks=CHECKS, timeout=TIMEOUT)
