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
WEEK = timedelta(days=7)


def care_home(graph: Graph, request: audit.Request, settings: Settings) -> dict[str, Any]:
    """Return the caller's caseload home; 403 for an API key."""
    caller = person(request)
    with audit.operation(graph, request, "read") as op:
        shown: dict[str, str] = {}
        caseload = _caseload(op.graph, request, shown)
        home: dict[str, Any] = {
            "caseload": caseload,
            "quiet_days": reports.DEFAULT_DAYS,
            "unmentored": None,
            "at_risk": None,
            "mentor_requests": None,
        }
        if caller.role in WATCHERS:
            home |= _unmentored(op.graph, request, settings, shown)
        if caller.role in mentor_requests.STAFF:
            page = mentor_requests.list_requests(
                op.graph, request, status="open", organization=None, cursor=None, limit=SHOWN
            )  # records the learners it lists
            home["mentor_requests"] = {"rows": page.items, "more": page.next_cursor is not None}
        due = interventions.due_before(op.graph, request, clock.today() + WEEK, record=False)
        shown |= {plan["learner_uid"]: "" for plan in due if plan["learner_uid"] not in shown}
        home["interventions"] = due
        op.record(_purposes(op.graph, caller, shown))
        return home


def _caseload(graph: Graph, request: audit.Request, shown: dict[str, str]) -> dict[str, Any]:
    caller = request.caller
    assert caller is not None
    if caller.person_uid is None:  # an account that stands for no adult has no caseload
        return {"capacity": None, "count": 0, "room": None, "learners": []}
    answer, seen = traversal.caseload(graph, caller, caller.person_uid)
    shown |= seen
    learners = [lr for lr in answer["learners"] if lr["uid"] in seen]
    cards = learner_cards(graph, learners)
    quiet_before = clock.now() - timedelta(days=reports.DEFAULT_DAYS)
    for card, learner in zip(cards, learners, strict=True):
        card["ties"] = [
            {**rel, "quiet": _quiet(rel.get("last_interaction_at"), rel.get("since"), quiet_before)}
            for rel in learner["relationships"]
        ]
        card["quiet"] = any(tie["quiet"] for tie in card["ties"])
    return {"capacity": answer["capacity"], "count": len(cards), "room": answer["room"],
            "learners": cards}  # fmt: skip


def _quiet(last: datetime | None, since: Any, quiet_before: datetime) -> bool:
    """Say whether a tie has gone quiet: no interaction for `DEFAULT_DAYS` days (a tie with
    none on record counts from its start), as the unmentored report counts it."""
    if last is not None:
        return bool(last < quiet_before)
    return since is None or since < quiet_before.date()


def _unmentored(
    graph: Graph, request: audit.Request, settings: Settings, shown: dict[str, str]
) -> dict[str, Any]:
    scope = report_scope.scope_for(graph, request.caller)
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


def _purposes(graph: Graph, caller: Caller, shown: dict[str, str]) -> dict[str, str]:
    """Fill in the purpose of the learners shown without one (the interventions')."""
    missing = sorted(uid for uid, purpose in shown.items() if not purpose)
    if not missing:
        return shown
    visible = visibility.visible_learners(graph, caller, only=missing)
    return shown | node_checks.seen_by(visible, missing)
