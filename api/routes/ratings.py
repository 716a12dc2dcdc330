"""Relationship quality on the Developmental Relationships Framework: rate, read ratings.

`lrm_graph.records.ratings` decides who may (404 for a relationship of a learner the caller may
not see, 403 for one they see but are not an end of) and records the learner in the
audit before answering.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Path, status

from api.deps import GraphDep
from api.disclosure import AuditDep
from api.schemas.ratings import RatingIn, RatingOut, RatingsOut
from lrm_graph.records import ratings

router = APIRouter(prefix="/relationships", tags=["ratings"])
Uid = Annotated[str, Path(min_length=1, max_length=256)]


@router.post("/{uid}/ratings", status_code=status.HTTP_201_CREATED, response_model=RatingOut)
def rate_relationship(uid: Uid, body: RatingIn, graph: GraphDep, request: AuditDep) -> Any:
    """Rate an active caring relationship (or a learner's TRUSTS) as one of its two ends:
    express care, challenge growth, provide support, share power, expand possibilities,
    each 1 to 5; at least one."""
    return ratings.rate(graph, request, uid, body.model_dump())


@router.get("/{uid}/ratings", response_model=RatingsOut)
def list_ratings(uid: Uid, graph: GraphDep, request: AuditDep) -> Any:
    """The ratings of a relationship, newest first, and the latest score of each element:
    for its two ends, and admins and counselors who see the learner."""
    return ratings.ratings_of(graph, request, uid)
