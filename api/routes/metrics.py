"""Prometheus metrics of this process."""

from __future__ import annotations

from fastapi import APIRouter, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

router = APIRouter(tags=["health"])


@router.get(
    "/metrics",
    response_class=Response,
    operation_id="metrics",
    responses={200: {"content": {CONTENT_TYPE_LATEST.split(";")[0]: {}}}},
)
def metrics() -> Response:
    """Answer the metrics in Prometheus's text format (requests, queries, pool, imports)."""
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
