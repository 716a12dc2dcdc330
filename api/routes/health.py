"""Liveness and readiness."""

from fastapi import APIRouter, Request

from api.deps import GraphDep
from lrm_graph.db import schema

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """Say the process is alive (it does not touch the database)."""
    return {"status": "ok"}


@router.get("/readyz")
def readyz(request: Request, graph: GraphDep) -> dict[str, str]:
    """Say the database answers (503 problem+json when it does not)."""
    graph.ping()
    if not request.app.state.schema_ready:
        schema.apply(graph)
        request.app.state.schema_ready = True
    return {"status": "ready"}
