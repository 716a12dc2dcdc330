"""Communities in the learner's own voice (/v1/me/communities, /v1/me/join-requests), and
requests to join closed communities, decided by those who run them (/v1/join-requests).
"""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Response, status

from api.deps import GraphDep, PageLimitDep
from api.disclosure import AuditDep
from api.schemas.relationships import RelationshipOut
from api.schemas.voice import (
    CommunityJoin,
    CommunityList,
    Decline,
    JoinOut,
    JoinRequestList,
    JoinRequestOut,
    JoinRequestPage,
)
from lrm_graph.voice import communities, profile

router = APIRouter(tags=["join-requests"])
Uid = Annotated[str, Path(min_length=1, max_length=128)]
JoinStatus = Literal["pending", "approved", "declined", "withdrawn"]


@router.get("/me/communities", response_model=CommunityList, tags=["me"])
def my_communities(graph: GraphDep, request: AuditDep) -> Any:
    return {"items": profile.own_ties(graph, request, "voice/list_communities")}


@router.post(
    "/me/communities",
    status_code=status.HTTP_201_CREATED,
    response_model=JoinOut,
    responses={202: {"model": JoinOut, "description": "A closed community: request made."}},
    tags=["me"],
)
def join_community(
    body: CommunityJoin, graph: GraphDep, request: AuditDep, response: Response
) -> Any:
    """Join an open community now (201), or ask to join a closed one (202)."""
    joined = communities.join(graph, request, body.community_uid)
    if joined["status"] == "requested":
        response.status_code = status.HTTP_202_ACCEPTED
        response.headers["Location"] = f"/v1/me/join-requests/{joined['request_uid']}"
    return joined


@router.delete("/me/communities/{uid}", response_model=RelationshipOut, tags=["me"])
def leave_community(uid: Uid, graph: GraphDep, request: AuditDep) -> Any:
    """Leave a community: your MEMBER_OF ends today; its history stays."""
    return communities.leave(graph, request, uid)


@router.get("/me/join-requests", response_model=JoinRequestList, tags=["me"])
def my_join_requests(graph: GraphDep, request: AuditDep) -> Any:
    """Your requests to join closed communities, newest first."""
    return {"items": communities.own_requests(graph, request)}


@router.delete("/me/join-requests/{uid}", response_model=JoinRequestOut, tags=["me"])
def withdraw_join_request(uid: Uid, graph: GraphDep, request: AuditDep) -> Any:
    """Withdraw a pending request of yours."""
    return communities.withdraw(graph, request, uid)


@router.get("/join-requests", response_model=JoinRequestPage)
def list_join_requests(
    graph: GraphDep,
    request: AuditDep,
    limit: PageLimitDep,
    community: Annotated[str | None, Query(max_length=128)] = None,
    status: JoinStatus | None = None,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
) -> Any:
    """The join requests you decide, oldest first: the district admin all; a school admin
    or counselor those of their organization's communities; an adult those of the
    communities they lead or teach."""
    page = communities.list_requests(
        graph, request, community=community, status=status, cursor=cursor, limit=limit
    )
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.post("/join-requests/{uid}/approve", response_model=JoinRequestOut)
def approve_join_request(uid: Uid, graph: GraphDep, request: AuditDep) -> Any:
    """Approve a pending request: the learner is a member from today."""
    return communities.approve(graph, request, uid)


@router.post("/join-requests/{uid}/decline", response_model=JoinRequestOut)
def decline_join_request(uid: Uid, body: Decline, graph: GraphDep, request: AuditDep) -> Any:
    """Decline a pending request, with a reason the learner will read."""
    return communities.decline(graph, request, uid, body.reason)
