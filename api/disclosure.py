"""The audit context of a request: who asks, for what, from where."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.auth import CallerDep
from lrm_graph.access import audit


def request_label(request: Request) -> str:
    return f"{request.method} {request.url.path}"


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None


def audit_request(request: Request, caller: CallerDep) -> audit.Request:
    """Return the audit context of this request (the caller is signed in)."""
    return audit.Request(caller, request_label(request), client_ip(request))


AuditDep = Annotated[audit.Request, Depends(audit_request)]
