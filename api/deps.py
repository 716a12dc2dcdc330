"""Shared dependencies as `Annotated` aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.errors import InvalidInput


def get_graph(request: Request) -> Graph:
    graph: Graph = request.app.state.graph
    return graph


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


GraphDep = Annotated[Graph, Depends(get_graph)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]


def page_limit(settings: SettingsDep, limit: Annotated[int, Query(ge=1)] = 50) -> int:
    """Return the page size asked for (`?limit=`), or 422 over the largest page allowed."""
    if limit > settings.page_size_max:
        raise InvalidInput(f"limit may be at most {settings.page_size_max}")
    return limit


PageLimitDep = Annotated[int, Depends(page_limit)]
