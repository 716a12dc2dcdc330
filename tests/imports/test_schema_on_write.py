"""A database that was started but never migrated: `lrm import oneroster` puts the schema
in place before it writes (without it, a district's import scans and may duplicate)."""

from pathlib import Path

from fastapi.testclient import TestClient

from lrm_graph.config import Settings
from lrm_graph.db import schema
from lrm_graph.db.graph import Graph
from tests.imports import support, tiny


def run(graph: Graph, query: str) -> list:
    return graph.driver.execute_query(query, database_=graph.database).records


def unmigrate(graph: Graph) -> None:
    """Drop every constraint and index, as on a database never migrated."""
    for row in run(graph, "SHOW CONSTRAINTS YIELD name RETURN name"):
        run(graph, f"DROP CONSTRAINT `{row['name']}`")
    for row in run(graph, "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name"):
        run(graph, f"DROP INDEX `{row['name']}`")


def test_import_into_an_unmigrated_database_applies_the_schema_first(
    client: TestClient, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    try:
        unmigrate(graph)
        assert "entity_kind_source_id" in schema.missing(graph)
        result = support.lrm(
            settings, "import", "oneroster", str(tiny.write(tmp_path, tiny.rows()))
        )
        assert result.exit_code == 0, result.output
        assert schema.missing(graph) == []
        assert support.count(client, "learners") == 2
        assert schema.ensure(graph) is False  # in place: one quick look, nothing applied
    finally:
        schema.apply(graph)
