"""Who is calling: the bearer token or API key of each request, as a `Caller`."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer

from api.deps import GraphDep
from lrm_graph import problem_types
from lrm_graph.auth.caller import Caller, Scope
from lrm_graph.auth.callers import CheckedCallers
from lrm_graph.errors import Forbidden, LrmError

# OAuth2 password flow for people; systems send their API key the same way (Bearer).
bearer = OAuth2PasswordBearer(tokenUrl="/v1/auth/token", auto_error=False)


class Unauthorized(LrmError):
    problem = problem_types.SIGN_IN_NEEDED


def checked_callers(request: Request) -> CheckedCallers:
    """Return the callers this app checked lately (`token_cache_seconds`)."""
    callers: CheckedCallers = request.app.state.callers
    return callers


def current_caller(
    request: Request, graph: GraphDep, token: Annotated[str | None, Depends(bearer)]
) -> Caller:
    """Return the caller of this request, or answer 401."""
    if not token:
        raise Unauthorized("sign in first: send Authorization: Bearer <token or API key>")
    caller = checked_callers(request).caller_for(graph, token)
    if caller is None:
        raise Unauthorized("the token or key is not valid, has expired or was revoked")
    request.state.caller = caller
    return caller


CallerDep = Annotated[Caller, Depends(current_caller)]


def require_scope(caller: Caller, scope: Scope) -> None:
    """Answer 403 unless the caller holds `scope`."""
    if not caller.has_scope(scope):
        raise Forbidden(f"this needs the {scope.value!r} scope")
