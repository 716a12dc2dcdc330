"""The web session's cookie: it holds a sign-in token from `accounts` (the same tokens as
the API's bearer tokens), so that revoking the token, disabling the account, the person
leaving the roster or the provider's back-channel logout ends the web session too.

One function says how the cookie is set, for every way of signing in (the web's password
form, a provider's callback, an invitation): `session_cookie`. Interfaces apply it with
`response.set_cookie(**session_cookie(...).as_kwargs())`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from lrm_graph import clock
from lrm_graph.auth.accounts import IssuedToken

SESSION_COOKIE = "lrm_session"


@dataclass(frozen=True)
class Cookie:
    name: str
    value: str
    max_age: int
    secure: bool
    httponly: bool = True
    samesite: Literal["lax", "strict", "none"] = "lax"
    path: str = "/"

    def as_kwargs(self) -> dict[str, Any]:
        return {
            "key": self.name,
            "value": self.value,
            "max_age": self.max_age,
            "secure": self.secure,
            "httponly": self.httponly,
            "samesite": self.samesite,
            "path": self.path,
        }


def session_cookie(issued: IssuedToken, *, secure: bool) -> Cookie:
    """Return the session cookie for a sign-in token: HttpOnly, SameSite=Lax (a provider's
    redirect back is a top-level GET, which Lax lets through), Secure over TLS, and no
    longer-lived than the token."""
    seconds = max(0, int((issued.expires_at - clock.now()).total_seconds()))
    return Cookie(SESSION_COOKIE, issued.access_token, seconds, secure)
