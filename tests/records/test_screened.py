"""The screened-expert rule: the Cypher fragment every query splices in, and its Python
twin for nodes already read, agree on every case."""

from datetime import date, timedelta

from lrm_graph.db import cypher
from lrm_graph.db.graph import Graph
from lrm_graph.store.relationships import is_screened

ON = date(2030, 6, 15)
LATER, BEFORE = ON + timedelta(days=1), ON - timedelta(days=1)
CASES = {
    "cleared, expires later": {"screening_status": "cleared", "screening_expires_on": LATER},
    "cleared, expires that day": {"screening_status": "cleared", "screening_expires_on": ON},
    "cleared, expired before": {"screening_status": "cleared", "screening_expires_on": BEFORE},
    "cleared, no expiry on record": {"screening_status": "cleared"},
    "pending": {"screening_status": "pending", "screening_expires_on": LATER},
    "expired": {"screening_status": "expired", "screening_expires_on": LATER},
    "never screened": {},
}
# Read in a test only: the rule itself lives in cypher/fragments/screened.cypher.
QUERY = "UNWIND $experts AS e RETURN e.case AS case, {{screened(e, $on)}} AS screened"


def test_fragment_and_python_twin_agree_on_every_case(graph: Graph) -> None:
    experts = [{"case": case, **props} for case, props in CASES.items()]
    rows = graph.driver.execute_query(
        cypher.splice(QUERY), experts=experts, on=ON, database_=graph.database
    ).records
    in_cypher = {row["case"]: row["screened"] for row in rows}
    in_python = {case: is_screened(props, ON) for case, props in CASES.items()}
    assert in_cypher == in_python
    assert {case for case, screened in in_cypher.items() if screened} == {
        "cleared, expires later",
        "cleared, expires that day",
    }


def _users_of_fragments() -> list[str]:
    return [name for name in cypher.all_names() if cypher.FRAGMENT_USE.search(cypher.source(name))]


def test_every_query_that_splices_the_rule_is_planned_by_neo4j(graph: Graph) -> None:
    users = _users_of_fragments()
    assert len(users) >= 8
    with graph.driver.session(database=graph.database) as session:
        for name in users:
            # EXPLAIN plans without running: a splice that broke the query fails here.
            session.run("EXPLAIN " + cypher.text(name)).consume()  # type: ignore[arg-type]
