"""Mentor requests: the learner asks (/v1/me/mentor-requests); a counselor assigns,
declines or looks at suggestions (/v1/mentor-requests). See `lrm_graph.voice.mentor_requests`.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response, status

from api.deps import GraphDep, PageLimitDep
from api.disclosure import AuditDep
from api.schemas.analytics import MentorMatchOut
from api.schemas.mentor_requests import (
    Assign,
    AssignmentOut,
    MentorRequestCreate,
    MentorRequestList,
    MentorRequestOut,
    MentorRequestPage,
    Status,
)
from api.schemas.voice import Decline
from lrm_graph.analysis import runner
from lrm_graph.vocabulary import RelType
from lrm_graph.voice import mentor_requests

router = APIRouter(tags=["mentor-requests"])
Uid = Annotated[str, Path(min_length=1, max_length=128)]


@router.post(
    "/me/mentor-requests",
    status_code=status.HTTP_201_CREATED,
    response_model=MentorRequestOut,
    tags=["me"],
)
def ask_for_mentor(
    body: MentorRequestCreate, graph: GraphDep, request: AuditDep, response: Response
) -> Any:
    """Ask for a mentor, saying what you hope for (a goal you pursue, an interest). One
    open request at a time: 409 while another waits."""
    made = mentor_requests.ask(graph, request, body.hope, body.goal_uid, body.interest)
    response.headers["Location"] = f"/v1/mentor-requests/{made['uid']}"
    return made


@router.get("/me/mentor-requests", response_model=MentorRequestList, tags=["me"])
def my_mentor_requests(graph: GraphDep, request: AuditDep) -> Any:
    """Your mentor requests, newest first, with what became of each."""
    return {"items": mentor_requests.own(graph, request)}


@router.delete("/me/mentor-requests/{uid}", response_model=MentorRequestOut, tags=["me"])
def withdraw_mentor_request(uid: Uid, graph: GraphDep, request: AuditDep) -> Any:
    """Withdraw your open request."""
    return mentor_requests.withdraw(graph, request, uid)


@router.get("/mentor-requests", response_model=MentorRequestPage)
def list_mentor_requests(
    graph: GraphDep,
    request: AuditDep,
    limit: PageLimitDep,
    status: Status | None = None,
    organization: Annotated[str | None, Query(max_length=128)] = None,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
) -> Any:
    """The mentor requests of the learners you see, oldest first (admins, school admins,
    counselors); `organization`: of learners enrolled there."""
    page = mentor_requests.list_requests(
        graph, request, status=status, organization=organization, cursor=cursor, limit=limit
    )
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.get("/mentor-requests/{uid}", response_model=MentorRequestOut)
def get_mentor_request(uid: Uid, graph: GraphDep, request: AuditDep) -> Any:
    return mentor_requests.get(graph, request, uid)


@router.post("/mentor-requests/{uid}/assign", response_model=AssignmentOut)
def assign_mentor(uid: Uid, body: Assign, graph: GraphDep, request: AuditDep) -> Any:
    """Give the learner a caring adult: the relationship is made with source
    learner_requested (an expert's is a proposed connection, see /v1/connections); 409
    when the adult has no caseload room or the request is not open."""
    found, made = mentor_requests.assign(graph, request, uid, body.adult_uid, RelType(body.type))
    return {"request": found, "relationship": made}


@router.post("/mentor-requests/{uid}/decline", response_model=MentorRequestOut)
def decline_mentor_request(uid: Uid, body: Decline, graph: GraphDep, request: AuditDep) -> Any:
    """Decline an open request, with a reason the learner will read."""
    return mentor_requests.decline(graph, request, uid, body.reason)


@router.get("/mentor-requests/{uid}/suggestions", response_model=MentorMatchOut)
def suggest_mentors(
    uid: Uid,
    graph: GraphDep,
    request: AuditDep,
    limit: Annotated[int, Query(ge=1, le=runner.LIMIT_MAX)] = 5,
) -> Any:
    """The mentor-match analytic's candidates for the learner, best first: a suggestion
    for you to act on (assign), nothing more."""
    return mentor_requests.suggestions(graph, request, uid, limit)
