"""The analytics as the API, the CLI and the web app ask for them: one use case each.

`run_analytic` checks that the caller may run analytics, runs one over the learners they
see (`runner.run`: select, project, run the pure analytic of `analytics/`, shape) and
records every learner the answer names in the audit, in one transaction, before the answer
leaves. `accept_match` turns a suggested match into a relationship by the rule of every
new relationship.
"""

from __future__ import annotations

from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit, relationship_checks, report_scope
from lrm_graph.analysis import runner
from lrm_graph.analysis.answers import Report
from lrm_graph.analysis.options import LearnerFilter, Options
from lrm_graph.auth.caller import Caller
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.errors import LrmError
from lrm_graph.store.relationships import RelationshipFields, read_ends
from lrm_graph.vocabulary import RelType, Source

__all__ = ["NAMES", "LearnerFilter", "Options", "Report", "accept_match", "mentors_for",
           "run_analytic"]  # fmt: skip

NAMES = runner.NAMES
SPARE_CANDIDATES = 10  # asked for beyond the limit, for those the caller may not accept


def run_analytic(
    graph: Graph,
    request: audit.Request,
    settings: Settings,
    name: str,
    filters: LearnerFilter,
    options: Options,
) -> Report:
    """Run the analytic `name` for the caller, over the learners they may see, and record
    each learner its answer names.

    403 for a caller who may not run analytics; 404 for an unknown analytic (or, for a
    caller who sees the whole district, an unknown organization or community); 422 for
    an option out of its range, or a district-wide analytic over a district larger than
    `analytics_max_nodes` (analytics-too-large: ask it per organization).
    """
    with audit.operation(graph, request, "read") as op:
        scope = report_scope.scope_for(op.graph, request.caller)
        report = runner.run(op.graph, name, filters, options, caring_types=settings.caring_types,
                            scope=scope, max_nodes=settings.analytics_max_nodes)  # fmt: skip
        op.record(scope.purposes(report.learners))
        report.data["scope"] = scope.describe()
        return report


def accept_match(
    graph: Graph, request: audit.Request, learner_uid: str, adult_uid: str, rel_type: RelType
) -> dict[str, Any]:
    """Accept a suggested match: a caseload relationship from the adult to the learner,
    source `suggested`, recorded in the audit as a grant in the transaction that makes it.

    For admins, school admins and counselors of the learner's organization and API keys
    with the write scope (403 otherwise; 404 for a learner the caller does not see); then
    the rules of `POST /v1/relationships` for that relationship, and the adult's room.
    """
    caller = audit.signed_in(request)
    with audit.operation(graph, request, "write", aimed_at=[learner_uid]) as op:
        report_scope.match_purpose(op.graph, caller, learner_uid)
        return runner.accept_match(op, caller, learner_uid, adult_uid, rel_type)


def mentors_for(
    graph: Graph, request: audit.Request, learner_uid: str, limit: int
) -> dict[str, Any]:
    """Return the mentor-match analytic's ranked candidates for one learner, for a caller
    who may accept one (`report_scope.match_purpose`: 403, or 404 as if absent).

    It runs for this learner whether or not they have a caring adult already (as for a
    mentor request): the person looking at them decides; the adults who care for them
    already are left out, and so are those the caller could not make the learner's mentor
    (as `accept_match` would refuse them). Nothing is written.
    """
    caller = audit.signed_in(request)
    with audit.operation(graph, request, "read", aimed_at=[learner_uid]) as op:
        purpose = report_scope.match_purpose(op.graph, caller, learner_uid)
        scope = report_scope.ReportScope({learner_uid: purpose})
        wider = Options(limit=min(limit + SPARE_CANDIDATES, runner.LIMIT_MAX))
        found = runner.run(op.graph, "mentor-matches", options=wider, caring_types=(),
                           scope=scope)  # fmt: skip
        op.record({learner_uid: purpose})
        empty: dict[str, Any] = {"learner_uid": learner_uid, "candidates": []}
        answer: dict[str, Any] = next(iter(found.data["items"]), empty)
        team = op.graph.read("care/get_care_team", learner_uids=[learner_uid], today=clock.today())
        caring = {row["person_uid"] for row in team}
        fresh = [c for c in answer["candidates"] if c["adult_uid"] not in caring]
        acceptable = [
            c for c in fresh if _may_accept(op.graph, caller, learner_uid, c["adult_uid"])
        ]
        return answer | {"candidates": acceptable[:limit]}


def _may_accept(graph: Graph, caller: Caller, learner_uid: str, adult_uid: str) -> bool:
    """Say whether accepting this match would pass the rules of every new relationship
    (an adult of another school is no counselor's to assign)."""
    fields = RelationshipFields(type=RelType.MENTORS, from_uid=adult_uid, to_uid=learner_uid,
                                source=Source.SUGGESTED)  # fmt: skip
    try:
        relationship_checks.check_create(
            graph, caller, fields, read_ends(graph, adult_uid, learner_uid)
        )
    except LrmError:
        return False
    return True
