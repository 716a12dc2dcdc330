"""Shared dependencies as `Annotated` aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from lrm_graph.config import Settings
from lrm_graph.graph import Graph


def get_graph(request: Request) -> Graph:
    graph: Graph = request.app.state.graph
    return graph


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


GraphDep = Annotated[Graph, Depends(get_graph)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
