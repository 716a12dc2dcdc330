"""What the analytics tests share: hand-made projections, API calls, the CLI's environment."""

from __future__ import annotations

import csv
import io
from typing import Any

import networkx as nx
from fastapi.testclient import TestClient

from analytics.projection import add_node, add_relationship, new_graph
from tests import factories


def handmade(nodes: dict[str, Any], edges: list[tuple[str, str, str]]) -> nx.MultiDiGraph:
    """Build a projection by hand: uid -> kind (or (kind, {attrs})), and (start, end, type)."""
    G = new_graph()
    for uid, spec in nodes.items():
        kind, attrs = (spec, {}) if isinstance(spec, str) else spec
        add_node(G, uid, kind, attrs.pop("name", uid.upper()), **attrs)
    for start, end, rel_type in edges:
        add_relationship(G, start, end, rel_type)
    return G


def analytic(client: TestClient, name: str, **params: Any) -> dict[str, Any]:
    """GET an analytic as JSON; assert it answered 200."""
    response = client.get(f"/v1/analytics/{name}", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def relate(client: TestClient, rel_type: str, start: dict, end: dict, **fields: Any) -> dict:
    return factories.relate(client, rel_type, start["uid"], end["uid"], **fields)


def end(client: TestClient, relationship: dict) -> None:
    response = client.post(f"/v1/relationships/{relationship['uid']}/end", json={})
    assert response.status_code == 200, response.text
