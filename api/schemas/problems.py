"""The one error shape, documented: every 4xx and 5xx answer is RFC 9457 problem+json."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Problem(BaseModel):
    """An error (api/errors.py makes every one of them); some carry more members."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(description="/problems/<name>: the page that explains the type.")
    title: str
    status: int
    detail: str
    instance: str = Field(description="The path of the request.")


_PROBLEM = {"application/problem+json": {"schema": Problem.model_json_schema()}}

# Given to FastAPI for every operation. With a "4XX" entry, FastAPI no longer documents
# its own 422 body (HTTPValidationError), which this API never sends.
PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    "4XX": {"description": "A problem with the request (problem+json).", "content": _PROBLEM},
    "5XX": {"description": "A problem on our side (problem+json).", "content": _PROBLEM},
}
