"""The home of an adult who cares for learners: a counselor, advisor, coach or mentor.

Their caseload (MENTORS, ADVISES, COACHES, COUNSELS from them), each learner with their
goals and care team, and the caller's ties that have gone quiet; for those who watch over
many learners (WATCHERS) the learners they see with no caring adult, or only quiet or
ending ties (the unmentored report); for those who decide them, the open mentor
requests; and the caller's interventions due this week.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from lrm_graph import clock, reports
from lrm_graph.access import audit, node_checks, report_scope, visibility
from lrm_graph.auth.caller import Caller, Role
from lrm_graph.care import interventions
from lrm_graph.care.team import person
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.homes.cards import learner_cards
from lrm_graph.records import traversal
from lrm_graph.voice import mentor_requests

# Roles whose home lists the learners they see without a caring adult (a mentor's home is
# their mentees).
WATCHERS = frozenset({Role.COUNSELOR, Role.ADVISOR, Role.COACH, Role.SCHOOL_ADMIN})
SHOWN = 25  # learners per list on the home; the report page has them all
# A longer caseload comes folded, each learner with their ties to the caller; their care
# teams and goals are read when the fold is opened (`caseload_cards`), not for every page.
FOLDED = 30
WEEK = timedelta(days=7)


def care_home(graph: Graph, request: audit.Request, settings: Settings) -> dict[str, Any]:
    """Return the caller's caseload home; 403 for an API key.

    The learners the caller sees are asked for once, and serve the caseload, the
    unmentored lists and the interventions alike."""
    caller = person(request)
    with audit.operation(graph, request, "read") as op:
        visible = visibility.visible_learners(op.graph, caller)
        shown: dict[str, str] = {}
        caseload = _caseload(op.graph, request, visible, shown, cards=None)
        home: dict[str, Any] = {
            "caseload": caseload,
            "quiet_days": reports.DEFAULT_DAYS,
            "unmentored": None,
            "at_risk": None,
            "mentor_requests": None,
        }
        if caller.role in WATCHERS:
            home |= _unmentored(op.graph, caller, settings, visible, shown)
        if caller.role in mentor_requests.STAFF:
            page = mentor_requests.list_requests(
                op.graph, request, status="open", organization=None, cursor=None, limit=SHOWN
            )  # records the learners it lists
            home["mentor_requests"] = {"rows": page.items, "more": page.next_cursor is not None}
        due = interventions.due_before(op.graph, request, clock.today() + WEEK, record=False)
        shown |= node_checks.seen_by(visible, [plan["learner_uid"] for plan in due
                                               if plan["learner_uid"] not in shown])  # fmt: skip
        home["interventions"] = due
        op.record(shown)
        return home


def caseload_cards(graph: Graph, request: audit.Request) -> dict[str, Any]:
    """Return the caller's caseload with each learner's care team and goals (the folded
    caseload of the home, opened); 403 for an API key."""
    caller = person(request)
    with audit.operation(graph, request, "read") as op:
        shown: dict[str, str] = {}
        caseload = _caseload(op.graph, request, visibility.visible_learners(op.graph, caller),
                             shown, cards=True)  # fmt: skip
        op.record(shown)
        return caseload


def _caseload(
    graph: Graph,
    request: audit.Request,
    visible: dict[str, str] | None,
    shown: dict[str, str],
    cards: bool | None,
) -> dict[str, Any]:
    """Return the caller's caseload, each learner with their ties to the caller; with
    their care team and goals too when `cards` (None: unless the caseload is folded)."""
    caller = request.caller
    assert caller is not None
    if caller.person_uid is None:  # an account that stands for no adult has no caseload
        return {"capacity": None, "count": 0, "room": None, "learners": [], "folded": False}
    answer, seen = traversal.caseload(graph, caller, caller.person_uid, visible)
    shown |= seen
    learners = [lr for lr in answer["learners"] if lr["uid"] in seen]
    folded = len(learners) > FOLDED
    if cards is None:
        cards = not folded
    listed = learner_cards(graph, learners) if cards else [_line(lr) for lr in learners]
    quiet_before = clock.now() - timedelta(days=reports.DEFAULT_DAYS)
    for card, learner in zip(listed, learners, strict=True):
        card["ties"] = [
            {**rel, "quiet": _quiet(rel.get("last_interaction_at"), rel.get("since"), quiet_before)}
            for rel in learner["relationships"]
        ]
        card["quiet"] = any(tie["quiet"] for tie in card["ties"])
    return {"capacity": answer["capacity"], "count": len(listed), "room": answer["room"],
            "learners": listed, "folded": folded}  # fmt: skip


def _line(learner: dict[str, Any]) -> dict[str, Any]:
    """Return a learner of a folded caseload: who, without care team or goals."""
    return {"uid": learner["uid"], "name": learner["name"],
            "grade_level": learner.get("grade_level")}  # fmt: skip


def _quiet(last: datetime | None, since: Any, quiet_before: datetime) -> bool:
    """Say whether a tie has gone quiet: no interaction for `DEFAULT_DAYS` days (a tie with
    none on record counts from its start), as the unmentored report counts it."""
    if last is not None:
        return bool(last < quiet_before)
    return since is None or since < quiet_before.date()


def _unmentored(
    graph: Graph,
    caller: Caller,
    settings: Settings,
    visible: dict[str, str] | None,
    shown: dict[str, str],
) -> dict[str, Any]:
    report_scope.check_reader(caller)
    scope = report_scope.ReportScope(visible)
    # The first SHOWN of each list and how many there are (the summary): never every row.
    result = reports.run(graph, settings, "unmentored", reports.Filters(), reports.Options(),
                         scope, reports.PageRequest(limit=SHOWN), summary=True)  # fmt: skip
    none, at_risk = result["sections"]["learners"], result["sections"]["at_risk"]
    total = result["summary"]["total"]
    shown |= scope.purposes(row["learner_uid"] for row in none + at_risk)
    return {
        "unmentored": {"rows": none, "total": total["learners"]},
        "at_risk": {"rows": at_risk, "total": total["at_risk"]},
    }
