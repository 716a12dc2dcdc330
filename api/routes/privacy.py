"""A family's rights over a learner's record: the export, the district's legal-hold export,
and what erasure leaves behind.

Erasing itself is `POST /v1/learners/{uid}/erase` (the learners router calls
`lrm_graph.privacy.family_rights.erase_learner`).
"""

from typing import Annotated, Any

from fastapi import APIRouter, Path

from api.auth import CallerDep
from api.deps import GraphDep
from api.disclosure import AuditDep
from api.schemas.privacy import ErasedCounts, LearnerExport, LegalHoldRequest
from lrm_graph.privacy import family_rights

router = APIRouter(tags=["privacy"])
Uid = Annotated[str, Path(min_length=1, max_length=128)]


@router.get("/learners/{uid}/export", response_model=LearnerExport)
def export_learner(uid: Uid, graph: GraphDep, request: AuditDep) -> Any:
    """Everything kept about a learner, as JSON, for an inspection request: an admin, the
    learner themself or their guardian. Recorded in the audit as an export."""
    return family_rights.export_learner(graph, request, uid)


@router.post("/learners/{uid}/legal-hold-export", response_model=LearnerExport)
def legal_hold_export(uid: Uid, body: LegalHoldRequest, graph: GraphDep, request: AuditDep) -> Any:
    """Everything kept about a learner, every note included (`private` ones too), for a
    legal hold: for district admins only, with the reason recorded in the audit as a
    `legal_hold_export`. Not for inspection requests: those use the export."""
    return family_rights.legal_hold_export(graph, request, uid, body.reason)


@router.get("/erased-learners", response_model=ErasedCounts)
def erased_learners(graph: GraphDep, caller: CallerDep) -> Any:
    """How many learners were erased, per school and grade: all that erasure keeps."""
    return {"items": family_rights.erased_counts(graph, caller)}
