"""The page that explains each problem type: an answer's `type` resolves here."""

from __future__ import annotations

import html

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from api.routes.oidc import plain_page
from lrm_graph import problem_types
from lrm_graph.errors import NotFound

router = APIRouter(tags=["problems"])


@router.get(
    "/problems/{name}",
    response_class=HTMLResponse,
    operation_id="problems_explain",
    responses={200: {"content": {"text/html": {}}}},
)
def explain(name: str) -> HTMLResponse:
    """Explain one problem type: its title, its status and what to do about it."""
    kind = problem_types.named(name)
    if kind is None:
        raise NotFound(f"no problem type named {name!r}")
    body = (
        f"<p><code>type</code>: <code>{html.escape(kind.uri)}</code></p>"
        f"<p>Status: {kind.status}</p><p>{html.escape(kind.explanation)}</p>"
        "<p><a href='/problems'>Every problem type</a></p>"
    )
    return plain_page(kind.title, body)


@router.get(
    "/problems",
    response_class=HTMLResponse,
    operation_id="problems_list",
    responses={200: {"content": {"text/html": {}}}},
)
def catalogue() -> HTMLResponse:
    """List every problem type the API answers with."""
    items = "".join(
        f"<li><a href='{html.escape(k.uri)}'>{html.escape(k.title)}</a> ({k.status})</li>"
        for k in problem_types.CATALOGUE.values()
    )
    return plain_page("Problem types", f"<ul>{items}</ul>")
