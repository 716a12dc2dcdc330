"""Rendering: the Jinja2 templates, the headers every page carries, and the error page."""

from __future__ import annotations

from http import HTTPStatus
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse

from lrm_graph.auth.caller import Scope
from web.session import CSRF_FIELD, WebSession

HERE = Path(__file__).resolve().parent
TEMPLATES = Jinja2Templates(directory=HERE / "templates")  # .html autoescaped
STATIC_DIR = HERE / "static"
# How a page names the ways an adult cares for a learner (the caring relationship types).
TEMPLATES.env.globals["care_words"] = {
    "MENTORS": "mentor",
    "ADVISES": "advisor",
    "COACHES": "coach",
    "COUNSELS": "counselor",
    "TRUSTS": "trusted: named by the learner",
}
# A day in short, as a chart's axis and its table's columns say it: "6 Sep".
TEMPLATES.env.filters["short_day"] = lambda day: day.strftime("%-d %b")
# Who may read a note, as a note's page says it (lrm_graph.care.notes).
TEMPLATES.env.globals["visibility_words"] = {
    "private": "private: its author only",
    "care_team": "for the care team",
    "learner": "shared with the learner",
    "guardian": "shared with guardians",
}

# Scripts and styles come only from this server (the vendored files): no inline script,
# no CDN; no other site may frame a page (a form could be clicked through a frame).
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",  # pages hold learners' data: not kept by the browser
}


def render(
    request: Request,
    session: WebSession,
    template: str,
    context: dict[str, Any] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """Render a page with what the layout needs: the caller, the form token."""
    values = {
        "caller": session.caller,
        "csrf_field": CSRF_FIELD,
        "csrf_token": session.csrf_token,
        "can_import": session.caller is not None and session.caller.has_scope(Scope.IMPORT),
        **(context or {}),
    }
    response = TEMPLATES.TemplateResponse(request, template, values, status_code=status_code)
    response.headers.update(SECURITY_HEADERS)
    session.set_cookies(request, response)
    return response


def error_page(
    request: Request,
    session: WebSession | None,
    status_code: int,
    detail: str,
    explanation: str | None = None,
) -> HTMLResponse:
    """Render the plain error page: what happened, in words, and a way back."""
    context = {"status": status_code, "title": HTTPStatus(status_code).phrase,
               "detail": detail, "explanation": explanation}  # fmt: skip
    if session is None:  # the session could not be read (the database did not answer)
        session = WebSession(None, None, "")
    return render(request, session, "error.html", context, status_code)
