"""`reports.run_report` and `analysis.run_analytic`: the one call every interface makes.

The check, the report (or analytic) and the audit entry of the learners it names happen
together; a refused or invalid run is recorded as what it was, and names no learner.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from lrm_graph import analysis, reports
from lrm_graph.access import audit
from lrm_graph.auth.caller import Caller, Role, Scope
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Forbidden, InvalidInput
from tests import factories

ADMIN = Caller(kind="account", id="acct-admin", role=Role.ADMIN, display="admin@example.org",
               scopes=frozenset(Scope))  # fmt: skip
LEARNER = Caller(kind="account", id="acct-ada", role=Role.LEARNER, display="ada@example.org",
                 scopes=frozenset({Scope.READ}))  # fmt: skip
WHAT = "TEST insight"

# Each use case, called with (graph, request, settings, valid): valid or out-of-range
# options; it returns the uids of the learners its answer names.
Run = Callable[[Graph, audit.Request, Settings, bool], set[str]]


def report(graph: Graph, request: audit.Request, settings: Settings, valid: bool) -> set[str]:
    options = reports.Options(days=30 if valid else 0)
    answer = reports.run_report(graph, request, settings, "unmentored", reports.Filters(), options)
    return reports.disclosed(answer)


def analytic(graph: Graph, request: audit.Request, settings: Settings, valid: bool) -> set[str]:
    options = analysis.Options(k=2 if valid else 99)
    found = analysis.run_analytic(
        graph, request, settings, "structure", analysis.LearnerFilter(), options
    )
    return found.learners


def recorded(graph: Graph) -> list[tuple[str | None, str, str | None]]:
    entries = audit.list_entries(graph, limit=100).items
    return [(e.get("learner_uid"), e["outcome"], e.get("purpose")) for e in entries
            if e["what"] == WHAT]  # fmt: skip


@pytest.mark.parametrize("run", [report, analytic])
def test_use_case_answers_and_records_each_learner_named(
    client: TestClient, graph: Graph, settings: Settings, run: Run
) -> None:
    alone = factories.learner(client)
    assert run(graph, audit.Request(ADMIN, WHAT, None), settings, True) == {alone["uid"]}
    assert recorded(graph) == [(alone["uid"], "allowed", "district")]


@pytest.mark.parametrize("run", [report, analytic])
def test_use_case_refused_caller_is_recorded_as_denied(
    client: TestClient, graph: Graph, settings: Settings, run: Run
) -> None:
    factories.learner(client)
    with pytest.raises(Forbidden):
        run(graph, audit.Request(LEARNER, WHAT, None), settings, True)
    assert recorded(graph) == [(None, "denied (403)", None)]


@pytest.mark.parametrize("run", [report, analytic])
def test_use_case_invalid_option_is_recorded_as_invalid(
    client: TestClient, graph: Graph, settings: Settings, run: Run
) -> None:
    factories.learner(client)
    with pytest.raises(InvalidInput):
        run(graph, audit.Request(ADMIN, WHAT, None), settings, False)
    assert recorded(graph) == [(None, "invalid (422)", None)]


def test_list_reports_is_for_those_who_may_run_them() -> None:
    listed = reports.list_reports(audit.Request(ADMIN, WHAT, None))
    assert [info["name"] for info in listed] == list(reports.REPORTS)
    for caller in (LEARNER, None):
        with pytest.raises(Forbidden):
            reports.list_reports(audit.Request(caller, WHAT, None))
