"""Web routes answer errors with a plain page, not problem+json.

Every web router is made with `web_router()`: its routes check the CSRF token on every
unsafe method, send a caller who is not signed in to the sign-in page, and turn an error
into the error page with the same status the API would answer (a learner the caller may
not see: 404). Refusals are recorded in the audit as the API's error handler records them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response

from api.errors import record_denial
from lrm_graph.errors import LrmError
from web.pages import error_page
from web.session import CsrfRefused, SignInNeeded, check_csrf

log = logging.getLogger("lrm_graph.web")
SIGN_IN_PAGE = "/"
RESEND = (
    "This form could not be accepted: it did not come from a page of this session. Go back, "
    "reload the page and send the form again."
)
Handler = Callable[[Request], Coroutine[Any, Any, Response]]


class WebRoute(APIRoute):
    """A route whose errors are pages."""

    def get_route_handler(self) -> Handler:
        handler = super().get_route_handler()

        async def answered(request: Request) -> Response:
            try:
                return await handler(request)
            except SignInNeeded:
                return RedirectResponse(SIGN_IN_PAGE, status_code=303)
            except CsrfRefused as exc:
                record_denial(request, exc)
                return _error(request, exc.status, exc.detail, RESEND)
            except LrmError as exc:
                record_denial(request, exc)  # as the API records a denied request
                return _error(request, exc.status, exc.detail)
            except RequestValidationError as exc:
                return _error(request, 422, _invalid(exc))
            except HTTPException as exc:
                return _error(request, exc.status_code, str(exc.detail))
            except Exception:
                log.exception("unexpected error on %s %s", request.method, request.url.path)
                return _error(request, 500, "something went wrong on our side; it has been logged")

        return answered


def web_router(**kwargs: Any) -> APIRouter:
    """Return a router of pages: errors as pages, every unsafe method CSRF-checked."""
    return APIRouter(route_class=WebRoute, dependencies=[Depends(check_csrf)], **kwargs)


def _error(request: Request, status: int, detail: str, explanation: str | None = None) -> Response:
    session = getattr(request.state, "web_session", None)
    return error_page(request, session, status, detail, explanation)


def _invalid(exc: RequestValidationError) -> str:
    fields = sorted({str(e.get("loc", ("", ""))[-1]) for e in exc.errors()})
    return "some of what the form sent is missing or not valid: " + ", ".join(fields)
