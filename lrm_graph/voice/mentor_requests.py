"""Mentor requests: a learner asks for a mentor, in their own words; a counselor assigns
one, declines with a reason, or looks at the mentor-match analytic's suggestions.

A learner has at most one open request. Requests are read and decided by the district
admin and by school admins and counselors, each for the learners they see
(`visibility.visible_learners`; anyone else's request is 404, as if absent); the learner
reads their own. An assignment is an accepted match (`runner.accept_match`, with
source `learner_requested`): the same caseload room check, and an expert's relationship
is only a proposed connection that safeguarding then takes through approval and consent.
Every read and write is recorded in the audit before the answer leaves.
"""

from __future__ import annotations

from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit, visibility
from lrm_graph.access.report_scope import ReportScope, match_purpose
from lrm_graph.analysis import runner
from lrm_graph.auth.caller import Caller, Role, Scope
from lrm_graph.db.graph import Graph
from lrm_graph.db.pages import Page, decode, page_of
from lrm_graph.errors import Conflict, Forbidden, InvalidInput, NotFound
from lrm_graph.vocabulary import RelType, Source
from lrm_graph.voice import goals, profile
from lrm_graph.voice.requests import Requests

STAFF = frozenset({Role.ADMIN, Role.SCHOOL_ADMIN, Role.COUNSELOR})
OPEN = "open"


REQUESTS = Requests(
    "mentor request",
    "mentor_requests/get_request",
    "mentor_requests/decide_request",
    OPEN,
    ("learner_name", "goal_title"),
)


# The learner's side


def ask(
    graph: Graph, request: audit.Request, hope: str, goal_uid: str | None, interest: str | None
) -> dict[str, Any]:
    """Ask for a mentor; 409 while another request of the learner's is open."""
    learner = profile.me(graph, request, Scope.WRITE)
    if goal_uid is not None:
        try:
            goals.own_goal(graph, learner.uid, goal_uid)
        except NotFound:
            raise InvalidInput(f"goal_uid {goal_uid!r} is no goal you pursue") from None
    profile.record(graph, request, learner, "write")
    rows = graph.write(
        "mentor_requests/create_request",
        learner_uid=learner.uid,
        uid=profile.time_ordered_uid(),
        props={"hope": hope, "goal_uid": goal_uid, "interest": interest},
        now=clock.now(),
    )
    if not rows:
        raise NotFound(f"no learner with uid {learner.uid!r}")
    if rows[0]["uid"] is None:
        existing = rows[0]["existing"]
        raise Conflict("you have an open mentor request already", request_uid=existing)
    return REQUESTS.get(graph, rows[0]["uid"])


def own(graph: Graph, request: audit.Request) -> list[dict[str, Any]]:
    """Return the learner's mentor requests, newest first."""
    learner = profile.me(graph, request)
    rows = graph.read(
        "mentor_requests/list_requests",
        learner_uid=learner.uid, visible=None, organization=None, status=None, after="",
        limit=profile.OWN_LIST_MAX, today=clock.today(),
    )  # fmt: skip
    profile.record(graph, request, learner, "read")
    return [REQUESTS.answer(row) for row in rows]


def withdraw(graph: Graph, request: audit.Request, uid: str) -> dict[str, Any]:
    """Withdraw the learner's open request."""
    return REQUESTS.withdraw(graph, request, uid)


# The counselor's side


def _staff(request: audit.Request, scope: Scope) -> Caller:
    caller = profile.signed_in(request, scope)
    if caller.role not in STAFF:
        raise Forbidden("mentor requests are for admins, school admins and counselors")
    return caller


def list_requests(
    graph: Graph,
    request: audit.Request,
    *,
    status: str | None,
    organization: str | None,
    cursor: str | None,
    limit: int,
) -> Page:
    """Return one page of the requests of the learners the caller sees, oldest first."""
    caller = _staff(request, Scope.READ)
    visible = visibility.visible_learners(graph, caller)
    rows = graph.read(
        "mentor_requests/list_requests",
        learner_uid=None, visible=None if visible is None else sorted(visible),
        organization=organization, status=status, after=decode(cursor), limit=limit + 1,
        today=clock.today(),
    )  # fmt: skip
    page = page_of([REQUESTS.answer(row) for row in rows], limit)
    learners = [item["learner_uid"] for item in page.items]
    audit.record(graph, request, "read", ReportScope(visible).purposes(learners))
    return page


def get(graph: Graph, request: audit.Request, uid: str) -> dict[str, Any]:
    """Return one request: to staff who see the learner, and to the learner themself."""
    caller = profile.signed_in(request, Scope.READ)
    if caller.role is Role.LEARNER:
        learner = profile.me(graph, request)
        found = REQUESTS.get(graph, uid)
        if found["learner_uid"] != learner.uid:
            raise NotFound(f"no mentor request with uid {uid!r}")
        profile.record(graph, request, learner, "read")
        return found
    _staff(request, Scope.READ)
    found = REQUESTS.get(graph, uid)
    purpose = visibility.learner_purpose(graph, caller, found["learner_uid"])
    audit.record(graph, request, "read", {found["learner_uid"]: purpose})
    return found


def _deciding(graph: Graph, request: audit.Request, uid: str) -> tuple[Caller, dict[str, Any]]:
    """Return the caller and the open request they may decide, recorded as a write."""
    caller = _staff(request, Scope.WRITE)
    found = REQUESTS.get(graph, uid)
    purpose = match_purpose(graph, caller, found["learner_uid"])  # 404 if not seen
    REQUESTS.expect_waiting(found)
    audit.record(graph, request, "write", {found["learner_uid"]: purpose})
    return caller, found


def assign(
    graph: Graph, request: audit.Request, uid: str, adult_uid: str, rel_type: RelType
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Assign an adult (or a cleared expert, as a proposed connection) to the learner;
    return the request and the relationship made (by the rule of every new relationship,
    `runner.accept_match`), in one transaction."""
    with audit.operation(graph, request, "write") as op:
        caller, found = _deciding(op.graph, request, uid)
        op.aim(found["learner_uid"])
        made = runner.accept_match(
            op, caller, found["learner_uid"], adult_uid, rel_type, source=Source.LEARNER_REQUESTED
        )
        props = {"status": "assigned", "adult_uid": adult_uid, "relationship_uid": made["uid"]}
        REQUESTS.decide(op.graph, uid, props | {"decided_by": profile.actor_uid(caller)})
        return REQUESTS.get(op.graph, uid), made


def decline(graph: Graph, request: audit.Request, uid: str, reason: str) -> dict[str, Any]:
    """Decline an open request, with the reason the learner will read."""
    caller, _ = _deciding(graph, request, uid)
    decided_by = profile.actor_uid(caller)
    REQUESTS.decide(graph, uid, {"status": "declined", "reason": reason, "decided_by": decided_by})
    return REQUESTS.get(graph, uid)


def suggestions(graph: Graph, request: audit.Request, uid: str, limit: int) -> dict[str, Any]:
    """Return the mentor-match analytic's ranked candidates for the request's learner.

    The analytic runs for this one learner whether or not they have a caring adult
    already: they asked for a mentor, so the counselor sees candidates either way.
    """
    caller = _staff(request, Scope.READ)
    found = REQUESTS.get(graph, uid)
    learner_uid = found["learner_uid"]
    purpose = visibility.learner_purpose(graph, caller, learner_uid)
    report = runner.run(
        graph,
        "mentor-matches",
        options=runner.Options(limit=limit),
        caring_types=(),
        scope=ReportScope({learner_uid: purpose}),
    )
    audit.record(graph, request, "read", {learner_uid: purpose})
    none = {"learner_uid": learner_uid, "learner_name": found["learner_name"] or ""}
    empty = none | {"assigned_uid": None, "assigned_name": None, "candidates": []}
    return next(iter(report.data["items"]), empty)
