"""`/learners/{uid}`: a learner at a glance, read-only (`lrm_graph.care.overview`), for
anyone who sees them; 404, as in the API, for anyone who does not. The staff's learner
page (the network picture, the care team's records, the brief) builds on this path."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Request
from starlette.responses import Response

from api.deps import GraphDep
from lrm_graph.care import overview
from web.pages import render
from web.routing import web_router
from web.session import AuditDep, SessionDep

router = web_router(prefix="/learners", tags=["web"])
Uid = Annotated[str, Path(min_length=1, max_length=128)]


@router.get("/{uid}")
def learner_page(
    uid: Uid, request: Request, session: SessionDep, asking: AuditDep, graph: GraphDep
) -> Response:
    """Show the learner at a glance, as the caller may see them."""
    page = overview.overview(graph, asking, uid)
    return render(request, session, "learners/overview.html", {"page": page})
