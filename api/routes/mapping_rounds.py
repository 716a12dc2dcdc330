"""Relationship mapping rounds: open, list, roster, mark, name, close, compare.

Each handler calls `lrm_graph.mapping.rounds` / `mapping_marks` / `mapping_diff`, which
check who may do what (404 for a round of an organization the caller takes no part in,
403 for one they may see but not do this in) and record in the audit every learner an
answer discloses or a mark touches.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response, status

from api.auth import CallerDep
from api.deps import GraphDep, PageLimitDep
from api.disclosure import AuditDep
from api.schemas.mapping import (
    DiffOut,
    MarkResults,
    MarksIn,
    RosterOut,
    RoundCreate,
    RoundOut,
    RoundPage,
    TrustedIn,
)
from lrm_graph.mapping import diff, marks, rounds
from lrm_graph.mapping.rounds import MarkBy, RoundStatus
from lrm_graph.store.fields import Grade

router = APIRouter(prefix="/mapping-rounds", tags=["mapping-rounds"])
Uid = Annotated[str, Path(min_length=1, max_length=128)]


@router.post("", status_code=status.HTTP_201_CREATED, response_model=RoundOut)
def open_round(body: RoundCreate, graph: GraphDep, request: AuditDep, response: Response) -> Any:
    """Open a round at an organization: the district admin, or a school admin or counselor
    of that organization. 409 while another round is open there."""
    opened = rounds.open_round(graph, request, body.name, body.organization_uid)
    response.headers["Location"] = f"/v1/mapping-rounds/{opened['uid']}"
    return opened


@router.get("", response_model=RoundPage)
def list_rounds(
    graph: GraphDep,
    caller: CallerDep,
    limit: PageLimitDep,
    organization: Annotated[str | None, Query(max_length=128)] = None,
    status: RoundStatus | None = None,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
) -> Any:
    """List the rounds of the organizations you take part in, in uid order."""
    page = rounds.list_rounds(
        graph, caller, organization=organization, status=status, cursor=cursor, limit=limit
    )
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.get("/{uid}", response_model=RoundOut)
def get_round(uid: Uid, graph: GraphDep, caller: CallerDep) -> Any:
    return rounds.read_round(graph, caller, uid)[0]


@router.get("/{uid}/roster", response_model=RosterOut)
def get_roster(
    uid: Uid, graph: GraphDep, request: AuditDep, grade: Annotated[Grade | None, Query()] = None
) -> Any:
    """The learners enrolled at the round's organization, to mark: all of them for its
    school admins and counselors, and for the adults who work there while the round is
    open; otherwise only the learners you see through your own relationships."""
    return rounds.roster(graph, request, uid, grade)


@router.post("/{uid}/marks", response_model=MarkResults)
def mark_learners(uid: Uid, body: MarksIn, graph: GraphDep, request: AuditDep) -> Any:
    """Mark, as the signed-in adult, the learners you have a positive relationship with.
    Each row is accepted or rejected; marking twice keeps one mark."""
    return {"items": marks.mark_learners(graph, request, uid, body.learner_uids)}


@router.delete("/{uid}/marks/{learner_uid}", status_code=status.HTTP_204_NO_CONTENT)
def take_back_mark(uid: Uid, learner_uid: Uid, graph: GraphDep, request: AuditDep) -> Response:
    marks.take_back(graph, request, uid, learner_uid, MarkBy.ADULT)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{uid}/trusted", response_model=MarkResults)
def name_trusted_adults(uid: Uid, body: TrustedIn, graph: GraphDep, request: AuditDep) -> Any:
    """Name, as a signed-in learner enrolled there, the adults you trust."""
    return {"items": marks.name_adults(graph, request, uid, body.adult_uids)}


@router.delete("/{uid}/trusted/{adult_uid}", status_code=status.HTTP_204_NO_CONTENT)
def take_back_name(uid: Uid, adult_uid: Uid, graph: GraphDep, request: AuditDep) -> Response:
    marks.take_back(graph, request, uid, adult_uid, MarkBy.LEARNER)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{uid}/close", response_model=RoundOut)
def close_round(uid: Uid, graph: GraphDep, request: AuditDep) -> Any:
    """Close the round (those who open rounds); it takes no more marks."""
    return rounds.close_round(graph, request, uid)


@router.get("/{uid}/diff", response_model=DiffOut)
def diff_round(
    uid: Uid,
    graph: GraphDep,
    request: AuditDep,
    against: Annotated[str | None, Query(min_length=1, max_length=128)] = None,
) -> Any:
    """Compare with the previous closed round of the organization (or `against`): ties
    gained and lost, learners with no tie, and whether assigned mentors are named."""
    return diff.diff(graph, request, uid, against)
