"""`/search?q=`: where the search box of every page leads. Results that tell people apart
come with the search use case; until then the page says so and points to the API."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request
from starlette.responses import Response

from web.pages import render
from web.routing import web_router
from web.session import CallerDep, SessionDep

router = web_router(tags=["web"])


@router.get("/search")
def search(
    request: Request,
    session: SessionDep,
    _caller: CallerDep,
    q: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    """Say that search results are not in the web app yet (501), with the words asked."""
    return render(request, session, "search.html", {"q": q}, status_code=501)
