"""`/search?q=`: where the search box of every page leads. People and communities by name
(`lrm_graph.records.question_cases.search`, as `GET /v1/search`), each result with what tells
it apart: its kind, an adult's roles, a learner's grade, their school."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request
from starlette.responses import Response

from api.deps import GraphDep
from lrm_graph.records import question_cases
from web.pages import render
from web.routing import web_router
from web.session import AuditDep, SessionDep

router = web_router(tags=["web"])
LIMIT = 50


@router.get("/search")
def search(
    request: Request,
    session: SessionDep,
    asking: AuditDep,
    graph: GraphDep,
    q: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    """Show the people and communities whose names match `q`, as the caller may see them."""
    items = question_cases.search(graph, asking, q, LIMIT) if q.strip() else None
    return render(request, session, "search.html", {"q": q, "items": items, "limit": LIMIT})
