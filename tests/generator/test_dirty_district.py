"""A dirty district (`lrm generate --dirty`): the import's report finds every planted fault
and nothing else (precision and recall 1.0), and the imported graph is the clean
district's minus exactly the rows the report skipped."""

from pathlib import Path
from typing import Any

from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.demo.generator import dirty, generate
from lrm_graph.imports import oneroster
from tests.conftest import WIPE
from tests.imports import support

LEARNERS, SEED, RATE = 150, 11, 0.03
NODES = """
MATCH (n:Entity) WHERE n.source_id IS NOT NULL
RETURN n.node_kind AS kind, n.source_id AS id, n.name AS name
"""
RELATIONSHIPS = """
MATCH (a:Entity)-[r]->(b:Entity) WHERE r.source = 'imported'
RETURN type(r) AS type, a.source_id AS a, b.source_id AS b, r.roster_id AS roster_id,
       toString(r.since) AS since, toString(r.until) AS until
"""


def snapshot(graph: Graph) -> tuple[set[tuple], set[tuple]]:
    def rows(query: str) -> set[tuple]:
        records = graph.driver.execute_query(query, database_=graph.database).records
        return {tuple(record.values()) for record in records}

    return rows(NODES), rows(RELATIONSHIPS)


def generated(out: Path, dirty: float = 0.0) -> dict[str, Any]:
    return generate(out, learners=LEARNERS, seed=SEED, school_year=support.school_year(),
                    dirty=dirty)  # fmt: skip


def test_report_finds_every_planted_fault_and_graph_is_clean_minus_skipped(
    graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    clean_out, dirty_out = tmp_path / "clean", tmp_path / "dirty"
    generated(clean_out)
    oneroster.run(graph, settings, clean_out)
    clean_nodes, clean_links = snapshot(graph)
    with graph.driver.session(database=graph.database) as session:
        session.run(WIPE).consume()
    planted = generated(dirty_out, RATE)["dirty"]["faults"]

    done = oneroster.run(graph, settings, dirty_out, max_skipped=100)

    report = done["report"]
    found = {(p["file"], p["line"], p["column"], p["code"], p["severity"])
             for p in report["problems"]}  # fmt: skip
    wanted = {(f["file"], f["line"], f["column"], f["code"], f["severity"]) for f in planted}
    assert len(wanted) == len(planted) > 20 and {f["severity"] for f in planted} == {
        "error",
        "warning",
    }
    assert found == wanted  # precision and recall 1.0

    gone_users, gone_links = dirty.skipped_ids(clean_out, report)
    assert gone_users and gone_links
    assert snapshot(graph) == dirty.minus_skipped(clean_nodes, clean_links, gone_users, gone_links)
