"""The one error shape, documented: every 4xx and 5xx answer is RFC 9457 problem+json."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Problem(BaseModel):
    """An error (api/errors.py makes every one of them); some carry more members."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(description="/problems/<name>: the page that explains the type.")
    title: str
    status: int
    detail: str
    instance: str = Field(description="The path of the request.")
