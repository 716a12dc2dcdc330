"""Every report's summary, one aggregate query each, counts exactly the rows its pages list:
per section, reason (a caseload's status), grade and school, for the whole district and
for a counselor who sees one school's learners, with each report's options; and the
leaders' dashboard counts from the summaries, reading no row."""

from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi.testclient import TestClient

from lrm_graph import reports
from lrm_graph.access import audit
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.homes import dashboard
from tests import factories
from tests.auth_helpers import seed_caller
from tests.db.test_round_trips import named_queries
from tests.reports.support import enroll, join, touch
from tests.reports.test_paging import world
from tests.reports.test_relationship_elements import build as rated_world
from tests.reports.test_use_cases import ADMIN

# The schools each learner is actively enrolled at, read straight from the graph: the
# oracle the summaries' own query is checked against.
ENROLMENTS = """
MATCH (l:Learner)-[e:ENROLLED_AT]->(o:Organization)
WHERE e.until IS NULL AND o.archived_at IS NULL
RETURN l.uid AS learner_uid, o.uid AS uid, o.name AS name
"""

Group = tuple[str, str | None, str | None, str | None]  # section, reason, school, grade


def schools_by_learner(graph: Graph) -> dict[str, list[tuple[str, str]]]:
    records, _, _ = graph.driver.execute_query(ENROLMENTS, database_=graph.database)
    found: dict[str, list[tuple[str, str]]] = {}
    for record in records:
        found.setdefault(record["learner_uid"], []).append((record["uid"], record["name"]))
    return found


def every_page(client: TestClient, name: str, headers: dict, **params: Any) -> tuple[dict, dict]:
    """Return (the first page's summary, each section's rows read across every page of 3)."""
    answer = _get(client, name, headers, limit=3, **params)
    summary = answer["summary"]
    rows: dict[str, list[dict]] = {s: [] for s, r in answer["sections"].items() if r is not None}
    while True:
        for section, listed in answer["sections"].items():
            if listed is not None:
                rows[section] += listed
        if answer["next_cursor"] is None:
            return summary, rows
        answer = _get(client, name, headers, limit=3, cursor=answer["next_cursor"], **params)


def _get(client: TestClient, name: str, headers: dict, **params: Any) -> dict[str, Any]:
    response = client.get(f"/v1/reports/{name}", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def counted_from_rows(rows: dict[str, list[dict]], schools: dict) -> Counter[Group]:
    """Count rows as a summary should: a learner's row at each school the learner is
    enrolled at (at a null school when none), a group's row at its organization."""
    counted: Counter[Group] = Counter()
    for section, listed in rows.items():
        for row in listed:
            where = [uid for uid, _ in schools.get(row.get("learner_uid"), [])]
            if "organization_uid" in row:
                where = [row["organization_uid"]]
            reason = row.get("reason") or row.get("status")
            for school in where or [None]:
                counted[(section, reason, school, row.get("grade_level"))] += 1
    return counted


def counted_in_summary(summary: dict[str, Any]) -> Counter[Group]:
    return Counter(
        {
            (c["section"], c["reason"], c["school_uid"], c["grade_level"]): c["count"]
            for c in summary["counts"]
        }
    )


def check_every_report(client: TestClient, graph: Graph, headers: dict, adult: str) -> int:
    """Check each report's summary against its rows, with its options; return how many
    rows the reports listed in all."""
    schools = schools_by_learner(graph)
    runs: list[tuple[str, dict[str, Any]]] = [(name, {}) for name in reports.REPORTS]
    runs += [("unmentored", {"reason": "never_logged"}), ("unmentored", {"reason": "none"}),
             ("fragile", {"min_learners": 1, "without": adult}),
             ("relationship-elements", {"threshold": 3})]  # fmt: skip
    listed = 0
    for name, params in runs:
        summary, rows = every_page(client, name, headers, **params)
        assert summary["total"] == {s: len(r) for s, r in rows.items()}, (name, params)
        assert counted_in_summary(summary) == counted_from_rows(rows, schools), (name, params)
        assert all(c["count"] > 0 for c in summary["counts"]), (name, params)
        listed += sum(len(r) for r in rows.values())
    return listed


def district(client: TestClient, graph: Graph) -> dict[str, Any]:
    """The paging tests' world and the rated one, with a few more ties at the east school."""
    built = world(client)
    rated = rated_world(client, graph)
    east = built["schools"][0]["uid"]
    for name in ("ana", "cy", "dee", "eve"):
        enroll(client, rated[name], east)
    advisory = factories.community(client, kind="advisory")
    for learner in built["learners"][:4]:
        join(client, learner["uid"], advisory["uid"])
    sole = built["adults"][1]["uid"]
    for learner in built["learners"][4:7]:
        rel = factories.relate(client, "COACHES", sole, learner["uid"])
        touch(client, rel, -2)
    return built | {"rated": rated, "sole": sole}


def test_every_summary_counts_the_rows_for_the_whole_district(
    client: TestClient, graph: Graph
) -> None:
    built = district(client, graph)
    admin = dict(client.headers)
    assert check_every_report(client, graph, admin, built["sole"]) > 40


def test_every_summary_counts_only_what_a_counselor_sees(client: TestClient, graph: Graph) -> None:
    built = district(client, graph)
    east = built["schools"][0]
    counselor = seed_caller(graph, "counselor", person_uid=factories.adult(client)["uid"],
                            org_uid=east["uid"])  # fmt: skip
    answer = _get(client, "unmentored", counselor)
    district_wide = _get(client, "unmentored", dict(client.headers))
    assert answer["scope"].startswith("the ") and "caller may see" in answer["scope"]
    seen = sum(answer["summary"]["total"].values())
    assert 0 < seen < sum(district_wide["summary"]["total"].values())
    assert check_every_report(client, graph, counselor, built["sole"]) > 10


def test_the_dashboard_counts_from_the_summaries_and_reads_no_row(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    district(client, graph)
    before = named_queries()
    board = dashboard.dashboard(graph, audit.Request(ADMIN, "TEST dashboard", None), settings)
    ran = named_queries() - before
    assert {name for name in ran if name.startswith("reports/find")} == set()
    for name in ("unmentored", "fragile", "no_community"):
        assert ran[f"reports/summarize_{name}"] == 1, name
    admin = dict(client.headers)
    for key, (name, section) in dashboard.COUNTED.items():
        _, rows = every_page(client, name, admin)
        assert board["counts"][key] == len(rows[section]) > 0, key
