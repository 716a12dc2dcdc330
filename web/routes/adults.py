"""`/adults/{uid}`: an adult's caseload against their capacity, their mentees and their
communities (`lrm_graph.homes.adults`); 404, as in the API, for an adult the caller may
not read."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Request
from starlette.responses import Response

from api.deps import GraphDep
from lrm_graph.homes import adults
from web.pages import render
from web.routing import web_router
from web.session import AuditDep, SessionDep

router = web_router(prefix="/adults", tags=["web"])
Uid = Annotated[str, Path(min_length=1, max_length=128)]


@router.get("/{uid}")
def adult_page(
    uid: Uid, request: Request, session: SessionDep, asking: AuditDep, graph: GraphDep
) -> Response:
    """Show the adult as the caller may see them."""
    page = adults.adult_page(graph, asking, uid)
    return render(request, session, "adults/page.html", {"page": page})
