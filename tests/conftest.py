"""One real Neo4j per test session, emptied between tests; never mocked, never skipped."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph, connect
from tests.auth_helpers import seed_admin
from tests.neo4j_server import HOW_TO_GET_ONE, test_database

pytest_plugins = ["tests.problem_answers"]  # one title per problem type, suite-wide

WIPE = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
COUNT = "MATCH (n) RETURN count(n) AS nodes"


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    try:
        with test_database(tmp_path_factory.mktemp("lrm")) as (settings, origin):
            print(f"\ntests use {origin}")
            yield settings
    except Exception as exc:  # the tests fail, loudly, with the way out
        if isinstance(exc, pytest.fail.Exception):
            raise
        pytest.fail(f"{HOW_TO_GET_ONE}\n({type(exc).__name__}: {exc})", pytrace=False)


@pytest.fixture(scope="session")
def graph(settings: Settings) -> Iterator[Graph]:
    graph = connect(settings)
    try:
        graph.ping()
    except Exception as exc:
        pytest.fail(f"{HOW_TO_GET_ONE}\n({exc})", pytrace=False)
    nodes = graph.driver.execute_query(COUNT, database_=graph.database).records[0]["nodes"]
    if settings.neo4j_uri and nodes and os.environ.get("LRM_TEST_MAY_WIPE") != "1":
        pytest.fail(
            f"the database at {settings.neo4j_uri} holds {nodes} nodes; the tests empty it "
            "between tests, so they refuse to start unless LRM_TEST_MAY_WIPE=1",
            pytrace=False,
        )
    yield graph
    graph.close()


@pytest.fixture(scope="session")
def app_client(settings: Settings, graph: Graph) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.fixture(autouse=True)
def empty_graph(request: pytest.FixtureRequest) -> Iterator[None]:
    """Empty the database before each test that uses it."""
    if "graph" in request.fixturenames or "client" in request.fixturenames:
        graph: Graph = request.getfixturevalue("graph")
        with graph.driver.session(database=graph.database) as session:
            session.run(WIPE).consume()
    yield


@pytest.fixture
def client(app_client: TestClient, graph: Graph) -> TestClient:
    """The app, signed in as a district admin (seeded afresh after each emptying)."""
    app_client.headers.update(seed_admin(graph))
    app_client.app.state.callers.clear()  # the admin's token is the same; its account is new
    return app_client
