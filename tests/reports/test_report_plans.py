"""A deep page of a report costs what its first page does (issue 14: at 100,000 learners
the caseloads and voice-mismatch streams took minutes, each keyset page slower than the
one before).

A section ordered by learner uid reads its learners from the index of learner uids in
order, from the page's key on, and stops at the page's end: no plan sorts the report's
rows or scans every learner. The caseloads, ordered by caseload, must work out every
adult's caseload on each page; the page's key is applied to it before the caseload in
scope is counted, so a page past the last row counts no more than the first page does.
"""

from datetime import date, timedelta
from typing import Any

import pytest

from lrm_graph.db import cypher, schema
from lrm_graph.db.graph import Graph
from tests.plans import plan_steps

TODAY = date(2026, 1, 15)
COMMON: dict[str, Any] = {
    "today": TODAY, "visible": None, "grade": None, "organization": None, "community": None,
    "caring_types": ["MENTORS", "TRUSTS"], "limit": 101,
}  # fmt: skip
# Each page query of a section ordered by learner uid, with its own parameters.
LEARNER_PAGES: dict[str, dict[str, Any]] = {
    "reports/find_unmentored": {"soon": TODAY + timedelta(days=30),
                                "quiet_before": TODAY - timedelta(days=30), "reasons": ["none"]},
    "reports/find_fragile": {"adult": None},
    "reports/find_no_community": {"home_base_kind": "advisory", "in_none": True},
    "reports/find_relationship_elements": {},
    "reports/find_unnamed_by_learner": {"to_learner_types": ["MENTORS"]},
    "reports/find_trusted_unrecorded": {},
}  # fmt: skip
KEYS: dict[str, list[Any]] = {
    "reports/find_unnamed_by_learner": ["m", "n"],
    "reports/find_trusted_unrecorded": ["m", "n"],
}


@pytest.mark.parametrize("name", sorted(LEARNER_PAGES))
@pytest.mark.parametrize("deep", [False, True])
def test_a_page_of_learners_reads_them_in_index_order_and_sorts_nothing(
    graph: Graph, name: str, deep: bool
) -> None:
    schema.apply(graph)
    after = KEYS.get(name, ["m"]) if deep else None
    steps = plan_steps(graph, name, **COMMON, **LEARNER_PAGES[name], after=after)
    operators = [step["operator"] for step in steps]
    seeks = [s for s in steps if s["operator"] == "NodeUniqueIndexSeekByRange"]
    assert [s["details"].split(" WHERE")[0] for s in seeks] == ["UNIQUE l:Learner(uid)"], steps
    assert "NodeByLabelScan" not in operators, operators
    # Sort and Top would order every row of the report; PartialSort, PartialTop and a
    # sort inside one learner's subquery (their ratings) order one learner's rows.
    whole = [s for s in steps if s["operator"] in ("Sort", "Top")
             and ("learner_uid" in s["details"] or "l.uid" in s["details"])]  # fmt: skip
    assert not whole, whole


def below(step: Any, wanted: str) -> bool:
    """Say whether a step of a plan, or one it reads from, has `wanted` in its details."""
    details = step.get("args", {}).get("Details", "")
    return wanted in details or any(below(child, wanted) for child in step.get("children", []))


def test_a_caseload_page_passes_over_the_adults_before_its_key_before_counting_in_scope(
    graph: Graph,
) -> None:
    schema.apply(graph)
    params = {**COMMON, "caseload_types": ["MENTORS"], "after": [0, "x"]}
    with graph.driver.session(database=graph.database) as session:
        result = session.run("EXPLAIN " + cypher.text("reports/count_caseloads"), params)
        plan = result.consume().plan
    found, todo = [], [plan]
    while todo:  # the filter that keeps the rows after the page's key
        step = todo.pop()
        if step["operatorType"].startswith("Filter") and "$after" in step["args"]["Details"]:
            found.append(step)
        todo += step.get("children", [])
    assert found, plan
    # What a filter reads from runs before it: the caseload in scope must not.
    assert not any(below(step, "learners_in_scope") for step in found), found
